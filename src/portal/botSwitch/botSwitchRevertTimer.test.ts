/**
 * Auto-revert by itself (issue 10): "off for 2 hours" reverts at its time with no call and no
 * request, audited as the portal's own change and announced to desks; a restart re-arms it from
 * the database; a closed portal leaves no timer behind. Real SQLite (and PostgreSQL where
 * available); only the timer's own clock is faked.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listAudit } from '../domain/auditLog';
import { readBotSwitches, setLineBotMode } from '../domain/botSwitchStore';
import { startHybridKit, switchBot, type HybridKit } from '../testing/hybridTestKit';
import { OWN_CLIENT } from '../testing/portalFixtures';
import { reportSkippedTargets, testDatabaseTargets } from '../testing/testDatabases';
import { waitFor } from '../testing/waitFor';
import { applyDueReverts } from './botSwitchReverts';
import type { PortalEvent } from '../../shared/portalWire/eventSchemas';

const targets = testDatabaseTargets();
reportSkippedTargets(targets);

const MINUTE = 60_000;
const LINE_PATH = `/bot-switch/lines/${encodeURIComponent(OWN_CLIENT.line)}`;

describe.each(targets)('bot switch auto-revert timer on $name', (target) => {
  const kits: HybridKit[] = [];
  afterEach(async () => {
    vi.useRealTimers();
    for (const kit of kits.splice(0).reverse()) await kit.test.close();
  });
  const start = async () => {
    const kit = await startHybridKit(target);
    kits.push(kit);
    await switchBot(kit, 'on');
    return kit;
  };
  const lineMode = async (kit: HybridKit) => {
    // A plain read: unlike the routes, it never applies due reverts itself.
    const state = await readBotSwitches(kit.test.portal.context.database, [OWN_CLIENT.id]);
    return state.lines.find((line) => line.line === OWN_CLIENT.line)?.mode;
  };
  /** Off with a revert after `minutes`, written to the store directly (no event, no re-arm). */
  const switchOffBehindTheTimer = (kit: HybridKit, minutes: number) =>
    setLineBotMode(
      kit.test.portal.context.database,
      { line: OWN_CLIENT.line, clientId: OWN_CLIENT.id },
      'off',
      'lead',
      new Date(kit.clock.now).toISOString(),
      { revertAt: new Date(kit.clock.now + minutes * MINUTE).toISOString() },
    );
  const revertAnnounced = (kit: HybridKit) =>
    new Promise<PortalEvent>((resolve) => {
      const stop = kit.test.portal.context.events.subscribe((event) => {
        if (event.type === 'bot-switch.changed' && event.changedBy === 'auto-revert') {
          stop();
          resolve(event);
        }
      });
    });

  it('reverts "off for 2 hours" at its time without any request, audited and announced', async () => {
    if (target.skipReason) return;
    const kit = await start();
    const lead = await kit.test.createUser('lead-timer', 'shift-lead', [OWN_CLIENT.id]);
    const token = (await kit.test.login(lead.userName)).accessToken;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const answer = await kit.test.request('PUT', LINE_PATH, {
      token,
      body: { mode: 'off', reason: 'Schulung', revertAfterMinutes: 120 },
    });
    expect(answer.status).toBe(200);
    await kit.test.portal.armBotSwitchReverts();

    kit.clock.now += 119 * MINUTE;
    await vi.advanceTimersByTimeAsync(119 * MINUTE);
    await kit.test.portal.armBotSwitchReverts();
    expect(await lineMode(kit)).toBe('off');

    const announced = revertAnnounced(kit);
    kit.clock.now += MINUTE;
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(await announced).toMatchObject({
      scope: 'line',
      line: OWN_CLIENT.line,
      mode: 'inherit',
      changedBy: 'auto-revert',
    });
    await kit.test.portal.armBotSwitchReverts();
    expect(await lineMode(kit)).toBe('inherit');
    const entries = await listAudit(kit.test.portal.context.database, {
      actions: ['bot-switch.line'],
      limit: 10,
    });
    expect(entries[0]).toMatchObject({
      actorUserId: null,
      targetId: OWN_CLIENT.line,
      details: {
        previousMode: 'off',
        mode: 'inherit',
        reason: 'auto-revert',
        automatic: 'auto-revert',
      },
    });
    expect(entries[1]).toMatchObject({ actorUserId: lead.id, details: { reason: 'Schulung' } });
  });

  it('re-arms from the database at start: a revert due while the portal was down fires at once', async () => {
    if (target.skipReason) return;
    const first = await start();
    // Written behind the running portal's back (no event), then the portal stops.
    await switchOffBehindTheTimer(first, 30);
    await first.test.portal.close();
    first.clock.now += 31 * MINUTE;
    const second = await startHybridKit(target, {}, { clock: first.clock, test: first.test });
    kits.push(second);
    await waitFor(async () => (await lineMode(second)) === 'inherit');
    await waitFor(() => second.events.some((event) => event.type === 'bot-switch.changed'));
    expect(second.events.find((event) => event.type === 'bot-switch.changed')).toMatchObject({
      line: OWN_CLIENT.line,
      mode: 'inherit',
      changedBy: 'auto-revert',
    });
  });

  it('reverts a due switch once when the timer, a request and routing arrive together', async () => {
    if (target.skipReason) return;
    const kit = await start();
    await switchOffBehindTheTimer(kit, 5);
    kit.clock.now += 6 * MINUTE;
    const context = kit.test.portal.context;
    const counts = await Promise.all([
      applyDueReverts(context),
      applyDueReverts(context),
      kit.route({ line: OWN_CLIENT.line }).then(() => 0),
      kit.test.portal.armBotSwitchReverts().then(() => 0),
    ]);
    await kit.test.portal.armBotSwitchReverts();
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(1);
    const reverts = (
      await listAudit(context.database, { actions: ['bot-switch.line'], limit: 10 })
    ).filter((entry) => entry.actorUserId === null);
    expect(reverts).toHaveLength(1);
  });

  it("waits with an unref'd timer and clears it when the portal closes", async () => {
    if (target.skipReason) return;
    const kit = await start();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await switchOffBehindTheTimer(kit, 60);
    // Database drivers have timers of their own (pg's pool): follow the revert timer itself.
    const armed = vi.spyOn(globalThis, 'setTimeout');
    const cleared = vi.spyOn(globalThis, 'clearTimeout');
    await kit.test.portal.armBotSwitchReverts();
    const index = armed.mock.calls.findIndex((call) => call[1] === 60 * MINUTE);
    expect(index).toBeGreaterThanOrEqual(0);
    const handle = armed.mock.results[index]!.value as NodeJS.Timeout;
    expect(handle.hasRef()).toBe(false);
    await kit.test.portal.close();
    expect(cleared).toHaveBeenCalledWith(handle);
  });
});
