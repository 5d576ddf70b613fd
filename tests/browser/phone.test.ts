// A phone-width viewport: the list and the panel are reachable and usable, nothing overflows.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, panelStatements, phoneViewport, placeIdByName, until } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

it('selects a place from the list at 390x844 and shows its statements inside the viewport', async () => {
  const app = await openApp(browser, inject('baseURL'), {
    context: { viewport: phoneViewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  });
  try {
    const { page } = app;
    const id = await placeIdByName(page, 'Khojaly');
    // `tap` fails unless the button is visible, enabled and not covered (after scrolling to it).
    await page.locator(`#place-list [data-place-id="${id}"]`).tap();
    const statements = await until(() => panelStatements(page), (s) => s.length === 2);
    expect(statements).toHaveLength(2);

    const first = page.locator('#place-panel [data-statement-index]').first();
    await first.scrollIntoViewIfNeeded();
    const box = await first.boundingBox();
    expect(box, 'first statement has a box').not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(phoneViewport.width + 1);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(phoneViewport.height);
    // The statement is the topmost element where it is drawn (not hidden behind the map or a sheet).
    const onTop = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('#place-panel') !== null,
      { x: box!.x + Math.min(20, box!.width / 2), y: box!.y + Math.min(10, box!.height / 2) },
    );
    expect(onTop, 'statement is not covered').toBe(true);

    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      mapHeight: document.querySelector('.maplibregl-canvas')?.getBoundingClientRect().height ?? 0,
    }));
    expect(layout.scrollWidth, 'no horizontal overflow').toBeLessThanOrEqual(phoneViewport.width);
    expect(layout.mapHeight, 'the map keeps a usable height').toBeGreaterThan(150);
    expect(app.pageErrors).toEqual([]);
  } finally {
    await app.close();
  }
});
