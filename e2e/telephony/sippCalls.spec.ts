/**
 * Outside SIP peers (SIPp over UDP through Kamailio and rtpengine) and an agent desk: client
 * line calls with audio both ways, a call out to a staff member with DTMF, a transfer of an
 * outside caller, and hostile INVITEs (no crash, no script, text as text, 488 for no audio).
 * Run inside the lab: bash lab/run-isolated.sh npx playwright test --project telephony
 */
import {
  infoDigitsOf,
  labSkipReason,
  LAB_CALLER_NAME,
  LAB_CLIENT_LINE,
  listenForDtmf,
  startAnswering,
  type CallerScenario,
} from '../support/lab';
import { answer, callIn, dial, incomingCard } from './support/agentDesk';
import { agentDeskSuite } from './support/agentDeskSuite';
import { sippPeers } from './support/sippPeers';
import { measureFlow } from './support/pageProbe';
import { relayedPackets, sippCallId } from './support/rtpengineStats';
import { expect, test } from './support/telephonyTest';

test.skip(!!labSkipReason(), labSkipReason());

const HEARD = 1e-3;
const peers = sippPeers();
const { desk } = agentDeskSuite({ beforeClose: peers.stopAll });
const call = peers.call;

test('an outside caller on a client line: line shown first, audio both ways', async () => {
  const reception = await desk('1001');
  const caller = call({ target: LAB_CLIENT_LINE, audio: 'tone', callSeconds: 6 });
  const card = incomingCard(reception.page);
  await expect(card.getByTestId('softphone-client-line')).toHaveText('030 123456');
  await expect(card.getByTestId('softphone-caller-number')).toHaveText('0151 12345678');
  await expect(card.getByTestId('softphone-caller-name')).toHaveText(LAB_CALLER_NAME);
  await answer(reception.page);
  await expect(callIn(reception.page, 'active')).toBeVisible();
  const flow = await measureFlow(reception.page);
  expect(flow.energyReceived).toBeGreaterThan(HEARD);
  expect(flow.packetsSent).toBeGreaterThan(40);
  const result = await caller.exited;
  expect(result.exitCode).toBe(0);
  await expect(callIn(reception.page, 'ended')).toBeVisible();
  // rtpengine relayed both directions: caller → desk and desk → caller.
  const callId = sippCallId(result.workDirectory);
  expect(callId).toBeDefined();
  await expect.poll(() => relayedPackets(callId!).length, { timeout: 5_000 }).toBe(2);
  for (const packets of relayedPackets(callId!)) expect(packets).toBeGreaterThan(100);
});

test('calling a staff member: the echo comes back; DTMF falls back to SIP INFO', async () => {
  const agent = await desk('1002');
  const staff = await startAnswering({ user: '2001', scenario: 'uas-echo' });
  peers.track(staff);
  await dial(agent.page, '2001');
  await expect(callIn(agent.page, 'active')).toBeVisible();
  // uas-echo returns what it receives: hearing it proves desk → SIPp → desk.
  await expect
    .poll(async () => (await measureFlow(agent.page)).energyReceived, { timeout: 10_000 })
    .toBeGreaterThan(HEARD);
  // This SIPp answer carries no telephone-event, so RFC 4733 is impossible: INFO is used.
  await callIn(agent.page, 'active').locator('[data-action="keypad"]').click();
  for (const digit of ['5', '#']) await agent.page.locator(`[data-dtmf="${digit}"]`).click();
  await expect.poll(() => infoDigitsOf(staff.events()), { timeout: 10_000 }).toBe('5#');
  await callIn(agent.page, 'active').locator('[data-action="hang-up"]').click();
  expect((await staff.exited).exitCode).toBe(0);
});

test('DTMF to an outside caller goes in the media (RFC 4733) and reaches the far end', async () => {
  const reception = await desk('1001');
  const dtmf = await listenForDtmf();
  try {
    const caller = call({ target: LAB_CLIENT_LINE, scenario: 'caller-wait', audio: 'tone' });
    await answer(reception.page);
    await expect(callIn(reception.page, 'active')).toBeVisible();
    await callIn(reception.page, 'active').locator('[data-action="keypad"]').click();
    for (const digit of ['4', '2', '*']) {
      await reception.page.locator(`[data-dtmf="${digit}"]`).click();
      // One tone at a time: each RFC 4733 event lasts 160 ms plus the gap.
      await reception.page.waitForTimeout(300);
    }
    await dtmf.waitForDigits('42*', 10_000);
    expect(infoDigitsOf(caller.events())).toBe('');
    await callIn(reception.page, 'active').locator('[data-action="hang-up"]').click();
    expect((await caller.exited).exitCode).toBe(0);
  } finally {
    await dtmf.close();
  }
});

test('an outside caller is blind-transferred to a colleague', async () => {
  const [reception, colleague] = await Promise.all([desk('1001'), desk('1002')]);
  const caller = call({
    target: LAB_CLIENT_LINE,
    scenario: 'caller-transferable',
    audio: 'tone',
    callSeconds: 8,
  });
  await answer(reception.page);
  await expect(callIn(reception.page, 'active')).toBeVisible();
  await callIn(reception.page, 'active').locator('[data-action="transfer"]').click();
  const form = reception.page.getByTestId('softphone-blind-form');
  await form.getByRole('textbox').fill('1002');
  await form.locator('button[type="submit"]').click();
  await expect(incomingCard(colleague.page)).toContainText('0151 12345678');
  await answer(colleague.page);
  await expect(
    reception.page.locator('[data-testid="softphone-call"][data-outcome="transferred"]'),
  ).toBeVisible();
  await expect
    .poll(async () => (await measureFlow(colleague.page)).energyReceived, { timeout: 10_000 })
    .toBeGreaterThan(HEARD);
  await caller.waitForEvent('transferred', 10_000);
});

const HOSTILE_NAMES: CallerScenario[] = [
  'hostile-long-name',
  'hostile-script-name',
  'hostile-bidi-name',
];

test('hostile display names are shown as short plain text and never run', async () => {
  const reception = await desk('1001');
  for (const scenario of HOSTILE_NAMES) {
    const caller = call({ target: LAB_CLIENT_LINE, scenario, callSeconds: 2 });
    const card = incomingCard(reception.page);
    await expect(card).toBeVisible();
    const name = (await card.getByTestId('softphone-caller-name').textContent()) ?? '';
    expect(Array.from(name).length, scenario).toBeLessThanOrEqual(64);
    expect(name, scenario).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]/);
    // Markup in the name stays text: no element was created from it.
    expect(
      await reception.page
        .locator('[data-testid="softphone"] script, [data-testid="softphone"] img')
        .count(),
    ).toBe(0);
    await card.locator('[data-action="decline"]').click();
    const result = await caller.exited;
    expect(result.finalStatus, scenario).toBe(486);
    await expect(incomingCard(reception.page)).toHaveCount(0);
  }
  expect(await reception.page.evaluate('typeof window.__xss')).toBe('undefined');
});

test('an offer without audio is refused with 488 before anyone is bothered', async () => {
  const reception = await desk('1001');
  const result = await call({ target: LAB_CLIENT_LINE, scenario: 'hostile-no-audio' }).exited;
  expect(result.finalStatus).toBe(488);
  await expect(incomingCard(reception.page)).toHaveCount(0);
});

test('broken requests (absurd Content-Length, oversized headers) leave the desk working', async () => {
  const reception = await desk('1001');
  for (const scenario of ['hostile-content-length', 'hostile-big-headers'] as CallerScenario[]) {
    const caller = call({ target: LAB_CLIENT_LINE, scenario, callSeconds: 1 });
    // The proxy may drop the request, or pass it on: then the desk rings like for any caller.
    const rang = await Promise.race([
      caller.exited.then(() => false),
      incomingCard(reception.page)
        .waitFor({ timeout: 20_000 })
        .then(() => true),
    ]);
    if (rang) await incomingCard(reception.page).locator('[data-action="decline"]').click();
    const result = await caller.exited;
    test.info().annotations.push({
      type: 'hostile-result',
      description: `${scenario}: ${rang ? 'rang and was declined' : 'never reached the desk'}, final status ${String(result.finalStatus)}`,
    });
    if (rang) expect(result.finalStatus).toBe(486);
  }
  await expect(reception.page.getByTestId('softphone-registration')).toHaveAttribute(
    'data-health',
    'registered',
  );
  const normal = call({ target: LAB_CLIENT_LINE, callSeconds: 1 });
  await expect(incomingCard(reception.page)).toBeVisible();
  await answer(reception.page);
  expect((await normal.exited).exitCode).toBe(0);
});
