/**
 * Issue 15: SIP the desk was not written for — a REFER from the caller, a transfer that
 * fails, a current caller who vanished during call waiting, a BYE before the ACK, hold from
 * the far end. Desks talk over the fake SIP network with real SIP.js on both sides.
 */
import { Invitation } from 'sip.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallState } from '../../../shared/domain/callState';
import { DEFAULT_RECOVERY_POLICY } from './sip/callRecovery';
import { SipNetworkFake } from './testing/sipNetworkFake';
import {
  allLegs,
  availableDesk as createDesk,
  connect,
  disposeDesksAfterEach,
  legs,
  onlyLeg,
  sessionOf,
} from './testing/softphoneTestDesks';

const desks = disposeDesksAfterEach();
const availableDesk = (
  network: SipNetworkFake,
  user: string,
  options: Parameters<typeof createDesk>[3] = {},
) => createDesk(desks, network, user, options);

afterEach(() => {
  vi.useRealTimers();
});

/** Generous: three desks on a loaded machine (the lab may run alongside). */
const waitFor = <T>(check: () => T) => vi.waitFor(check, { timeout: 5_000 });

const invitesTo = (network: SipNetworkFake, user: string) =>
  network.requestsOf('INVITE').filter((request) => request.text.startsWith(`INVITE sip:${user}@`));

describe('a REFER from the far end', () => {
  it('from a caller is refused with 403 by default and nothing is dialled', async () => {
    const network = new SipNetworkFake();
    const reception = await availableDesk(network, '1001');
    const caller = await availableDesk(network, '1003');
    const { callerLeg, calleeLeg } = await connect(caller, reception);
    // The caller's phone asks the reception to call a premium number.
    expect(await caller.engine.calls.blindTransfer(callerLeg, '0900 1234567')).toBe(false);
    expect(network.responses).toContainEqual({ status: 403, method: 'REFER' });
    expect(network.responses).not.toContainEqual({ status: 202, method: 'REFER' });
    expect(invitesTo(network, '+499001234567')).toHaveLength(0);
    const leg = reception.store.getState().legs[calleeLeg]!;
    expect(leg.state).toBe(CallState.Active);
    expect(leg.referRequest).toBeUndefined();
  });

  it("is shown to the agent when the client allows it, and the agent's refusal is a 603", async () => {
    const network = new SipNetworkFake();
    const reception = await availableDesk(network, '1001', { callerReferPolicy: 'ask' });
    const caller = await availableDesk(network, '1003');
    const { callerLeg, calleeLeg } = await connect(caller, reception);
    const transfer = caller.engine.calls.blindTransfer(callerLeg, '1002');
    await waitFor(() =>
      expect(reception.store.getState().legs[calleeLeg]!.referRequest).toEqual({
        targetLabel: '1002',
      }),
    );
    expect(invitesTo(network, '1002')).toHaveLength(0);
    await reception.engine.calls.answerReferRequest(calleeLeg, false);
    expect(await transfer).toBe(false);
    expect(network.responses).toContainEqual({ status: 603, method: 'REFER' });
    expect(reception.store.getState().legs[calleeLeg]!.referRequest).toBeUndefined();
  });

  it('accepted by the agent but failed (404): the call stays a normal call, not "transferred"', async () => {
    const network = new SipNetworkFake();
    const reception = await availableDesk(network, '1001', { callerReferPolicy: 'ask' });
    const caller = await availableDesk(network, '1003');
    const { callerLeg, calleeLeg } = await connect(caller, reception);
    const transfer = caller.engine.calls.blindTransfer(callerLeg, '1009');
    await waitFor(() =>
      expect(reception.store.getState().legs[calleeLeg]!.referRequest).toBeDefined(),
    );
    await reception.engine.calls.answerReferRequest(calleeLeg, true);
    expect(await transfer).toBe(false);
    // The caller stays and talks on, then hangs up.
    await caller.engine.calls.hangUp(callerLeg);
    await waitFor(() => expect(legs(reception)).toHaveLength(0));
    expect(reception.store.getState().legs[calleeLeg]).toMatchObject({
      state: CallState.Ended,
      outcome: 'completed',
    });
  });

  it("a colleague's transfer to a number that fails leaves the call 'completed' at the transferee", async () => {
    const network = new SipNetworkFake();
    const agent = await availableDesk(network, '1001');
    const transferee = await availableDesk(network, '1003');
    const { calleeLeg: agentLeg, callerLeg } = await connect(transferee, agent);
    expect(await agent.engine.calls.blindTransfer(agentLeg, '1009')).toBe(false);
    expect(network.responses).toContainEqual({ status: 202, method: 'REFER' });
    await agent.engine.calls.hangUp(agentLeg);
    await waitFor(() => expect(legs(transferee)).toHaveLength(0));
    expect(transferee.store.getState().legs[callerLeg]).toMatchObject({ outcome: 'completed' });
  });
});

describe('call waiting when the current caller has vanished', () => {
  it('answers the waiting call at once and ends the vanished one when its hold gets 408', async () => {
    const network = new SipNetworkFake();
    const gone = await availableDesk(network, '1002');
    const reception = await availableDesk(network, '1001');
    const waitingCaller = await availableDesk(network, '1003');
    const first = await connect(gone, reception);
    // The caller vanishes after its ACK (the call is fully up), without a BYE.
    await waitFor(() => expect(network.requestsOf('ACK')).toHaveLength(1));
    network.vanish('1002');
    await waitingCaller.engine.calls.dial('1001');
    await waitFor(() => expect(legs(reception)).toHaveLength(2));
    const waiting = legs(reception).find((leg) => leg.state === CallState.Ringing)!;
    void reception.engine.calls.answer(waiting.id);
    // The hold re-INVITE to the vanished caller is still unanswered, the new call talks.
    await waitFor(() =>
      expect(reception.store.getState().legs[waiting.id]!.state).toBe(CallState.Active),
    );
    expect(reception.store.getState().legs[first.calleeLeg]!.pending).toBe('hold');
    network.timeOutVanished();
    await waitFor(() =>
      expect(reception.store.getState().legs[first.calleeLeg]).toMatchObject({
        state: CallState.Failed,
        outcome: 'failed',
        statusCode: 408,
        lastError: 'far-end-gone',
      }),
    );
    expect(onlyLeg(reception).id).toBe(waiting.id);
  });
});

describe('hold from the far end', () => {
  it('shows the remote hold (sendonly re-INVITE) and its end', async () => {
    const network = new SipNetworkFake();
    const reception = await availableDesk(network, '1001');
    const caller = await availableDesk(network, '1003');
    const { callerLeg, calleeLeg } = await connect(caller, reception);
    expect(await caller.engine.calls.setHold(callerLeg, true)).toBe(true);
    expect(reception.store.getState().legs[calleeLeg]).toMatchObject({
      state: CallState.Active,
      remoteHold: true,
    });
    expect(await caller.engine.calls.setHold(callerLeg, false)).toBe(true);
    expect(reception.store.getState().legs[calleeLeg]!.remoteHold).toBe(false);
  });

  it('holds on both sides when both put the call on hold at the same moment (491, retried)', async () => {
    // Short glare delays; the owner of the Call-ID (the caller) still waits longer.
    const recoveryPolicy = {
      ...DEFAULT_RECOVERY_POLICY,
      glareOwnerMs: [150, 200] as const,
      glareOtherMs: [0, 50] as const,
    };
    const network = new SipNetworkFake();
    const reception = await availableDesk(network, '1001', { recoveryPolicy });
    const caller = await availableDesk(network, '1003', { recoveryPolicy });
    const { callerLeg, calleeLeg } = await connect(caller, reception);
    const [receptionHeld, callerHeld] = await Promise.all([
      reception.engine.calls.setHold(calleeLeg, true),
      caller.engine.calls.setHold(callerLeg, true),
    ]);
    // The two re-INVITEs crossed: at least one side was answered 491 Request Pending.
    expect(network.responses).toContainEqual({ status: 491, method: 'INVITE' });
    expect([receptionHeld, callerHeld]).toEqual([true, true]);
    expect(reception.store.getState().legs[calleeLeg]).toMatchObject({
      state: CallState.Held,
      remoteHold: true,
      lastError: undefined,
    });
    expect(caller.store.getState().legs[callerLeg]).toMatchObject({
      state: CallState.Held,
      remoteHold: true,
      lastError: undefined,
    });
  });
});

describe('a BYE before the ACK', () => {
  const SDP =
    'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n';
  const request = (method: string, cseq: number, toTag: string, body = '') =>
    [
      `${method} sip:1001@lab.test SIP/2.0`,
      `Via: SIP/2.0/WS caller.invalid;branch=z9hG4bK${method}${cseq}`,
      'Max-Forwards: 70',
      'From: <sip:+4915112345678@carrier.test>;tag=c1',
      `To: <sip:1001@lab.test>${toTag ? `;tag=${toTag}` : ''}`,
      'Call-ID: bye-before-ack',
      `CSeq: ${cseq} ${method}`,
      'Contact: <sip:caller@caller.invalid;transport=ws>',
      ...(body ? ['Content-Type: application/sdp'] : []),
      `Content-Length: ${body.length}`,
      '',
      body,
    ].join('\r\n');

  it('ends the call without an error or a BYE of its own when the 2xx timer expires', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const network = new SipNetworkFake();
    const reception = await availableDesk(network, '1001');
    network.inject('1001', request('INVITE', 1, '', SDP));
    await waitFor(() => expect(legs(reception)).toHaveLength(1));
    const leg = onlyLeg(reception);
    await reception.engine.calls.answer(leg.id);
    const session = sessionOf(reception, leg.id) as Invitation;
    const toTag = session.dialog!.localTag;
    network.inject('1001', request('BYE', 2, toTag));
    await waitFor(() => expect(allLegs(reception)[0]!.state).toBe(CallState.Ended));
    expect(network.requestsOf('BYE')).toHaveLength(0);
    // Timer L (64·T1) ends the INVITE transaction that never saw its ACK.
    expect(() => vi.advanceTimersByTime(40_000)).not.toThrow();
    expect(network.requestsOf('BYE')).toHaveLength(0);
  });
});
