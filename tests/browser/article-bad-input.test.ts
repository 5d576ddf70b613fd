// Bad input never breaks the page: empty or oversized text, files that are not text, HTML with
// scripts and handlers (nothing executes, in the article or in highlighted statements), damaged
// links, and a geoparser that cannot load or start.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, panelHeading, panelStatements, until } from './helpers.ts';
import { packArticle } from '../../src/url/article-link.ts';
import {
  CAUCASUS_ARTICLE,
  articleState,
  dragShowsTarget,
  dropFile,
  isGazetteer,
  listedIds,
  pasteArticle,
  submitText,
  waitForNotice,
  waitForReaderArticle,
} from './article-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The default article is shown and still answers a click. */
async function defaultStillWorks(page: Page): Promise<void> {
  expect(await articleState(page)).toBe('default');
  await page.locator('#place-list [data-place-id="khojaly"]').click();
  expect(await until(() => panelHeading(page), (h) => h === 'Khojaly')).toBe('Khojaly');
}

function dialogError(page: Page): Promise<string> {
  return until(() => page.evaluate(() => document.querySelector('#new-article-dialog [role="alert"]')?.textContent?.trim() ?? ''), (t) => t !== '');
}

describe('text that cannot be read', () => {
  it('answers an empty paste in the dialog and starts no geoparse', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await submitText(app.page, '   \n  ');
      expect(await dialogError(app.page)).toMatch(/no text/);
      expect(await app.page.locator('#new-article-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
      expect(app.requests.filter(isGazetteer), 'nothing was geoparsed').toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('refuses a text above the size limit, naming the limit', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await submitText(app.page, 'Baku. '.repeat(83_334));
      expect(await dialogError(app.page)).toMatch(/500,004 characters; the limit is 500,000/);
    } finally {
      await app.close();
    }
  });

  it('shows a drop target while a file is dragged over the page', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      expect(await dragShowsTarget(app.page)).toBe(true);
      expect(await app.page.locator('#drop-target').count(), 'gone once the drag leaves').toBe(0);
    } finally {
      await app.close();
    }
  });

  it.each([
    ['an image', 'photo.png', [137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13], /not a text file/],
    ['binary bytes named .txt', 'article.txt', [65, 0, 66, 0, 67, 0], /not text/],
    ['invalid UTF-8 named .txt', 'article.txt', [65, 0xff, 0xfe, 66], /not valid UTF-8/],
  ])('refuses a dropped file that is %s with a message, keeping the article', async (_label, name, bytes, message) => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await dropFile(app.page, name, bytes);
      expect(await waitForNotice(app.page)).toMatch(message);
      await defaultStillWorks(app.page);
    } finally {
      await app.close();
    }
  });
});

describe('nothing in a reader’s text executes', () => {
  it('shows script tags and event handlers in a pasted text as text, also inside highlighted statements', async () => {
    const app = await openApp(browser, inject('baseURL'));
    const dialogs: string[] = [];
    app.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    try {
      const text = [
        'Officials in Tbilisi <img src=x onerror="window.__pwned=1;alert(1)"> said roads were closed.',
        'Storms hit Tbilisi <script>window.__pwned=2;alert(2)</script> again on Friday, and Batumi <b onmouseover="window.__pwned=3">too</b>.',
      ].join('\n');
      await pasteArticle(app.page, text);
      await app.page.locator('#place-list [data-place-id="tbilisi"]').click();
      const statements = await until(() => panelStatements(app.page), (s) => s.length === 2);
      expect(statements[0].text).toContain('<img src=x onerror="window.__pwned=1;alert(1)">');
      expect(statements[1].text).toContain('<script>window.__pwned=2;alert(2)</script>');
      expect(statements.every((s) => s.marks.includes('Tbilisi'))).toBe(true);
      await app.page.locator('#place-panel [data-statement-index="2"]').click();
      await app.page.locator('#article mark[data-place-id="batumi"]').hover();

      expect(await app.page.locator('#article').textContent()).toContain('<script>window.__pwned=2;alert(2)</script>');
      expect(await app.page.locator('#article img, #article script, #article b, #place-panel img, #place-panel script').count()).toBe(0);
      expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('reduces a dropped HTML page to its text: scripts dropped, handlers gone, title shown as text', async () => {
    const app = await openApp(browser, inject('baseURL'));
    const dialogs: string[] = [];
    app.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    try {
      const html = `<!doctype html><html><head><title>Storms &lt;img src=x onerror=alert(5)&gt;</title>
        <script>window.__pwned=4;alert(4)</script></head>
        <body onload="window.__pwned=6"><p>Storms hit <a href="javascript:alert(7)" onclick="window.__pwned=7">Tbilisi</a> on Tuesday.</p>
        <p>Ferries to <img src=x onerror="window.__pwned=8">Batumi stopped.</p><script>alert(9)</script></body></html>`;
      await dropFile(app.page, 'storms.html', html, 'text/html');
      await waitForReaderArticle(app.page);
      expect(await app.page.locator('h1.article-title').textContent()).toBe('Storms <img src=x onerror=alert(5)>');
      expect(await app.page.locator('#article .title').textContent(), 'the title, as text, above the article').toBe('Storms <img src=x onerror=alert(5)>');
      const article = (await app.page.locator('#article p').allTextContents()).join('\n');
      expect(article).toContain('Storms hit Tbilisi on Tuesday.');
      expect(article).not.toMatch(/alert|__pwned|onclick|javascript:/);
      expect(await listedIds(app.page)).toEqual(expect.arrayContaining(['tbilisi', 'batumi']));
      expect(await app.page.locator('#article img, #article a, #article script, header img').count()).toBe(0);
      expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('links that cannot be followed', () => {
  async function validLink(): Promise<string> {
    const data = await packArticle({ title: null, text: CAUCASUS_ARTICLE });
    return `${inject('baseURL')}?place=georgia#map=5/42/44&article=${data}`;
  }

  it.each([
    ['truncated', (link: string) => link.slice(0, link.length - 12)],
    ['altered', (link: string) => link.replace(/(article=.{30})(.)/, (_m, head: string, c: string) => head + (c === 'Q' ? 'R' : 'Q'))],
    ['not base64', (link: string) => link.replace(/article=.{4}/, 'article=$$$$')],
  ])('a %s article gives a notice and the default article, without downloading anything', async (_label, damage) => {
    const app = await openApp(browser, damage(await validLink()));
    try {
      expect(await waitForNotice(app.page)).toMatch(/damaged or incomplete/);
      expect(await until(() => articleState(app.page), (s) => s === 'default')).toBe('default');
      expect(app.requests.filter(isGazetteer)).toEqual([]);
      expect(app.page.url()).not.toContain('article=');
      await defaultStillWorks(app.page);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('a saved article this browser does not have gives a notice and the default article', async () => {
    const app = await openApp(browser, inject('baseURL'), { path: '?place=georgia#article=saved:0a1b2c3d' });
    try {
      expect(await waitForNotice(app.page)).toMatch(/kept only in the browser where the link was made/);
      await defaultStillWorks(app.page);
    } finally {
      await app.close();
    }
  });
});

describe('a geoparser that fails', () => {
  it('reports a gazetteer that cannot be downloaded; the page keeps working, and Try again succeeds once it can', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await app.page.route(isGazetteer, (route) => route.fulfill({ status: 500, body: 'down' }));
      await submitText(app.page, CAUCASUS_ARTICLE);
      expect(await waitForNotice(app.page)).toMatch(/could not be downloaded \(the server answered 500\)/);
      expect(await until(() => articleState(app.page), (s) => s === 'default')).toBe('default');
      await defaultStillWorks(app.page);

      await app.page.unroute(isGazetteer);
      await app.page.locator('#notice').getByRole('button', { name: 'Try again' }).click();
      await waitForReaderArticle(app.page);
      expect(await listedIds(app.page)).toContain('tbilisi');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('reports a worker that cannot start; the page keeps working', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await app.page.route(/geoparse\.worker/, (route) => route.fulfill({ status: 404, body: 'missing' }));
      await submitText(app.page, CAUCASUS_ARTICLE);
      expect(await waitForNotice(app.page)).toMatch(/geoparser could not start/);
      await defaultStillWorks(app.page);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('needs no network once the worker holds its resources: the next article works offline', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      await pasteArticle(app.page, CAUCASUS_ARTICLE);
      await app.page.evaluate(() => caches.delete('article-atlas-v1'));
      await app.page.route(isGazetteer, (route) => route.fulfill({ status: 503, body: 'down' }));
      await app.page.route(/geoparse\.worker/, (route) => route.fulfill({ status: 404, body: 'missing' }));
      // The worker in memory still has its resources: a new article works without the network.
      await pasteArticle(app.page, 'Officials met in Lahore and then flew to Karachi.');
      expect(await listedIds(app.page)).toContain('lahore');
    } finally {
      await app.close();
    }
  });
});
