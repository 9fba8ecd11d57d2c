/**
 * The handed-over INVITE of an accepted escalation offer is answered by itself, matched by the
 * `X-Empfang-Handover` token alone; every other INVITE rings as before (issue 9).
 */
import { Inviter, SessionState, UserAgent } from 'sip.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallState } from '../../../shared/domain/callState';
import { liveLegs, type CallLeg } from './callStore';
import { createSoftphoneDeskFake, type SoftphoneDeskFake } from './testing/softphoneDeskFake';
import { SipNetworkFake } from './testing/sipNetworkFake';

const TOKEN = 'tok_5b1e0c9a7d3f4e21';

const desks: SoftphoneDeskFake[] = [];
const sessions: Inviter[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) {
    if (session.state === SessionState.Established) await session.bye().catch(() => undefined);
  }
  for (const desk of desks.splice(0)) await desk.engine.dispose();
});

async function availableDesk(network: SipNetworkFake, user: string): Promise<SoftphoneDeskFake> {
  const desk = await createSoftphoneDeskFake(network, user);
  desks.push(desk);
  await vi.waitFor(() => expect(desk.store.getState().registration.health).toBe('registered'));
  expect(desk.engine.setPresence('available')).toEqual({ ok: true });
  return desk;
}

interface Network {
  network: SipNetworkFake;
  agent: SoftphoneDeskFake;
  /** Sends an INVITE to the agent as the proxy forwards a handover (optional token header). */
  handOver(token: string | undefined): void;
}

async function handoverNetwork(): Promise<Network> {
  const network = new SipNetworkFake();
  const agent = await availableDesk(network, '1001');
  // The lab's proxy role is played by a second user agent on the fake network (test-only
  // access to its SIP.js user agent), so the INVITE carries the proxy's headers.
  const proxy = await availableDesk(network, '1009');
  const userAgent = (proxy.engine as unknown as { account: { userAgent: UserAgent } }).account
    .userAgent;
  return {
    network,
    agent,
    handOver: (token) => {
      const inviter = new Inviter(userAgent, UserAgent.makeURI('sip:1001@lab.test')!, {
        extraHeaders: [
          'X-Empfang-Call-Id: 6f1f3c52-5b0e-4d43-9d6a-0c1b2a3d4e5f',
          ...(token === undefined ? [] : [`X-Empfang-Handover: ${token}`]),
        ],
      });
      sessions.push(inviter);
      void inviter.invite().catch(() => undefined);
    },
  };
}

const onlyLeg = async (desk: SoftphoneDeskFake): Promise<CallLeg> => {
  await vi.waitFor(() => expect(liveLegs(desk.store.getState())).toHaveLength(1));
  return liveLegs(desk.store.getState())[0]!;
};

describe('handover INVITEs', () => {
  it('answers the INVITE with the accepted token by itself and tells which leg took the call', async () => {
    const { network, agent: desk, handOver } = await handoverNetwork();
    const answered: [string, string][] = [];
    desk.engine.handover.onAnswered((legId, handover) => answered.push([legId, handover.callId]));
    desk.engine.handover.expect({
      handoverToken: TOKEN,
      callId: 'bot-call-1',
      acceptedAt: Date.now(),
    });
    handOver(TOKEN);
    const leg = await onlyLeg(desk);
    await vi.waitFor(() =>
      expect(desk.store.getState().legs[leg.id]!.state).not.toBe(CallState.Ringing),
    );
    await vi.waitFor(() =>
      expect(network.responses.some((response) => response.status === 200)).toBe(true),
    );
    expect(desk.ringer.started).toEqual([]);
    expect(answered).toEqual([[leg.id, 'bot-call-1']]);
  });

  it('gives the handed-over leg the line of the accepted offer (the INVITE carries none)', async () => {
    const { agent: desk, handOver } = await handoverNetwork();
    desk.engine.handover.expect({
      handoverToken: TOKEN,
      callId: 'bot-call-1',
      line: '+493023125101',
      acceptedAt: Date.now(),
    });
    handOver(TOKEN);
    expect((await onlyLeg(desk)).clientLine).toBe('+493023125101');
  });

  it('holds a token INVITE that beats the accept answer, and answers it once the token is known', async () => {
    const { network, agent: desk, handOver } = await handoverNetwork();
    desk.engine.setPresence('after-call-work');
    const settle = desk.engine.handover.accepting();
    handOver(TOKEN);
    await vi.waitFor(() => expect(network.requestsOf('INVITE').length).toBeGreaterThan(0));
    await vi.waitFor(() =>
      expect(network.responses.some((response) => response.status === 100)).toBe(true),
    );
    // Neither rung nor refused while the accept is under way.
    expect(liveLegs(desk.store.getState())).toHaveLength(0);
    expect(network.responses.some((response) => response.status >= 180)).toBe(false);
    desk.engine.handover.expect({
      handoverToken: TOKEN,
      callId: 'bot-call-1',
      line: '+493023125101',
      acceptedAt: Date.now(),
    });
    settle();
    const leg = await onlyLeg(desk);
    await vi.waitFor(() =>
      expect(network.responses.some((response) => response.status === 200)).toBe(true),
    );
    expect(leg.state).not.toBe(CallState.Ringing);
    expect(desk.ringer.started).toEqual([]);
  });

  it('rings a token INVITE normally once an accept under way is lost', async () => {
    const { agent: desk, handOver } = await handoverNetwork();
    const settle = desk.engine.handover.accepting();
    handOver(TOKEN);
    settle();
    expect((await onlyLeg(desk)).state).toBe(CallState.Ringing);
  });

  it('answers it also while the presence would refuse ordinary calls', async () => {
    const { agent: desk, handOver } = await handoverNetwork();
    desk.engine.setPresence('after-call-work');
    desk.engine.handover.expect({
      handoverToken: TOKEN,
      callId: 'bot-call-1',
      acceptedAt: Date.now(),
    });
    handOver(TOKEN);
    const leg = await onlyLeg(desk);
    expect(leg.state).not.toBe(CallState.Ringing);
  });

  it('rings an INVITE with another token', async () => {
    const { agent: desk, handOver } = await handoverNetwork();
    desk.engine.handover.expect({
      handoverToken: TOKEN,
      callId: 'bot-call-1',
      acceptedAt: Date.now(),
    });
    handOver('tok_0000000000000000');
    const leg = await onlyLeg(desk);
    expect(leg.state).toBe(CallState.Ringing);
    expect(desk.ringer.ringing).toBe('incoming');
  });

  it('rings an INVITE without the header even when an offer was accepted', async () => {
    const { agent: desk, handOver } = await handoverNetwork();
    desk.engine.handover.expect({
      handoverToken: TOKEN,
      callId: 'bot-call-1',
      acceptedAt: Date.now(),
    });
    handOver(undefined);
    expect((await onlyLeg(desk)).state).toBe(CallState.Ringing);
  });

  it('rings a token INVITE when no offer was accepted', async () => {
    const { agent: desk, handOver } = await handoverNetwork();
    handOver(TOKEN);
    expect((await onlyLeg(desk)).state).toBe(CallState.Ringing);
  });

  it('spends the token: a second INVITE with it rings', async () => {
    const { agent: desk, handOver } = await handoverNetwork();
    desk.engine.handover.expect({
      handoverToken: TOKEN,
      callId: 'bot-call-1',
      acceptedAt: Date.now(),
    });
    handOver(TOKEN);
    const first = await onlyLeg(desk);
    await vi.waitFor(() =>
      expect(desk.store.getState().legs[first.id]!.state).not.toBe(CallState.Ringing),
    );
    handOver(TOKEN);
    await vi.waitFor(() => expect(liveLegs(desk.store.getState())).toHaveLength(2));
    const second = liveLegs(desk.store.getState()).find((leg) => leg.id !== first.id)!;
    expect(second.state).toBe(CallState.Ringing);
  });
});
