/**
 * Queue and offers: longest idle first, decline and 15 s expiry move on, the caller hanging up
 * withdraws the offer, exactly one winner for racing accepts (2 and 50 at once, and across two
 * portals on one database), an agent gone after accepting, and a portal restart with a waiting
 * call. SQLite and PostgreSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PortalEvent } from '../../shared/portalWire/eventSchemas';
import type { BotCommand, OfferAccepted } from '../../shared/portalWire/hybridSchemas';
import { startHybridKit, switchBot, BOT_TOKEN, type HybridKit } from '../testing/hybridTestKit';
import { reportSkippedTargets, testDatabaseTargets } from '../testing/testDatabases';
import { waitFor } from '../testing/waitFor';

const targets = testDatabaseTargets();
reportSkippedTargets(targets);

function offersTo(events: PortalEvent[], userId: string) {
  return events.flatMap((event) =>
    event.type === 'offer.created' && event.agentUserId === userId ? [event.offer] : [],
  );
}

describe.each(targets)('queue and offers on $name', (target) => {
  const kits: HybridKit[] = [];
  afterEach(async () => {
    for (const kit of kits.splice(0).reverse()) await kit.test.close();
  });
  const start = async () => {
    if (target.skipReason) return undefined;
    const kit = await startHybridKit(target);
    kits.push(kit);
    await switchBot(kit, 'on');
    return kit;
  };

  it('offers to the longest-idle agent, then the next on decline and on 15 s', async () => {
    const kit = await start();
    if (!kit) return;
    const newer = await kit.agent('1003', kit.clock.now - 10_000);
    const older = await kit.agent('1002', kit.clock.now - 90_000);
    const third = await kit.agent('1004', kit.clock.now - 5_000);
    const callId = await kit.botCall();
    await kit.escalate(callId);
    await kit.pump();
    const first = offersTo(kit.events, older.id);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ callId, reason: 'caller-asked-for-human' });
    const declined = await kit.test.request('POST', `/offers/${first[0]?.offerId}/decline`, {
      token: older.token,
    });
    expect(declined.status).toBe(204);
    await kit.pump();
    expect(offersTo(kit.events, newer.id)).toHaveLength(1);
    kit.clock.now += 15_000;
    await kit.pump();
    expect(offersTo(kit.events, third.id)).toHaveLength(1);
    expect(
      kit.events.some(
        (event) =>
          event.type === 'offer.withdrawn' &&
          event.agentUserId === newer.id &&
          event.reason === 'expired',
      ),
    ).toBe(true);
  });

  it('lets exactly one of two racing accepts win; the other sees already-taken', async () => {
    const kit = await start();
    if (!kit) return;
    const offered = await kit.agent('1002', kit.clock.now - 60_000);
    const other = await kit.agent('1003');
    const callId = await kit.botCall();
    await kit.escalate(callId);
    await kit.pump();
    const offer = offersTo(kit.events, offered.id)[0];
    const answers = await Promise.all([
      kit.test.request<OfferAccepted>('POST', `/offers/${offer?.offerId}/accept`, {
        token: offered.token,
      }),
      kit.test.request('POST', `/bot-calls/${callId}/take-over`, { token: other.token }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const loser = answers.find((answer) => answer.status === 409);
    expect(loser?.body).toMatchObject({ error: { code: 'conflict', message: 'already-taken' } });
  });

  it('has exactly one winner among 50 concurrent take-overs', async () => {
    const kit = await start();
    if (!kit) return;
    const agents = [];
    for (let index = 0; index < 50; index += 1) agents.push(await kit.agent(String(3000 + index)));
    const callId = await kit.botCall();
    const answers = await Promise.all(
      agents.map((agent) =>
        kit.test.request('POST', `/bot-calls/${callId}/take-over`, { token: agent.token }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(49);
  }, 180_000);

  it('has exactly one winner across two portals on one database', async () => {
    const first = await start();
    if (!first) return;
    const second = await startHybridKit(target, {}, { clock: first.clock, test: first.test });
    kits.push(second);
    const agents = [];
    for (let index = 0; index < 10; index += 1)
      agents.push(await first.agent(String(4000 + index)));
    const callId = await first.botCall();
    const answers = await Promise.all(
      agents.map((agent, index) =>
        (index % 2 === 0 ? first : second).test.request('POST', `/bot-calls/${callId}/take-over`, {
          token: agent.token,
        }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    if (target.name === 'postgres') {
      // Desks connected to the other process hear of it through LISTEN/NOTIFY.
      await waitFor(() =>
        second.events.some(
          (event) =>
            event.type === 'bot-call.updated' &&
            event.callId === callId &&
            event.acceptedBy !== null,
        ),
      );
    }
  }, 120_000);

  it('withdraws the offer when the caller hangs up', async () => {
    const kit = await start();
    if (!kit) return;
    const agent = await kit.agent('1002');
    const callId = await kit.botCall();
    await kit.escalate(callId);
    await kit.pump();
    const offer = offersTo(kit.events, agent.id)[0];
    expect((await kit.botEvent({ type: 'ended', callId, by: 'caller' })).status).toBe(201);
    expect(
      kit.events.some(
        (event) =>
          event.type === 'offer.withdrawn' &&
          event.offerId === offer?.offerId &&
          event.reason === 'caller-hung-up',
      ),
    ).toBe(true);
    const open = await kit.test.request<unknown[]>('GET', '/offers', { token: agent.token });
    expect(open.body).toEqual([]);
    const accept = await kit.test.request('POST', `/offers/${offer?.offerId}/accept`, {
      token: agent.token,
    });
    expect(accept.status).toBe(409);
  });

  it('puts the call back in the queue when the accepting agent never connects', async () => {
    const kit = await start();
    if (!kit) return;
    const vanishing = await kit.agent('1002', kit.clock.now - 60_000);
    const next = await kit.agent('1003');
    const callId = await kit.botCall();
    await kit.escalate(callId);
    await kit.pump();
    const offer = offersTo(kit.events, vanishing.id)[0];
    const accepted = await kit.test.request<OfferAccepted>(
      'POST',
      `/offers/${offer?.offerId}/accept`,
      { token: vanishing.token },
    );
    expect(accepted.status).toBe(200);
    const command = await kit.test.request<BotCommand>(
      'GET',
      `/bot/v1/calls/${callId}/commands?wait=0`,
      { headers: { authorization: `Bearer ${BOT_TOKEN}` } },
    );
    expect(command.body).toMatchObject({
      type: 'hand-over',
      referTo: `sip:handover.${accepted.body.handoverToken}@lab.empfang.test`,
    });
    kit.clock.now += 10_001;
    await kit.pump();
    expect(offersTo(kit.events, next.id)).toHaveLength(1);
    const stale = await kit.route({ line: null, handoverToken: accepted.body.handoverToken });
    expect(stale.body).toMatchObject({ target: 'reject', status: 404 });
  });

  it('rebuilds the queue from the database after a restart', async () => {
    const first = await start();
    if (!first) return;
    const callId = await first.botCall();
    await first.escalate(callId, 'high');
    await first.test.portal.close();
    const restarted = await startHybridKit(target, {}, { clock: first.clock, test: first.test });
    kits.push(restarted);
    const agent = await restarted.agent('1002');
    restarted.test.portal.context.offers.nudge();
    await waitFor(() => offersTo(restarted.events, agent.id).length === 1);
    expect(offersTo(restarted.events, agent.id)[0]).toMatchObject({ callId, urgency: 'high' });
  });
});
