/**
 * Issue 9 end to end on the real lab wire: SIPp dials the law firm's line with espeak speech;
 * Kamailio asks the portal, which sends it to the lab voicebot (lab/bot.sh: Node SIP UA, G.711
 * RTP, espeak-ng, Deepgram protocol); the bot discloses, gets consent, hears "ich möchte einen
 * Menschen sprechen" (caller asks for a human → offer), escalates; the offer rings at the web
 * shell desk with the bot's part; "Übernehmen" → the portal commands hand-over → the bot REFERs
 * the caller to sip:handover.<token>@… → Kamailio asks the portal again → the desk answers the
 * INVITE with the matching X-Empfang-Handover by itself → audio both ways (getStats at the desk,
 * rtpengine's packet counts for the caller). The handed-over leg carries no line; the desk takes
 * it from the offer it accepted: the law firm's client card and greeting, one timeline (the
 * bot's part, then the human part from the desk's own transcription), consent for the whole
 * call, the note pre-filled from the bot's fields (AI-filled) and synced to the portal. Then the
 * bot is switched off for the line and the next call rings the desk directly.
 * Second test: the agent's window is gone when the accepted call arrives → the handover fails
 * on the wire, the call goes back to the queue and the caller stays with the bot.
 *
 * In CI. The causes of earlier flakiness, each found in SIP traces: the handed-over INVITE
 * could reach the desk before the accept's answer (the desk rang it as an unknown call) — the
 * gate now holds a token INVITE while an accept is under way; the SIPp caller took the agent's
 * BYE on the transferred leg for the bot's (SIPp hands `search_in="hdr"` the header value with a
 * leading space, so `^xfer///` never matched); Kamailio answers a handover INVITE to a desk whose
 * WebSocket just closed with 477, which the caller now treats as a failed transfer at once; and
 * on a loaded machine the portal sometimes needed more than the lab's 250 ms routing timeout, so
 * Kamailio fell back to ringing the desk directly — the routed-path tests now restart Kamailio
 * with 2 s (`ROUTED_PATH_TIMEOUT_MS`; the fallback keeps its own 250 ms tests). Record on
 * 2026-12-06 after that fix: 3 of 3 runs at load 5–8 (before it, 3 of 5 at load 5–40).
 *
 *   bash lab/run-isolated.sh npx playwright test --project=telephony e2e/telephony/hybridTakeover.spec.ts
 */
import { expect, test, type Browser } from '@playwright/test';
import type { BotCallDetail, Offer } from '../../src/shared/portalWire/hybridSchemas';
import { DEMO_LAW_FIRM } from '../../src/shared/demo/demoClients';
import { startDeepgramServerFake } from '../../lab/providers/deepgramServerFake';
import { AGENT_DISPLAY_NAME, portalNotes } from '../support/portalDesk';
import { generateLabAudio, labSkipReason, startCall } from '../support/lab';
import { callIn, launchTelephonyBrowser } from './support/agentDesk';
import { LAW_FIRM_LINE, openHybridLab } from './support/hybridLab';
import {
  askForHuman,
  disclosedBotCall,
  expectDirectCallRingsDesk,
  recordAcceptToAudio,
  recordBotEventToDesk,
  until,
} from './support/hybridFlow';
import { measureFlow } from './support/pageProbe';
import { relayedPackets, sippCallId } from './support/rtpengineStats';

test.skip(!!labSkipReason(), labSkipReason());

let browser: Browser;
test.beforeAll(async () => {
  browser = await launchTelephonyBrowser((await generateLabAudio()).toneWav);
});
test.afterAll(async () => {
  await browser?.close();
});

test('bot answers → escalates → agent accepts → audio both ways; one timeline, client card, note pre-filled and synced; bot off → rings the desk', async () => {
  test.setTimeout(420_000);
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const botEar = await startDeepgramServerFake();
    cleanups.unshift(() => botEar.close());
    // The desk's own transcription of the human part (channel 0 = caller, scripted by audio time).
    const deskEar = await startDeepgramServerFake({
      script: [
        { channel: 0, startSeconds: 1, endSeconds: 2.5, text: 'Danke, dass Sie übernehmen.' },
      ],
    });
    cleanups.unshift(() => deskEar.close());
    const lab = await openHybridLab(browser, {
      botDeepgramUrl: botEar.baseUrl,
      deskDeepgramUrl: deskEar.baseUrl,
    });
    cleanups.unshift(() => lab.close());
    const { page } = lab;

    const caller = startCall({
      target: LAW_FIRM_LINE,
      scenario: 'caller-bot',
      callSeconds: 120,
      timeoutSeconds: 250,
    });
    cleanups.unshift(() => caller.stop());
    const callId = await disclosedBotCall(lab);
    await askForHuman(lab, botEar, callId);

    // The offer rings at the desk with the bot's part.
    const offer = page.getByTestId('escalation-offer');
    await expect(offer).toBeVisible({ timeout: 60_000 });
    await expect(offer.getByTestId('offer-reason')).toHaveText('Anrufer möchte einen Menschen');
    await expect(offer.getByTestId('consent-badge')).toHaveText('Einwilligung erteilt');
    await expect(offer.getByTestId('collected-name')).toContainText('Jana Schulz');
    const botPart = offer.getByRole('list', { name: 'Gespräch mit dem KI-Assistenten' });
    await expect(botPart.getByRole('listitem').first()).toContainText('KI-Assistenten');
    await expect(
      botPart.getByRole('listitem').filter({ hasText: 'Anrufer: Ja, gerne.' }),
    ).toHaveCount(1);

    // One click: the bot REFERs the caller, the desk answers the handover INVITE by itself.
    const clickedAt = Date.now();
    await offer.getByRole('button', { name: 'Übernehmen' }).click();
    await expect(callIn(page, 'active')).toHaveCount(1, { timeout: 30_000 });
    await recordAcceptToAudio(page, clickedAt);
    await caller.waitForEvent('transferred', 20_000);
    expect(
      caller.events().some((event) => /^refer-to sip:handover\.[A-Za-z0-9_-]{16,64}@/.test(event)),
    ).toBe(true);
    expect(caller.events()).not.toContain('transfer-failed');
    await until(
      async () =>
        (await lab.agentGet<BotCallDetail>(`/bot-calls/${callId}`)).state === 'handed-over'
          ? true
          : undefined,
      'handed-over',
    );

    // The handed-over leg has the line of the offer: the law firm's card and greeting.
    const card = page.getByTestId('client-card');
    await expect(card.getByRole('heading', { name: DEMO_LAW_FIRM.name })).toBeVisible();
    await expect(card.getByTestId('client-card-greeting')).toHaveText(
      DEMO_LAW_FIRM.greeting.trim().replace('{agentName}', AGENT_DISPLAY_NAME),
    );

    // Audio both ways: the caller's speech plays at the desk; the desk's tone goes out.
    const flow = await measureFlow(page, 2_000);
    expect(flow.packetsReceived).toBeGreaterThan(20);
    expect(flow.energyReceived).toBeGreaterThan(0);
    expect(flow.packetsSent).toBeGreaterThan(20);

    // One timeline: consent for the whole call, the bot's part, then the human part from the
    // desk's own transcription of the handed-over leg.
    const timeline = page.getByTestId('handover-timeline');
    await expect(timeline.getByTestId('consent-badge')).toHaveText('Einwilligung erteilt');
    await expect(timeline.locator('[data-timeline-part="bot"]').first()).toContainText(
      'KI-Assistenten',
    );
    await expect(
      timeline.locator('[data-timeline-part="bot"]').filter({ hasText: 'Ja, gerne.' }),
    ).toHaveCount(1);
    await expect(timeline.locator('[data-timeline-part="human"]')).toContainText(
      ['Danke, dass Sie übernehmen.'],
      { timeout: 30_000 },
    );
    const parts = await timeline
      .locator('[data-timeline-part]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-timeline-part')));
    expect(parts.lastIndexOf('bot')).toBeLessThan(parts.indexOf('human'));

    // The agent hangs up; the caller's scenario ends cleanly.
    await callIn(page, 'active').locator('[data-action="hang-up"]').click();
    const callerResult = await caller.exited;
    expect(callerResult.exitCode).toBe(0);
    expect(caller.events()).toContain('ended-by remote');

    // The note is pre-filled from the bot's fields, marked AI-filled until confirmed, and synced.
    const form = page.getByTestId('note-form');
    await expect(form).toBeVisible({ timeout: 30_000 });
    await expect(form).toContainText(`Für ${DEMO_LAW_FIRM.name}`);
    await expect(page.getByLabel('Name des Anrufers')).toHaveValue('Jana Schulz');
    await expect(form.getByTestId('ai-mark-callerName')).toBeVisible();
    // AI-filled values are saved only once the agent confirmed them.
    await form.getByRole('button', { name: 'Alle KI-Felder bestätigen' }).click();
    await expect(form.getByTestId('ai-mark-callerName')).toHaveCount(0);
    await page.getByLabel('Ergebnis').selectOption('message-taken');
    if ((await page.getByLabel('Anliegen').inputValue()) === '')
      await page.getByLabel('Anliegen').fill('Rückruf erbeten');
    await page.getByRole('button', { name: 'Notiz speichern' }).click();
    await expect(page.getByTestId('note-saved')).toBeVisible();
    await expect
      .poll(async () => (await portalNotes(lab.portal.url, DEMO_LAW_FIRM.id)).length, {
        timeout: 20_000,
      })
      .toBe(1);

    // rtpengine relayed RTP on both legs of the handed-over call (its final stats).
    const handoverLeg = `xfer///${sippCallId(callerResult.workDirectory)}`;
    await expect
      .poll(() => relayedPackets(handoverLeg).length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    for (const packets of relayedPackets(handoverLeg)) expect(packets).toBeGreaterThan(20);

    // Bot off for the line: the next call rings the desk directly, no bot call is made.
    await lab.setLineBot('off');
    await expect(page.getByTestId('softphone-presence')).toHaveAttribute(
      'data-presence',
      'available',
      { timeout: 20_000 },
    );
    await expectDirectCallRingsDesk(lab);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
});

test('the agent window is gone when the accepted call arrives → back to the queue, the caller stays with the bot', async () => {
  test.setTimeout(360_000);
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const botEar = await startDeepgramServerFake();
    cleanups.unshift(() => botEar.close());
    const lab = await openHybridLab(browser, { botDeepgramUrl: botEar.baseUrl });
    cleanups.unshift(() => lab.close());
    const { page } = lab;
    const caller = startCall({
      target: LAW_FIRM_LINE,
      scenario: 'caller-bot',
      callSeconds: 120,
      timeoutSeconds: 200,
    });
    cleanups.unshift(() => caller.stop());
    const callId = await disclosedBotCall(lab);

    // The bots board shows the live call; bot events reach it (figures for the benchmark).
    await page.keyboard.press('Alt+6');
    await expect(page.getByRole('heading', { level: 1, name: 'Bot-Gespräche' })).toBeFocused();
    await expect(
      page.locator(`[data-testid="bot-call-row"][data-call-id="${callId}"]`),
    ).toBeVisible({ timeout: 20_000 });
    await recordBotEventToDesk(page, lab.portal.url, callId, 5);
    await page.keyboard.press('Alt+1');

    await askForHuman(lab, botEar, callId);
    await expect(page.getByTestId('escalation-offer')).toBeVisible({ timeout: 60_000 });
    const offer = await until(
      async () => (await lab.agentGet<Offer[]>('/offers')).find((open) => open.callId === callId),
      'the open offer',
    );

    // The window is killed (its SIP socket closes, Kamailio drops the registration at once),
    // and the accept it had sent reaches the portal: on the wire, an agent who vanished
    // between "Übernehmen" and the handed-over INVITE.
    await page.close();
    const accepted = await lab.agentPost<{ handoverToken: string }>(
      `/offers/${offer.offerId}/accept`,
    );
    expect(accepted.status).toBe(200);

    // The bot REFERs; the INVITE finds no agent; the bot keeps the caller and reports it.
    await caller.waitForEvent(/^transfer-failed /, 60_000);
    const requeued = await until(async () => {
      const detail = await lab.agentGet<BotCallDetail>(`/bot-calls/${callId}`);
      return detail.acceptedBy === null && detail.state !== 'handed-over' ? detail : undefined;
    }, 'the call back in the queue');
    expect(requeued.state).not.toBe('ended');
    expect(requeued.escalation).not.toBeNull();
    const queue = await lab.portal
      .current()
      .context.database.selectFrom('bot_calls')
      .select(['queue_state'])
      .where('call_id', '=', callId)
      .executeTakeFirstOrThrow();
    expect(['waiting', 'offered']).toContain(queue.queue_state);
    // The caller is still connected to the bot: its scenario runs on, no BYE reached it.
    expect(caller.events()).not.toContain('transferred');
    expect(caller.events().some((event) => event.startsWith('ended-by'))).toBe(false);
    expect(caller.events()).not.toContain('old-dialog-ended');
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
});
