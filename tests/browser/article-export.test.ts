// Exports: a GeoJSON download that passes a validator and reopens the article with its places
// and corrections, a CSV download, a bad file refused with a message, and a link too long to
// share that offers the export instead.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hint } from '@mapbox/geojsonhint';
import { launchChromium, openApp, panelHeading, until } from './helpers.ts';
import { CAUCASUS_ARTICLE, articleState, dropFile, listedIds, noticeText, pasteArticle, waitForNotice, waitForReaderArticle } from './article-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Clicks an export entry and returns the downloaded file's name and text. */
async function download(page: Page, entry: '#export-geojson' | '#export-csv'): Promise<{ name: string; text: string }> {
  await page.locator('#export-button').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(entry).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

async function correctedArticle(page: Page): Promise<void> {
  await pasteArticle(page, CAUCASUS_ARTICLE);
  await page.locator('#place-list [data-place-id="georgia"]').click();
  await page.getByRole('button', { name: 'Not this place?' }).click();
  await page.locator('#alternatives [data-alternative="0"]').click();
  await page.locator('#place-list [data-place-id="odessa"]').click();
  await until(() => panelHeading(page), (h) => h === 'Odessa');
  await page.getByRole('button', { name: 'Not a place' }).click();
  await until(() => listedIds(page), (ids) => !ids.includes('odessa'));
}

describe('exports', () => {
  it('exports valid GeoJSON with statements, article and corrections, which reopens in a fresh page from the file dialog', async () => {
    const app = await openApp(browser, inject('baseURL'));
    let text: string;
    let shownIds: string[];
    try {
      await correctedArticle(app.page);
      shownIds = await listedIds(app.page);
      await app.page.locator('#export-button').click();
      const [file] = await Promise.all([app.page.waitForEvent('download'), app.page.locator('#export-geojson').click()]);
      expect(file.suggestedFilename(), 'named by the pasted headline').toBe('storms-in-the-caucasus-places.geojson');
      text = readFileSync((await file.path())!, 'utf8'); // downloads go with their context
    } finally {
      await app.close();
    }
    const data = JSON.parse(text);
    expect(hint(data), 'geojsonhint messages').toEqual([]);
    expect(data.article.text).toBe(CAUCASUS_ARTICLE);
    expect(data.corrections).toBe('georgia:0,odessa:x');
    expect(data.features.map((f: { id: string }) => f.id).sort()).toEqual([...shownIds].sort());
    const georgia = data.features.find((f: { id: string }) => f.id === 'georgia');
    expect(georgia.properties.corrected).toBe(true);
    expect(georgia.properties.statements.map((s: { text: string }) => s.text)).toEqual(['Storms hit Georgia on Tuesday.', 'In Tbilisi, the capital of Georgia, roads were closed.']);

    const fresh = await openApp(browser, inject('baseURL'));
    try {
      await fresh.page.locator('#new-article').click();
      const [chooser] = await Promise.all([fresh.page.waitForEvent('filechooser'), fresh.page.getByRole('button', { name: 'Choose a file…' }).click()]);
      await chooser.setFiles({ name: 'storms-places.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(text) });
      await waitForReaderArticle(fresh.page);
      expect((await listedIds(fresh.page)).sort()).toEqual([...shownIds].sort());
      expect(await fresh.page.locator('#corrections').textContent()).toMatch(/Georgia → Georgia[\s\S]*Odessa: not a place/);
      expect(await fresh.page.locator('#article').textContent()).toContain('Storms hit Georgia on Tuesday.');
      expect(await noticeText(fresh.page), 'same geoparser, same reading: nothing to warn about').toBe('');
      expect(fresh.pageErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('exports CSV with one row per place', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await correctedArticle(app.page);
      const { name, text } = await download(app.page, '#export-csv');
      expect(name).toBe('storms-in-the-caucasus-places.csv');
      const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toBe('id,name,kind,country,admin1,admin2,lat,lon,mentions,confidence,corrected,statements');
      expect(lines).toHaveLength((await listedIds(app.page)).length + 1);
      expect(lines.find((l) => l.startsWith('georgia,'))).toMatch(/^georgia,Georgia,admin1,US,,,[\d.]+,-[\d.]+,2,[\d.]+,yes,/);
      expect(lines.find((l) => l.startsWith('tbilisi,')), 'division columns').toMatch(/^tbilisi,Tbilisi,city,GE,Tbilisi,/);
    } finally {
      await app.close();
    }
  });

  it('refuses a GeoJSON that is not an Article Atlas export, keeping the current article', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await dropFile(app.page, 'places.geojson', JSON.stringify({ type: 'FeatureCollection', features: [] }), 'application/geo+json');
      expect(await waitForNotice(app.page)).toMatch(/not a GeoJSON exported from Article Atlas/);
      expect(await articleState(app.page)).toBe('default');
      expect(await listedIds(app.page)).toContain('khojaly');
    } finally {
      await app.close();
    }
  });

  it('offers the GeoJSON export when the article is too long for a link', async () => {
    const app = await openApp(browser, inject('baseURL'), { context: { permissions: ['clipboard-read', 'clipboard-write'] } });
    try {
      // Varied words compress poorly, like real prose does at this length.
      let seed = 7;
      const words = ['Tbilisi', 'officials', 'river', 'Batumi', 'market', 'said', 'Tuesday', 'roads', 'closed', 'ferry', 'Georgia', 'storm', 'report', 'council', 'water', 'north'];
      const text = Array.from({ length: 16_000 }, (_, i) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return words[Math.floor(seed / 65536) % words.length] + (i % 12 === 11 ? '.' : '');
      }).join(' ');
      await pasteArticle(app.page, text);
      await app.page.evaluate(() => navigator.clipboard.writeText('untouched'));
      await app.page.locator('button#copy-link').click();
      const notice = await waitForNotice(app.page);
      expect(notice).toMatch(/too long to travel in a link/);
      expect(notice).toMatch(/8,000/);
      expect(await app.page.evaluate(() => navigator.clipboard.readText()), 'no link was copied').toBe('untouched');
      const [file] = await Promise.all([app.page.waitForEvent('download'), app.page.locator('#notice').getByRole('button', { name: 'Export GeoJSON' }).click()]);
      expect(file.suggestedFilename()).toMatch(/\.geojson$/);
    } finally {
      await app.close();
    }
  });
});
