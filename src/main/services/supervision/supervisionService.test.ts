/**
 * The supervision host service against a real portal: the supervisor's desk reads the board,
 * sees an agent's state change as a board event after setting it not ready, and whispers; the
 * whisper is announced to the agent's desk only (not to a second agent) and read there.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import type { ServiceEvents } from '../../../shared/contract/serviceEvents';
import type { supervisionService } from '../../../shared/contract/services/supervisionService';
import { DEMO_CLIENTS } from '../../../shared/demo/demoClients';
import {
  eventually,
  seedPortal,
  startDeskHost,
  startRestartablePortal,
  temporaryFolder,
  TEST_PASSWORD,
} from '../portal/portalServiceTestSupport';
import { createSupervisionService } from './supervisionService';

const LAW_FIRM = DEMO_CLIENTS[0]!;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('reads the board, sets an agent not ready and whispers to that agent only', async () => {
  const folder = await temporaryFolder();
  cleanups.push(folder.remove);
  const portal = await startRestartablePortal(folder.path);
  cleanups.push(portal.stop);
  await seedPortal(portal.current(), [
    { userName: 'sven.supervisor', role: 'supervisor', clientIds: [LAW_FIRM.id] },
    { userName: 'anna.agent', role: 'agent', clientIds: [LAW_FIRM.id] },
    { userName: 'ben.agent', role: 'agent', clientIds: [LAW_FIRM.id] },
  ]);
  const open = async (userName: string) => {
    const deskFolder = await temporaryFolder();
    cleanups.push(deskFolder.remove);
    const host = await startDeskHost(deskFolder.path, portal.url);
    cleanups.push(host.dispose);
    expect((await host.methods.login({ userName, password: TEST_PASSWORD })).kind).toBe('ok');
    const user = await host.methods.me();
    const service = createSupervisionService({
      auth: async () => host.service.connection()!.auth,
      onPortalEvent: host.service.onPortalEvent,
    });
    cleanups.push(service.dispose);
    const received: { event: string; payload: unknown }[] = [];
    (service.events as ServiceEvents<typeof supervisionService>).subscribe((event, payload) =>
      received.push({ event, payload }),
    );
    await eventually(() => host.service.connection()?.auth.user !== undefined);
    return { service, user, received };
  };
  const supervisor = await open('sven.supervisor');
  const anna = await open('anna.agent');
  const ben = await open('ben.agent');

  const board = await supervisor.service.methods.board();
  expect(board.agents.map((agent) => agent.userId).sort()).toEqual(
    [anna.user.id, ben.user.id].sort(),
  );
  expect(board.lines.map((line) => line.line)).toEqual([...LAW_FIRM.lines].sort());

  await supervisor.service.methods.setNotReady(anna.user.id, 'Coaching');
  await eventually(() =>
    supervisor.received.some(
      ({ event, payload }) =>
        event === 'onBoardEvent' &&
        (payload as { type: string; userId?: string }).userId === anna.user.id,
    ),
  );

  // A call Anna has taken (set up in the portal directly: no bot in this test).
  const callId = randomUUID();
  const at = new Date().toISOString();
  await portal
    .current()
    .context.database.insertInto('bot_calls')
    .values({
      call_id: callId,
      client_id: LAW_FIRM.id,
      line: LAW_FIRM.lines[0]!,
      sip_call_id: callId,
      bot_id: null,
      state: 'handed-over',
      started_at: at,
      disclosure_played: 1,
      queue_state: 'connected',
      queue_rank: 2,
      passed_over_json: '[]',
      accepted_by: anna.user.id,
      accepted_at: at,
      updated_at: at,
    })
    .execute();
  await supervisor.service.methods.whisper(callId, 'Bitte Rückruf anbieten');
  await eventually(() => anna.received.some(({ event }) => event === 'onWhisperReceived'));
  expect((await anna.service.methods.whispersFor(callId)).map((entry) => entry.text)).toEqual([
    'Bitte Rückruf anbieten',
  ]);
  expect(await ben.service.methods.whispersFor(callId)).toEqual([]);
  expect(ben.received.filter(({ event }) => event === 'onWhisperReceived')).toEqual([]);
  // An agent cannot read the board.
  await expect(anna.service.methods.board()).rejects.toMatchObject({ code: 'forbidden' });
});
