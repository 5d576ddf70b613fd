// The camera (issue 9, points 5 and 6): an article opens on the frame that holds its most-mentioned
// places; "Show all places" fits the rest; a place chosen on the map, in the list or in the text
// gets the same move, to its extent, and none when it is already well in view; countries are
// outlined; reduced motion jumps.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { type AtlasWindow, launchChromium, openApp, pagePointOf, panelHeading, phoneViewport, until } from './helpers.ts';
import { pasteArticle } from './article-helpers.ts';
import { SUDAN_ARTICLE, cameraDecision, inView, mapSettled, nextCameraDecision, placePoints, view } from './app-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('framing', () => {
  it('opens on the most-mentioned places, shows all on request, and moves the same way from list, text and map', async () => {
    const app = await openApp(browser, inject('baseURL'));
    const { page } = app;
    try {
      const points = await placePoints(page);
      const shown = await inView(page, points);
      for (const id of ['karabakh', 'khojaly', 'khankendi', 'shusha', 'fuzuli', 'baku']) expect(shown[id], `${id} in the first view`).toBe(true);
      expect([shown.istanbul, shown.russia], 'Istanbul and Russia, one mention each or far off, are not framed').toEqual([false, false]);
      const showAll = page.locator('#show-all-places');
      const outside = Object.values(shown).filter((v) => !v).length;
      expect(await showAll.textContent()).toMatch(new RegExp(`Show all ${Object.keys(points).length} places\\s*${outside} off the map`));

      await showAll.click();
      await mapSettled(page);
      expect(Object.values(await inView(page, points)).every(Boolean), 'every place after “Show all places”').toBe(true);
      expect(await showAll.textContent()).not.toMatch(/off the map/);

      // From the list: a country far bigger than the view is framed and outlined.
      let before = await cameraDecision(page);
      await page.locator('#place-list [data-place-id="russia"]').click();
      expect(await nextCameraDecision(page, before)).toEqual({ moved: false, id: 'russia' });
      before = await cameraDecision(page);
      await page.locator('#place-list [data-place-id="khojaly"]').click();
      expect(await nextCameraDecision(page, before)).toEqual({ moved: true, id: 'khojaly' });
      await mapSettled(page);
      const zoomedIn = await view(page);
      expect(zoomedIn.zoom, 'a city at a city zoom').toBeGreaterThanOrEqual(8);

      before = await cameraDecision(page);
      await page.locator('#place-list [data-place-id="armenia"]').click();
      expect(await nextCameraDecision(page, before)).toEqual({ moved: true, id: 'armenia' });
      await mapSettled(page);
      expect(await until(() => page.evaluate(() => document.documentElement.dataset.outline), (o) => o === 'AM')).toBe('AM');
      expect(await inView(page, { armenia: points.armenia! })).toEqual({ armenia: true });
      expect((await view(page)).zoom, 'Armenia fills the view, not a dot in it').toBeGreaterThan(5);

      // From the text: the same move to a city.
      before = await cameraDecision(page);
      await page.locator('#article mark[data-place-id="baku"]').first().click();
      expect(await nextCameraDecision(page, before)).toEqual({ moved: true, id: 'baku' });
      await mapSettled(page);
      expect((await view(page)).zoom).toBeGreaterThanOrEqual(8);

      // On the map: a place already well in view leaves the camera where it is.
      const still = await view(page);
      before = await cameraDecision(page);
      const { x, y } = await pagePointOf(page, points.baku!);
      await page.mouse.click(x, y);
      expect(await until(() => panelHeading(page), (h) => h === 'Baku')).toBe('Baku');
      expect(await nextCameraDecision(page, before)).toEqual({ moved: false, id: 'baku' });
      expect(await view(page)).toEqual(still);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('opens a Sudan report on Sudan on a phone, and jumps without motion when the reader asks for reduced motion', async () => {
    const app = await openApp(browser, inject('baseURL'), { context: { viewport: phoneViewport, isMobile: true, hasTouch: true, reducedMotion: 'reduce' } });
    const { page } = app;
    try {
      await pasteArticle(page, SUDAN_ARTICLE);
      await mapSettled(page);
      const points = await placePoints(page);
      const shown = await inView(page, points);
      expect([shown.sudan, shown.darfur, shown.khartoum], 'Sudan, Darfur and Khartoum').toEqual([true, true, true]);
      expect(shown.cairo, 'not Cairo, named in passing').toBe(false);

      const before = await cameraDecision(page);
      await page.locator('#place-list [data-place-id="cairo"]').tap();
      expect(await nextCameraDecision(page, before)).toEqual({ moved: true, id: 'cairo' });
      const moving = await page.evaluate(() => (window as AtlasWindow).__atlas!.map.isMoving());
      expect(moving, 'a jump, not a flight').toBe(false);
      expect(await inView(page, { cairo: points.cairo! })).toEqual({ cairo: true });
    } finally {
      await app.close();
    }
  });
});
