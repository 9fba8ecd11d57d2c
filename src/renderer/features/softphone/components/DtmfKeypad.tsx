/** Touch-tone keys for a connected call (IVRs, door openers); shows what was sent. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSoftphone } from '../softphoneContext';

export const KEYPAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

export function DtmfKeypad({ legId }: { legId: string }) {
  const { t } = useTranslation('softphone');
  const { engine } = useSoftphone();
  const [sent, setSent] = useState('');
  const press = async (digit: string) => {
    if (await engine.calls.sendDtmf(legId, digit))
      setSent((previous) => (previous + digit).slice(-24));
  };
  return (
    <div className="softphone-keypad" data-testid="softphone-dtmf">
      <div className="softphone-keys" role="group" aria-label={t('call.keypad')}>
        {KEYPAD_KEYS.map((digit) => (
          <button
            key={digit}
            type="button"
            aria-label={t('dialpad.digit', { digit })}
            data-dtmf={digit}
            onClick={() => void press(digit)}
          >
            {digit}
          </button>
        ))}
      </div>
      {sent ? <p className="softphone-hint">{t('call.dtmfSent', { digits: sent })}</p> : null}
    </div>
  );
}
