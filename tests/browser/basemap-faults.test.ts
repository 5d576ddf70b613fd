// The basemap when its archive lets it down: a server that ignores Range, a truncated file,
// tiles that fail. The article's places, list and text must still work, and a notice must say
// what is missing. Each case serves the built app's own archive through a route.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HANG_GUARD_MS, jumpAndIdle, launchChromium, listedPlaces, openApp, sourcePlaces, type AppPage } from './helpers.ts';

let browser: Browser;
let archive: Buffer;
/** A small same-origin file to open first (not the app): routes are set before the app loads. */
let blank: string;
beforeAll(async () => {
  browser = await launchChromium();
  const dist = inject('distDir');
  if (!dist) throw new Error('these tests need the built app (no ATLAS_BASE_URL)');
  const assets = readdirSync(join(dist, 'assets'));
  archive = readFileSync(join(dist, 'assets', assets.find((f) => f.endsWith('.pmtiles'))!));
  blank = `assets/${assets.find((f) => f.startsWith('fallback-') && f.endsWith('.json'))!}`;
});
afterAll(async () => {
  await browser?.close();
});

/** Answers a Range request from `bytes` as a static server would (206, or 416 past the end). */
function serveRange(route: Route, bytes: Buffer, total = bytes.length): Promise<void> {
  const m = /bytes=(\d+)-(\d+)/.exec(route.request().headers().range ?? '');
  if (!m) return route.fulfill({ status: 200, body: bytes });
  const start = Number(m[1]);
  const end = Math.min(Number(m[2]), bytes.length - 1);
  if (start >= bytes.length) return route.fulfill({ status: 416, headers: { 'content-range': `bytes */${total}` } });
  return route.fulfill({
    status: 206,
    headers: { 'content-range': `bytes ${start}-${end}/${total}`, 'content-type': 'application/octet-stream' },
    body: bytes.subarray(start, end + 1),
  });
}

/**
 * Opens the app with the archive served by `handler`: the app's page is opened blank, the
 * route set, and only then the app loaded, so it never sees the real archive.
 */
async function openWith(handler: (route: Route) => Promise<void>): Promise<AppPage> {
  const baseURL = inject('baseURL');
  const app = await openApp(browser, baseURL, { path: blank, waitFor: null });
  await app.page.route('**/*.pmtiles', handler);
  await app.page.goto(baseURL);
  await app.page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle', null, { timeout: HANG_GUARD_MS });
  return app;
}

async function expectArticleIntact(app: AppPage): Promise<void> {
  expect((await listedPlaces(app.page)).length).toBeGreaterThan(5);
  expect((await sourcePlaces(app.page)).length).toBeGreaterThan(5);
  expect(app.pageErrors).toEqual([]);
  expect(app.aborted).toEqual([]);
}

const basemapState = (app: AppPage) => app.page.evaluate(() => document.querySelector<HTMLElement>('.maplibregl-map')?.dataset.basemap);
const notice = (app: AppPage) => app.page.locator('.atlas-basemap-notice').innerText();

describe('basemap faults', () => {
  it('falls back to the embedded world, with a notice, when the server ignores Range', async () => {
    // The whole file, as such a server sends it; its first megabyte stands for it (a 200 with
    // more bytes than were asked for is all the map needs to see).
    const whole = archive.subarray(0, 1 << 20);
    const app = await openWith((route) => route.fulfill({ status: 200, body: whole, headers: { 'content-type': 'application/octet-stream' } }));
    try {
      await app.page.waitForFunction(() => document.querySelector<HTMLElement>('.maplibregl-map')?.dataset.basemap === 'fallback', null, { timeout: HANG_GUARD_MS });
      expect(await notice(app)).toMatch(/Range/);
      await app.page.waitForFunction(() => {
        const map = (window as unknown as { __atlas: { map: import('maplibre-gl').Map } }).__atlas.map;
        return Boolean(map.getLayer('basemap-fallback-land')) && map.isSourceLoaded('basemap-fallback');
      }, null, { timeout: HANG_GUARD_MS });
      await expectArticleIntact(app);
    } finally {
      await app.close();
    }
  });

  it('draws what a truncated archive still has and says parts are missing', async () => {
    const cut = archive.subarray(0, Math.floor(archive.length * 0.35));
    const app = await openWith((route) => serveRange(route, cut, archive.length));
    try {
      // The first view's low-zoom tiles come early in the file; town-level tiles are past the cut.
      await jumpAndIdle(app.page, { center: [-97.11, 32.72], zoom: 11 });
      expect(await basemapState(app)).toBe('partial');
      expect(await notice(app)).toMatch(/Parts of the basemap/);
      await expectArticleIntact(app);
    } finally {
      await app.close();
    }
  });

  it('keeps the map and the article when tiles fail to load', async () => {
    let failing = false;
    const app = await openWith((route) => (failing ? route.fulfill({ status: 503, body: '' }) : serveRange(route, archive)));
    try {
      expect(await basemapState(app)).toBe('ok');
      failing = true;
      await jumpAndIdle(app.page, { center: [36.4, 33.57], zoom: 10 });
      expect(await basemapState(app)).toBe('partial');
      expect(await app.page.locator('.atlas-basemap-notice').isVisible()).toBe(true);
      await expectArticleIntact(app);
    } finally {
      await app.close();
    }
  });
});
