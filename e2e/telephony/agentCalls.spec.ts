/**
 * Two (or three) agents in the lab: registration, calls between them with two-way audio proven
 * from WebRTC stats, hold/resume, mute, call waiting and swap, blind and attended transfer.
 * Run inside the lab: bash lab/run-isolated.sh npx playwright test --project telephony
 */
import type { Page } from '@playwright/test';
import { labSkipReason } from '../support/lab';
import { answer, callIn, dial, incomingCard, type AgentDesk } from './support/agentDesk';
import { agentDeskSuite } from './support/agentDeskSuite';
import { measureFlow } from './support/pageProbe';
import { expect, test } from './support/telephonyTest';

test.skip(!!labSkipReason(), labSkipReason());

/** A 1 kHz tone from the fake microphone gives clearly more energy than this in 1.5 s. */
const HEARD = 1e-3;
/** Silence (a disabled track) stays below this. */
const SILENT = 1e-5;

const { desk } = agentDeskSuite();

/** `caller` dials `callee`'s user, `callee` answers; both end in an active call. */
async function connect(caller: AgentDesk, callee: AgentDesk): Promise<void> {
  await dial(caller.page, callee.user);
  await expect(incomingCard(callee.page)).toBeVisible();
  await answer(callee.page);
  await expect(callIn(callee.page, 'active')).toBeVisible();
  await expect(callIn(caller.page, 'active')).toBeVisible();
}

async function expectHearing(listener: Page, peerConnection = -1): Promise<void> {
  await expect
    .poll(async () => (await measureFlow(listener, 1_500, peerConnection)).energyReceived, {
      timeout: 10_000,
      intervals: [0],
    })
    .toBeGreaterThan(HEARD);
}

test('two agents register and talk with audio both ways', async () => {
  const [alice, bob] = await Promise.all([desk('1001'), desk('1002')]);
  await connect(alice, bob);
  const [fromBob, fromAlice] = await Promise.all([measureFlow(alice.page), measureFlow(bob.page)]);
  for (const flow of [fromBob, fromAlice]) {
    expect(flow.packetsReceived).toBeGreaterThan(40);
    expect(flow.packetsSent).toBeGreaterThan(40);
  }
  await expectHearing(alice.page);
  await expectHearing(bob.page);
  await callIn(alice.page, 'active').locator('[data-action="hang-up"]').click();
  await expect(callIn(bob.page, 'ended')).toBeVisible();
});

async function expectSilent(listener: Page, peerConnection = -1): Promise<void> {
  await expect
    .poll(async () => (await measureFlow(listener, 1_500, peerConnection)).energyReceived, {
      timeout: 10_000,
      intervals: [0],
    })
    .toBeLessThan(SILENT);
}

test('hold stops the audio (re-INVITE) and resume brings it back', async () => {
  const [alice, bob] = await Promise.all([desk('1001'), desk('1002')]);
  await connect(alice, bob);
  await expectHearing(bob.page);
  await callIn(alice.page, 'active').locator('[data-action="hold"]').click();
  await expect(callIn(alice.page, 'held')).toBeVisible();
  await expectSilent(bob.page);
  // The held side answered recvonly: it sends nothing while held.
  expect((await measureFlow(alice.page)).packetsReceived).toBeLessThan(5);
  await callIn(alice.page, 'held').locator('[data-action="resume"]').click();
  await expect(callIn(alice.page, 'active')).toBeVisible();
  await expectHearing(bob.page);
  await expectHearing(alice.page);
});

test('mute sends no energy while packets keep flowing; unmute restores the voice', async () => {
  const [alice, bob] = await Promise.all([desk('1001'), desk('1002')]);
  await connect(alice, bob);
  await callIn(alice.page, 'active').locator('[data-action="mute"]').click();
  await expect(callIn(alice.page, 'active')).toHaveAttribute('data-muted', 'true');
  await expectSilent(bob.page);
  expect((await measureFlow(alice.page)).packetsSent).toBeGreaterThan(40);
  await expectHearing(alice.page);
  await callIn(alice.page, 'active').locator('[data-action="mute"]').click();
  await expectHearing(bob.page);
});

/** One call active with `active` on its card, one held with `held`, and no other live call. */
async function expectCallStates(page: Page, calls: { active: string; held: string }) {
  await expect(callIn(page, 'active').filter({ hasText: calls.active })).toBeVisible();
  await expect(callIn(page, 'held').filter({ hasText: calls.held })).toBeVisible();
  await expect(callIn(page, 'active')).toHaveCount(1);
  await expect(callIn(page, 'held')).toHaveCount(1);
}

test('call waiting: hold the first call, answer the second, swap back', async () => {
  const [alice, bob, carol] = await Promise.all([desk('1001'), desk('1002'), desk('1003')]);
  await connect(bob, alice);
  await dial(carol.page, alice.user);
  await expect(incomingCard(alice.page)).toContainText('Anklopfen');
  await answer(alice.page);
  // The new call talks at once; the first stays "active" until its hold re-INVITE is answered
  // (a few hundred ms), so the two states are awaited per call, then counted.
  await expectCallStates(alice.page, { active: '1003', held: '1002' });
  // Peer connections in creation order: 0 = Bob's call, 1 = Carol's call.
  await expectHearing(alice.page, 1);
  await expectSilent(alice.page, 0);
  await expectHearing(carol.page);
  await expectSilent(bob.page);

  await callIn(alice.page, 'held').locator('[data-action="swap"]').click();
  await expectCallStates(alice.page, { active: '1002', held: '1003' });
  await expectHearing(alice.page, 0);
  await expectSilent(alice.page, 1);
  await expectHearing(bob.page);
});

test('blind transfer: the caller ends up talking to the colleague', async () => {
  const [alice, bob, carol] = await Promise.all([desk('1001'), desk('1002'), desk('1003')]);
  await connect(carol, alice);
  await callIn(alice.page, 'active').locator('[data-action="transfer"]').click();
  const form = alice.page.getByTestId('softphone-blind-form');
  await form.getByRole('textbox').fill(bob.user);
  await form.locator('button[type="submit"]').click();
  await expect(incomingCard(bob.page)).toContainText('1003');
  await answer(bob.page);
  await expect(
    alice.page.locator('[data-testid="softphone-call"][data-outcome="transferred"]'),
  ).toBeVisible();
  await expect(callIn(bob.page, 'active')).toBeVisible();
  await expect(callIn(carol.page, 'active')).toContainText('1002');
  await expectHearing(bob.page);
  await expectHearing(carol.page);
});

test('attended transfer: consult the colleague, then connect the caller', async () => {
  const [alice, bob, carol] = await Promise.all([desk('1001'), desk('1002'), desk('1003')]);
  await connect(carol, alice);
  await callIn(alice.page, 'active').locator('[data-action="consult"]').click();
  const form = alice.page.getByTestId('softphone-consult-form');
  await form.getByRole('textbox').fill(bob.user);
  await form.locator('button[type="submit"]').click();
  await expect(callIn(alice.page, 'consulting')).toBeVisible();
  await answer(bob.page);
  await expect(callIn(alice.page, 'active')).toContainText('1002');
  await expectHearing(bob.page);
  await expectSilent(carol.page);
  await callIn(alice.page, 'consulting').locator('[data-action="complete-transfer"]').click();
  await expect(
    alice.page.locator('[data-testid="softphone-call"][data-outcome="transferred"]'),
  ).toHaveCount(2);
  await expect(callIn(bob.page, 'active')).toContainText('1003');
  await expect(callIn(carol.page, 'active')).toContainText('1002');
  await expectHearing(bob.page);
  await expectHearing(carol.page);
});
