/**
 * The call workspace fits one screen: during a real lab call, at the commonest office screen
 * (1366×768) and at 1920×1080, in German and English, everything an agent needs mid-call is
 * inside the viewport without scrolling — caller and line, call controls, the greeting (with the
 * agent's name filled in), the client's instructions, the live transcript, the suggestions and
 * the first fields of the note. Writes a screenshot of each case to test-results/layout/.
 *
 *   bash lab/run-isolated.sh npx playwright test --project telephony e2e/telephony/callWorkspaceLayout.spec.ts
 */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { DEMO_LAW_FIRM } from '../../src/shared/demo/demoClients';
import { generateLabAudio, labSkipReason, startCall } from '../support/lab';
import { callIn, incomingCard, launchTelephonyBrowser } from './support/agentDesk';
import { openReceptionDesk, type ReceptionDesk } from './support/receptionDesk';

test.skip(!!labSkipReason(), labSkipReason());

let browser: Browser;
let desk: ReceptionDesk | undefined;
const stops: (() => Promise<unknown>)[] = [];
test.beforeAll(async () => {
  browser = await launchTelephonyBrowser((await generateLabAudio()).speechWav);
});
test.afterEach(async () => {
  for (const stop of stops.splice(0)) await stop().catch(() => undefined);
  await desk?.close();
  desk = undefined;
});
test.afterAll(async () => {
  await browser?.close();
});

const LABELS = {
  de: {
    transcript: 'Mitschrift',
    suggestions: 'Antwortvorschläge',
    instructions: 'Arbeitsanweisungen',
  },
  en: {
    transcript: 'Transcript',
    suggestions: 'Suggested answers',
    instructions: 'Work instructions',
  },
} as const;

/** What `visibleBox` uses of the page (the e2e project has no DOM types). */
interface Rectangle {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
interface PageNode {
  parentElement: PageNode | null;
  getBoundingClientRect(): Rectangle;
}
interface PageWindow {
  innerWidth: number;
  innerHeight: number;
  getComputedStyle(node: PageNode): { overflowX: string; overflowY: string; lineHeight: string };
}

/**
 * The part of the element the agent can see: its box cut by the viewport and by every
 * ancestor that clips its content (overflow other than visible, such as a scrolling card).
 * Inside the viewport is not enough: a heading scrolled out of its card is hidden too.
 */
function visibleBox(element: unknown, firstLineOnly: boolean) {
  const page = globalThis as unknown as PageWindow;
  const node = element as PageNode;
  const rect = node.getBoundingClientRect();
  const lineHeight = parseFloat(page.getComputedStyle(node).lineHeight) || 20;
  const box = firstLineOnly
    ? { top: rect.top, left: rect.left, right: rect.right, bottom: rect.top + lineHeight }
    : rect;
  let top = Math.max(box.top, 0);
  let left = Math.max(box.left, 0);
  let bottom = Math.min(box.bottom, page.innerHeight);
  let right = Math.min(box.right, page.innerWidth);
  for (let parent = node.parentElement; parent; parent = parent.parentElement) {
    const style = page.getComputedStyle(parent);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const clip = parent.getBoundingClientRect();
    top = Math.max(top, clip.top);
    left = Math.max(left, clip.left);
    bottom = Math.min(bottom, clip.bottom);
    right = Math.min(right, clip.right);
  }
  return {
    box: { top: box.top, left: box.left, bottom: box.bottom, right: box.right },
    hidden: {
      top: top - box.top > 0.5,
      left: left - box.left > 0.5,
      bottom: box.bottom - bottom > 0.5,
      right: box.right - right > 0.5,
    },
  };
}

/** Fails with the element's name when any part of it is cut off by the viewport or a scroller. */
async function expectInsideViewport(
  page: Page,
  name: string,
  locator: Locator,
  firstLineOnly = false,
): Promise<void> {
  await expect(locator, `${name} is shown`).toBeVisible();
  const { box, hidden } = await locator.evaluate(visibleBox, firstLineOnly);
  const viewport = page.viewportSize()!;
  expect(
    hidden,
    `${name} at ${JSON.stringify(box)} in ${viewport.width}×${viewport.height}`,
  ).toEqual({
    top: false,
    left: false,
    bottom: false,
    right: false,
  });
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  for (const language of ['de', 'en'] as const) {
    test(`mid-call, everything an agent needs fits ${viewport.width}×${viewport.height} (${language})`, async () => {
      desk = await openReceptionDesk(browser, { viewport });
      const { page } = desk;
      if (language === 'en') {
        await page.getByRole('button', { name: 'EN', exact: true }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      }
      const caller = startCall({
        target: DEMO_LAW_FIRM.lines[0]!,
        scenario: 'caller-wait',
        callSeconds: 60,
        timeoutSeconds: 90,
      });
      stops.push(() => caller.stop());
      await expect(incomingCard(page)).toBeVisible({ timeout: 15_000 });
      await incomingCard(page).first().locator('[data-action="answer"]').click();
      const call = callIn(page, 'active');
      await expect(call).toBeVisible();
      const labels = LABELS[language];

      await expectInsideViewport(page, 'call card (caller and line)', call);
      await expectInsideViewport(page, 'hang-up control', call.locator('[data-action="hang-up"]'));
      const greeting = page.getByTestId('client-card-greeting');
      await expectInsideViewport(page, 'greeting', greeting);
      await expect(greeting).not.toContainText('{');
      await expectInsideViewport(
        page,
        'instructions',
        page.getByRole('heading', { name: labels.instructions }),
      );
      await expectInsideViewport(
        page,
        'first line of the instructions',
        page.locator('#client-card-instructions + p'),
        true,
      );
      await expectInsideViewport(
        page,
        'transcript',
        page.getByRole('region', { name: labels.transcript }).first(),
      );
      await expectInsideViewport(
        page,
        'suggestions',
        page.getByRole('region', { name: labels.suggestions }).first(),
      );
      const note = page.getByTestId('note-form');
      await expectInsideViewport(page, 'note title', note.locator('#note-form-title'));
      await expectInsideViewport(
        page,
        'first note field',
        note.locator('input, select, textarea').first(),
      );
      await page.screenshot({
        path: `test-results/layout/call-${viewport.width}x${viewport.height}-${language}.png`,
      });
    });
  }
}
