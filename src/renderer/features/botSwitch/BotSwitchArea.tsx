/**
 * The "Bot-Schalter" area (shift leads): the global switch and every line with whether the bot
 * answers now, switching through a confirmation with a preview of what callers hear, and the
 * audit trail. Live: every `bot-switch.changed` re-reads the state (another shift lead, an
 * auto-revert).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SwitchChange } from '../../../shared/contract/services/botSwitchService';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { BotSwitchAudit } from './BotSwitchAudit';
import {
  botSwitchAuditQueryOptions,
  botSwitchStateQueryOptions,
  followBotSwitchChanges,
} from './botSwitchQueries';
import { ScheduleEditor } from './ScheduleEditor';
import { SwitchDialog, type PendingSwitch } from './SwitchDialog';
import './botSwitch.css';

const LINE_MODES = ['on', 'off', 'inherit'] as const;
const GLOBAL_MODES = ['on', 'off'] as const;

export function BotSwitchArea() {
  const { t } = useTranslation('botSwitch');
  const { client } = useAppEnvironment();
  const queries = useQueryClient();
  const state = useQuery(botSwitchStateQueryOptions(client));
  const audit = useQuery(botSwitchAuditQueryOptions(client));
  const [pending, setPending] = useState<PendingSwitch | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => followBotSwitchChanges(client, queries), [client, queries]);

  if (state.isPending) return <p>{t('loading')}</p>;
  if (!state.data) return <p role="alert">{t('loadFailed')}</p>;
  const { global, lines } = state.data;

  const confirm = (change: SwitchChange) => {
    if (!pending) return;
    const answer =
      pending.scope === 'global'
        ? client.botSwitch.setGlobal(pending.mode === 'on' ? 'on' : 'off', change)
        : client.botSwitch.setLine(pending.line ?? '', pending.mode, change);
    void answer.then((result) => {
      if (!result.ok) {
        setFailed(true);
        return;
      }
      queries.setQueryData(botSwitchStateQueryOptions(client).queryKey, result.value);
      void queries.invalidateQueries({ queryKey: botSwitchAuditQueryOptions(client).queryKey });
      setPending(null);
      setFailed(false);
    });
  };
  const ask = (next: PendingSwitch) => {
    setFailed(false);
    setPending(next);
  };

  return (
    <div className="bot-switch">
      <p className="bot-switch-intro">{t('intro')}</p>
      <table className="bot-switch-table">
        <tbody>
          <tr data-scope="global">
            <th scope="row">{t('global')}</th>
            <td>{t(`modes.${global.mode}`)}</td>
            <td>
              {GLOBAL_MODES.map((mode) => (
                <button
                  key={mode}
                  type="button"
                  aria-pressed={global.mode === mode}
                  onClick={() =>
                    ask({ scope: 'global', line: null, mode, botAnswersAfter: mode === 'on' })
                  }
                >
                  {t(`modes.${mode}`)}
                </button>
              ))}
            </td>
          </tr>
          {lines.map((line) => (
            <tr key={line.line} data-line={line.line} data-bot-answers={line.botAnswers}>
              <th scope="row">{t('line', { line: line.line })}</th>
              <td>
                {line.botAnswers ? t('answers') : t('agents')}
                {line.scheduled && line.mode === 'inherit' ? ` (${t('scheduled')})` : ''}
                {line.revert ? (
                  <span className="bot-switch-revert">
                    {' · '}
                    {t('revertsAt', {
                      time: new Date(line.revert.at).toLocaleTimeString('de-DE', {
                        timeZone: 'Europe/Berlin',
                        hour: '2-digit',
                        minute: '2-digit',
                      }),
                      mode: t(
                        `modes.${line.revert.to === 'on' || line.revert.to === 'off' ? line.revert.to : 'inherit'}`,
                      ),
                    })}
                  </span>
                ) : null}
              </td>
              <td>
                {LINE_MODES.map((mode) => (
                  <button
                    key={mode}
                    type="button"
                    aria-pressed={line.mode === mode}
                    onClick={() =>
                      ask({
                        scope: 'line',
                        line: line.line,
                        mode,
                        botAnswersAfter: mode === 'inherit' ? global.mode === 'on' : mode === 'on',
                        ...(line.availableAgents === undefined
                          ? {}
                          : { availableAgents: line.availableAgents }),
                      })
                    }
                  >
                    {t(`modes.${mode}`)}
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pending ? (
        <SwitchDialog
          pending={pending}
          failed={failed}
          onConfirm={confirm}
          onCancel={() => setPending(null)}
        />
      ) : null}
      <ScheduleEditor fallbackClientIds={[...new Set(lines.map((line) => line.clientId))]} />
      <BotSwitchAudit entries={audit.data ?? []} />
    </div>
  );
}
