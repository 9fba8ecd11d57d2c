/** Target entry for a blind transfer or the consultation of an attended transfer. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePhoneNumber } from '../../../../shared/domain/phoneNumber';
import { useSoftphone } from '../softphoneContext';

export function TransferForm({
  legId,
  mode,
  onDone,
}: {
  legId: string;
  mode: 'blind' | 'consult';
  onDone(): void;
}) {
  const { t } = useTranslation('softphone');
  const { engine } = useSoftphone();
  const [target, setTarget] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (parsePhoneNumber(target).kind === 'invalid') {
      setInvalid(true);
      return;
    }
    onDone();
    if (mode === 'blind') void engine.calls.blindTransfer(legId, target);
    else void engine.calls.startConsultation(legId, target);
  };
  return (
    <form
      className="softphone-transfer"
      autoComplete="off"
      onSubmit={submit}
      data-testid={`softphone-${mode}-form`}
    >
      <label className="softphone-inline-field">
        <span>{t('call.transferTarget')}</span>
        <input
          value={target}
          inputMode="tel"
          maxLength={64}
          autoFocus
          aria-invalid={invalid}
          onChange={(event) => {
            setTarget(event.target.value);
            setInvalid(false);
          }}
        />
      </label>
      <button type="submit" className="primary">
        {mode === 'blind' ? t('call.transferNow') : t('call.consultNow')}
      </button>
      <button type="button" onClick={onDone}>
        {t('call.cancel')}
      </button>
      {invalid ? (
        <p className="form-error" role="alert">
          {t('call.errors.invalidTarget')}
        </p>
      ) : null}
    </form>
  );
}
