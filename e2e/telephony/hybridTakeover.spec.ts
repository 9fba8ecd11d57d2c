/**
 * Issue 9 end to end on the real lab wire: SIPp dials the law firm's line with espeak speech;
 * Kamailio asks the portal, which sends it to the lab voicebot (lab/bot.sh: Node SIP UA, G.711
 * RTP, espeak-ng, Deepgram protocol); the bot discloses, gets consent, hears "ich möchte einen
 * Menschen sprechen", escalates; the offer rings at the web shell desk with the bot's part;
 * "Übernehmen" → the portal commands hand-over → the bot REFERs the caller to
 * sip:handover.<token>@… → Kamailio asks the portal again → the desk answers the INVITE with the
 * matching X-Empfang-Handover by itself → audio both ways (getStats at the desk, rtpengine's
 * packet counts for the caller). Then the bot is switched off for the line and the next call
 * rings the desk directly. The timeline / pre-filled note part is `fixme` (see the end).
 * On demand only (EMPFANG_HYBRID_E2E=1): 1 of the last 2 runs passed.
 *
 *   EMPFANG_HYBRID_E2E=1 bash lab/run-isolated.sh npx playwright test --project=telephony e2e/telephony/hybridTakeover.spec.ts
 */
import { expect, test, type Browser } from '@playwright/test';
import type { BotCallDetail, BotCallSummary } from '../../src/shared/portalWire/hybridSchemas';
import { DEMO_LAW_FIRM } from '../../src/shared/demo/demoClients';
import { startDeepgramServerFake } from '../../lab/providers/deepgramServerFake';
import { generateLabAudio, labSkipReason, startCall } from '../support/lab';
import { callIn, incomingCard, launchTelephonyBrowser } from './support/agentDesk';
import { LAW_FIRM_LINE, openHybridLab } from './support/hybridLab';
import { measureFlow } from './support/pageProbe';
import { relayedPackets, sippCallId } from './support/rtpengineStats';

test.skip(!!labSkipReason(), labSkipReason());
// Passed 1 of the last 2 full runs (the other: the handover INVITE was not answered at the desk
// within 30 s, cause not found yet), so it runs on demand only until that is understood.
test.skip(
  process.env.EMPFANG_HYBRID_E2E !== '1',
  'on demand: EMPFANG_HYBRID_E2E=1 (the handover leg is not yet reliable, see the header)',
);

let browser: Browser;
test.beforeAll(async () => {
  browser = await launchTelephonyBrowser((await generateLabAudio()).toneWav);
});
test.afterAll(async () => {
  await browser?.close();
});

async function until<T>(
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

test('bot answers → escalates → agent accepts → audio both ways (getStats, rtpengine); bot off → rings the desk', async () => {
  test.setTimeout(300_000);
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

    // The bot answered: it reports the call, discloses, asks for consent.
    const callId = await until(async () => {
      const calls = await lab.agentGet<BotCallSummary[]>(`/bot-calls?clientId=${DEMO_LAW_FIRM.id}`);
      return calls.find((call) => call.disclosurePlayed)?.callId;
    }, 'the bot call with the disclosure played');
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

    // The offer rings at the desk with the bot's part.
    const offer = page.getByTestId('escalation-offer');
    await expect(offer)
      .toBeVisible({ timeout: 60_000 })
      .catch(async (error: unknown) => {
        const { database } = lab.portal.current().context;
        const presence = await database.selectFrom('presence').selectAll().execute();
        const queue = await database
          .selectFrom('bot_calls')
          .select(['queue_state', 'client_id'])
          .execute();
        throw new Error(
          `${String(error)}\npresence ${JSON.stringify(presence)}\nqueue ${JSON.stringify(queue)}`,
        );
      });
    await expect(offer.getByTestId('offer-reason'))
      .toHaveText('Anrufer möchte einen Menschen')
      .catch(async (error: unknown) => {
        const { database } = lab.portal.current().context;
        const queue = await database.selectFrom('bot_calls').selectAll().execute();
        const presence = await database.selectFrom('presence').selectAll().execute();
        throw new Error(
          `${String(error)}\nqueue ${JSON.stringify(queue)}\npresence ${JSON.stringify(presence)}\ncaller ${caller.events().join('|')}`,
        );
      });
    await expect(offer.getByTestId('consent-badge')).toHaveText('Einwilligung erteilt');
    await expect(offer.getByTestId('collected-name')).toContainText('Jana Schulz');
    const botPart = offer.getByRole('list', { name: 'Gespräch mit dem KI-Assistenten' });
    await expect(botPart.getByRole('listitem').first()).toContainText('KI-Assistenten');
    await expect(
      botPart.getByRole('listitem').filter({ hasText: 'Anrufer: Ja, gerne.' }),
    ).toHaveCount(1);

    // One click: the bot REFERs the caller, the desk answers the handover INVITE by itself.
    await offer.getByRole('button', { name: 'Übernehmen' }).click();
    await expect(callIn(page, 'active')).toHaveCount(1, { timeout: 30_000 });
    await caller.waitForEvent('transferred', 20_000);
    expect(
      caller.events().some((event) => /^refer-to sip:handover\.[A-Za-z0-9_-]{16,64}@/.test(event)),
    ).toBe(true);
    await until(
      async () =>
        (await lab.agentGet<BotCallDetail>(`/bot-calls/${callId}`)).state === 'handed-over'
          ? true
          : undefined,
      'handed-over',
    );

    // Audio both ways: the caller's speech plays at the desk; the desk's tone goes out.
    const flow = await measureFlow(page, 2_000);
    expect(flow.packetsReceived).toBeGreaterThan(20);
    expect(flow.energyReceived).toBeGreaterThan(0);
    expect(flow.packetsSent).toBeGreaterThan(20);

    // The agent hangs up; the caller's scenario ends cleanly.
    await callIn(page, 'active').locator('[data-action="hang-up"]').click();
    const callerResult = await caller.exited;
    expect(callerResult.exitCode).toBe(0);
    const saveNote = page.getByRole('button', { name: 'Notiz speichern' });
    if (await saveNote.isVisible()) {
      await page.getByLabel('Ergebnis').selectOption('message-taken');
      if ((await page.getByLabel('Anliegen').inputValue()) === '')
        await page.getByLabel('Anliegen').fill('Rückruf erbeten');
      await saveNote.click();
    }

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
    const before = (await lab.agentGet<BotCallSummary[]>(`/bot-calls?clientId=${DEMO_LAW_FIRM.id}`))
      .length;
    const direct = startCall({
      target: LAW_FIRM_LINE,
      scenario: 'caller',
      callSeconds: 2,
      timeoutSeconds: 60,
    });
    cleanups.unshift(() => direct.stop());
    await expect(incomingCard(page)).toBeVisible({ timeout: 20_000 });
    await incomingCard(page).first().locator('[data-action="answer"]').click();
    expect((await direct.exited).exitCode).toBe(0);
    expect(
      (await lab.agentGet<BotCallSummary[]>(`/bot-calls?clientId=${DEMO_LAW_FIRM.id}`)).length,
    ).toBe(before);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
});

// Open (issue 9, desk/portal side): after the handover the desk shows neither the client card
// nor the one-timeline panel (the handover INVITE reaches the desk without P-Called-Party-ID:
// the routing decision for handover.<token> has no line), so the bot's part, the human part and
// the note pre-filled from the bot's fields cannot be checked on real SIP yet. The webshell spec
// e2e/webshell/hybridOffer.spec.ts covers them without SIP.
test.fixme('after the handover: one timeline with the bot and human part, note pre-filled, synced', async () => {
  // Continues the test above once the desk links the handed-over leg to its bot call:
  // // One timeline: the bot's part, then the human part from the desk's own transcription.
  // const timeline = page.getByTestId('handover-timeline');
  // await expect(timeline.locator('[data-timeline-part="bot"]').first()).toContainText(
  // 'KI-Assistenten',
  // );
  // await expect(timeline.locator('[data-timeline-part="human"]')).toContainText(
  // ['Danke, dass Sie übernehmen.'],
  // { timeout: 30_000 },
  // );
  // // The agent hangs up; the note is pre-filled from the bot's fields, marked AI-filled.
  // await callIn(page, 'active').locator('[data-action="hang-up"]').click();
  // const callerResult = await caller.exited;
  // expect(callerResult.exitCode).toBe(0);
  // const form = page.getByTestId('note-form');
  // await expect(form).toBeVisible({ timeout: 30_000 });
  // await expect(page.getByLabel('Name des Anrufers')).toHaveValue('Jana Schulz');
  // await expect(form.locator('.note-ai-mark').first()).toBeVisible();
  // await page.getByLabel('Ergebnis').selectOption('message-taken');
  // if ((await page.getByLabel('Anliegen').inputValue()) === '')
  // await page.getByLabel('Anliegen').fill('Rückruf erbeten');
  // await page.getByRole('button', { name: 'Notiz speichern' }).click();
  // await expect(page.getByTestId('note-saved')).toBeVisible();
  // await expect
  // .poll(async () => (await portalNotes(lab.portal.url, DEMO_LAW_FIRM.id)).length, {
  // timeout: 20_000,
  // })
  // .toBe(1);
});
