// A reader's own article: pasted, geoparsed in the worker, shown with every interaction of the
// default one, shared by a link that carries the text, kept across reloads, and its resources
// fetched only when needed and then from Cache Storage.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  jumpAndIdle,
  launchChromium,
  openApp,
  panelHeading,
  panelStatements,
  sourcePlaces,
  until,
  urlSelection,
  camera,
  pixelsFromCenter,
} from './helpers.ts';
import { CAUCASUS_ARTICLE, articleState, isGazetteer, listedIds, pasteArticle, submitText, waitForReaderArticle } from './article-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});



function currentStatement(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector<HTMLElement>('#place-panel [data-statement-index][aria-current="true"]')?.dataset.statementIndex ?? null);
}

describe('a pasted article', () => {
  it('replaces places, map and text; a place shows its statements; the copied link reopens it with the same selection and view', async () => {
    const app = await openApp(browser, inject('baseURL'), { context: { permissions: ['clipboard-read', 'clipboard-write'] } });
    try {
      expect(app.requests.filter(isGazetteer), 'the default article needs no gazetteer').toEqual([]);
      await pasteArticle(app.page, CAUCASUS_ARTICLE);

      const ids = await listedIds(app.page);
      expect(ids).toEqual(expect.arrayContaining(['georgia', 'tbilisi', 'batumi', 'yerevan']));
      expect(ids).not.toContain('khojaly');
      const drawn = await until(() => sourcePlaces(app.page), (places) => places.some((p) => p.id === 'tbilisi'));
      expect(drawn.map((p) => p.id).sort()).toEqual([...ids].sort());
      expect(await app.page.locator('#article').textContent()).toContain('Storms hit Georgia on Tuesday.');
      expect(await app.page.locator('#back-to-default').isVisible(), 'the way back is visible').toBe(true);

      await app.page.locator('#place-list [data-place-id="georgia"]').click();
      expect(await until(() => panelHeading(app.page), (h) => h === 'Georgia')).toBe('Georgia');
      const statements = await panelStatements(app.page);
      expect(statements).toHaveLength(2);
      expect(statements[0].text).toMatch(/^1 of 2\s*Storms hit Georgia on Tuesday\.$/);
      expect(statements[1].text).toMatch(/^2 of 2\s*In Tbilisi, the capital of Georgia, roads were closed\.$/);
      expect(statements.every((s) => s.marks.includes('Georgia'))).toBe(true);
      await app.page.locator('#place-panel [data-statement-index="2"]').click();
      expect((await until(() => urlSelection(app.page), (u) => u.s === '2')).place).toBe('georgia');

      await jumpAndIdle(app.page, { panBy: [90, -60] });
      const view = await camera(app.page);
      await until(() => urlSelection(app.page), (u) => u.map !== null);
      await app.page.locator('button#copy-link').click();
      const link = await until(() => app.page.evaluate(() => navigator.clipboard.readText()), (t) => t.startsWith('http'));
      expect(link).toMatch(/[?&]place=georgia&s=2#map=[^&]+&article=[A-Za-z0-9_-]+$/);

      const fresh = await openApp(browser, link);
      try {
        await waitForReaderArticle(fresh.page);
        expect(await until(() => panelHeading(fresh.page), (h) => h === 'Georgia')).toBe('Georgia');
        expect(await until(() => currentStatement(fresh.page), (s) => s === '2')).toBe('2');
        expect(await listedIds(fresh.page)).toEqual(ids);
        expect(await fresh.page.locator('#article').textContent()).toContain('ferries to Odessa were cancelled');
        const restored = await camera(fresh.page);
        expect(Math.abs(restored.zoom - view.zoom), `zoom ${restored.zoom} vs ${view.zoom}`).toBeLessThan(0.01);
        expect(await pixelsFromCenter(fresh.page, [view.lng, view.lat]), 'centre offset in px').toBeLessThan(3);
        expect(fresh.page.url(), 'the address bar holds the article itself, a link that works anywhere').toMatch(/article=[A-Za-z0-9_-]{16,}/);
        expect(fresh.page.url()).not.toContain('saved:');
        expect(fresh.pageErrors).toEqual([]);
      } finally {
        await fresh.close();
      }
      expect(app.pageErrors).toEqual([]);
      expect(app.aborted).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('hovering a place in the list highlights its mentions in the new text', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await pasteArticle(app.page, CAUCASUS_ARTICLE);
      await app.page.locator('#place-list [data-place-id="batumi"]').hover();
      expect(await app.page.locator('#article mark[data-place-id="batumi"].hovered').count()).toBe(1);
      await app.page.locator('#article mark[data-place-id="tbilisi"]').first().click();
      expect(await until(() => panelHeading(app.page), (h) => h === 'Tbilisi')).toBe('Tbilisi');
      await app.page.keyboard.press('Escape');
      expect(await until(() => panelHeading(app.page), (h) => h === null)).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('shows progress while the page stays usable, then the result', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await app.page.route(isGazetteer, async (route) => {
        await held;
        await route.continue();
      });
      await submitText(app.page, CAUCASUS_ARTICLE);
      await app.page.locator('#article-progress').waitFor();
      expect(await app.page.locator('#article-progress').textContent()).toMatch(/Reading your article/);
      const stage = () => app.page.locator('#article-progress [role="status"]').textContent();
      expect(await until(stage, (t) => /Downloading the place names/.test(t ?? ''))).toMatch(/Downloading the place names/);
      expect(await app.page.locator('#article-progress progress').count()).toBe(1);
      expect(await articleState(app.page)).toBe('loading');
      // The default article is still there and still answers.
      await app.page.locator('#place-list [data-place-id="khojaly"]').click();
      expect(await until(() => panelHeading(app.page), (h) => h === 'Khojaly')).toBe('Khojaly');
      release();
      await waitForReaderArticle(app.page);
      expect(await app.page.locator('#article-progress').count()).toBe(0);
      expect(await listedIds(app.page)).toContain('tbilisi');
      expect(await panelHeading(app.page), 'the old selection went with the old article').toBeNull();
    } finally {
      await app.close();
    }
  });
});

describe('resources and storage', () => {
  it('downloads each gazetteer file once, then reads it from Cache Storage', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await pasteArticle(app.page, CAUCASUS_ARTICLE);
      const files = app.requests.filter(isGazetteer);
      expect(files.some((url) => /gazetteer-world/.test(url)), 'the world tier').toBe(true);
      expect(new Set(files).size, 'no file twice').toBe(files.length);
      const cached = await app.page.evaluate(async () => (await (await caches.open('article-atlas-v1')).keys()).map((r) => r.url));
      expect(cached.some((url) => /gazetteer/.test(url))).toBe(true);

      // A reload restores the article from the address bar and geoparses it again, from the cache.
      await app.page.reload();
      await waitForReaderArticle(app.page);
      expect(await listedIds(app.page)).toContain('tbilisi');
      await pasteArticle(app.page, 'Officials met in Lahore and then flew to Karachi.');
      expect(await listedIds(app.page)).toEqual(expect.arrayContaining(['lahore', 'karachi']));
      const all = app.requests.filter(isGazetteer);
      expect(new Set(all).size, 'no second download of any file').toBe(all.length);
    } finally {
      await app.close();
    }
  });

  it('keeps the pasted article and its selection across a reload, and still keeps it after going back to the default', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await pasteArticle(app.page, CAUCASUS_ARTICLE);
      await app.page.locator('#place-list [data-place-id="batumi"]').click();
      await until(() => urlSelection(app.page), (u) => u.place === 'batumi');
      await app.page.reload();
      await waitForReaderArticle(app.page);
      expect(await until(() => panelHeading(app.page), (h) => h === 'Batumi')).toBe('Batumi');

      await app.page.locator('#back-to-default').click();
      expect(await until(() => articleState(app.page), (s) => s === 'default')).toBe('default');
      expect(await listedIds(app.page)).toContain('khojaly');
      expect(app.page.url()).not.toContain('article=');
      await app.page.reload();
      await app.page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle');
      expect(await articleState(app.page)).toBe('default');
      expect(await app.page.evaluate(() => localStorage.getItem('article-atlas:articles:v1')), 'the reader’s article is still kept').toContain('Storms in the Caucasus');
    } finally {
      await app.close();
    }
  });

  it('lists the other articles kept in this browser in the dialog and reopens one', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await pasteArticle(app.page, CAUCASUS_ARTICLE);
      await pasteArticle(app.page, 'Officials met in Lahore and then flew to Karachi.');
      await app.page.locator('#new-article').click();
      const kept = app.page.locator('#new-article-dialog .recent button.kept-title');
      const titles = await kept.allTextContents();
      expect(titles, 'the article shown is marked, not offered').toHaveLength(1);
      expect(titles[0]).toBe('Storms in the Caucasus');
      await kept.first().click();
      expect(await until(() => listedIds(app.page), (ids) => ids.includes('tbilisi'))).toContain('tbilisi');
      expect(await articleState(app.page)).toBe('reader');
    } finally {
      await app.close();
    }
  });

  it('goes Back from a pasted article to the default one and Forward again', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await pasteArticle(app.page, CAUCASUS_ARTICLE);
      await app.page.goBack();
      expect(await until(() => articleState(app.page), (s) => s === 'default')).toBe('default');
      expect(await listedIds(app.page)).toContain('khojaly');
      await app.page.goForward();
      await waitForReaderArticle(app.page);
      expect(await listedIds(app.page)).toContain('tbilisi');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
