// Correcting places: another reading of a name, or not a place at all; map, list, text and
// statements follow at once, the correction can be undone, and it survives the link and a reload.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, panelHeading, panelStatements, sourcePlaces, until } from './helpers.ts';
import { CAUCASUS_ARTICLE, listedIds, pasteArticle, waitForReaderArticle } from './article-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function drawnPoint(page: Page, id: string): Promise<[number, number] | null> {
  const places = await sourcePlaces(page);
  return places.find((p) => p.id === id)?.point ?? null;
}

function panelKind(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('#place-panel .kind')?.textContent?.trim() ?? '');
}

function hashParam(page: Page, key: string): string | null {
  return new URLSearchParams(new URL(page.url()).hash.slice(1)).get(key);
}

describe('correcting a pasted article', () => {
  it('moves a place to another reading; map, panel and link follow, and a fresh page restores it', async () => {
    const app = await openApp(browser, inject('baseURL'), { context: { permissions: ['clipboard-read', 'clipboard-write'] } });
    try {
      await pasteArticle(app.page, CAUCASUS_ARTICLE);
      await app.page.locator('#place-list [data-place-id="georgia"]').click();
      expect(await until(() => panelKind(app.page), (k) => k !== '')).toBe('Country');
      const before = await until(() => drawnPoint(app.page, 'georgia'), (p) => p !== null);
      expect(before![0], 'Georgia the country is east of 40°E').toBeGreaterThan(40);

      await app.page.getByRole('button', { name: 'Not this place?' }).click();
      const choices = app.page.locator('#alternatives [data-alternative]');
      expect(await choices.first().textContent()).toMatch(/Georgia.*United States/);
      await choices.first().click();

      expect(await until(() => panelKind(app.page), (k) => k !== 'Country')).toMatch(/United States/);
      const after = await until(() => drawnPoint(app.page, 'georgia'), (p) => p !== null && p[0] < -60);
      expect(after![0], 'Georgia the state is west of 60°W').toBeLessThan(-60);
      expect(await app.page.locator('#place-panel').textContent()).toContain('Corrected by you');
      expect((await panelStatements(app.page)).length, 'the statements stay with the place').toBe(2);
      expect(await app.page.locator('#corrections').textContent()).toMatch(/Georgia → Georgia/);
      expect(await until(async () => hashParam(app.page, 'fix'), (f) => f !== null)).toBe('georgia:0');

      await app.page.locator('button#copy-link').click();
      const link = await until(() => app.page.evaluate(() => navigator.clipboard.readText()), (t) => t.includes('fix='));
      expect(link).toMatch(/&article=[A-Za-z0-9_-]+&fix=georgia:0$/);

      const fresh = await openApp(browser, link);
      try {
        await waitForReaderArticle(fresh.page);
        expect(await until(() => panelHeading(fresh.page), (h) => h === 'Georgia')).toBe('Georgia');
        expect(await panelKind(fresh.page)).toMatch(/United States/);
        const restored = await until(() => drawnPoint(fresh.page, 'georgia'), (p) => p !== null);
        expect(restored).toEqual(after);
        expect(await fresh.page.locator('#corrections').textContent()).toMatch(/Georgia → Georgia/);
      } finally {
        await fresh.close();
      }

      // Undo from the panel brings the geoparser's reading back.
      await app.page.locator('#place-panel').getByRole('button', { name: 'Undo' }).click();
      expect(await until(() => panelKind(app.page), (k) => k === 'Country')).toBe('Country');
      expect(await until(() => drawnPoint(app.page, 'georgia'), (p) => p !== null && p[0] > 40)).toEqual(before);
      expect(await until(async () => hashParam(app.page, 'fix'), (f) => f === null)).toBeNull();
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('removes a place that is not one from list, map and text, keeps it removed across a reload, and undoes it', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await pasteArticle(app.page, CAUCASUS_ARTICLE);
      await app.page.locator('#place-list [data-place-id="odessa"]').click();
      await until(() => panelHeading(app.page), (h) => h === 'Odessa');
      await app.page.getByRole('button', { name: 'Not a place' }).click();

      expect(await until(() => listedIds(app.page), (ids) => !ids.includes('odessa'))).not.toContain('odessa');
      expect(await panelHeading(app.page), 'the panel closes with the place').toBeNull();
      expect(await app.page.locator('#article mark[data-place-id="odessa"]').count()).toBe(0);
      // The map follows the list a frame later (it redraws after the page has painted).
      const drawn = await until(() => sourcePlaces(app.page), (places) => !places.some((p) => p.id === 'odessa'));
      expect(drawn.map((p) => p.id)).not.toContain('odessa');
      expect(await app.page.locator('#article').textContent(), 'the text itself stays').toContain('ferries to Odessa');

      await app.page.reload();
      await waitForReaderArticle(app.page);
      expect(await listedIds(app.page)).not.toContain('odessa');
      expect(await app.page.locator('#corrections').textContent()).toContain('Odessa: not a place');

      await app.page.locator('#corrections [data-undo="odessa"]').click();
      expect(await until(() => listedIds(app.page), (ids) => ids.includes('odessa'))).toContain('odessa');
      expect(await app.page.locator('#article mark[data-place-id="odessa"]').count()).toBe(1);
      expect(await app.page.locator('#corrections').count()).toBe(0);
    } finally {
      await app.close();
    }
  });
});

describe('correcting the default article', () => {
  it('puts the correction in the address bar, which reopens it without any download', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await app.page.locator('#place-list [data-place-id="baku"]').click();
      await app.page.getByRole('button', { name: 'Not a place' }).click();
      expect(await until(async () => hashParam(app.page, 'fix'), (f) => f !== null)).toBe('baku:x');
      const fresh = await openApp(browser, app.page.url());
      try {
        expect(await listedIds(fresh.page)).not.toContain('baku');
        expect(await listedIds(fresh.page)).toContain('khojaly');
        expect(fresh.requests.some((url) => /gazetteer/.test(url))).toBe(false);
      } finally {
        await fresh.close();
      }
    } finally {
      await app.close();
    }
  });
});
