// Corrections a reader can make with confidence (issue 9, point 1): each reading shows its
// divisions, population and kind and previews on the map; a search finds any gazetteer place
// with the same detail; a searched reading travels in the link and the saved article, with undo.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, panelHeading, phoneViewport, sourcePlaces, until, waitForMapState } from './helpers.ts';
import { pasteArticle, waitForReaderArticle } from './article-helpers.ts';
import { ARLINGTON_ARTICLE, hashParam, inView, mapSettled, readingRows } from './app-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function drawnPoint(page: Page, id: string): Promise<[number, number] | null> {
  return (await sourcePlaces(page)).find((p) => p.id === id)?.point ?? null;
}

const preview = (page: Page) => page.evaluate(() => document.documentElement.dataset.preview ?? null);
const panelText = (page: Page) => page.evaluate(() => (document.querySelector('#place-panel')?.textContent ?? '').replace(/\s+/g, ' '));

describe('telling readings apart', () => {
  it('shows divisions, population and kind for each reading, previews it on the map, and a searched one travels in the link', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await pasteArticle(app.page, ARLINGTON_ARTICLE);
      await app.page.locator('#place-list [data-place-id="arlington"]').click();
      expect(await until(() => panelHeading(app.page), (h) => h === 'Arlington')).toBe('Arlington');
      expect(await panelText(app.page)).toMatch(/Lies in\s*Tarrant County, Texas/);

      await app.page.getByRole('button', { name: 'Not this place?' }).click();
      const rows = await readingRows(app.page, 'data-alternative');
      const virginia = rows.find((r) => /Virginia/.test(r.text));
      expect(virginia?.text, `a row for Arlington, Virginia among ${rows.map((r) => r.text).join(' | ')}`).toMatch(/^Arlington City · Arlington County, Virginia · United States · [\d,]+ people/);
      expect(rows.every((r) => /· United States/.test(r.text) && /km from the geoparser’s reading/.test(r.text))).toBe(true);

      // Pointing at a reading marks it on the map and brings it into view; leaving it takes the mark away.
      await app.page.locator(`[data-alternative="${virginia!.key}"]`).hover();
      const marked = await until(() => preview(app.page), (p) => p !== null);
      const at = marked!.split(',').map(Number) as [number, number];
      expect(at[0], 'Arlington, Virginia is east of 80°W').toBeGreaterThan(-80);
      await mapSettled(app.page);
      expect(await inView(app.page, { virginia: at })).toEqual({ virginia: true });
      await app.page.locator('#place-title').hover();
      expect(await until(() => preview(app.page), (p) => p === null)).toBeNull();

      // Any place of the gazetteer, by name, with the same detail (the readings above are not repeated).
      await app.page.locator('#place-search').fill('Arlington');
      const results = await until(() => readingRows(app.page, 'data-result'), (r) => r.length > 0);
      expect(results.some((r) => /Virginia|Massachusetts/.test(r.text)), 'the alternatives are not offered twice').toBe(false);
      const nebraska = results.find((r) => /^Arlington Village · Washington County, Nebraska · United States · [\d,]+ people$/.test(r.text));
      expect(nebraska, results.map((r) => r.text).join(' | ')).toBeDefined();
      await app.page.locator(`[data-result="${nebraska!.key}"]`).click();

      const moved = await until(() => drawnPoint(app.page, 'arlington'), (p) => p !== null && p[1] > 40);
      expect(moved![0], 'Arlington, Nebraska').toBeGreaterThan(-97);
      expect(await panelText(app.page)).toMatch(/Corrected by you\. The geoparser read it as Arlington, a city in Tarrant County, Texas, United States\./);
      expect(await app.page.locator('#corrections').textContent()).toMatch(/Arlington → Arlington, village in Nebraska, United States/);
      const fix = await until(async () => hashParam(app.page, 'fix'), (f) => f !== null);
      expect(fix).toMatch(/^arlington:Arlington~village~US~Nebraska~-96\.\d+~41\.\d+~\d+$/);

      // The address bar's link, opened elsewhere, shows the searched reading; a reload here too.
      const elsewhere = await openApp(browser, app.page.url());
      try {
        await waitForReaderArticle(elsewhere.page);
        expect(await until(() => drawnPoint(elsewhere.page, 'arlington'), (p) => p !== null)).toEqual(moved);
      } finally {
        await elsewhere.close();
      }
      await app.page.reload();
      await waitForReaderArticle(app.page);
      await waitForMapState(app.page, 'idle');
      expect(await until(() => drawnPoint(app.page, 'arlington'), (p) => p !== null)).toEqual(moved);

      await app.page.locator('#corrections [data-undo="arlington"]').click();
      expect(await until(() => drawnPoint(app.page, 'arlington'), (p) => p !== null && p[1] < 34)).not.toEqual(moved);
      expect(await until(async () => hashParam(app.page, 'fix'), (f) => f === null)).toBeNull();
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('on a phone, a tap chooses a reading at once and leaves no preview behind', async () => {
    const app = await openApp(browser, inject('baseURL'), { context: { viewport: phoneViewport, isMobile: true, hasTouch: true } });
    try {
      await pasteArticle(app.page, ARLINGTON_ARTICLE);
      await app.page.locator('#place-list [data-place-id="arlington"]').tap();
      await app.page.getByRole('button', { name: 'Not this place?' }).tap();
      const rows = await readingRows(app.page, 'data-alternative');
      const virginia = rows.find((r) => /Virginia/.test(r.text))!;
      const box = await app.page.locator(`[data-alternative="${virginia.key}"]`).boundingBox();
      expect(box!.x + box!.width, 'the row fits the screen').toBeLessThanOrEqual(phoneViewport.width);
      await app.page.locator(`[data-alternative="${virginia.key}"]`).tap();
      expect(await until(() => drawnPoint(app.page, 'arlington'), (p) => p !== null && p[0] > -80)).toBeTruthy();
      expect(await preview(app.page)).toBeNull();
      expect(await until(async () => hashParam(app.page, 'fix'), (f) => f !== null)).toBe(`arlington:${virginia.key}`);
    } finally {
      await app.close();
    }
  });
});
