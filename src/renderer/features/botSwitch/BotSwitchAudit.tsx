/** The bot switch's audit trail: when, what, from → to, by whom, why (all rendered as text). */
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/contract/services/botSwitchService';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function BotSwitchAudit(props: { entries: readonly AuditEntry[] }) {
  const { t } = useTranslation('botSwitch');
  const targetOf = (entry: AuditEntry) => {
    if (entry.targetType === 'line') return entry.targetId ?? '';
    if (entry.action === 'bot-switch.schedule')
      return t('auditSchedule', {
        client: entry.targetId ?? '',
        interpolation: { escapeValue: false },
      });
    return t('global');
  };
  return (
    <section className="bot-switch-audit" aria-label={t('auditTitle')}>
      <h2>{t('auditTitle')}</h2>
      {props.entries.length === 0 ? <p>{t('auditEmpty')}</p> : null}
      <ol>
        {props.entries.map((entry) => {
          const reason = text(entry.details.reason);
          return (
            <li key={entry.id} data-action={entry.action}>
              {t('auditEntry', {
                at: new Date(entry.at).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' }),
                target: targetOf(entry),
                from: text(entry.details.previousMode) || text(entry.details.previous),
                to: text(entry.details.mode) || text(entry.details.next),
                interpolation: { escapeValue: false },
              })}{' '}
              {entry.actorUserId ? t('auditBy', { actor: entry.actorUserId }) : t('auditAutomatic')}
              {reason ? ` – ${reason}` : ''}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
