/**
 * The supervisor board's routes with the real offer engine (issue 10), SQLite and PostgreSQL:
 * a waiting call on the board with its wait time and the service level as it changes, the same
 * figures in the day report, not ready → no more offers, a whisper that reaches only the agent
 * on the call, log out, alerts and their acknowledgement.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EventAudience } from '../../events/eventHub';
import { isInAudience } from '../../events/eventHub';
import type { PortalEvent } from '../../../shared/portalWire/eventSchemas';
import type { OfferAccepted } from '../../../shared/portalWire/hybridSchemas';
import type {
  DayReport,
  SupervisedCall,
  SupervisionBoard,
  Whisper,
} from '../../../shared/portalWire/supervisionSchemas';
import { OWN_CLIENT } from '../../testing/portalFixtures';
import { startHybridKit, switchBot, type HybridKit } from '../../testing/hybridTestKit';
import { reportSkippedTargets, testDatabaseTargets } from '../../testing/testDatabases';

const targets = testDatabaseTargets();
reportSkippedTargets(targets);

const offersTo = (events: PortalEvent[], userId: string) =>
  events.flatMap((event) =>
    event.type === 'offer.created' && event.agentUserId === userId ? [event.offer] : [],
  );

describe.each(targets)('supervision routes on $name', (target) => {
  const kits: HybridKit[] = [];
  afterEach(async () => {
    for (const kit of kits.splice(0)) await kit.test.close();
  });
  const start = async () => {
    if (target.skipReason) return undefined;
    const kit = await startHybridKit(target);
    kits.push(kit);
    await switchBot(kit, 'on');
    const user = await kit.test.createUser('supervisor-1', 'supervisor', [OWN_CLIENT.id]);
    const supervisor = { id: user.id, token: (await kit.test.login('supervisor-1')).accessToken };
    const board = async () => {
      const answer = await kit.test.request<SupervisionBoard>('GET', '/supervision/board', {
        token: supervisor.token,
      });
      expect(answer.status).toBe(200);
      return answer.body;
    };
    const accept = async (agent: { id: string; token: string }) => {
      await kit.pump();
      const offer = offersTo(kit.events, agent.id).at(-1);
      const answer = await kit.test.request<OfferAccepted>(
        'POST',
        `/offers/${offer?.offerId}/accept`,
        { token: agent.token },
      );
      expect(answer.status).toBe(200);
      // The caller reaches the agent (else the call goes back to the queue after 10 s).
      const handedOver = await kit.botEvent({ type: 'handed-over', callId: offer?.callId });
      expect(handedOver.status).toBe(201);
      return answer.body;
    };
    return { kit, supervisor, board, accept };
  };

  it('shows a waiting call with its wait time; the service level follows the answers', async () => {
    const setup = await start();
    if (!setup) return;
    const { kit, board, accept, supervisor } = setup;
    const first = await kit.botCall();
    await kit.escalate(first);
    kit.clock.now += 7_000;
    let view = await board();
    const line = () => view.lines.find((entry) => entry.line === OWN_CLIENT.line)!;
    expect(view.waitingCalls.map((call) => call.callId)).toEqual([first]);
    expect(Date.parse(view.at) - Date.parse(view.waitingCalls[0]!.waitingSince)).toBe(7_000);
    expect(line()).toMatchObject({ withBot: 0, waiting: 1, withAgents: 0 });
    expect(line().today.serviceLevelPercent).toBeNull();
    // Answered after 25 s: outside 20 s.
    const agent = await kit.agent('1002');
    kit.clock.now += 18_000;
    await accept(agent);
    view = await board();
    expect(view.waitingCalls).toEqual([]);
    expect(line()).toMatchObject({ waiting: 0, withAgents: 1 });
    expect(line().today).toMatchObject({ offered: 1, answered: 1, serviceLevelPercent: 0 });
    // A second call answered after exactly 20 s: within.
    const second = await kit.botCall();
    await kit.escalate(second);
    const other = await kit.agent('1003');
    kit.clock.now += 20_000;
    await accept(other);
    view = await board();
    expect(line().today).toMatchObject({
      offered: 2,
      answeredWithinThreshold: 1,
      serviceLevelPercent: 50,
      longestWaitSeconds: 25,
    });
    expect(view.alerts.map((alert) => alert.kind)).toContain('service-level');
    // The day report has the board's numbers.
    const report = await kit.test.request<DayReport>(
      'GET',
      `/reports/supervision-day?clientId=${OWN_CLIENT.id}&day=${view.day}`,
      { token: supervisor.token },
    );
    expect(report.body.lines[0]).toEqual(line().today);
    expect(report.body.total).toMatchObject({ offered: 2, serviceLevelPercent: 50 });
    const csv = await kit.test.request<string>(
      'GET',
      `/reports/supervision-day?clientId=${OWN_CLIENT.id}&day=${view.day}&format=csv`,
      { token: supervisor.token },
    );
    expect(String(csv.body)).toContain(`${OWN_CLIENT.line},2,2,2,1,0,50,25,`);
  });

  it('offers nothing more to an agent the supervisor set not ready', async () => {
    const setup = await start();
    if (!setup) return;
    const { kit, supervisor, board } = setup;
    const longestIdle = await kit.agent('1002', kit.clock.now - 90_000);
    const next = await kit.agent('1003', kit.clock.now - 10_000);
    const answer = await kit.test.request(
      'POST',
      `/supervision/agents/${longestIdle.id}/not-ready`,
      { token: supervisor.token, body: { reason: 'Coaching' } },
    );
    expect(answer.status).toBe(204);
    // The agent's desk learns who set the break (it follows a supervisor's, not its own echo).
    expect(
      kit.events.find(
        (event) =>
          event.type === 'presence.changed' &&
          event.userId === longestIdle.id &&
          event.state === 'break',
      ),
    ).toMatchObject({ changedBy: supervisor.id, reason: 'Coaching' });
    const agents = (await board()).agents;
    expect(agents.find((agent) => agent.userId === longestIdle.id)).toMatchObject({
      state: 'break',
      reason: 'Coaching',
    });
    const callId = await kit.botCall();
    await kit.escalate(callId);
    await kit.pump();
    expect(offersTo(kit.events, longestIdle.id)).toEqual([]);
    expect(offersTo(kit.events, next.id).map((offer) => offer.callId)).toEqual([callId]);
    // The other one not ready too: the next call waits, offered to nobody.
    await kit.test.request('POST', `/supervision/agents/${next.id}/not-ready`, {
      token: supervisor.token,
      body: { reason: 'Pause' },
    });
    const waiting = await kit.botCall();
    await kit.escalate(waiting);
    await kit.pump();
    expect(kit.events.filter((event) => event.type === 'offer.created')).toHaveLength(1);
    const view = await board();
    expect(view.waitingCalls.find((call) => call.callId === waiting)?.offeredTo).toBeNull();
  });

  it('whispers to the agent on the call only; notes stay with the call', async () => {
    const setup = await start();
    if (!setup) return;
    const { kit, supervisor, accept } = setup;
    const audiences: [PortalEvent, EventAudience][] = [];
    kit.test.portal.context.events.subscribe((event, audience) =>
      audiences.push([event, audience]),
    );
    const onCall = await kit.agent('1002', kit.clock.now - 60_000);
    const bystander = await kit.agent('1003');
    const callId = await kit.botCall();
    await kit.escalate(callId);
    await accept(onCall);
    const sent = await kit.test.request<Whisper>('POST', `/supervision/calls/${callId}/whispers`, {
      token: supervisor.token,
      body: { text: 'Bitte Rückruf anbieten' },
    });
    expect(sent.status).toBe(201);
    const [event, audience] = audiences.find(([entry]) => entry.type === 'whisper.received')!;
    expect(event).toMatchObject({ agentUserId: onCall.id, callId, whisperId: sent.body.id });
    expect(audience).toEqual({ clientIds: [], userIds: [onCall.id] });
    const as = (id: string, role: 'agent' | 'supervisor') => ({
      id,
      userName: id,
      displayName: id,
      role,
      clientIds: new Set([OWN_CLIENT.id]),
      sessionId: 's',
    });
    expect(isInAudience(as(onCall.id, 'agent'), audience)).toBe(true);
    expect(isInAudience(as(bystander.id, 'agent'), audience)).toBe(false);
    expect(isInAudience(as(supervisor.id, 'supervisor'), audience)).toBe(false);
    const mine = await kit.test.request<Whisper[]>('GET', `/calls/${callId}/whispers`, {
      token: onCall.token,
    });
    expect(mine.body.map((entry) => entry.text)).toEqual(['Bitte Rückruf anbieten']);
    const theirs = await kit.test.request<Whisper[]>('GET', `/calls/${callId}/whispers`, {
      token: bystander.token,
    });
    expect(theirs.body).toEqual([]);
    await kit.test.request('POST', `/supervision/calls/${callId}/review-notes`, {
      token: supervisor.token,
      body: { text: 'Gut gelöst', segmentId: 'segment-1' },
    });
    const view = await kit.test.request<SupervisedCall>('GET', `/supervision/calls/${callId}`, {
      token: supervisor.token,
    });
    expect(view.body.call.callId).toBe(callId);
    expect(view.body.reviewNotes).toMatchObject([{ text: 'Gut gelöst', segmentId: 'segment-1' }]);
  });

  it('shows the whole transcript: the bot part and the human part the agent on the call reports', async () => {
    const setup = await start();
    if (!setup) return;
    const { kit, supervisor, accept } = setup;
    const onCall = await kit.agent('1002', kit.clock.now - 60_000);
    const bystander = await kit.agent('1003');
    const callId = await kit.botCall();
    await kit.botEvent({
      type: 'transcript-segment',
      callId,
      segmentId: 'b1',
      speaker: 'bot',
      text: 'Hier ist der KI-Assistent.',
      startMs: 0,
      endMs: 1_500,
      final: true,
    });
    await kit.escalate(callId);
    await accept(onCall);
    const report = (token: string, segments: unknown[]) =>
      kit.test.request('PUT', `/calls/${callId}/human-transcript`, { token, body: { segments } });
    const later = {
      segmentId: 'h2',
      speaker: 'caller',
      text: 'Es geht um die Frist.',
      startMs: 2_000,
      endMs: 3_500,
    };
    const first = {
      segmentId: 'h1',
      speaker: 'agent',
      text: 'Guten Tag, Sie sprechen mit Anna.',
      startMs: 0,
      endMs: 1_800,
    };
    expect((await report(onCall.token, [later, first])).status).toBe(204);
    expect((await report(bystander.token, [{ ...first, text: 'untergeschoben' }])).status).toBe(
      403,
    );
    expect((await report(supervisor.token, [first])).status).toBe(403);
    const view = async () =>
      (
        await kit.test.request<SupervisedCall>('GET', `/supervision/calls/${callId}`, {
          token: supervisor.token,
        })
      ).body;
    const shown = await view();
    expect(shown.call.transcript.map((segment) => segment.text)).toEqual([
      'Hier ist der KI-Assistent.',
    ]);
    expect(shown.humanTranscript.map((segment) => [segment.speaker, segment.text])).toEqual([
      ['agent', 'Guten Tag, Sie sprechen mit Anna.'],
      ['caller', 'Es geht um die Frist.'],
    ]);
    // The portal holds the human part only while the call is live.
    expect((await kit.botEvent({ type: 'ended', callId, by: 'caller' })).status).toBe(201);
    expect((await view()).humanTranscript).toEqual([]);
    expect((await report(onCall.token, [first])).status).toBe(409);
  });

  it('keeps the time in state when a desk re-reports the same state', async () => {
    const setup = await start();
    if (!setup) return;
    const { kit, board } = setup;
    const agent = await kit.agent('1002');
    const since = new Date(kit.clock.now).toISOString();
    kit.clock.now += 30_000;
    const again = await kit.test.request('PUT', '/presence', {
      token: agent.token,
      body: { state: 'available' },
    });
    expect(again.status).toBe(204);
    const entry = (await board()).agents.find((candidate) => candidate.userId === agent.id);
    expect(entry).toMatchObject({ state: 'available', stateSince: since });
  });

  it('logs an agent out: the token stops working and the agent is offline', async () => {
    const setup = await start();
    if (!setup) return;
    const { kit, supervisor, board } = setup;
    const agent = await kit.agent('1002');
    expect((await kit.test.request('GET', '/me', { token: agent.token })).status).toBe(200);
    const answer = await kit.test.request('POST', `/supervision/agents/${agent.id}/logout`, {
      token: supervisor.token,
    });
    expect(answer.status).toBe(204);
    expect((await kit.test.request('GET', '/me', { token: agent.token })).status).toBe(401);
    expect((await board()).agents.find((entry) => entry.userId === agent.id)?.state).toBe(
      'offline',
    );
  });

  it('raises a long-wait alert after 60 s and records its acknowledgement', async () => {
    const setup = await start();
    if (!setup) return;
    const { kit, supervisor, board } = setup;
    const callId = await kit.botCall();
    await kit.escalate(callId);
    kit.clock.now += 60_000;
    expect((await board()).alerts.filter((alert) => alert.kind === 'long-wait')).toEqual([]);
    kit.clock.now += 1_000;
    const alert = (await board()).alerts.find((entry) => entry.kind === 'long-wait');
    expect(alert).toMatchObject({ key: `long-wait:${callId}`, acknowledgedBy: null });
    const acknowledged = await kit.test.request('POST', '/supervision/alert-acknowledgements', {
      token: supervisor.token,
      body: { clientId: OWN_CLIENT.id, alertKey: alert?.key },
    });
    expect(acknowledged.status).toBe(204);
    expect((await board()).alerts.find((entry) => entry.key === alert?.key)?.acknowledgedBy).toBe(
      supervisor.id,
    );
  });
});
