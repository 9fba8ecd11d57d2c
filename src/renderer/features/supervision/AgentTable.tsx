/**
 * Every agent of the supervisor's clients: state and time in state, calls today, average
 * handling and wrap-up time; "not ready" and "log out". Rows are memoised per agent.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { sanitizeDisplayText } from '../../../shared/domain/displayText';
import { useAppStore } from '../../app/state/appStore';
import { formatDuration } from '../hybrid/BotCallsBoard';
import type { SupervisionStore } from './supervisionStore';

export interface AgentActions {
  setNotReady(userId: string): void;
  logOut(userId: string, name: string): void;
}

export interface AgentTableProps {
  store: SupervisionStore;
  now: number;
  actions: AgentActions;
}

export function AgentTable({ store, now, actions }: AgentTableProps) {
  const { t } = useTranslation('supervision');
  const agentOrder = useAppStore(store, (state) => state.agentOrder);
  return (
    <table data-testid="supervision-agents">
      <thead>
        <tr>
          <th scope="col">{t('agent.name')}</th>
          <th scope="col">{t('agent.state')}</th>
          <th scope="col">{t('agent.since')}</th>
          <th scope="col">{t('agent.calls')}</th>
          <th scope="col">{t('agent.handling')}</th>
          <th scope="col">{t('agent.wrapUp')}</th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {agentOrder.map((userId) => (
          <AgentRow key={userId} store={store} userId={userId} now={now} actions={actions} />
        ))}
      </tbody>
    </table>
  );
}

const seconds = (value: number | null) => (value === null ? '–' : `${value} s`);

const AgentRow = memo(function AgentRow({
  store,
  userId,
  now,
  actions,
}: {
  store: SupervisionStore;
  userId: string;
  now: number;
  actions: AgentActions;
}) {
  const { t } = useTranslation('supervision');
  const agent = useAppStore(store, (state) => state.agents[userId]);
  if (!agent) return null;
  const name = sanitizeDisplayText(agent.displayName);
  return (
    <tr data-testid={`agent-${userId}`}>
      <th scope="row">{name}</th>
      <td data-testid="agent-state">
        {t(`states.${agent.state}`)}
        {agent.state === 'break' && agent.reason ? ` (${sanitizeDisplayText(agent.reason)})` : ''}
      </td>
      <td>{agent.stateSince ? formatDuration(agent.stateSince, now) : '–'}</td>
      <td>{agent.callsToday}</td>
      <td>{seconds(agent.averageHandlingSeconds)}</td>
      <td>{seconds(agent.averageWrapUpSeconds)}</td>
      <td>
        <button
          type="button"
          disabled={agent.state === 'break' || agent.state === 'offline'}
          onClick={() => actions.setNotReady(userId)}
        >
          {t('agent.setNotReady')}
        </button>{' '}
        <button
          type="button"
          disabled={agent.state === 'offline'}
          onClick={() => actions.logOut(userId, name)}
        >
          {t('agent.logOut')}
        </button>
      </td>
    </tr>
  );
});
