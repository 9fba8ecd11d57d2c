/**
 * The bot switch host service against a real portal: a shift lead reads and writes a client's
 * schedule; a schedule the portal refuses comes back as `validation` with the portal's reasons
 * (so the desk can show them); an agent is refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS } from '../../../shared/demo/demoClients';
import { ServiceError } from '../../../shared/rpc/result';
import {
  eventually,
  seedPortal,
  startDeskHost,
  startRestartablePortal,
  temporaryFolder,
  TEST_PASSWORD,
} from '../portal/portalServiceTestSupport';
import { createBotSwitchService } from './botSwitchService';

const LAW_FIRM = DEMO_CLIENTS[0]!;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function deskOf(userName: string) {
  const folder = await temporaryFolder();
  cleanups.push(folder.remove);
  const portal = await startRestartablePortal(folder.path);
  cleanups.push(portal.stop);
  await seedPortal(portal.current(), [
    { userName: 'lena.lead', role: 'shift-lead', clientIds: [LAW_FIRM.id] },
    { userName: 'anna.agent', role: 'agent', clientIds: [LAW_FIRM.id] },
  ]);
  const host = await startDeskHost(folder.path, portal.url);
  cleanups.push(host.dispose);
  expect((await host.methods.login({ userName, password: TEST_PASSWORD })).kind).toBe('ok');
  await eventually(() => host.service.connection()?.auth.user !== undefined);
  return createBotSwitchService({ auth: async () => host.service.connection()!.auth }).methods;
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as ServiceError,
  );

describe('the bot switch host service: schedules', () => {
  it('reads and writes a schedule and passes on the portal’s reasons for a refused one', async () => {
    const botSwitch = await deskOf('lena.lead');
    expect((await botSwitch.getSchedule(LAW_FIRM.id)).schedule).toBeNull();
    const schedule = {
      weekly: [{ weekday: 1, from: '08:00', to: '18:00' }],
      holidays: ['2026-12-25'],
      exceptions: [],
    };
    const saved = await botSwitch.setSchedule(LAW_FIRM.id, { schedule, reason: 'Winter' });
    expect(saved.schedule).toEqual(schedule);
    expect((await botSwitch.getSchedule(LAW_FIRM.id)).schedule).toEqual(schedule);

    // Sent past the contract's own check, as an older desk would: the portal's reasons arrive.
    const refused = await rejection(
      botSwitch.setSchedule(LAW_FIRM.id, {
        schedule: {
          weekly: [
            { weekday: 1, from: '08:00', to: '25:00' },
            { weekday: 2, from: '08:00', to: '12:00' },
          ],
          holidays: [],
          exceptions: [{ date: '2027-03-28', from: '02:30', to: '05:00', botAnswers: true }],
        },
      }),
    );
    expect(refused?.code).toBe('validation');
    const reasons = (refused?.fieldErrors ?? []).map((field) => field.message).join('\n');
    expect(reasons).toMatch(/weekly\[0\]: times must be 00:00–23:59/);
    expect(reasons).toMatch(/02:30 does not exist on 2027-03-28/);
  });

  it('refuses an agent', async () => {
    const botSwitch = await deskOf('anna.agent');
    const refused = await rejection(botSwitch.setSchedule(LAW_FIRM.id, { schedule: null }));
    expect(refused?.code).toBe('forbidden');
  });
});
