/**
 * The supervisor board at scale (issue 10): 200 lines, 1,000 live calls, 100 agents, events at
 * 50/s. Renders the board's line and agent tables (normalised store, memoised rows) and, in the
 * same run, a naive board that re-renders every row on every event; prints the render cost per
 * update (median, p95), the ratio, the main-thread share at 50 events/s and the long tasks
 * (updates over 50 ms). Figures only, no assertions (ARCHITECTURE.md).
 *
 *   npx tsx scripts/benchmarkSupervisionBoard.tsx [--events 500]
 *
 * Runs in jsdom (no layout or paint: it measures React's work, which is what memoised rows save).
 */
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';

const { values: options } = parseArgs({ options: { events: { type: 'string', default: '500' } } });
const EVENTS = Number(options.events);
const LINES = 200;
const CALLS = 1_000;
const AGENTS = 100;
const EVENTS_PER_SECOND = 50;
const LONG_TASK_MILLISECONDS = 50;

// React's production build, as the desk ships it (the development build costs several times more).
process.env.NODE_ENV = 'production';
const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/' });
Object.assign(globalThis, {
  window: dom.window,
  document: dom.window.document,
  navigator: dom.window.navigator,
  HTMLElement: dom.window.HTMLElement,
  Node: dom.window.Node,
});

const React = await import('react');
// tsx compiles JSX with the classic runtime (React in scope) for files outside the web config.
Object.assign(globalThis, { React });
const { createRoot } = await import('react-dom/client');
const { flushSync } = await import('react-dom');
const { I18nextProvider, useTranslation } = await import('react-i18next');
const { createI18n } = await import('../src/renderer/i18n/createI18n');
const { LineTable } = await import('../src/renderer/features/supervision/LineTable');
const { AgentTable } = await import('../src/renderer/features/supervision/AgentTable');
const { createSupervisionStore, countsOf } =
  await import('../src/renderer/features/supervision/supervisionStore');
const { useAppStore } = await import('../src/renderer/app/state/appStore');
const { syntheticBoard, lineNumber } =
  await import('../src/renderer/features/supervision/testing/boardFixtures');
type Store = ReturnType<typeof createSupervisionStore>;
type BoardEvent = Parameters<ReturnType<Store['getState']>['receiveEvent']>[0];

/** The same rows without normalised selectors or memo: every event re-renders everything. */
function NaiveBoard({ store }: { store: Store }) {
  const { t } = useTranslation('supervision');
  const state = useAppStore(store, (current) => current);
  return (
    <div>
      <table>
        <tbody>
          {state.lineOrder.map((line) => {
            const entry = state.lines[line]!;
            const counts = countsOf(state, line);
            return (
              <tr key={line}>
                <th>{line}</th>
                <td>{counts.withBot}</td>
                <td>{counts.waiting}</td>
                <td>{counts.withAgents}</td>
                <td>{entry.today.offered}</td>
                <td>{entry.today.answered}</td>
                <td>{entry.today.abandoned}</td>
                <td>{t('line.serviceLevel')}</td>
                <td>{entry.today.longestWaitSeconds}</td>
                <td>{entry.today.containmentPercent}</td>
                <td>{entry.today.escalationPercent}</td>
                <td>{entry.today.topReasons.length}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table>
        <tbody>
          {state.agentOrder.map((userId) => {
            const agent = state.agents[userId]!;
            return (
              <tr key={userId}>
                <th>{agent.displayName}</th>
                <td>{t(`states.${agent.state}`)}</td>
                <td>{agent.callsToday}</td>
                <td>
                  <button type="button">{t('agent.setNotReady')}</button>
                  <button type="button">{t('agent.logOut')}</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A deterministic mix: calls move between bot, waiting and agents; agents change state. */
function eventAt(index: number): BoardEvent {
  const at = new Date(Date.UTC(2025, 5, 10, 10, 0, 0) + index * 20).toISOString();
  if (index % 5 === 4)
    return {
      type: 'presence.changed',
      at,
      userId: `agent-${(index * 7) % AGENTS}`,
      state: index % 2 === 0 ? 'in-call' : 'available',
    };
  const call = (index * 37) % CALLS;
  const states = ['waiting-for-agent', 'handed-over', 'with-bot'] as const;
  return {
    type: 'bot-call.updated',
    at,
    clientId: `client-${call % LINES}`,
    callId: `call-${call}`,
    line: lineNumber(call % LINES),
    state: states[index % 3]!,
    consentGiven: true,
    escalation: {
      reason: 'caller-asked-for-human',
      urgency: 'normal',
      summary: '',
      requestedAt: at,
    },
  };
}

async function run(mode: 'memoised' | 'naive') {
  const store = createSupervisionStore();
  store.getState().receiveBoard(syntheticBoard(LINES, CALLS, AGENTS));
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const i18n = createI18n('de');
  const actions = { setNotReady: () => undefined, logOut: () => undefined };
  flushSync(() =>
    root.render(
      <I18nextProvider i18n={i18n}>
        {mode === 'memoised' ? (
          <>
            <LineTable store={store} />
            <AgentTable store={store} now={Date.UTC(2025, 5, 10, 10)} actions={actions} />
          </>
        ) : (
          <NaiveBoard store={store} />
        )}
      </I18nextProvider>,
    ),
  );
  const costs: number[] = [];
  for (let index = 0; index < EVENTS; index += 1) {
    const event = eventAt(index);
    const started = performance.now();
    flushSync(() => store.getState().receiveEvent(event));
    costs.push(performance.now() - started);
  }
  const rows = container.querySelectorAll('tr').length;
  root.unmount();
  container.remove();
  return { costs, rows };
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((left, right) => left - right);
  const at = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    median: at(0.5),
    p95: at(0.95),
    mean,
    long: values.filter((value) => value > LONG_TASK_MILLISECONDS).length,
  };
};

// Warm-up so the first mode does not pay for module compilation alone.
await run('memoised');
const memoised = stats((await run('memoised')).costs);
const naiveRun = await run('naive');
const naive = stats(naiveRun.costs);
const line = (name: string, figures: ReturnType<typeof stats>) =>
  `${name.padEnd(9)} median ${figures.median.toFixed(2)} ms  p95 ${figures.p95.toFixed(2)} ms  ` +
  `main thread at ${EVENTS_PER_SECOND}/s ${((figures.mean * EVENTS_PER_SECOND) / 10).toFixed(1)} %  ` +
  `long tasks (> ${LONG_TASK_MILLISECONDS} ms) ${figures.long}/${EVENTS}`;
console.log(
  `supervisor board: ${LINES} lines, ${CALLS} live calls, ${AGENTS} agents, ${EVENTS} events (${naiveRun.rows} rows)`,
);
console.log(line('memoised', memoised));
console.log(line('naive', naive));
console.log(
  `ratio naive / memoised: median ${(naive.median / memoised.median).toFixed(1)}×, p95 ${(naive.p95 / memoised.p95).toFixed(1)}×`,
);
