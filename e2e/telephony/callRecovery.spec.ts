/**
 * A call survives a network cut (SECURITY.md rule 14, last clause): two agents talk
 * browser↔browser through Kamailio and rtpengine; the network is cut (iptables DROP via
 * lab/fault.sh) and restored. Each desk that lost its link must send an ICE-restart re-INVITE
 * that is accepted (the applied local SDP carries a new ice-ufrag), audio must flow both ways
 * within RECOVERY_LIMIT_MS after the restore, and the call must still be up on both desks
 * without a recovery notice.
 *
 * - media cut (12 s): SIP stays up, ICE breaks → the ICE-triggered restart (during the cut).
 * - SIP + media cut of both desks (8 s, three runs; and 30 s): both desks reconnect and
 *   re-register → the link-triggered restart. The first desk back usually re-INVITEs before the
 *   other has re-registered: that request dies in the dead connection (the lab Kamailio answers
 *   408 after 2 s), and the desk retries until the other is back (sip/callRecovery.ts).
 * - SIP + media cut of one desk (8 s): that desk connects over the lab's second ws port, so
 *   fault.sh can cut its signalling and its rtpengine port alone.
 * The proxy must send in-dialog requests to a desk's new WebSocket connection (the lab's
 * Kamailio does so in route WS_CURRENT_CONNECTION; a production PBX needs the same, e.g. SIP
 * outbound, RFC 5626), or no re-INVITE can reach a desk that reconnected.
 *
 * On loopback the media path itself comes back without any re-INVITE (same addresses; ICE
 * consent checks resume), so the audio checks show the call works after the restart, not that
 * the restart was needed; the re-INVITE and the new ICE credentials are checked separately.
 * Each run prints `recovery (…): … audio both ways N ms after restore`;
 * scripts/benchmarkCallRecovery.ts collects those lines into median / p95 / max.
 * Run inside the lab:
 *   bash lab/run-isolated.sh npx playwright test --project telephony e2e/telephony/callRecovery.spec.ts
 */
import type { Page } from '@playwright/test';
import {
  cutNetwork,
  LAB_WS_SECOND_PORT,
  LAB_WS_SECOND_URL,
  labSkipReason,
  restoreNetwork,
  type FaultScope,
} from '../support/lab';
import { answer, callIn, dial, incomingCard, type AgentDesk } from './support/agentDesk';
import { agentDeskSuite } from './support/agentDeskSuite';
import { measureFlow, probeEvents, type ProbeEvent } from './support/pageProbe';
import { expect, test } from './support/telephonyTest';

test.skip(!!labSkipReason(), labSkipReason());

/**
 * What is cut: `media` (rtpengine ports, both desks), `all` (SIP and media, both desks), or
 * `one` (SIP and media of Bob's desk only). Media-only cuts last 12 s, because Chromium reports
 * ICE `disconnected` only ~7 s into a cut and the desk allows ICE a 2 s grace to come back by
 * itself before it restarts; a shorter media cut heals on its own. SIP cuts need ≥ 8 s (the
 * watchdog notices the dead link after 5–7 s).
 */
type CutKind = 'media' | 'all' | 'one';
/**
 * From the restore to a new ICE session and audio both ways. Worst case on an idle machine:
 * both desks need up to ~4 s to re-register; the first one's re-INVITEs meanwhile get 408
 * after 2 s and are retried with back-off; the callee restarts 1–2 s after it answered the
 * caller's re-INVITE (about 10 s). Twice that, because CI machines are shared; the real figures are printed.
 */
const RECOVERY_LIMIT_MS = 20_000;
/** Per test: two web shell hosts and browsers start first, which takes long on a busy machine. */
const TEST_TIMEOUT_MS = 180_000;
/** 50 packets/s at 20 ms ptime: 1.5 s of flowing audio gives ~75; a dead path gives 0. */
const FLOWING_PACKETS = 30;
/** More re-INVITEs than this from one desk after one cut would be a storm. */
const MAX_REINVITES = 8;
/** How often the both-desks SIP + media cut runs in every CI run. */
const SIP_CUT_RUNS = 3;

/**
 * Logs every description each peer connection of the page applies (type, signalling state,
 * the ICE/DTLS lines) and every one it refuses (with the error and the whole SDP): printed when
 * a test fails. That is how the last open failure was found (an answer with the other DTLS
 * role: "Failed to set SSL role for the transport", then SIP.js's ACK + BYE).
 */
const WATCH_DESCRIPTIONS = `(() => {
  const log = (window.__empfangDescriptions = []);
  const lines = (sdp) => (sdp || '').split('\\r\\n')
    .filter((line) => /^a=(ice-ufrag|setup|fingerprint|mid)|^m=/.test(line)).join(' ; ');
  for (const name of ['setLocalDescription', 'setRemoteDescription']) {
    const original = RTCPeerConnection.prototype[name];
    RTCPeerConnection.prototype[name] = async function (description) {
      const before = this.signalingState;
      const type = description && description.type;
      const sdp = description && description.sdp;
      try {
        const result = await original.apply(this, arguments);
        log.push([Date.now(), name, type, before + ' → ' + this.signalingState, lines(sdp)]);
        return result;
      } catch (error) {
        log.push([Date.now(), name, type, 'REFUSED in ' + before, String(error), sdp]);
        throw error;
      }
    };
  }
})()`;

const { desk } = agentDeskSuite({ beforeClose: restoreNetwork });

/**
 * The ice-ufrag of the applied local description of the page's last peer connection (not a
 * pending offer: an unanswered re-INVITE must not count).
 */
function localUfrag(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const pc = window.__empfangProbe.peerConnections.at(-1);
    const sdp = (pc && pc.currentLocalDescription && pc.currentLocalDescription.sdp) || '';
    const match = /a=ice-ufrag:(\\S+)/.exec(sdp);
    return match ? match[1] : '';
  })()`) as Promise<string>;
}

/** re-INVITEs this page sent (an in-dialog INVITE carries a To tag; the probe logs only lines). */
function sentInvites(events: ProbeEvent[], since: number): ProbeEvent[] {
  return events.filter(
    (event) =>
      event.type === 'sip-sent' && event.line?.startsWith('INVITE ') && event.wall >= since,
  );
}

/** Final answers this page received to INVITEs (its own re-INVITEs after `since`). */
function inviteAnswers(events: ProbeEvent[], since: number): ProbeEvent[] {
  return events.filter(
    (event) =>
      event.type === 'sip-received' &&
      event.method === 'INVITE' &&
      /^SIP\/2\.0 [2-6]\d\d/.test(event.line ?? '') &&
      event.wall >= since,
  );
}

function report(name: string, value: string): void {
  test.info().annotations.push({ type: name, description: value });
  console.log(`${name}: ${value}`);
}

/** The rtpengine port the page's call talks to (the remote end of its selected ICE pair). */
function remoteMediaPort(page: Page): Promise<number> {
  return page.evaluate(`(async () => {
    const pc = window.__empfangProbe.peerConnections.at(-1);
    const stats = await pc.getStats();
    let pair;
    stats.forEach((entry) => {
      if (entry.type === 'transport' && entry.selectedCandidatePairId) {
        pair = stats.get(entry.selectedCandidatePairId);
      }
    });
    const remote = pair && stats.get(pair.remoteCandidateId);
    return remote ? remote.port : 0;
  })()`) as Promise<number>;
}

/** Alice calls Bob; Bob connects over the second ws port when he is to be cut alone. */
async function talkingPair(kind: CutKind): Promise<[AgentDesk, AgentDesk]> {
  const [alice, bob] = await Promise.all([
    desk('1001'),
    desk('1002', kind === 'one' ? { webSocketServer: LAB_WS_SECOND_URL } : {}),
  ]);
  await dial(alice.page, bob.user);
  await expect(incomingCard(bob.page)).toBeVisible();
  await answer(bob.page);
  await expect(callIn(alice.page, 'active')).toBeVisible();
  await expect(callIn(bob.page, 'active')).toBeVisible();
  for (const page of [alice.page, bob.page]) {
    expect((await measureFlow(page)).packetsReceived).toBeGreaterThan(FLOWING_PACKETS);
  }
  return [alice, bob];
}

/** The fault.sh scope of a cut. */
async function scopeOf(kind: CutKind, bob: AgentDesk): Promise<FaultScope> {
  if (kind !== 'one') return kind;
  const mediaPort = await remoteMediaPort(bob.page);
  expect(mediaPort).toBeGreaterThan(0);
  return `ports:${LAB_WS_SECOND_PORT},${mediaPort}`;
}

/** {@link expectRecoveryFromCut} on a new call, with the peer connections' logs on failure. */
async function cutAndExpectRecovery(kind: CutKind, cutMs: number): Promise<void> {
  const [alice, bob] = await talkingPair(kind);
  for (const page of [alice.page, bob.page]) await page.evaluate(WATCH_DESCRIPTIONS);
  try {
    await expectRecoveryFromCut(kind, cutMs, alice, bob);
  } catch (error) {
    for (const each of [alice, bob]) {
      const log = await each.page
        .evaluate('JSON.stringify(window.__empfangDescriptions)')
        .catch(() => 'page closed');
      report(`descriptions applied since the call was up (${each.user})`, String(log));
    }
    throw error;
  }
}

/**
 * Cuts for `cutMs`, restores, and checks: every desk that lost its link applied a new
 * ice-ufrag after a re-INVITE of its own that got a 200 (retries allowed, no storm), audio both
 * ways and both calls up without notice, all within RECOVERY_LIMIT_MS after the restore.
 */
async function expectRecoveryFromCut(
  kind: CutKind,
  cutMs: number,
  alice: AgentDesk,
  bob: AgentDesk,
): Promise<void> {
  const pages = [alice.page, bob.page];
  const cutDesks = kind === 'one' ? [bob] : [alice, bob];
  const ufragsBefore = await Promise.all(cutDesks.map((cut) => localUfrag(cut.page)));
  expect(ufragsBefore.every(Boolean)).toBe(true);

  const cutAt = await cutNetwork(await scopeOf(kind, bob));
  await alice.page.waitForTimeout(1_500);
  // The cut really stops the media (otherwise this test would prove nothing).
  for (const page of pages) expect((await measureFlow(page, 1_000)).packetsReceived).toBe(0);
  await alice.page.waitForTimeout(Math.max(0, cutAt + cutMs - Date.now()));
  const restoredAt = await restoreNetwork();
  const label = `${kind === 'one' ? 'one desk' : kind} ${Math.round(cutMs / 1_000)} s`;

  const renewedAfter: number[] = [];
  try {
    for (const [index, cut] of cutDesks.entries()) {
      await expect
        .poll(() => localUfrag(cut.page), {
          timeout: Math.max(1_000, restoredAt + RECOVERY_LIMIT_MS - Date.now()),
          intervals: [100],
        })
        .not.toBe(ufragsBefore[index]);
      renewedAfter.push(Date.now() - restoredAt);
    }
  } catch (error) {
    // What each desk sent and received since the cut, to tell a lost request from a refusal.
    for (const each of [alice, bob]) {
      const events = (await probeEvents(each.page)).filter(
        (event) => event.wall >= cutAt && event.type.startsWith('sip-'),
      );
      report(
        `SIP since the cut (${each.user})`,
        events.map((event) => `${event.wall - restoredAt} ${event.type} ${event.line}`).join(' / '),
      );
    }
    throw error;
  }
  for (const page of pages) {
    await expect
      .poll(async () => (await measureFlow(page, 1_000)).packetsReceived, {
        timeout: Math.max(1_000, restoredAt + RECOVERY_LIMIT_MS - Date.now()),
        intervals: [0],
      })
      .toBeGreaterThan(FLOWING_PACKETS / 1.5);
  }
  const audioBackAfter = Date.now() - restoredAt;

  const counts: string[] = [];
  for (const each of cutDesks) {
    const events = await probeEvents(each.page);
    const reInvites = sentInvites(events, cutAt);
    const answers = inviteAnswers(events, cutAt).map((event) => event.line ?? '');
    const firstAfterCut = reInvites[0] ? reInvites[0].wall - cutAt : -1;
    counts.push(
      `${each.user}: ${reInvites.length} re-INVITE(s), first ${firstAfterCut} ms after the cut, answers ${answers.join(' | ')}`,
    );
    expect(reInvites.length).toBeGreaterThanOrEqual(1);
    expect(reInvites.length).toBeLessThanOrEqual(MAX_REINVITES);
    expect(answers.some((line) => line.startsWith('SIP/2.0 200'))).toBe(true);
    // Over a dead link nothing is sent: after a SIP cut the restart follows the restore.
    if (kind !== 'media') expect(reInvites[0]!.wall).toBeGreaterThanOrEqual(restoredAt);
  }
  for (const page of pages) {
    await expect(callIn(page, 'active')).toBeVisible();
    await expect(callIn(page, 'active').getByRole('alert')).toHaveCount(0);
  }
  report(
    `recovery (${label})`,
    `cut ${restoredAt - cutAt} ms; new ice-ufrag ${renewedAfter.join(' / ')} ms and audio both ways ${audioBackAfter} ms after restore`,
  );
  report(`re-INVITEs (${label})`, counts.join('; '));
  await callIn(alice.page, 'active').locator('[data-action="hang-up"]').click();
  await expect(callIn(bob.page, 'ended')).toBeVisible();
}

test('12 s media cut, SIP up: ICE-triggered restart re-INVITE, audio back, call still up', async () => {
  test.setTimeout(TEST_TIMEOUT_MS);
  await cutAndExpectRecovery('media', 12_000);
});

for (let run = 1; run <= SIP_CUT_RUNS; run += 1) {
  test(`8 s cut of SIP and media on both desks: restart after re-registering, audio back, call still up (run ${run} of ${SIP_CUT_RUNS})`, async () => {
    test.setTimeout(TEST_TIMEOUT_MS);
    await cutAndExpectRecovery('all', 8_000);
  });
}

test('30 s cut of SIP and media on both desks: restart after re-registering, audio back, call still up', async () => {
  test.setTimeout(TEST_TIMEOUT_MS + 30_000);
  await cutAndExpectRecovery('all', 30_000);
});

test('8 s cut of one desk’s SIP and media: that desk restarts, audio back, call still up', async () => {
  test.setTimeout(TEST_TIMEOUT_MS);
  await cutAndExpectRecovery('one', 8_000);
});
