/**
 * The voicebot on the real lab wire: Kamailio + rtpengine, a SIPp caller (caller-transferable,
 * espeak speech as RTP), a SIPp "agent" (2001) as the REFER target, the Deepgram protocol
 * server as the ear and the bot API stub as the portal. Runs only inside the lab, started with
 * the voicebot as the reception user (client lines ring it directly, no portal routing):
 *   EMPFANG_LAB_RECEPTION=voicebot bash lab/run-isolated.sh npx vitest run lab/voicebot/voicebotLab.test.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labRunDirectory, labSkipReason } from '../support/labConstants';
import { startAnswering, startCall } from '../support/sippRun';
import { startDeepgramServerFake, type DeepgramServerFake } from '../providers/deepgramServerFake';
import { DEMO_CLIENTS } from '../../src/shared/demo/demoClients';
import { startBotApiStub, type BotApiStub } from './botApiStub';
import { startVoicebot, type Voicebot } from './voicebotServer';

const LAW_FIRM_LINE = '+493023125101';

function receptionUser(): string | undefined {
  try {
    return /LAB_RECEPTION=(\S+)/.exec(
      readFileSync(path.join(labRunDirectory(), 'lab.env'), 'utf8'),
    )?.[1];
  } catch {
    return undefined;
  }
}

const skipReason =
  labSkipReason() ??
  (receptionUser() === 'voicebot' ? undefined : 'needs EMPFANG_LAB_RECEPTION=voicebot');

describe.skipIf(skipReason !== undefined)(`voicebot in the lab ${skipReason ?? ''}`, () => {
  let portal: BotApiStub;
  let ear: DeepgramServerFake;
  let bot: Voicebot;

  beforeAll(async () => {
    portal = await startBotApiStub();
    ear = await startDeepgramServerFake();
    bot = await startVoicebot({
      sipUser: 'voicebot',
      sipDomain: '127.0.0.1',
      proxyHost: '127.0.0.1',
      proxyPort: 5060,
      localHost: '127.0.0.1',
      portal: { baseUrl: portal.baseUrl, token: portal.token },
      transcription: { baseUrl: ear.baseUrl, apiKey: 'lab', model: 'fake' },
      clients: DEMO_CLIENTS,
      assignCallIds: true,
      log: () => undefined,
    });
  });

  afterAll(async () => {
    await bot?.stop();
    await ear?.close();
    await portal?.close();
  });

  it(
    'discloses, gets consent, escalates when asked for a human and hands over by REFER',
    { timeout: 160_000 },
    async () => {
      const agent = await startAnswering({ user: '2001', timeoutSeconds: 150 });
      const caller = startCall({
        target: LAW_FIRM_LINE,
        scenario: 'caller-bot',
        callSeconds: 35,
        timeoutSeconds: 150,
      });
      const started = await portal.waitForEvent('call-started');
      expect(started.line).toBe(LAW_FIRM_LINE);
      await portal.waitForEvent('disclosure-played', started.callId);
      ear.say('Ja, einverstanden.');
      expect((await portal.waitForEvent('consent', started.callId)).given).toBe(true);
      ear.say('Ich möchte bitte einen Menschen sprechen.', { durationSeconds: 2 });
      const escalation = await portal.waitForEvent('escalation-requested', started.callId);
      expect(escalation.reason).toBe('caller-asked-for-human');
      portal.command(started.callId, {
        type: 'hand-over',
        referTo: 'sip:2001@127.0.0.1',
        handoverToken: 'lab-token-0123456789',
      });
      await portal.waitForEvent('handed-over', started.callId);
      await caller.waitForEvent('transferred', 20_000);
      expect(caller.events()).toContain('refer-to sip:2001@127.0.0.1');
      const [callerResult, agentResult] = await Promise.all([caller.exited, agent.exited]);
      expect(callerResult.exitCode).toBe(0);
      expect(agentResult.events).toContain('ended-by remote');

      const types = portal.events
        .filter((event) => event.callId === started.callId)
        .map((event) => event.type);
      expect(types.indexOf('disclosure-played')).toBeLessThan(types.indexOf('consent'));
      expect(types).not.toContain('ended');
      const bySpeaker = portal.events.flatMap((event) =>
        event.type === 'transcript-segment' && event.callId === started.callId ? [event] : [],
      );
      expect(bySpeaker.find((segment) => segment.speaker === 'bot')?.text).toContain(
        'KI-Assistent',
      );
      expect(
        bySpeaker.filter((segment) => segment.speaker === 'caller').map((segment) => segment.text),
      ).toEqual(['Ja, einverstanden.', 'Ich möchte bitte einen Menschen sprechen.']);
      // The caller's RTP reached the bot through rtpengine (the ear counts audio it was sent).
      expect(ear.audioSeconds()).toBeGreaterThan(5);
      expect(portal.invalid).toEqual([]);
    },
  );

  it(
    'keeps the caller when the REFER target is unreachable, then takes a message',
    { timeout: 90_000 },
    async () => {
      const caller = startCall({
        target: LAW_FIRM_LINE,
        scenario: 'caller-bot',
        callSeconds: 60,
        timeoutSeconds: 80,
      });
      const known = new Set(portal.events.map((event) => event.callId));
      const started = await waitForNewCall(portal, known);
      await portal.waitForEvent('disclosure-played', started);
      ear.say('Nein, das möchte ich nicht.');
      const escalation = await portal.waitForEvent('escalation-requested', started);
      expect(escalation.reason).toBe('consent-declined');
      portal.command(started, {
        type: 'hand-over',
        referTo: 'sip:2999@127.0.0.1',
        handoverToken: 'lab-token-9876543210',
      });
      const failed = await portal.waitForEvent('handover-failed', started);
      expect(failed.reason).toBe('refused');
      await caller.waitForEvent('transfer-failed 404', 10_000);
      portal.command(started, { type: 'take-message' });
      ear.say('Mein Name ist Jana Schulz.', { afterSeconds: 8, durationSeconds: 2 });
      await waitForField(portal, started, 'name');
      ear.say('Meine Nummer ist 030 1234567.', { afterSeconds: 4, durationSeconds: 2 });
      await waitForField(portal, started, 'callbackNumber');
      ear.say('Es geht um meinen Mietvertrag.', { afterSeconds: 3, durationSeconds: 2 });
      await portal.waitForEvent('message-taken', started);
      expect((await portal.waitForEvent('ended', started)).by).toBe('bot');
      const result = await caller.exited;
      expect(result.events).toContain('ended-by remote');
      const fields = portal.events.flatMap((event) =>
        event.type === 'field-collected' && event.callId === started
          ? [[event.field, event.value]]
          : [],
      );
      expect(Object.fromEntries(fields)).toMatchObject({
        name: 'Jana Schulz',
        callbackNumber: '+49301234567',
        concern: 'Es geht um meinen Mietvertrag.',
      });
    },
  );
});

async function waitForNewCall(portal: BotApiStub, known: Set<string>): Promise<string> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const event = portal.events.find(
      (candidate) => candidate.type === 'call-started' && !known.has(candidate.callId),
    );
    if (event) return event.callId;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no new call');
}

async function waitForField(portal: BotApiStub, callId: string, field: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    if (
      portal.events.some(
        (event) =>
          event.type === 'field-collected' && event.callId === callId && event.field === field,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no field ${field}`);
}
