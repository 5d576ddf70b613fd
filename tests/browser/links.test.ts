// Links that cannot mislead (issue 9, point 3; issue 11, item 4; issue 12, items 5 and 6): the
// address bar always holds a link that works elsewhere; a long article's key explains itself on
// another device; a full storage never puts a dead key in the address bar and loses nothing.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, panelHeading, phoneViewport, until } from './helpers.ts';
import { CAUCASUS_ARTICLE, articleState, listedIds, noticeText, pasteArticle, waitForNotice, waitForReaderArticle } from './article-helpers.ts';
import { fillStorage, hashParam, inView, placePoints, view } from './app-helpers.ts';
import { packArticle } from '../../src/url/article-link.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const STORAGE_KEY = 'article-atlas:articles:v1';

/**
 * A text that packs into far more than the 8,000 characters of a shareable link: lower-case
 * nonsense words (random letters compress poorly, and no tagger takes them for names) around
 * sentences that name Tbilisi and Batumi.
 */
function longArticle(words = 2400): string {
  let seed = 11;
  const letter = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return String.fromCharCode(97 + (Math.floor(seed / 65536) % 26));
  };
  const out = ['Storms hit Tbilisi on Tuesday, and ferries left Batumi.'];
  for (let i = 0; i < words; i++) out.push(Array.from({ length: 5 }, letter).join('') + (i % 12 === 11 ? '.' : ''));
  out.push('Officials in Batumi said roads to Tbilisi were closed.');
  return out.join(' ');
}

describe('the address bar', () => {
  it('holds the pasted article itself, so the address opened in another browser shows the same article and place', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await pasteArticle(app.page, CAUCASUS_ARTICLE);
      await app.page.locator('#place-list [data-place-id="batumi"]').click();
      const address = await until(async () => app.page.url(), (u) => /[?&]place=batumi/.test(u) && /article=[A-Za-z0-9_-]{16,}/.test(u));
      expect(address, 'the article itself, not a key of this browser').not.toContain('saved:');
      const ids = await listedIds(app.page);

      const elsewhere = await openApp(browser, address, { context: { viewport: phoneViewport, isMobile: true, hasTouch: true } });
      try {
        await waitForReaderArticle(elsewhere.page);
        expect(await listedIds(elsewhere.page)).toEqual(ids);
        expect(await until(() => panelHeading(elsewhere.page), (h) => h === 'Batumi')).toBe('Batumi');
        expect(await noticeText(elsewhere.page)).toBe('');
      } finally {
        await elsewhere.close();
      }
    } finally {
      await app.close();
    }
  });

  it('names a long article by its key; elsewhere that key explains itself, offers an exported file, and the default article is framed as usual', async () => {
    const app = await openApp(browser, inject('baseURL'));
    let address: string;
    let defaultView: { lng: number; lat: number; zoom: number };
    try {
      defaultView = await view(app.page);
      await pasteArticle(app.page, longArticle());
      address = await until(async () => app.page.url(), (u) => /article=saved:[0-9a-f]{8}/.test(u) && /map=/.test(u));
      expect(address.length, 'the address stays a shareable length').toBeLessThan(8000);
    } finally {
      await app.close();
    }
    const elsewhere = await openApp(browser, address);
    try {
      const notice = await waitForNotice(elsewhere.page);
      expect(notice).toMatch(/kept only in the browser where the link was made/);
      expect(notice).toMatch(/GeoJSON export/);
      expect(await elsewhere.page.locator('#notice').getByRole('button', { name: 'Open an exported file…' }).count()).toBe(1);
      expect(await articleState(elsewhere.page)).toBe('default');
      // Not the other article's view: the default article's own opening frame.
      const shown = await view(elsewhere.page);
      expect(Math.abs(shown.zoom - defaultView.zoom), `zoom ${shown.zoom} against the default ${defaultView.zoom}`).toBeLessThan(0.05);
      const points = await placePoints(elsewhere.page);
      expect(await inView(elsewhere.page, { khojaly: points.khojaly!, baku: points.baku! })).toEqual({ khojaly: true, baku: true });
      expect(elsewhere.page.url()).not.toContain('article=');
      expect(elsewhere.pageErrors).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  it('drops a correction that changes nothing (fix=baku:5) instead of showing it as one', async () => {
    const app = await openApp(browser, inject('baseURL'), { path: '#fix=baku:5,odessa:1' });
    try {
      expect(await waitForNotice(app.page)).toMatch(/2 corrections in the link do not fit this article \(baku, odessa\) and were ignored/);
      expect(await app.page.locator('#corrections').count(), 'no “Your corrections”').toBe(0);
      await app.page.locator('#place-list [data-place-id="baku"]').click();
      expect(await until(() => panelHeading(app.page), (h) => h === 'Baku')).toBe('Baku');
      expect(await app.page.locator('#place-panel').textContent()).not.toContain('Corrected by you');
      expect(await until(async () => hashParam(app.page, 'fix'), (f) => f === null)).toBeNull();
    } finally {
      await app.close();
    }
  });
});

describe('a full storage', () => {
  it('still opens a pasted article, says it cannot be kept, and loses nothing kept before (issue 11, item 4)', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await pasteArticle(app.page, CAUCASUS_ARTICLE);
      const keptBefore = await app.page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
      expect(keptBefore).toContain('Storms in the Caucasus');
      expect(await fillStorage(app.page)).toBeGreaterThan(0);
      const fillers = await app.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).length);

      await pasteArticle(app.page, 'Officials met in Lahore and then flew to Karachi.');
      expect(await listedIds(app.page)).toEqual(expect.arrayContaining(['lahore', 'karachi']));
      expect(await waitForNotice(app.page)).toMatch(/storage is full.*export it to keep it/);
      expect(await app.page.locator('#notice').getByRole('button', { name: 'Export GeoJSON' }).count()).toBe(1);
      expect(await app.page.locator('#reader-article-bar').textContent()).toMatch(/not kept in this browser/);
      expect(await app.page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), 'the kept article is untouched').toBe(keptBefore);
      expect(await app.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).length), 'nor anyone else’s data').toBe(fillers);
      const address = await until(async () => app.page.url(), (u) => /article=/.test(u));
      expect(address, 'no key that would name nothing after a reload').not.toContain('saved:');
    } finally {
      await app.close();
    }
  });

  it('keeps an opened article link in the address bar when the article cannot be saved, so a reload still has it (issue 12, item 5)', async () => {
    const text = longArticle();
    const data = await packArticle({ title: 'Storm report', text });
    // A query makes it a new page load, not a fragment change of the page already open.
    const link = `${inject('baseURL')}?from=chat#article=${data}`;
    expect(link.length, 'longer than a shareable link: today’s app would rewrite it to its key').toBeGreaterThan(8000);
    const app = await openApp(browser, inject('baseURL'));
    try {
      await fillStorage(app.page);
      await app.page.goto(link);
      await waitForReaderArticle(app.page);
      expect(await waitForNotice(app.page)).toMatch(/storage is full/);
      const ids = await listedIds(app.page);
      expect(ids).toEqual(expect.arrayContaining(['tbilisi', 'batumi']));
      await until(async () => app.page.url(), (u) => /map=/.test(u));
      expect(app.page.url()).not.toContain('saved:');
      // The article itself (packed again by this browser, so not necessarily the same bytes).
      expect(hashParam(app.page, 'article')).toMatch(/^[A-Za-z0-9_-]{8000,}$/);

      await app.page.reload();
      await waitForReaderArticle(app.page);
      expect(await listedIds(app.page), 'the reload reopens it from the address bar').toEqual(ids);
    } finally {
      await app.close();
    }
  });
});
