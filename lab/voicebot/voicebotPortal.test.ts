/**
 * The voicebot against the real portal on the real lab wire: Kamailio asks the portal where the
 * client-line call goes (the bot), the bot reports to the portal's bot API, escalates, the portal
 * offers the call to the available agent (1003, a SIPp UAS), the agent accepts over HTTP, the
 * portal commands `hand-over`, the bot REFERs the caller (SIPp `caller-bot`) to
 * `sip:handover.<token>@…`, Kamailio asks the portal again and rings exactly that agent with
 * `X-Empfang-Handover`. Runs only inside the lab:
 *   bash lab/run-isolated.sh npx vitest run lab/voicebot/voicebotPortal.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotCallDetail, Offer } from '../../src/shared/portalWire/hybridSchemas';
import { OWN_CLIENT } from '../../src/portal/testing/portalFixtures';
import {
  BOT_TOKEN,
  ROUTING_SECRET,
  startHybridKit,
  switchBot,
  type HybridKit,
} from '../../src/portal/testing/hybridTestKit';
import { testClientProfile } from '../../src/portal/testing/testClientProfile';
import { SQLITE_TARGET } from '../../src/portal/testing/testDatabases';
import { startDeepgramServerFake, type DeepgramServerFake } from '../providers/deepgramServerFake';
import { ROUTED_PATH_TIMEOUT_MS, restartKamailio } from '../support/labControl';
import { labSkipReason } from '../support/labConstants';
import { startAnswering, startCall } from '../support/sippRun';
import { startVoicebot, type Voicebot } from './voicebotServer';

const skip = labSkipReason();
const CLIENT = testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line, {
  greeting: 'Testkanzlei, guten Tag, Sie sprechen mit {agentName}.',
  openingHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
    weekday,
    opens: '00:00',
    closes: '23:59',
  })),
});

async function poll<T>(
  read: () => Promise<T | undefined>,
  what: string,
  timeoutMilliseconds = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMilliseconds;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(skip)('voicebot with the portal and Kamailio', () => {
  let kit: HybridKit;
  let ear: DeepgramServerFake;
  let bot: Voicebot;

  beforeAll(async () => {
    kit = await startHybridKit(SQLITE_TARGET, {
      hybrid: { tickMilliseconds: 250, botUri: 'sip:voicebot@127.0.0.1', sipDomain: '127.0.0.1' },
    } as never);
    await kit.test.saveClient(CLIENT);
    kit.clock.now = Date.now();
    await switchBot(kit, 'on');
    await restartKamailio({
      portal: {
        url: kit.test.url,
        routingSecret: ROUTING_SECRET,
        routingTimeoutMs: ROUTED_PATH_TIMEOUT_MS,
      },
    });
    ear = await startDeepgramServerFake();
    bot = await startVoicebot({
      sipUser: 'voicebot',
      sipDomain: '127.0.0.1',
      proxyHost: '127.0.0.1',
      proxyPort: 5060,
      localHost: '127.0.0.1',
      portal: { baseUrl: kit.test.url, token: BOT_TOKEN },
      transcription: { baseUrl: ear.baseUrl, apiKey: 'lab', model: 'fake' },
      clients: [CLIENT],
      log: () => undefined,
    });
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    await ear?.close();
    await restartKamailio({ portal: null });
    await kit?.test.close();
  }, 60_000);

  it(
    'answers, escalates, and the accepting agent gets the caller by REFER',
    { timeout: 180_000 },
    async () => {
      kit.clock.now = Date.now();
      const agent = await kit.agent('1003');
      const agentPhone = await startAnswering({ user: '1003', timeoutSeconds: 150 });
      const caller = startCall({
        target: OWN_CLIENT.line,
        scenario: 'caller-bot',
        callSeconds: 30,
        timeoutSeconds: 150,
      });

      const botCall = async (predicate: (call: BotCallDetail) => boolean) =>
        poll(async () => {
          kit.clock.now = Date.now();
          const list = await kit.test.request<BotCallDetail[]>(
            'GET',
            `/bot-calls?clientId=${OWN_CLIENT.id}`,
            { token: agent.token },
          );
          for (const summary of list.body ?? []) {
            const detail = await kit.test.request<BotCallDetail>(
              'GET',
              `/bot-calls/${summary.callId}`,
              { token: agent.token },
            );
            if (detail.status === 200 && predicate(detail.body)) return detail.body;
          }
          return undefined;
        }, 'the bot call');

      const disclosed = await botCall((call) => call.disclosurePlayed);
      ear.say('Ja, gerne.');
      await botCall((call) => call.consentGiven === true);
      ear.say('Ich möchte einen Menschen sprechen.', { durationSeconds: 2 });
      const offer = await poll(async () => {
        kit.clock.now = Date.now();
        const offers = await kit.test.request<Offer[]>('GET', '/offers', { token: agent.token });
        return offers.body?.find((candidate) => candidate.callId === disclosed.callId);
      }, 'the offer');
      expect(offer.reason).toBe('caller-asked-for-human');
      expect(offer.consentGiven).toBe(true);
      expect(offer.transcript.map((segment) => segment.speaker)).toContain('caller');
      expect(offer.transcript.find((segment) => segment.speaker === 'bot')?.text).toContain(
        'KI-Assistenten',
      );

      const accepted = await kit.test.request<{ handoverToken: string }>(
        'POST',
        `/offers/${offer.offerId}/accept`,
        { token: agent.token },
      );
      expect(accepted.status).toBe(200);
      await caller.waitForEvent('transferred', 30_000);
      expect(caller.events()).toContain(
        `refer-to sip:handover.${accepted.body.handoverToken}@127.0.0.1`,
      );
      const handedOver = await poll(
        async () => {
          const detail = await kit.test.request<BotCallDetail>(
            'GET',
            `/bot-calls/${disclosed.callId}`,
            { token: agent.token },
          );
          return detail.body.state === 'handed-over' ? detail.body : undefined;
        },
        'the handed-over state',
        20_000,
      ).catch(async (error: unknown) => {
        const detail = await kit.test.request<BotCallDetail>(
          'GET',
          `/bot-calls/${disclosed.callId}`,
          { token: agent.token },
        );
        throw new Error(
          `${String(error)}: ${detail.status} ${JSON.stringify({ ...detail.body, transcript: [] })}`,
        );
      });
      expect(handedOver.acceptedBy).toBe(agent.id);
      const [callerResult, agentResult] = await Promise.all([caller.exited, agentPhone.exited]);
      expect(callerResult.exitCode).toBe(0);
      expect(agentResult.exitCode).toBe(0);
      expect(ear.audioSeconds()).toBeGreaterThan(5);
    },
  );
});
