/**
 * Keyboard-only helpers for accessibility specs: reach a control with Tab alone (as a keyboard
 * user does), and check that focus is visible where it lands.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** What these page callbacks use of the page (the e2e project has no DOM types). */
interface PageFocus {
  document: { activeElement: unknown };
  getComputedStyle(element: unknown): {
    outlineStyle: string;
    outlineWidth: string;
    boxShadow: string;
  };
}

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `limit` presses. */
export async function tabTo(
  browserPage: Page,
  target: Locator,
  options: { backwards?: boolean; limit?: number } = {},
): Promise<void> {
  const limit = options.limit ?? 250;
  for (let presses = 0; presses < limit; presses += 1) {
    const focused = await target
      .evaluate(
        (element) => element === (globalThis as unknown as PageFocus).document.activeElement,
      )
      .catch(() => false);
    if (focused) return;
    await browserPage.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`not reachable with ${limit} Tab presses: ${String(target)}`);
}

/** The focused element draws a visible focus indicator (an outline or a box shadow). */
export async function expectVisibleFocus(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  const indicator = await target.evaluate((element) => {
    const style = (globalThis as unknown as PageFocus).getComputedStyle(element);
    return {
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      shadow: style.boxShadow !== 'none',
    };
  });
  expect(indicator.outline || indicator.shadow, 'focus indicator').toBe(true);
}
