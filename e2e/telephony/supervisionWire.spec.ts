/**
 * Issue 10 on the real lab wire (Kamailio asking the portal, the lab voicebot, SIPp callers, the
 * agent's web shell desk as 1001), driven through the portal's routes as a shift lead and a
 * supervisor would drive them from their desks:
 * - the shift lead switches the law firm's line off → the next call rings the agent directly,
 *   no bot call; on again → the bot answers the next one;
 * - the supervisor sets the agent not ready → the desk shows the break, the escalated call waits
 *   (on the board, with its wait time and the line's "waiting" count) and nobody is offered it;
 * - the agent is available again → the offer rings, Alt+A takes it, the board counts the call as
 *   answered and computes the service level;
 * - the supervisor's whisper appears on the agent's call card.
 *
 *   bash lab/run-isolated.sh npx playwright test --project=telephony e2e/telephony/supervisionWire.spec.ts
 */
import { expect, test, type Browser } from '@playwright/test';
import type { Offer } from '../../src/shared/portalWire/hybridSchemas';
import type { SupervisionBoard } from '../../src/shared/portalWire/supervisionSchemas';
import { DEMO_LAW_FIRM } from '../../src/shared/demo/demoClients';
import { createUser } from '../../src/portal/domain/userStore';
import { startDeepgramServerFake } from '../../lab/providers/deepgramServerFake';
import { generateLabAudio, labSkipReason, startCall } from '../support/lab';
import { callIn, launchTelephonyBrowser } from './support/agentDesk';
import { LAW_FIRM_LINE, openHybridLab } from './support/hybridLab';
import {
  askForHuman,
  disclosedBotCall,
  expectDirectCallRingsDesk,
  until,
} from './support/hybridFlow';

test.skip(!!labSkipReason(), labSkipReason());

let browser: Browser;
test.beforeAll(async () => {
  browser = await launchTelephonyBrowser((await generateLabAudio()).toneWav);
});
test.afterAll(async () => {
  await browser?.close();
});

const PASSWORD = 'correct horse battery staple';
const TEST_COST = { N: 2 ** 10, r: 8, p: 1 };

/** A portal user of `role` for the demo clients, logged in: a bearer-token fetch. */
async function portalUser(
  portalUrl: string,
  database: Parameters<typeof createUser>[0],
  userName: string,
  role: 'supervisor' | 'shift-lead',
) {
  await createUser(
    database,
    {
      userName,
      displayName: userName,
      role,
      password: PASSWORD,
      clientIds: [DEMO_LAW_FIRM.id],
    },
    TEST_COST,
    new Date().toISOString(),
  );
  const login = await fetch(`${portalUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName, password: PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async <T>(method: string, path: string, body?: object) => {
    const answer = await fetch(`${portalUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await answer.text();
    return { status: answer.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

test('shift lead switches the line, the supervisor holds the agent back and whispers; routing and the board follow', async () => {
  test.setTimeout(480_000);
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const botEar = await startDeepgramServerFake();
    cleanups.unshift(() => botEar.close());
    const lab = await openHybridLab(browser, { botDeepgramUrl: botEar.baseUrl });
    cleanups.unshift(() => lab.close());
    const { page, portal } = lab;
    const { database } = portal.current().context;
    const shiftLead = await portalUser(portal.url, database, 'sam.shiftlead', 'shift-lead');
    const supervisor = await portalUser(portal.url, database, 'sue.supervisor', 'supervisor');
    const lineRoute = `/bot-switch/lines/${encodeURIComponent(LAW_FIRM_LINE)}`;

    // Bot off for the line: the next call rings the agent directly, the bot never sees it.
    const off = await shiftLead('PUT', lineRoute, { mode: 'off', reason: 'Schulung der Bots' });
    expect(off.status).toBe(200);
    await expectDirectCallRingsDesk(lab);
    // Nothing to note about the test call: discarded, the agent is available again.
    const form = page.getByTestId('note-form');
    await form.getByRole('button', { name: 'Notiz verwerfen' }).click();
    await page.getByRole('button', { name: 'Verwerfen', exact: true }).click();
    await expect(page.getByTestId('softphone-presence')).toHaveAttribute(
      'data-presence',
      'available',
      { timeout: 20_000 },
    );

    // Bot on again: the next call is the bot's.
    expect((await shiftLead('PUT', lineRoute, { mode: 'on', reason: 'Bot zurück' })).status).toBe(
      200,
    );
    const caller = startCall({
      target: LAW_FIRM_LINE,
      scenario: 'caller-bot',
      callSeconds: 180,
      timeoutSeconds: 300,
    });
    cleanups.unshift(() => caller.stop());
    const callId = await disclosedBotCall(lab);

    // The supervisor holds the agent back: the desk shows it; the escalated call waits.
    const notReady = await supervisor('POST', `/supervision/agents/${portal.agentId}/not-ready`, {
      reason: 'Coaching',
    });
    expect(notReady.status).toBe(204);
    await expect(page.getByTestId('softphone-presence')).toHaveAttribute('data-presence', 'break', {
      timeout: 10_000,
    });
    await expect(page.getByTestId('softphone-presence')).toContainText('von der Leitung');
    await askForHuman(lab, botEar, callId);
    const board = async () =>
      (await supervisor<SupervisionBoard>('GET', `/supervision/board?clientId=${DEMO_LAW_FIRM.id}`))
        .body;
    const waiting = await until(async () => {
      const view = await board();
      return view.waitingCalls.find((call) => call.callId === callId);
    }, 'the call waiting on the board');
    expect(waiting.offeredTo).toBeNull();
    expect(waiting.line).toBe(LAW_FIRM_LINE);
    const line = async () => (await board()).lines.find((entry) => entry.line === LAW_FIRM_LINE)!;
    expect((await line()).waiting).toBe(1);
    // Its wait grows while nobody is offered it.
    await expect
      .poll(async () => Date.now() - Date.parse(waiting.waitingSince), { timeout: 10_000 })
      .toBeGreaterThan(3_000);
    expect(await lab.agentGet<Offer[]>('/offers')).toEqual([]);
    await expect(page.getByTestId('escalation-offer')).toHaveCount(0);

    // Available again: the offer rings; Alt+A takes it; the board counts it answered.
    await page.locator('[data-presence-choice="available"]').click();
    await expect(page.getByTestId('escalation-offer')).toBeVisible({ timeout: 30_000 });
    await page.keyboard.press('Alt+A');
    await expect(callIn(page, 'active')).toHaveCount(1, { timeout: 30_000 });
    await caller.waitForEvent('transferred', 20_000);
    await expect
      .poll(async () => (await line()).today.answered, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(1);
    const today = (await line()).today;
    expect(today.offered).toBeGreaterThanOrEqual(1);
    expect(today.serviceLevelPercent).not.toBeNull();
    expect(today.longestWaitSeconds).toBeGreaterThanOrEqual(3);

    // A whisper reaches the agent's call card.
    const whisper = await supervisor('POST', `/supervision/calls/${callId}/whispers`, {
      text: 'Frist bis Freitag erwähnen',
    });
    expect(whisper.status).toBe(201);
    await expect(page.getByTestId('whisper')).toContainText('Frist bis Freitag erwähnen', {
      timeout: 15_000,
    });
    await callIn(page, 'active').locator('[data-action="hang-up"]').click();
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
});
