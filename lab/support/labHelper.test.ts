/**
 * The helper against a real lab. Runs only inside the namespace:
 *   bash lab/run-isolated.sh npx vitest run lab/support
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { LAB_CLIENT_LINE, labSkipReason } from './labConstants';
import {
  cutNetwork,
  generateLabAudio,
  listenForDtmf,
  restartKamailio,
  restoreNetwork,
} from './labControl';
import { calledPartyOf, runCall, startAnswering } from './sippRun';

const skipReason = labSkipReason();

describe.skipIf(skipReason !== undefined)(
  `lab helper against a running lab ${skipReason ?? ''}`,
  () => {
    it('generates the test audio files', async () => {
      const audio = await generateLabAudio();
      for (const file of [audio.speechWav, audio.speechUlaw, audio.toneWav, audio.silenceUlaw]) {
        expect(existsSync(file)).toBe(true);
      }
    });

    it(
      'rings a registered staff member and ends the call cleanly',
      { timeout: 30_000 },
      async () => {
        const staff = await startAnswering({ user: '2001' });
        const caller = await runCall({ target: '2001', callSeconds: 1 });
        const answered = await staff.exited;
        expect(caller.exitCode).toBe(0);
        expect(caller.finalStatus).toBe(200);
        expect(answered.exitCode).toBe(0);
        expect(answered.events).toContain('ended-by remote');
      },
    );

    it(
      'routes a client line to the reception user with P-Called-Party-ID',
      { timeout: 30_000 },
      async () => {
        const reception = await startAnswering({ user: '1001' });
        const caller = await runCall({ target: LAB_CLIENT_LINE, callSeconds: 1 });
        const answered = await reception.exited;
        expect(caller.exitCode).toBe(0);
        expect(calledPartyOf(answered.events)).toBe(`<sip:${LAB_CLIENT_LINE}@127.0.0.1>`);
      },
    );

    it('sees RFC 4733 DTMF on the media path', { timeout: 30_000 }, async () => {
      const listener = await listenForDtmf();
      try {
        const staff = await startAnswering({ user: '2002' });
        const caller = await runCall({
          target: '2002',
          scenario: 'caller-dtmf',
          dtmf: '42*',
          callSeconds: 1,
        });
        await staff.exited;
        expect(caller.exitCode).toBe(0);
        await listener.waitForDigits('42*', 5_000);
      } finally {
        await listener.close();
      }
    });

    it('reports a 404 for an unregistered user as a failed call', { timeout: 30_000 }, async () => {
      const caller = await runCall({ target: '1999', callSeconds: 1 });
      expect(caller.exitCode).not.toBe(0);
      expect(caller.finalStatus).toBe(404);
    });

    it('cuts and restores signalling silently', { timeout: 30_000 }, async () => {
      const cutAt = await cutNetwork('sip');
      const during = await runCall({ target: '1999', callSeconds: 1, timeoutSeconds: 3 });
      const restoredAt = await restoreNetwork();
      expect(restoredAt).toBeGreaterThanOrEqual(cutAt);
      expect(during.exitCode).not.toBe(0);
      expect(during.finalStatus).toBeUndefined();
      const after = await runCall({ target: '1999', callSeconds: 1 });
      expect(after.finalStatus).toBe(404);
    });

    it('restarts Kamailio and forgets registrations', { timeout: 30_000 }, async () => {
      const staff = await startAnswering({ user: '2003' });
      const before = Date.now();
      const { backAt } = await restartKamailio({ downSeconds: 1 });
      expect(backAt - before).toBeGreaterThanOrEqual(1_000);
      const caller = await runCall({ target: '2003', callSeconds: 1 });
      await staff.stop();
      expect(caller.finalStatus).toBe(404);
    });
  },
);
