/**
 * Steps and measurements of the hybrid takeover spec (e2e/telephony/hybridTakeover.spec.ts):
 * polling the portal until a bot call reaches a state, driving the lab voicebot to an
 * escalation, and the two desk-side figures of issue 9 that `scripts/benchmarkHybrid.ts` reads
 * from the spec's annotations (figures only; nothing here asserts a time).
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import type { BotCallDetail, BotCallSummary } from '../../../src/shared/portalWire/hybridSchemas';
import { DEMO_LAW_FIRM } from '../../../src/shared/demo/demoClients';
import type { startDeepgramServerFake } from '../../../lab/providers/deepgramServerFake';
import { ACCEPT_TO_AUDIO, BOT_EVENT_TO_DESK } from './hybridFigures';
import { startCall } from '../../support/lab';
import { incomingCard } from './agentDesk';
import { BOT_TOKEN, LAW_FIRM_LINE, type HybridLab } from './hybridLab';
import { probeEvents } from './pageProbe';

export type BotEar = Awaited<ReturnType<typeof startDeepgramServerFake>>;

/** Polls `read` until it gives a value (errors count as "not yet"). */
export async function until<T>(
  read: () => Promise<T | undefined>,
  what: string,
  timeout = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The live bot call of the law firm whose disclosure was played. */
export function disclosedBotCall(lab: HybridLab): Promise<string> {
  return until(
    async () => {
      const calls = await lab.agentGet<BotCallSummary[]>(`/bot-calls?clientId=${DEMO_LAW_FIRM.id}`);
      return calls.find((call) => call.disclosurePlayed && call.state !== 'ended')?.callId;
      // espeak-ng + sox make the greeting first: 15 s at load 16, more than 60 s at load 29.
    },
    'the bot call with the disclosure played',
    150_000,
  );
}

/** Consent, then "einen Menschen sprechen": the bot escalates with that reason (→ an offer). */
export async function askForHuman(lab: HybridLab, botEar: BotEar, callId: string): Promise<void> {
  botEar.say('Ja, gerne.');
  await until(
    async () =>
      (await lab.agentGet<BotCallDetail>(`/bot-calls/${callId}`)).consentGiven ? true : undefined,
    'consent',
  );
  botEar.say('Mein Name ist Jana Schulz. Ich möchte einen Menschen sprechen.', {
    durationSeconds: 3,
  });
  const escalated = await until(async () => {
    const detail = await lab.agentGet<BotCallDetail>(`/bot-calls/${callId}`);
    return detail.escalation ? detail : undefined;
  }, 'the escalation');
  expect(escalated.escalation?.reason).toBe('caller-asked-for-human');
}

/**
 * Accept → first audio from the caller at the agent: from the click (wall clock taken just
 * before it) to the first unmute of a remote track the desk's page saw afterwards (the first
 * RTP packet of the handed-over leg; the caller streams speech without pause). Recorded as an
 * annotation; undefined when the page saw none.
 */
export async function recordAcceptToAudio(page: Page, clickedAt: number): Promise<void> {
  const media = await until(async () => {
    const events = await probeEvents(page);
    return events.find((event) => event.type === 'remote-media' && event.wall >= clickedAt);
  }, 'the first remote media after the accept');
  test.info().annotations.push({
    type: ACCEPT_TO_AUDIO,
    description: String(media.wall - clickedAt),
  });
}

/**
 * Bot event → visible on the desk, `samples` times: the bot API gets a transcript segment with
 * a marker text; the page records (MutationObserver, wall clock) when the marker appears in
 * the bot-calls board's transcript peek. Needs the board open and the call's row on it.
 */
export async function recordBotEventToDesk(
  page: Page,
  portalUrl: string,
  callId: string,
  samples: number,
): Promise<void> {
  for (let index = 0; index < samples; index += 1) {
    const marker = `Messpunkt ${index + 1}-${randomUUID().slice(0, 8)}`;
    await page.evaluate(`(() => {
      const seen = (window.__empfangSeen = window.__empfangSeen || {});
      const observer = new MutationObserver(() => {
        if (document.body.textContent.includes(${JSON.stringify(marker)})) {
          seen[${JSON.stringify(marker)}] = Date.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    })()`);
    const sentAt = Date.now();
    const answer = await fetch(new URL('/bot/v1/events', portalUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${BOT_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        eventId: randomUUID(),
        at: new Date().toISOString(),
        type: 'transcript-segment',
        callId,
        segmentId: `measure-${index}`,
        speaker: 'caller',
        text: marker,
        // Sorted after everything the bot says, so the peek (last lines) shows it.
        startMs: 10_000_000 + index * 1_000,
        endMs: 10_000_000 + index * 1_000 + 500,
        final: true,
      }),
    });
    expect(answer.status).toBe(201);
    const seenAt = await until(
      async () =>
        (await page.evaluate(`window.__empfangSeen[${JSON.stringify(marker)}]`)) as
          number | undefined,
      'the marker on the desk',
      20_000,
    );
    test.info().annotations.push({ type: BOT_EVENT_TO_DESK, description: String(seenAt - sentAt) });
  }
}

/**
 * With the bot off for the law firm's line: a SIPp call to it rings the desk directly (answered
 * there, the caller's scenario ends cleanly) and the portal records no bot call for it.
 */
export async function expectDirectCallRingsDesk(lab: HybridLab): Promise<void> {
  const botCalls = async () =>
    (await lab.agentGet<BotCallSummary[]>(`/bot-calls?clientId=${DEMO_LAW_FIRM.id}`)).length;
  const before = await botCalls();
  const direct = startCall({
    target: LAW_FIRM_LINE,
    scenario: 'caller',
    callSeconds: 2,
    timeoutSeconds: 60,
  });
  try {
    await expect(incomingCard(lab.page)).toBeVisible({ timeout: 20_000 });
    await incomingCard(lab.page).first().locator('[data-action="answer"]').click();
    expect((await direct.exited).exitCode).toBe(0);
    expect(await botCalls()).toBe(before);
  } finally {
    await direct.stop().catch(() => undefined);
  }
}
