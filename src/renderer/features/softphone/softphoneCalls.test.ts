import { SessionState, type Session } from 'sip.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallState } from '../../../shared/domain/callState';
import { liveLegs, currentClientLine, type CallLeg } from './callStore';
import { SessionDescriptionHandlerFake } from './testing/sessionDescriptionHandlerFake';
import { createSoftphoneDeskFake, type SoftphoneDeskFake } from './testing/softphoneDeskFake';
import { SipNetworkFake } from './testing/sipNetworkFake';

const desks: SoftphoneDeskFake[] = [];

afterEach(async () => {
  for (const created of desks.splice(0)) await created.engine.dispose();
});

async function availableDesk(network: SipNetworkFake, user: string, options = {}) {
  const desk = await createSoftphoneDeskFake(network, user, options);
  desks.push(desk);
  await vi.waitFor(() => expect(desk.store.getState().registration.health).toBe('registered'));
  expect(desk.engine.setPresence('available')).toEqual({ ok: true });
  return desk;
}

const legs = (desk: SoftphoneDeskFake): CallLeg[] => liveLegs(desk.store.getState());
const allLegs = (desk: SoftphoneDeskFake): CallLeg[] => {
  const state = desk.store.getState();
  return state.legOrder.map((id) => state.legs[id]!);
};
const onlyLeg = (desk: SoftphoneDeskFake): CallLeg => {
  const live = legs(desk);
  expect(live).toHaveLength(1);
  return live[0]!;
};

/** The SIP.js session of a leg, through the controller's private map (test-only access). */
function handlerOf(desk: SoftphoneDeskFake, legId: string): SessionDescriptionHandlerFake {
  const runtimes = (desk.engine.calls as unknown as { runtimes: Map<string, { session: Session }> })
    .runtimes;
  return runtimes.get(legId)!.session.sessionDescriptionHandler as SessionDescriptionHandlerFake;
}

/** Rings `callee` from `caller`, answers and waits until both legs are active. */
async function connect(caller: SoftphoneDeskFake, callee: SoftphoneDeskFake) {
  const dialled = await caller.engine.calls.dial(callee.user);
  expect(dialled.ok).toBe(true);
  await vi.waitFor(() =>
    expect(legs(callee).find((leg) => leg.state === CallState.Ringing)).toBeDefined(),
  );
  const ringing = legs(callee).find((leg) => leg.state === CallState.Ringing)!;
  await callee.engine.calls.answer(ringing.id);
  const callerLeg = (dialled as { id: string }).id;
  await vi.waitFor(() => {
    expect(caller.store.getState().legs[callerLeg]?.state).toBe(CallState.Active);
    expect(callee.store.getState().legs[ringing.id]?.state).toBe(CallState.Active);
  });
  return { callerLeg, calleeLeg: ringing.id };
}

describe('calls between two desks', () => {
  it('rings with number, ringer and notification, answers, and hangs up on both sides', async () => {
    const network = new SipNetworkFake();
    const alice = await availableDesk(network, '1001');
    const bob = await availableDesk(network, '1002');
    await alice.engine.calls.dial('1002');
    await vi.waitFor(() => expect(onlyLeg(bob).state).toBe(CallState.Ringing));
    const ringing = onlyLeg(bob);
    expect(ringing).toMatchObject({
      direction: 'incoming',
      remoteNumber: '1001',
      remoteLabel: '1001',
    });
    expect(onlyLeg(alice)).toMatchObject({ direction: 'outgoing', state: CallState.Dialling });
    expect(bob.ringer.ringing).toBe('incoming');
    expect(bob.notifier.shown.size).toBe(1);
    await vi.waitFor(() =>
      expect(network.responses.some((response) => response.status === 180)).toBe(true),
    );

    await bob.engine.calls.answer(ringing.id);
    await vi.waitFor(() => expect(onlyLeg(alice).state).toBe(CallState.Active));
    expect(onlyLeg(bob).state).toBe(CallState.Active);
    expect(onlyLeg(bob).connectedAt).toBeDefined();
    expect(bob.ringer.ringing).toBeUndefined();
    expect(bob.notifier.shown.size).toBe(0);

    await alice.engine.calls.hangUp(onlyLeg(alice).id);
    await vi.waitFor(() => expect(legs(bob)).toHaveLength(0));
    expect(allLegs(alice)[0]).toMatchObject({ state: CallState.Ended, outcome: 'completed' });
    expect(allLegs(bob)[0]).toMatchObject({ state: CallState.Ended, outcome: 'completed' });
    expect(alice.store.getState().lastDialled).toBe('1002');
  });

  it('declines with 486 and reports busy to the caller', async () => {
    const network = new SipNetworkFake();
    const alice = await availableDesk(network, '1001');
    const bob = await availableDesk(network, '1002');
    await alice.engine.calls.dial('1002');
    await vi.waitFor(() => expect(legs(bob)).toHaveLength(1));
    await bob.engine.calls.decline(onlyLeg(bob).id);
    await vi.waitFor(() => expect(legs(alice)).toHaveLength(0));
    expect(network.responses.some((response) => response.status === 486)).toBe(true);
    expect(allLegs(alice)[0]).toMatchObject({ state: CallState.Failed, outcome: 'busy' });
    expect(allLegs(bob)[0]).toMatchObject({ state: CallState.Ended, outcome: 'declined' });
  });

  it('records a missed call when the caller gives up while ringing', async () => {
    const network = new SipNetworkFake();
    const alice = await availableDesk(network, '1001');
    const bob = await availableDesk(network, '1002');
    await alice.engine.calls.dial('1002');
    await vi.waitFor(() => expect(legs(bob)).toHaveLength(1));
    await alice.engine.calls.hangUp(onlyLeg(alice).id);
    await vi.waitFor(() => expect(legs(bob)).toHaveLength(0));
    expect(allLegs(bob)[0]).toMatchObject({ state: CallState.Ended, outcome: 'missed' });
    // Alice ends when the 487 arrives, which may be a moment after Bob saw the CANCEL.
    await vi.waitFor(() =>
      expect(allLegs(alice)[0]).toMatchObject({ state: CallState.Ended, outcome: 'cancelled' }),
    );
  });

  it('shows the dialled client line of a DID call (the client card hook)', async () => {
    const network = new SipNetworkFake();
    const reception = await availableDesk(network, '1001');
    const caller = await availableDesk(network, '1003');
    await caller.engine.calls.dial('030 123456');
    await vi.waitFor(() => expect(legs(reception)).toHaveLength(1));
    expect(onlyLeg(reception).clientLine).toBe('+4930123456');
    expect(currentClientLine(reception.store.getState())).toBe('+4930123456');
    expect(onlyLeg(caller).remoteLabel).toBe('030 123456');
  });

  it('rejects calls with 480 when the agent is not available', async () => {
    const network = new SipNetworkFake();
    const alice = await availableDesk(network, '1001');
    const bob = await availableDesk(network, '1002');
    bob.engine.setPresence('break', 'Pause');
    await alice.engine.calls.dial('1002');
    await vi.waitFor(() => expect(legs(alice)).toHaveLength(0));
    expect(network.responses.some((response) => response.status === 480)).toBe(true);
    expect(allLegs(bob)).toHaveLength(0);
  });

  it('refuses garbage dial input without sending anything', async () => {
    const network = new SipNetworkFake();
    const alice = await availableDesk(network, '1001');
    const invitesBefore = network.requestsOf('INVITE').length;
    expect(await alice.engine.calls.dial('call me maybe')).toEqual({
      ok: false,
      problem: 'invalid-number',
    });
    expect(network.requestsOf('INVITE')).toHaveLength(invitesBefore);
  });
});

describe('in-call operations', () => {
  it('holds with a sendonly re-INVITE and resumes with sendrecv', async () => {
    const network = new SipNetworkFake();
    const alice = await availableDesk(network, '1001');
    const bob = await availableDesk(network, '1002');
    const { callerLeg } = await connect(alice, bob);
    const invites = () => network.requestsOf('INVITE').map((request) => request.text);
    const before = invites().length;
    expect(await alice.engine.calls.setHold(callerLeg, true)).toBe(true);
    expect(alice.store.getState().legs[callerLeg]!.state).toBe(CallState.Held);
    expect(invites()).toHaveLength(before + 1);
    expect(invites().at(-1)).toMatch(/a=sendonly/);
    expect(handlerOf(alice, callerLeg)).toMatchObject({ sending: false, receiving: false });
    expect(await alice.engine.calls.setHold(callerLeg, false)).toBe(true);
    expect(alice.store.getState().legs[callerLeg]!.state).toBe(CallState.Active);
    expect(invites().at(-1)).toMatch(/a=sendrecv/);
    expect(handlerOf(alice, callerLeg)).toMatchObject({ sending: true, receiving: true });
  });

  it('mutes by disabling the sending track, kept across hold and resume', async () => {
    const network = new SipNetworkFake();
    const alice = await availableDesk(network, '1001');
    const bob = await availableDesk(network, '1002');
    const { callerLeg } = await connect(alice, bob);
    alice.engine.calls.setMuted(callerLeg, true);
    expect(alice.store.getState().legs[callerLeg]!.muted).toBe(true);
    expect(handlerOf(alice, callerLeg).sending).toBe(false);
    await alice.engine.calls.setHold(callerLeg, true);
    await alice.engine.calls.setHold(callerLeg, false);
    expect(handlerOf(alice, callerLeg)).toMatchObject({ sending: false, receiving: true });
    alice.engine.calls.setMuted(callerLeg, false);
    expect(handlerOf(alice, callerLeg).sending).toBe(true);
  });

  it('sends DTMF in the media (RFC 4733) and rejects invalid tones', async () => {
    const network = new SipNetworkFake();
    const alice = await availableDesk(network, '1001');
    const bob = await availableDesk(network, '1002');
    const { callerLeg } = await connect(alice, bob);
    expect(await alice.engine.calls.sendDtmf(callerLeg, '5')).toBe(true);
    expect(await alice.engine.calls.sendDtmf(callerLeg, '#')).toBe(true);
    expect(await alice.engine.calls.sendDtmf(callerLeg, 'x')).toBe(false);
    expect(handlerOf(alice, callerLeg).dtmfSent).toEqual(['5', '#']);
    expect(network.requestsOf('INFO')).toHaveLength(0);
  });

  it('falls back to SIP INFO for DTMF when no telephone-event was negotiated', async () => {
    const network = new SipNetworkFake();
    const alice = await availableDesk(network, '1001', { rfc4733: false });
    const bob = await availableDesk(network, '1002');
    const { callerLeg } = await connect(alice, bob);
    expect(await alice.engine.calls.sendDtmf(callerLeg, '7')).toBe(true);
    await vi.waitFor(() => expect(network.requestsOf('INFO')).toHaveLength(1));
    const info = network.requestsOf('INFO')[0]!.text;
    expect(info).toMatch(/Content-Type: application\/dtmf-relay/i);
    expect(info).toMatch(/Signal=7\r\nDuration=160/);
  });

  it('answers a waiting call by holding the first, and swaps between them', async () => {
    const network = new SipNetworkFake();
    const alice = await availableDesk(network, '1001');
    const bob = await availableDesk(network, '1002');
    const carol = await availableDesk(network, '1003');
    const first = await connect(alice, bob);
    await carol.engine.calls.dial('1002');
    await vi.waitFor(() =>
      expect(legs(bob).some((leg) => leg.state === CallState.Ringing)).toBe(true),
    );
    expect(bob.ringer.ringing).toBe('waiting');
    const waiting = legs(bob).find((leg) => leg.state === CallState.Ringing)!;
    expect(waiting.remoteNumber).toBe('1003');
    await bob.engine.calls.answer(waiting.id);
    await vi.waitFor(() =>
      expect(bob.store.getState().legs[waiting.id]!.state).toBe(CallState.Active),
    );
    expect(bob.store.getState().legs[first.calleeLeg]!.state).toBe(CallState.Held);
    await bob.engine.calls.swap(first.calleeLeg);
    expect(bob.store.getState().legs[first.calleeLeg]!.state).toBe(CallState.Active);
    expect(bob.store.getState().legs[waiting.id]!.state).toBe(CallState.Held);
  });

  it('answers a fourth call with 486 while two calls are live', async () => {
    const network = new SipNetworkFake();
    const alice = await availableDesk(network, '1001');
    const bob = await availableDesk(network, '1002');
    const carol = await availableDesk(network, '1003');
    const dave = await availableDesk(network, '1004');
    await connect(alice, bob);
    await carol.engine.calls.dial('1002');
    await vi.waitFor(() => expect(legs(bob)).toHaveLength(2));
    await dave.engine.calls.dial('1002');
    await vi.waitFor(() => expect(legs(dave)).toHaveLength(0));
    expect(allLegs(dave)[0]).toMatchObject({ outcome: 'busy', statusCode: 486 });
  });
});

describe('transfers', () => {
  it('blind transfer: holds, REFERs, and the transferee reaches the target', async () => {
    const network = new SipNetworkFake();
    const agent = await availableDesk(network, '1001');
    const colleague = await availableDesk(network, '1002');
    const caller = await availableDesk(network, '1003');
    const { calleeLeg: agentLeg, callerLeg } = await connect(caller, agent);
    const transfer = agent.engine.calls.blindTransfer(agentLeg, '1002');
    await vi.waitFor(() =>
      expect(legs(colleague).some((leg) => leg.state === CallState.Ringing)).toBe(true),
    );
    expect(agent.store.getState().legs[agentLeg]!.state).toBe(CallState.Transferring);
    expect(network.requestsOf('REFER')[0]!.text).toMatch(/Refer-To: sip:1002@lab\.test/);
    const ringing = onlyLeg(colleague);
    expect(ringing.remoteNumber).toBe('1003');
    await colleague.engine.calls.answer(ringing.id);
    expect(await transfer).toBe(true);
    await vi.waitFor(() => expect(legs(agent)).toHaveLength(0));
    expect(allLegs(agent)[0]).toMatchObject({ state: CallState.Ended, outcome: 'transferred' });
    await vi.waitFor(() => {
      expect(caller.store.getState().legs[callerLeg]!.state).toBe(CallState.Ended);
      expect(onlyLeg(caller).state).toBe(CallState.Active);
    });
    expect(onlyLeg(colleague).state).toBe(CallState.Active);
  });

  it('blind transfer to a target that rejects returns the call to held', async () => {
    const network = new SipNetworkFake();
    const agent = await availableDesk(network, '1001');
    const caller = await availableDesk(network, '1003');
    const { calleeLeg: agentLeg } = await connect(caller, agent);
    expect(await agent.engine.calls.blindTransfer(agentLeg, '1009')).toBe(false);
    const leg = agent.store.getState().legs[agentLeg]!;
    expect(leg).toMatchObject({ state: CallState.Held, lastError: 'transfer-failed' });
    expect(await agent.engine.calls.setHold(agentLeg, false)).toBe(true);
  });

  it('attended transfer: consult, then REFER with Replaces joins caller and colleague', async () => {
    const network = new SipNetworkFake();
    const agent = await availableDesk(network, '1001');
    const colleague = await availableDesk(network, '1002');
    const caller = await availableDesk(network, '1003');
    const { calleeLeg: agentLeg } = await connect(caller, agent);
    const consultation = await agent.engine.calls.startConsultation(agentLeg, '1002');
    expect(consultation.ok).toBe(true);
    expect(agent.store.getState().legs[agentLeg]!.state).toBe(CallState.Consulting);
    await vi.waitFor(() => expect(legs(colleague)).toHaveLength(1));
    await colleague.engine.calls.answer(onlyLeg(colleague).id);
    const consultId = (consultation as { id: string }).id;
    await vi.waitFor(() =>
      expect(agent.store.getState().legs[consultId]!.state).toBe(CallState.Active),
    );
    expect(agent.store.getState().legs[consultId]!.consultationFor).toBe(agentLeg);
    const colleagueConsultLeg = onlyLeg(colleague).id;

    expect(await agent.engine.calls.completeAttendedTransfer(agentLeg)).toBe(true);
    const refer = network.requestsOf('REFER')[0]!.text;
    expect(refer).toMatch(/Refer-To: <sip:1002@lab\.test\?Replaces=/);
    await vi.waitFor(() => expect(legs(agent)).toHaveLength(0));
    expect(allLegs(agent).map((leg) => leg.outcome)).toEqual(['transferred', 'transferred']);
    await vi.waitFor(() => {
      expect(onlyLeg(colleague).state).toBe(CallState.Active);
      expect(onlyLeg(colleague).remoteNumber).toBe('1003');
      expect(onlyLeg(caller).state).toBe(CallState.Active);
    });
    expect(colleague.store.getState().legs[colleagueConsultLeg]!.outcome).toBe('replaced');
    // The target took over without ringing.
    expect(colleague.ringer.started).toEqual(['incoming']);
  });

  it('a consultation that ends returns the original call to held', async () => {
    const network = new SipNetworkFake();
    const agent = await availableDesk(network, '1001');
    const colleague = await availableDesk(network, '1002');
    const caller = await availableDesk(network, '1003');
    const { calleeLeg: agentLeg } = await connect(caller, agent);
    await agent.engine.calls.startConsultation(agentLeg, '1002');
    await vi.waitFor(() => expect(legs(colleague)).toHaveLength(1));
    await colleague.engine.calls.decline(onlyLeg(colleague).id);
    await vi.waitFor(() =>
      expect(agent.store.getState().legs[agentLeg]!.state).toBe(CallState.Held),
    );
  });
});

describe('hostile INVITEs', () => {
  const invite = (displayName: string, body: string, contentType = 'application/sdp') =>
    [
      'INVITE sip:1001@lab.test SIP/2.0',
      'Via: SIP/2.0/WS hostile.invalid;branch=z9hG4bK' + Math.random().toString(36).slice(2),
      'Max-Forwards: 70',
      `From: "${displayName}" <sip:+4915112345678@carrier.test>;tag=h1`,
      'To: <sip:+4930123456@lab.test>',
      `Call-ID: hostile-${Math.random().toString(36).slice(2)}`,
      'CSeq: 1 INVITE',
      'Contact: <sip:caller@hostile.invalid;transport=ws>',
      `Content-Type: ${contentType}`,
      `Content-Length: ${new TextEncoder().encode(body).length}`,
      '',
      body,
    ].join('\r\n');
  const audioSdp =
    'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n';
  const videoOnlySdp =
    'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=video 4002 RTP/AVP 96\r\na=rtpmap:96 VP8/90000\r\n';

  it('shows a 2 KB, bidi and zero-width laden name as capped plain text', async () => {
    const network = new SipNetworkFake();
    const agent = await availableDesk(network, '1001');
    const name = `\u202eevil\u200b<script>alert(1)</script>${'A'.repeat(2048)}`;
    network.inject('1001', invite(name, audioSdp));
    await vi.waitFor(() => expect(legs(agent)).toHaveLength(1));
    const leg = onlyLeg(agent);
    expect(Array.from(leg.remoteName)).toHaveLength(64);
    expect(leg.remoteName.startsWith('evil<script>alert(1)</script>AAA')).toBe(true);
    expect(leg.remoteName).not.toMatch(/[\u202a-\u202e\u200b]/);
    expect(leg.remoteLabel).toBe('0151 12345678');
    expect(leg.clientLine).toBe('+4930123456');
  });

  it('rejects an SDP without audio with 488 and never rings', async () => {
    const network = new SipNetworkFake();
    const agent = await availableDesk(network, '1001');
    network.inject('1001', invite('Video', videoOnlySdp));
    await vi.waitFor(() =>
      expect(network.responses.some((response) => response.status === 488)).toBe(true),
    );
    expect(allLegs(agent)).toHaveLength(0);
    expect(agent.ringer.started).toEqual([]);
  });

  it('rejects a non-SDP body with 415', async () => {
    const network = new SipNetworkFake();
    await availableDesk(network, '1001');
    network.inject('1001', invite('X', '<html></html>', 'text/html'));
    await vi.waitFor(() =>
      expect(network.responses.some((response) => response.status === 415)).toBe(true),
    );
  });

  it('keeps working after a message with an absurd Content-Length', async () => {
    const network = new SipNetworkFake();
    const agent = await availableDesk(network, '1001');
    network.inject(
      '1001',
      invite('Long', audioSdp).replace(/Content-Length: \d+/, 'Content-Length: 99999999'),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const caller = await availableDesk(network, '1003');
    await caller.engine.calls.dial('1001');
    await vi.waitFor(() =>
      expect(legs(agent).some((leg) => leg.remoteNumber === '1003')).toBe(true),
    );
  });
});

describe('session bookkeeping', () => {
  it('ends every call when the engine is disposed', async () => {
    const network = new SipNetworkFake();
    const alice = await availableDesk(network, '1001');
    const bob = await availableDesk(network, '1002');
    const { callerLeg } = await connect(alice, bob);
    const runtimes = (
      alice.engine.calls as unknown as { runtimes: Map<string, { session: Session }> }
    ).runtimes;
    const session = runtimes.get(callerLeg)!.session;
    await alice.engine.dispose();
    desks.splice(desks.indexOf(alice), 1);
    expect(session.state).toBe(SessionState.Terminated);
    await vi.waitFor(() => expect(legs(bob)).toHaveLength(0));
  });
});
