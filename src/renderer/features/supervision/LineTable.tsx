/**
 * One row per client line. Each row reads only its own line and counts from the store and is
 * memoised, so an event on one line re-renders one row, not 200 (see the benchmark).
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { displayPhoneNumber } from '../../../shared/domain/phoneNumber';
import { useAppStore } from '../../app/state/appStore';
import { countsOf, type SupervisionStore } from './supervisionStore';

export interface LineTableProps {
  store: SupervisionStore;
}

export function LineTable({ store }: LineTableProps) {
  const { t } = useTranslation('supervision');
  const lineOrder = useAppStore(store, (state) => state.lineOrder);
  return (
    <table className="supervision-lines" data-testid="supervision-lines">
      <thead>
        <tr>
          <th scope="col">{t('line.line')}</th>
          <th scope="col">{t('line.withBot')}</th>
          <th scope="col">{t('line.waiting')}</th>
          <th scope="col">{t('line.withAgents')}</th>
          <th scope="col">{t('line.offered')}</th>
          <th scope="col">{t('line.answered')}</th>
          <th scope="col">{t('line.abandoned')}</th>
          <th scope="col">{t('line.serviceLevel')}</th>
          <th scope="col">{t('line.longestWait')}</th>
          <th scope="col">{t('line.containment')}</th>
          <th scope="col">{t('line.escalation')}</th>
          <th scope="col">{t('line.reasons')}</th>
        </tr>
      </thead>
      <tbody>
        {lineOrder.map((line) => (
          <LineRow key={line} store={store} line={line} />
        ))}
      </tbody>
    </table>
  );
}

const percent = (value: number | null, none: string) => (value === null ? none : `${value} %`);

export const LineRow = memo(function LineRow({
  store,
  line,
}: {
  store: SupervisionStore;
  line: string;
}) {
  const { t } = useTranslation('supervision');
  const entry = useAppStore(store, (state) => state.lines[line]);
  const counts = useAppStore(store, (state) => countsOf(state, line));
  if (!entry) return null;
  const today = entry.today;
  const none = t('line.none');
  const belowTarget =
    today.serviceLevelPercent !== null && today.serviceLevelPercent < entry.target.targetPercent;
  return (
    <tr data-testid={`line-${line}`}>
      <th scope="row">
        {displayPhoneNumber(line) ?? line}
        {entry.botAnswers ? null : <span className="supervision-tag"> {t('line.botOff')}</span>}
      </th>
      <td data-testid="line-with-bot">{counts.withBot}</td>
      <td data-testid="line-waiting">{counts.waiting}</td>
      <td data-testid="line-with-agents">{counts.withAgents}</td>
      <td>{today.offered}</td>
      <td>{today.answered}</td>
      <td>{today.abandoned}</td>
      <td
        data-testid="line-service-level"
        className={belowTarget ? 'supervision-below-target' : undefined}
      >
        {today.serviceLevelPercent === null
          ? none
          : t('line.serviceLevelValue', {
              percent: today.serviceLevelPercent,
              target: entry.target.targetPercent,
              seconds: entry.target.thresholdSeconds,
            })}
      </td>
      <td>{today.longestWaitSeconds} s</td>
      <td>{percent(today.containmentPercent, none)}</td>
      <td>{percent(today.escalationPercent, none)}</td>
      <td>
        {today.topReasons.length === 0
          ? none
          : today.topReasons
              .map((entry) => `${t(`hybrid:reasons.${entry.reason}`)} (${entry.count})`)
              .join(', ')}
      </td>
    </tr>
  );
});
