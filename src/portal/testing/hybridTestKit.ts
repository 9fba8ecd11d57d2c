/**
 * A test portal with the hybrid reception configured (routing secret, one bot scoped to the own
 * client, a bot URI), an adjustable clock, agents with SIP users, and helpers for the routing
 * API and the bot API.
 */
import { randomUUID } from 'node:crypto';
import type { RoutingDecision } from '../../shared/portalWire/hybridSchemas';
import type { PortalEvent } from '../../shared/portalWire/eventSchemas';
import { setAgentState, setSipUser } from '../hybrid/agentStates';
import type { PortalOptions } from '../portalOptions';
import { OTHER_CLIENT, OWN_CLIENT } from './portalFixtures';
import { startTestPortal, type ApiAnswer, type TestPortal } from './portalTestHarness';
import { testClientProfile } from './testClientProfile';
import type { TestDatabaseTarget } from './testDatabases';

export const ROUTING_SECRET = 'routing-secret-for-tests-0123456789abcdef';
export const BOT_TOKEN = 'bot-token-for-tests-0123456789abcdef0123';
export const OTHER_BOT_TOKEN = 'other-bot-token-for-tests-0123456789abcd';
export const BOT_URI = 'sip:bot@lab.empfang.test';
/** Monday 2025-03-31 10:00 in Berlin (CEST): the test client is open. */
export const MONDAY_OPEN = Date.parse('2025-03-31T08:00:00Z');

export interface HybridKit {
  readonly test: TestPortal;
  readonly clock: { now: number };
  readonly events: PortalEvent[];
  /** Creates an agent of the own client with a SIP user, available since `idleSince`. */
  agent(sipUser: string, idleSince?: number): Promise<{ id: string; token: string }>;
  route(body: Record<string, unknown>, secret?: string): Promise<ApiAnswer<RoutingDecision>>;
  botEvent(
    body: Record<string, unknown>,
    token?: string,
  ): Promise<ApiAnswer<{ eventId: string; status: string }>>;
  /** Routes a call on the own line with the bot on and reports call-started. */
  botCall(): Promise<string>;
  escalate(callId: string, urgency?: string): Promise<void>;
  pump(): Promise<void>;
}

export async function startHybridKit(
  target: TestDatabaseTarget,
  overrides: Partial<PortalOptions> = {},
  existing?: { clock: { now: number }; test: TestPortal },
): Promise<HybridKit> {
  const clock = existing?.clock ?? { now: MONDAY_OPEN };
  const test = await startTestPortal(
    target,
    {
      now: () => clock.now,
      ...overrides,
      hybrid: {
        routingSecret: ROUTING_SECRET,
        bots: [
          { id: 'lab-bot', token: BOT_TOKEN, clientIds: [OWN_CLIENT.id] },
          { id: 'other-bot', token: OTHER_BOT_TOKEN, clientIds: [OTHER_CLIENT.id] },
        ],
        botUri: BOT_URI,
        // Tests run the queue by hand (pump) and by nudges, never by the clock.
        tickMilliseconds: 3_600_000,
        ...overrides.hybrid,
      },
    },
    existing?.test.database,
  );
  const events: PortalEvent[] = [];
  test.portal.context.events.subscribe((event) => events.push(event));
  const context = test.portal.context;
  const kit: HybridKit = {
    test,
    clock,
    events,
    async agent(sipUser, idleSince = clock.now) {
      const user = await test.createUser(`agent-${sipUser}-${randomUUID().slice(0, 8)}`, 'agent', [
        OWN_CLIENT.id,
      ]);
      await setSipUser(context.database, user.id, sipUser);
      await setAgentState(context.database, context.events, {
        userId: user.id,
        state: 'available',
        at: new Date(idleSince).toISOString(),
      });
      const tokens = await test.login(user.userName);
      return { id: user.id, token: tokens.accessToken };
    },
    route: (body, secret = ROUTING_SECRET) =>
      test.request('POST', '/routing/decisions', {
        body: { sipCallId: randomUUID(), ...body },
        headers: { authorization: `Bearer ${secret}` },
      }),
    botEvent: (body, token = BOT_TOKEN) =>
      test.request('POST', '/bot/v1/events', {
        body: { eventId: randomUUID(), at: new Date(clock.now).toISOString(), ...body },
        headers: { authorization: `Bearer ${token}` },
      }),
    async botCall() {
      const answer = await kit.route({ line: OWN_CLIENT.line });
      if (answer.body.target !== 'bot') throw new Error(`expected bot, got ${answer.body.target}`);
      const callId = answer.body.callId;
      const started = await kit.botEvent({
        type: 'call-started',
        callId,
        line: OWN_CLIENT.line,
        sipCallId: 'sip-call-1',
      });
      if (started.status !== 201) throw new Error(`call-started: ${started.status}`);
      return callId;
    },
    async escalate(callId, urgency = 'normal') {
      const answer = await kit.botEvent({
        type: 'escalation-requested',
        callId,
        reason: 'caller-asked-for-human',
        urgency,
        summary: 'Möchte einen Menschen sprechen',
      });
      if (answer.status !== 201) throw new Error(`escalation: ${answer.status}`);
    },
    async pump() {
      // A pass started by a nudge may still be publishing: let it finish first.
      await context.offers.idle();
      await context.offers.pump();
      await context.offers.idle();
    },
  };
  if (!existing) {
    await test.saveClient(
      testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line, {
        openingHours: [{ weekday: 1, opens: '08:00', closes: '17:00' }],
      }),
    );
    await test.saveClient(testClientProfile(OTHER_CLIENT.id, OTHER_CLIENT.line));
  }
  return kit;
}

/** Switches the bot globally (and optionally for the own line) directly in the store. */
export async function switchBot(
  kit: HybridKit,
  global: 'on' | 'off',
  line?: 'on' | 'off' | 'inherit',
) {
  const { setGlobalBotMode, setLineBotMode } = await import('../domain/botSwitchStore');
  const context = kit.test.portal.context;
  const at = new Date(kit.clock.now).toISOString();
  await setGlobalBotMode(context.database, global, 'test', at);
  if (line)
    await setLineBotMode(
      context.database,
      { line: OWN_CLIENT.line, clientId: OWN_CLIENT.id },
      line,
      'test',
      at,
    );
}
