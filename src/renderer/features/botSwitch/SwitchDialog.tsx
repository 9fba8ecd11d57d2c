/**
 * Confirms one switch: what callers will hear afterwards (bot greeting, agents ringing, the
 * queue), a reason for the log, an optional auto-revert, and for the global switch a second,
 * explicit confirmation.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SwitchChange } from '../../../shared/contract/services/botSwitchService';

export interface PendingSwitch {
  readonly scope: 'global' | 'line';
  readonly line: string | null;
  readonly mode: 'on' | 'off' | 'inherit';
  /** Whether the bot answers after the change (the preview). */
  readonly botAnswersAfter: boolean;
  /** Available agents of the line's client now (undefined: unknown or global). */
  readonly availableAgents?: number;
}

const REVERT_CHOICES = [30, 60, 120, 240] as const;

export function SwitchDialog(props: {
  pending: PendingSwitch;
  failed: boolean;
  onConfirm: (change: SwitchChange) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('botSwitch');
  const [reason, setReason] = useState('');
  const [revert, setRevert] = useState<number | null>(null);
  const [globalConfirmed, setGlobalConfirmed] = useState(false);
  const { pending } = props;
  const blocked = pending.scope === 'global' && !globalConfirmed;
  const target = pending.scope === 'global' ? t('global') : t('line', { line: pending.line ?? '' });
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="bot-switch-dialog-title"
      className="bot-switch-dialog"
    >
      <h2 id="bot-switch-dialog-title">{t('confirmTitle')}</h2>
      <p>
        {target}: {t(`modes.${pending.mode}`)}
      </p>
      <section aria-label={t('previewTitle')}>
        <h3>{t('previewTitle')}</h3>
        {pending.botAnswersAfter ? (
          <p data-preview="bot">{t('previewBot')}</p>
        ) : (
          <p data-preview="agents">{t('previewAgents')}</p>
        )}
        <p data-preview="queue">{t('previewQueue')}</p>
      </section>
      {!pending.botAnswersAfter && pending.availableAgents === 0 ? (
        <p role="alert" className="bot-switch-warning">
          {t('noAgentWarning')}
        </p>
      ) : null}
      <label>
        {t('reason')}
        <input value={reason} maxLength={200} onChange={(event) => setReason(event.target.value)} />
      </label>
      <label>
        {t('revert')}
        <select
          value={revert ?? ''}
          onChange={(event) =>
            setRevert(event.target.value === '' ? null : Number(event.target.value))
          }
        >
          <option value="">{t('revertNever')}</option>
          {REVERT_CHOICES.map((minutes) => (
            <option key={minutes} value={minutes}>
              {t('revertMinutes', { count: minutes })}
            </option>
          ))}
        </select>
      </label>
      {pending.scope === 'global' ? (
        <label>
          <input
            type="checkbox"
            checked={globalConfirmed}
            onChange={(event) => setGlobalConfirmed(event.target.checked)}
          />
          {t('globalConfirm')}
        </label>
      ) : null}
      {props.failed ? <p role="alert">{t('failed')}</p> : null}
      <div className="bot-switch-dialog-actions">
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <button
          type="button"
          disabled={blocked}
          onClick={() =>
            props.onConfirm({
              ...(reason.trim() ? { reason: reason.trim() } : {}),
              ...(revert ? { revertAfterMinutes: revert } : {}),
            })
          }
        >
          {t('confirm')}
        </button>
      </div>
    </div>
  );
}
