// Adding what the geoparser missed (issue 9, point 2): a name it could not place ("Names not
// placed") and words it did not take for a place (selected in the text, or typed), each placed
// by a search; both travel in the link and the export, and undo.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, panelHeading, phoneViewport, sourcePlaces, until } from './helpers.ts';
import { listedIds, pasteArticle, waitForReaderArticle } from './article-helpers.ts';
import { HARBOUR_ARTICLE, hashParam, readingRows, selectInArticle } from './app-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Searches in the open placing panel and chooses the first result whose text matches. */
async function chooseResult(page: Page, query: string, match: RegExp): Promise<void> {
  await page.locator('#place-search').fill(query);
  const results = await until(() => readingRows(page, 'data-result'), (r) => r.some((x) => match.test(x.text)));
  const row = results.find((r) => match.test(r.text));
  if (!row) throw new Error(`no result ${match} for ${query}: ${results.map((r) => r.text).join(' | ')}`);
  await page.locator(`[data-result="${row.key}"]`).click();
}

const marks = (page: Page, id: string) => page.$$eval(`#article mark[data-place-id="${id}"]`, (m) => m.map((x) => x.textContent));

describe('placing what the geoparser missed', () => {
  it('places an unresolved name and selected words; map, list, text, link and export follow, and each undoes', async () => {
    const app = await openApp(browser, inject('baseURL'));
    let exported: string;
    try {
      await pasteArticle(app.page, HARBOUR_ARTICLE);
      expect(await app.page.locator('#names-not-placed li').allTextContents()).toEqual([expect.stringMatching(/^Zorbanik\s*2×\s*Place it$/)]);

      // A name recognised but found in no gazetteer.
      await app.page.locator('#names-not-placed [data-place-name="zorbanik"]').click();
      expect(await app.page.locator('#placing-title').textContent()).toBe('Place “Zorbanik”');
      expect(await app.page.locator('#placing-panel .context').textContent()).toContain('Villagers in the village of Zorbanik fled to Tbilisi');
      await chooseResult(app.page, 'Telavi', /^Telavi .*Georgia/);
      expect(await until(() => panelHeading(app.page), (h) => h === 'Zorbanik')).toBe('Zorbanik');
      expect(await app.page.locator('#place-panel').textContent()).toMatch(/Placed by you/);
      expect(await marks(app.page, 'zorbanik')).toEqual(['Zorbanik', 'Zorbanik']);
      expect(await app.page.locator('#names-not-placed li').count()).toBe(0);
      const telavi = await until(() => sourcePlaces(app.page), (p) => p.some((x) => x.id === 'zorbanik'));
      expect(telavi.find((x) => x.id === 'zorbanik')!.point[0], 'Telavi lies east of Tbilisi').toBeGreaterThan(45);

      // Words the geoparser did not take for a place, selected in the text.
      await selectInArticle(app.page, 'old harbour');
      await app.page.locator('#this-is-a-place').click();
      expect(await app.page.locator('#placing-title').textContent()).toBe('Place “old harbour”');
      await chooseResult(app.page, 'Batumi', /^Batumi .*Georgia/);
      expect(await until(() => panelHeading(app.page), (h) => h === 'old harbour')).toBe('old harbour');
      expect(await marks(app.page, 'old-harbour')).toEqual(['old harbour']);
      expect(await listedIds(app.page)).toEqual(expect.arrayContaining(['zorbanik', 'old-harbour', 'tbilisi']));
      const fix = await until(async () => hashParam(app.page, 'fix'), (f) => (f ?? '').includes('@'));
      const start = HARBOUR_ARTICLE.indexOf('old harbour');
      expect(fix).toMatch(new RegExp(`^@${start}-${start + 11}:Batumi~(city|town)~GE~[^,]*,zorbanik:Telavi~(city|town)~GE~`));

      // The address bar reopens both elsewhere.
      const elsewhere = await openApp(browser, app.page.url());
      try {
        await waitForReaderArticle(elsewhere.page);
        expect(await listedIds(elsewhere.page)).toEqual(await listedIds(app.page));
        expect(await marks(elsewhere.page, 'old-harbour')).toEqual(['old harbour']);
      } finally {
        await elsewhere.close();
      }

      await app.page.locator('#export-button').click();
      const [file] = await Promise.all([app.page.waitForEvent('download'), app.page.locator('#export-geojson').click()]);
      expect(file.suggestedFilename()).toBe('storms-in-the-caucasus-places.geojson');
      exported = readFileSync((await file.path())!, 'utf8');

      // Undo one, then the other.
      await app.page.locator('#corrections [data-undo="zorbanik"]').click();
      expect(await until(() => listedIds(app.page), (ids) => !ids.includes('zorbanik'))).not.toContain('zorbanik');
      expect(await app.page.locator('#names-not-placed li').count()).toBe(1);
      await app.page.locator(`#corrections [data-undo="@${start}-${start + 11}"]`).click();
      expect(await until(() => listedIds(app.page), (ids) => !ids.includes('old-harbour'))).not.toContain('old-harbour');
      expect(await until(async () => hashParam(app.page, 'fix'), (f) => f === null)).toBeNull();
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
    const data = JSON.parse(exported);
    expect(data.corrections).toMatch(/^@\d+-\d+:Batumi~.*,zorbanik:Telavi~/);
    const harbour = data.features.find((f: { id: string }) => f.id === 'old-harbour');
    expect(harbour.properties.mentions[0].text).toBe('old harbour');
    expect(harbour.properties.statements[0].text).toBe('Ferries left the old harbour at Batumi at dawn.');
    expect(data.unresolved ?? []).toEqual([]);
  });

  it('on a phone, selected words are offered below the system’s menu, and typed words are the keyboard way', async () => {
    const app = await openApp(browser, inject('baseURL'), { context: { viewport: phoneViewport, isMobile: true, hasTouch: true } });
    try {
      await pasteArticle(app.page, HARBOUR_ARTICLE);
      await selectInArticle(app.page, 'old harbour');
      const button = app.page.locator('#this-is-a-place');
      const box = await button.boundingBox();
      expect(box!.y, 'docked at the bottom, clear of the selection menu').toBeGreaterThan(phoneViewport.height - 100);
      expect(box!.x >= 0 && box!.x + box!.width <= phoneViewport.width).toBe(true);
      // A selection that is already a place is refused with a reason.
      await selectInArticle(app.page, 'Tbilisi');
      expect(await until(() => app.page.locator('.selection-note').textContent(), (t) => !!t)).toMatch(/already a place/);
      await app.page.evaluate(() => getSelection()?.removeAllRanges());

      await app.page.locator('#add-missed-place').tap();
      await app.page.locator('#missed-words').fill('old harbor');
      await app.page.keyboard.press('Enter');
      expect(await app.page.locator('#missed-words-problem').textContent()).toMatch(/not in the article/);
      await app.page.locator('#missed-words').fill('old harbour');
      await app.page.keyboard.press('Enter');
      expect(await app.page.locator('#placing-title').textContent()).toBe('Place “old harbour”');
      expect(await app.page.locator('#place-search').inputValue()).toBe('old harbour');
    } finally {
      await app.close();
    }
  });
});
