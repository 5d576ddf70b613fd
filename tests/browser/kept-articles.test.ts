// Nothing lost (issue 9, point 4): going back to the default article keeps the reader's article;
// the kept list names each with its title, date and place count; deleting is explicit and undone.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, phoneViewport, until } from './helpers.ts';
import { CAUCASUS_ARTICLE, articleState, listedIds, pasteArticle, waitForNotice, waitForReaderArticle } from './article-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The rows of "Kept in this browser" in the new-article dialog: title and the line under it. */
function keptRows(page: Page): Promise<{ title: string; meta: string }[]> {
  return page.$$eval('#new-article-dialog [data-kept]', (rows) =>
    rows.map((r) => ({ title: (r.querySelector('.kept-title')?.textContent ?? '').trim(), meta: (r.querySelector('.kept-meta')?.textContent ?? '').replace(/\s+/g, ' ').trim() })),
  );
}

const storedTitles = (page: Page) =>
  page.evaluate(() => (JSON.parse(localStorage.getItem('article-atlas:articles:v1') ?? '[]') as { title: string | null }[]).map((e) => e.title));

describe('kept articles', () => {
  it('keeps the article when going back to the default; the list shows its title, date and places, and reopens it', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await pasteArticle(app.page, CAUCASUS_ARTICLE);
      const places = (await listedIds(app.page)).length;
      await app.page.locator('#back-to-default').click();
      expect(await until(() => articleState(app.page), (s) => s === 'default')).toBe('default');
      expect(await storedTitles(app.page), 'still kept').toEqual(['Storms in the Caucasus']);

      await app.page.locator('#new-article').click();
      const rows = await keptRows(app.page);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.title, 'the pasted headline is its title').toBe('Storms in the Caucasus');
      expect(rows[0]!.meta).toMatch(new RegExp(`^${places} places · \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}$`));
      await app.page.locator('#new-article-dialog [data-kept] .kept-title').click();
      await waitForReaderArticle(app.page);
      expect(await listedIds(app.page)).toContain('tbilisi');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('deletes the article shown (phone), back to the default, and Undo brings it back and reopens it', async () => {
    const app = await openApp(browser, inject('baseURL'), { context: { viewport: phoneViewport, isMobile: true, hasTouch: true } });
    try {
      await pasteArticle(app.page, CAUCASUS_ARTICLE);
      await app.page.locator('#delete-article').tap();
      expect(await waitForNotice(app.page)).toMatch(/Deleted “Storms in the Caucasus” from this browser/);
      expect(await until(() => articleState(app.page), (s) => s === 'default')).toBe('default');
      expect(await storedTitles(app.page)).toEqual([]);

      await app.page.locator('#notice').getByRole('button', { name: 'Undo' }).tap();
      await waitForReaderArticle(app.page);
      expect(await listedIds(app.page)).toContain('tbilisi');
      expect(await storedTitles(app.page)).toEqual(['Storms in the Caucasus']);
    } finally {
      await app.close();
    }
  });

  it('deletes a kept article from the list with Undo in place', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await pasteArticle(app.page, CAUCASUS_ARTICLE);
      await pasteArticle(app.page, 'Officials met in Lahore and then flew to Karachi.');
      await app.page.locator('#new-article').click();
      expect((await keptRows(app.page)).map((r) => r.title)).toEqual(['Officials met in Lahore and then flew to Karachi.', 'Storms in the Caucasus']);
      await app.page.getByRole('button', { name: 'Delete “Storms in the Caucasus” from this browser' }).click();
      expect((await until(() => keptRows(app.page), (r) => r.length === 1)).map((r) => r.title)).toEqual(['Officials met in Lahore and then flew to Karachi.']);
      expect(await app.page.locator('#new-article-dialog .deleted').textContent()).toMatch(/Deleted “Storms in the Caucasus”/);
      await app.page.locator('#undo-delete').click();
      expect((await until(() => keptRows(app.page), (r) => r.length === 2)).map((r) => r.title)).toEqual(['Officials met in Lahore and then flew to Karachi.', 'Storms in the Caucasus']);
      expect(await articleState(app.page), 'the article shown stays').toBe('reader');
      expect(await listedIds(app.page)).toContain('lahore');
    } finally {
      await app.close();
    }
  });
});
