/**
 * Callers waiting for a human, grouped per client line (the line with the longest wait first,
 * longest first within a line), with their wait time and urgency.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { displayPhoneNumber } from '../../../shared/domain/phoneNumber';
import { useAppStore } from '../../app/state/appStore';
import { formatDuration } from '../hybrid/BotCallsBoard';
import { waitingCallsByLine, type SupervisionStore } from './supervisionStore';

export interface WaitingCallListProps {
  store: SupervisionStore;
  now: number;
  onShow(callId: string): void;
}

/** Calls with an agent now, oldest first, each with its read-only view. */
export function AgentCallList({ store, onShow }: Omit<WaitingCallListProps, 'now'>) {
  const { t } = useTranslation('supervision');
  const calls = useAppStore(store, (state) => state.calls);
  const agents = useAppStore(store, (state) => state.agents);
  const withAgents = useMemo(
    () =>
      Object.values(calls)
        .filter((call) => call.phase === 'with-agent')
        .sort((left, right) => left.startedAt.localeCompare(right.startedAt)),
    [calls],
  );
  if (withAgents.length === 0) return null;
  return (
    <ul data-testid="supervision-agent-calls">
      {withAgents.map((call) => (
        <li key={call.callId} data-testid={`agent-call-${call.callId}`}>
          {displayPhoneNumber(call.line) ?? call.line} –{' '}
          {call.agentUserId ? (agents[call.agentUserId]?.displayName ?? '') : ''}{' '}
          <button type="button" onClick={() => onShow(call.callId)}>
            {t('waiting.show')}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function WaitingCallList({ store, now, onShow }: WaitingCallListProps) {
  const { t } = useTranslation('supervision');
  const calls = useAppStore(store, (state) => state.calls);
  const agents = useAppStore(store, (state) => state.agents);
  const lines = useMemo(() => waitingCallsByLine(calls), [calls]);
  if (lines.length === 0) return <p className="hybrid-muted">{t('board.noWaiting')}</p>;
  return (
    <table data-testid="supervision-waiting">
      <thead>
        <tr>
          <th scope="col">{t('waiting.caller')}</th>
          <th scope="col">{t('waiting.waitTime')}</th>
          <th scope="col">{t('waiting.urgency')}</th>
          <th scope="col">{t('waiting.offeredTo')}</th>
          <th scope="col" />
        </tr>
      </thead>
      {lines.map((group) => {
        const shownLine = displayPhoneNumber(group.line) ?? group.line;
        return (
          <tbody key={group.line} data-testid={`waiting-line-${group.line}`}>
            <tr>
              <th scope="rowgroup" colSpan={5} className="supervision-waiting-line">
                {t('waiting.lineGroup', { line: shownLine, count: group.calls.length })}
              </th>
            </tr>
            {group.calls.map((call, index) => (
              <tr
                key={call.callId}
                data-testid={`waiting-${call.callId}`}
                className={call.urgency === 'emergency' ? 'supervision-urgent' : undefined}
              >
                <td>{t('waiting.position', { position: index + 1 })}</td>
                <td data-testid="waiting-time">
                  {formatDuration(call.waitingSince ?? call.startedAt, now)}
                </td>
                <td>{call.urgency ? t(`hybrid:urgencies.${call.urgency}`) : ''}</td>
                <td>{call.agentUserId ? (agents[call.agentUserId]?.displayName ?? '') : ''}</td>
                <td>
                  <button type="button" onClick={() => onShow(call.callId)}>
                    {t('waiting.show')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}
