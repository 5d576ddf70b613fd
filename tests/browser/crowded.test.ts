// Crowded places (issue 9, point 7): pins a finger cannot tell apart open a list of the places
// under the tap, so every place can be chosen on a phone; a tap leaves no hover highlight behind.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, pagePointOf, panelHeading, phoneViewport, until } from './helpers.ts';
import { placePoints } from './app-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('crowded pins on a phone', () => {
  it('lists the places under a tap, picks the one chosen, and leaves no hover highlight', async () => {
    const app = await openApp(browser, inject('baseURL'), { context: { viewport: phoneViewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } });
    const { page } = app;
    try {
      const points = await placePoints(page);
      const a = await pagePointOf(page, points.khojaly!);
      const b = await pagePointOf(page, points.khankendi!);
      expect(Math.hypot(a.x - b.x, a.y - b.y), 'Khojaly and Khankendi are closer than a finger is wide').toBeLessThan(22);

      await page.touchscreen.tap(a.x, a.y);
      const picker = page.locator('#place-picker');
      await picker.waitFor();
      const offered = await picker.locator('[data-pick]').evaluateAll((buttons) => buttons.map((x) => (x as HTMLElement).dataset.pick));
      expect(offered).toEqual(expect.arrayContaining(['khojaly', 'khankendi']));
      expect(await panelHeading(page), 'nothing chosen for the reader').toBeNull();
      const box = await picker.boundingBox();
      expect(box!.x >= 0 && box!.x + box!.width <= phoneViewport.width, 'the list fits the screen').toBe(true);
      const row = await picker.locator('[data-pick="khankendi"]').boundingBox();
      expect(row!.height, 'rows as tall as a finger').toBeGreaterThanOrEqual(40);

      await picker.locator('[data-pick="khankendi"]').tap();
      expect(await until(() => panelHeading(page), (h) => h === 'Khankendi')).toBe('Khankendi');
      expect(await picker.count()).toBe(0);

      // A tap in the list selects without a hover highlight that no pointer would ever end.
      await page.locator('#place-list [data-place-id="baku"]').tap();
      expect(await until(() => panelHeading(page), (h) => h === 'Baku')).toBe('Baku');
      expect(await page.locator('#article mark.hovered, #place-list .hovered').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __atlas: { state: { hoverId: string | null } } }).__atlas.state.hoverId)).toBeNull();
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
