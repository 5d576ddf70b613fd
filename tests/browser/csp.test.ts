// The built app under its Content-Security-Policy (vite.config.ts): the page, the map and its
// workers, the geoparse worker and a pasted hostile article all work with no violation
// reported, and the policy is really enforced: an injected inline script, an inline handler,
// eval, a markup style attribute, a foreign image and a worker's foreign fetch are all refused,
// by the meta tag alone too. Violations are read three ways: the page's
// `securitypolicyviolation` events, Playwright's console errors, and the DevTools log (the only
// one that hears the workers; helpers.ts collects it as `cspViolations`).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { HANG_GUARD_MS, launchChromium, openApp, panelHeading, panelStatements, sourcePlaces, until, waitForMapState, type AppPage } from './helpers.ts';
import { listedIds, pasteArticle } from './article-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Records the page's violation events from before the app's first script. */
const LISTEN = `window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.effectiveDirective + ' ' + (e.blockedURI || 'inline')));`;

type CspWindow = Window & { __csp?: string[]; __pwned?: number; __inline?: number; __handler?: number };

/** Every violation any of the three channels reported so far. */
async function violations(app: AppPage): Promise<string[]> {
  const events = await app.page.evaluate(() => (window as CspWindow).__csp ?? []);
  const console = app.consoleErrors.filter((m) => /Content.Security.Policy/i.test(m));
  return [...events.map((e) => `event: ${e}`), ...console.map((m) => `console: ${m}`), ...app.cspViolations.map((m) => `devtools ${m}`)];
}

/** The policy's directives by name, each with its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

function metaPolicy(html: string): string | null {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html)?.[1] ?? null;
}

const foreign = 'http://example.com';

/** An article as a news site's HTML page, with everything such a page may carry to hurt a reader. */
const HOSTILE_PAGE = `<!doctype html><html><head><title>Storms &lt;script&gt;window.__pwned=1&lt;/script&gt;</title>
<meta http-equiv="refresh" content="0; url=${foreign}/">
<base href="${foreign}/">
<link rel="stylesheet" href="${foreign}/evil.css"><style>body { background: url(${foreign}/bg.png) }</style>
<script>window.__pwned = 2</script><script src="${foreign}/evil.js"></script></head>
<body onload="window.__pwned = 3">
<p style="color: red">Storms hit <a href="javascript:window.__pwned=4" onclick="window.__pwned=5">Tbilisi</a> on Tuesday. Roads near Batumi were closed.</p>
<p>Ferries to <img src="${foreign}/x.png" onerror="window.__pwned=6">Odessa stopped, and flights from Istanbul were delayed.</p>
<iframe src="${foreign}/"></iframe><object data="${foreign}/x.swf"></object><svg onload="window.__pwned=7"></svg>
<form action="${foreign}/steal"><input name="q"></form>
<p>Officials in Baku and in Москва said the storm would pass by Friday.</p></body></html>`;

/** Plain text whose tags are words, shown as text in the article and in highlighted statements. */
const HOSTILE_TEXT = [
  'Storms in the Caucasus',
  'Officials in Tbilisi <img src=x onerror="window.__pwned=8"> said roads were closed.',
  'Storms hit Batumi <script>window.__pwned=9</script> again on Friday, <b style="color:red" onmouseover="window.__pwned=10">too</b>.',
].join('\n');

describe('the Content-Security-Policy', () => {
  it('is declared by the built page before any script, strict: own origin only, no inline script, no eval', async () => {
    const response = await fetch(inject('baseURL'));
    const html = await response.text();
    const meta = metaPolicy(html);
    expect(meta, 'index.html carries a CSP meta tag').not.toBeNull();
    expect(html.indexOf('Content-Security-Policy'), 'the policy comes before the first script and stylesheet').toBeLessThan(
      Math.min(html.indexOf('<script'), html.indexOf('<link rel="stylesheet"')),
    );
    const policy = directives(meta!);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    for (const name of ['script-src', 'worker-src', 'style-src', 'font-src', 'connect-src']) {
      expect(policy.get(name), name).toEqual(["'self'"]);
    }
    expect(policy.get('img-src'), 'img-src: data: only for MapLibre’s button icons and the empty favicon').toEqual(["'self'", 'data:']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(meta).not.toMatch(/unsafe-|blob:|\*|https?:/);

    // The server of this run sends the same policy as a header (which also governs workers).
    if (inject('distDir') !== null) {
      const header = directives(response.headers.get('content-security-policy') ?? '');
      expect(header.get('frame-ancestors')).toEqual(["'self'"]);
      header.delete('frame-ancestors');
      expect(header).toEqual(policy);
    }
  });

  it('lets the page, the map, its workers, the geoparse worker and a pasted hostile article work with zero violations', async () => {
    const app = await openApp(browser, inject('baseURL'), { initScript: LISTEN });
    try {
      expect((await sourcePlaces(app.page)).length, 'the default article’s places are drawn').toBeGreaterThan(5);
      expect(app.page.workers().some((w) => /maplibre-gl-worker/.test(w.url())), 'MapLibre’s worker runs').toBe(true);

      await pasteArticle(app.page, HOSTILE_PAGE);
      expect(app.page.workers().some((w) => /geoparse\.worker/.test(w.url())), 'the geoparse worker runs').toBe(true);
      const ids = await listedIds(app.page);
      expect(ids).toEqual(expect.arrayContaining(['tbilisi', 'batumi', 'odessa', 'istanbul', 'baku']));
      const drawn = await until(() => sourcePlaces(app.page), (places) => places.some((p) => p.id === 'tbilisi'));
      expect(drawn.map((p) => p.id).sort()).toEqual([...ids].sort());
      await app.page.locator('#place-list [data-place-id="batumi"]').click();
      expect(await until(() => panelHeading(app.page), (h) => h === 'Batumi')).toBe('Batumi');
      expect((await panelStatements(app.page))[0]?.text).toContain('Roads near Batumi were closed.');

      await pasteArticle(app.page, HOSTILE_TEXT);
      await app.page.locator('#place-list [data-place-id="batumi"]').click();
      expect(await until(() => panelHeading(app.page), (h) => h === 'Batumi')).toBe('Batumi');
      expect((await panelStatements(app.page))[0]?.text).toContain('<script>window.__pwned=9</script>');

      // An export is a blob: download link, a navigation no fetch directive governs.
      await app.page.locator('#export-button').click();
      const [file] = await Promise.all([app.page.waitForEvent('download'), app.page.locator('#export-geojson').click()]);
      expect(file.suggestedFilename()).toMatch(/\.geojson$/);

      expect(await app.page.evaluate(() => (window as CspWindow).__pwned), 'nothing of the article ran').toBeUndefined();
      expect(await violations(app)).toEqual([]);
      expect(app.pageErrors).toEqual([]);
      expect(app.aborted, 'nothing tried to leave the origin').toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('refuses an inline script, an inline handler, eval, a markup style, a foreign image, and reports each', async () => {
    const app = await openApp(browser, inject('baseURL'), { initScript: LISTEN });
    try {
      await injectForbidden(app.page);
      expect(await app.page.evaluate(() => (window as CspWindow).__inline), 'an inserted inline <script> does not run').toBeUndefined();
      expect(await app.page.evaluate(() => (window as CspWindow).__handler), 'an onclick attribute does not run').toBeUndefined();
      expect(await evalInATask(app.page)).toBe('EvalError');
      expect(await app.page.evaluate(() => getComputedStyle(document.querySelector('#csp-style')!).color), 'a style attribute from markup is not applied').not.toBe(
        'rgb(255, 0, 0)',
      );
      const events = await until(() => app.page.evaluate(() => (window as CspWindow).__csp ?? []), (e) => e.length >= 5);
      expect(events).toEqual(
        expect.arrayContaining(['script-src-elem inline', 'script-src-attr inline', 'script-src eval', 'style-src-attr inline', `img-src ${foreign}/x.png`]),
      );
      expect(app.consoleErrors.some((m) => /Content.Security.Policy/i.test(m)), 'Chromium logs them too').toBe(true);
      expect(app.aborted, 'the policy, not the test’s offline guard, stopped the image').toEqual([]);
    } finally {
      await app.close();
    }
  });

  it.skipIf(inject('distDir') === null)('refuses a worker’s fetch from another origin (the header governs workers), and the DevTools log reports it', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      const worker = app.page.workers().find((w) => /maplibre-gl-worker/.test(w.url()));
      expect(worker, 'MapLibre’s worker runs').toBeDefined();
      const outcome = await worker!.evaluate((url) => fetch(url).then(() => 'fetched', () => 'refused'), `${foreign}/from-worker`);
      expect(outcome).toBe('refused');
      expect(app.aborted, 'refused before the network').toEqual([]);
      const logged = await until(() => Promise.resolve(app.cspViolations), (v) => v.length > 0);
      expect(logged.join('\n')).toMatch(/^worker: .*connect-src/m);
    } finally {
      await app.close();
    }
  });

  it('is enforced by the meta tag alone, for hosts that send no header', async () => {
    const context = await browser.newContext();
    try {
      context.setDefaultTimeout(HANG_GUARD_MS);
      const page = await context.newPage();
      const documentURL = (url: URL) => url.href === inject('baseURL') || url.pathname.endsWith('/index.html');
      await context.route(documentURL, async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers() };
        delete headers['content-security-policy'];
        await route.fulfill({ response, headers });
      });
      await context.addInitScript(LISTEN);
      const response = await page.goto(inject('baseURL'));
      expect(response?.headers()['content-security-policy'], 'the page came without the header').toBeUndefined();
      await waitForMapState(page, 'idle');
      await injectForbidden(page);
      expect(await page.evaluate(() => (window as CspWindow).__inline)).toBeUndefined();
      expect(await evalInATask(page)).toBe('EvalError');
      expect(await until(() => page.evaluate(() => (window as CspWindow).__csp ?? []), (e) => e.includes('script-src-elem inline'))).toContain(
        'script-src-elem inline',
      );
    } finally {
      await context.close();
    }
  });
});

/** Inserts what the policy must refuse: an inline script, a handler (clicked), a style attribute, a foreign image. */
async function injectForbidden(page: Page): Promise<void> {
  await page.evaluate((foreign) => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.head.append(script);
    const box = document.createElement('div');
    box.innerHTML = `<p id="csp-style" style="color: rgb(255, 0, 0)">red?</p><button id="csp-handler" onclick="window.__handler = 1">x</button>`;
    document.body.append(box);
    document.querySelector<HTMLButtonElement>('#csp-handler')!.click();
    new Image().src = `${foreign}/x.png`;
  }, foreign);
}

/**
 * Runs eval from a timer, outside Playwright's evaluation (Chromium lets DevTools' own
 * synchronous evaluation through), and returns the error's name, or 'ran'.
 */
function evalInATask(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            (0, eval)('1 + 1');
            resolve('ran');
          } catch (error) {
            resolve((error as Error).name);
          }
        }),
      ),
  );
}
