/**
 * The agent's presence. "Available" is refused while the phone is not registered, and the
 * watchdog sets "not ready" by itself when the link dies; both say why in a notice.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../app/state/appStore';
import type { Presence } from '../callStore';
import { useSoftphone } from '../softphoneContext';

const CHOICES = ['available', 'after-call-work', 'break', 'offline'] as const;
const BREAK_REASONS = ['lunch', 'short', 'meeting', 'training'] as const;

export function PresenceControl() {
  const { t } = useTranslation('softphone');
  const { store, engine } = useSoftphone();
  const presence = useAppStore(store, (state) => state.presence);
  const notice = useAppStore(store, (state) => state.presenceNotice);
  const breakReason = useAppStore(store, (state) => state.breakReason);
  const [reason, setReason] = useState<string>(BREAK_REASONS[0]);

  const choose = (choice: Exclude<Presence, 'not-ready'>) =>
    engine.setPresence(choice, choice === 'break' ? reason : undefined);

  return (
    <section className="softphone-presence" aria-labelledby="softphone-presence-title">
      <h2 id="softphone-presence-title" className="softphone-heading">
        {t('presence.label')}
      </h2>
      <p
        className="softphone-presence-current"
        data-testid="softphone-presence"
        data-presence={presence}
      >
        {t(`presence.states.${presence}`)}
        {presence === 'break' && breakReason ? ` – ${t(`presence.reasons.${breakReason}`)}` : ''}
      </p>
      <div className="segmented" role="group" aria-label={t('presence.label')}>
        {CHOICES.map((choice) => (
          <button
            key={choice}
            type="button"
            aria-pressed={presence === choice}
            data-presence-choice={choice}
            onClick={() => choose(choice)}
          >
            {t(`presence.states.${choice}`)}
          </button>
        ))}
      </div>
      <label className="softphone-inline-field">
        <span>{t('presence.breakReason')}</span>
        <select value={reason} onChange={(event) => setReason(event.target.value)}>
          {BREAK_REASONS.map((key) => (
            <option key={key} value={key}>
              {t(`presence.reasons.${key}`)}
            </option>
          ))}
        </select>
      </label>
      {notice ? (
        <p
          className="softphone-warning"
          role="alert"
          data-testid="softphone-presence-notice"
          data-notice={notice}
        >
          {t(`presence.notices.${notice}`)}
        </p>
      ) : null}
    </section>
  );
}
