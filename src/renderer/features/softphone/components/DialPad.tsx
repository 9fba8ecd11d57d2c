/** Number entry with keys, call and redial. Invalid input is refused before anything is sent. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../app/state/appStore';
import { useSoftphone } from '../softphoneContext';
import { KEYPAD_KEYS } from './DtmfKeypad';

export function DialPad() {
  const { t } = useTranslation('softphone');
  const { store, engine } = useSoftphone();
  const lastDialled = useAppStore(store, (state) => state.lastDialled);
  const [number, setNumber] = useState('');
  const [problem, setProblem] = useState<'invalid' | 'notRegistered'>();

  const dial = async (target: string) => {
    const result = await engine.calls.dial(target);
    if (result.ok) {
      setNumber('');
      setProblem(undefined);
    } else setProblem(result.problem === 'invalid-number' ? 'invalid' : 'notRegistered');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void dial(number);
  };

  return (
    <section className="softphone-dialpad" aria-labelledby="softphone-dialpad-title">
      <h2 id="softphone-dialpad-title" className="softphone-heading">
        {t('dialpad.heading')}
      </h2>
      <form autoComplete="off" onSubmit={submit}>
        <label className="softphone-inline-field">
          <span>{t('dialpad.number')}</span>
          <input
            data-testid="softphone-dial-input"
            value={number}
            inputMode="tel"
            autoComplete="off"
            maxLength={64}
            aria-invalid={problem === 'invalid'}
            onChange={(event) => {
              setNumber(event.target.value);
              setProblem(undefined);
            }}
          />
        </label>
        <div className="softphone-keys" role="group" aria-label={t('dialpad.heading')}>
          {KEYPAD_KEYS.map((digit) => (
            <button
              key={digit}
              type="button"
              aria-label={t('dialpad.digit', { digit })}
              onClick={() => setNumber((previous) => (previous + digit).slice(0, 64))}
            >
              {digit}
            </button>
          ))}
        </div>
        <div className="softphone-actions">
          <button type="submit" className="primary" data-action="dial">
            {t('dialpad.call')}
          </button>
          <button
            type="button"
            data-action="redial"
            disabled={!lastDialled}
            title={lastDialled ? t('dialpad.redialTo', { number: lastDialled }) : undefined}
            onClick={() => lastDialled && void dial(lastDialled)}
          >
            {t('dialpad.redial')}
          </button>
        </div>
        {problem ? (
          <p className="form-error" role="alert" data-testid="softphone-dial-problem">
            {t(`dialpad.${problem}`)}
          </p>
        ) : null}
      </form>
    </section>
  );
}
