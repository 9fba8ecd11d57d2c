/**
 * Privacy canary for a bot call (SECURITY.md "canary", issue 9 "Privacy"): a random caller
 * number, name and sentence go through the routing API and the bot API of a RAM-only client.
 * Afterwards neither the SQLite files (database and write-ahead log) nor the portal's log output
 * may contain them. The search must be able to fail: the same canary sent for a client that
 * keeps transcripts on disk has to be found in the database files.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OWN_CLIENT } from '../testing/portalFixtures';
import { startHybridKit, switchBot, type HybridKit } from '../testing/hybridTestKit';
import { testClientProfile } from '../testing/testClientProfile';
import { SQLITE_TARGET } from '../testing/testDatabases';

function databaseFilesContain(location: string, needle: string): boolean {
  const folder = dirname(location);
  return readdirSync(folder).some((name) => readFileSync(join(folder, name)).includes(needle));
}

async function botCallWithCanary(
  kit: HybridKit,
  canary: { number: string; name: string; text: string },
) {
  const routed = await kit.route({ line: OWN_CLIENT.line, callerNumber: canary.number });
  const callId = routed.body.callId;
  await kit.botEvent({ type: 'call-started', callId, line: OWN_CLIENT.line, sipCallId: 'canary' });
  await kit.botEvent({
    type: 'transcript-segment',
    callId,
    segmentId: 's1',
    speaker: 'caller',
    text: canary.text,
    startMs: 0,
    endMs: 1500,
    final: true,
  });
  await kit.botEvent({
    type: 'field-collected',
    callId,
    field: 'name',
    value: canary.name,
    confidence: 0.9,
  });
  await kit.botEvent({
    type: 'escalation-requested',
    callId,
    reason: 'caller-asked-for-human',
    urgency: 'normal',
    summary: canary.text,
  });
  await kit.pump();
  return callId;
}

describe('bot call privacy canary', () => {
  let kit: HybridKit;
  afterEach(async () => {
    vi.restoreAllMocks();
    await kit?.test.close();
  });

  it.each([
    ['ram-only', false],
    ['keep-hours', true],
  ] as const)('%s client: canary on disk = %s, never in the log', async (mode, onDisk) => {
    const logged: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk, ...rest) => {
      logged.push(String(chunk));
      return write(chunk, ...(rest as []));
    });
    kit = await startHybridKit(SQLITE_TARGET, { logLevel: 'debug' });
    await kit.test.saveClient(
      testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line, {
        openingHours: [{ weekday: 1, opens: '08:00', closes: '17:00' }],
        retention: mode === 'ram-only' ? { mode } : { mode, hours: 24 },
      }),
    );
    await switchBot(kit, 'on');
    await kit.agent('1002');
    const tag = randomBytes(6).toString('hex');
    const canary = {
      number: `+49170${parseInt(tag.slice(0, 6), 16).toString().padStart(8, '0').slice(0, 8)}`,
      name: `Kanarienvogel ${tag}`,
      text: `Geheimnis ${tag} bitte vertraulich`,
    };
    await botCallWithCanary(kit, canary);
    const location = kit.test.database.location;
    expect(databaseFilesContain(location, canary.name)).toBe(onDisk);
    expect(databaseFilesContain(location, canary.text)).toBe(onDisk);
    // The caller's number is never stored, whatever the retention.
    expect(databaseFilesContain(location, canary.number)).toBe(false);
    expect(logged.join('')).toMatch(/"route":"\/bot\/v1\/events"/);
    for (const needle of Object.values(canary)) expect(logged.join('')).not.toContain(needle);
  });
});
