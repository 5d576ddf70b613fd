// Reference renders of the world basemap (MapLibre's render-test habit): each view is drawn in
// one page of the built app and compared with a reviewed PNG in basemap-references/, with a
// tolerance for SwiftShader's anti-aliasing. `UPDATE=1` rewrites the references on purpose;
// look at every one before committing it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { jumpAndIdle, launchChromium, openApp, type AppPage, type AtlasWindow } from './helpers.ts';
import { repoRoot } from './server.ts';

const REFERENCES = join(repoRoot, 'tests', 'browser', 'basemap-references');
const UPDATE = process.env.UPDATE === '1';
/** Share of pixels that may differ (after pixelmatch's per-pixel colour threshold). */
const MAX_DIFF_SHARE = 0.01;

const VIEWS: { name: string; center: [number, number]; zoom: number }[] = [
  { name: 'world', center: [10, 25], zoom: 1.2 },
  { name: 'caucasus-z7', center: [46.6, 40.3], zoom: 7 },
  { name: 'baku-z11', center: [49.85, 40.4], zoom: 11 },
  { name: 'arlington-tx-z11', center: [-97.11, 32.72], zoom: 11 },
  { name: 'douma-z10', center: [36.4, 33.57], zoom: 10 },
  { name: 'mississippi-delta-z8', center: [-89.6, 29.5], zoom: 8 },
  { name: 'indonesia-z5', center: [113, -3], zoom: 5 },
];

let browser: Browser;
let app: AppPage;
beforeAll(async () => {
  browser = await launchChromium();
  app = await openApp(browser, inject('baseURL'), { context: { viewport: { width: 1100, height: 720 } } });
});
afterAll(async () => {
  await app?.close();
  await browser?.close();
});

/**
 * The map's WebGL canvas alone, after the view has settled: its own pixels (the test build
 * keeps the drawing buffer), so the app's buttons and credits over the map do not count.
 */
async function render(center: [number, number], zoom: number): Promise<PNG> {
  await jumpAndIdle(app.page, { center, zoom });
  const url = await app.page.evaluate(() => (window as AtlasWindow).__atlas!.map.getCanvas().toDataURL('image/png'));
  return PNG.sync.read(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
}

const fonts = () => app.requests.filter((url) => url.endsWith('.woff2')).map((url) => url.split('/').pop()!);

describe('basemap reference renders', () => {
  it('fetches no font of a script the first view does not show', () => {
    expect(fonts().filter((f) => /arabic|hebrew|armenian|georgian|thai|devanagari|greek/.test(f))).toEqual([]);
  });

  it.each(VIEWS)('$name matches its reference', async ({ name, center, zoom }) => {
    const actual = await render(center, zoom);
    const file = join(REFERENCES, `${name}.png`);
    if (UPDATE || !existsSync(file)) {
      mkdirSync(REFERENCES, { recursive: true });
      writeFileSync(file, PNG.sync.write(actual));
      if (!UPDATE) throw new Error(`no reference for ${name}: wrote ${file}; review it, then commit it`);
      return;
    }
    const expected = PNG.sync.read(readFileSync(file));
    expect([actual.width, actual.height], 'canvas size').toEqual([expected.width, expected.height]);
    const diff = new PNG({ width: actual.width, height: actual.height });
    const changed = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.15 });
    const share = changed / (actual.width * actual.height);
    if (share > MAX_DIFF_SHARE) writeFileSync(join(REFERENCES, `${name}.diff.png`), PNG.sync.write(diff));
    expect(share, `${name}: ${changed} pixels differ (diff written next to the reference)`).toBeLessThanOrEqual(MAX_DIFF_SHARE);
  });

  it('hides its own label of a place the article draws (Baku), and keeps its neighbours', async () => {
    await jumpAndIdle(app.page, { center: [49.85, 40.4], zoom: 9 });
    const ids = await app.page.evaluate(() => {
      const map = (window as AtlasWindow).__atlas!.map;
      return map.queryRenderedFeatures({ layers: ['basemap-places'] }).map((f) => Number(f.properties.id));
    });
    expect(ids.length).toBeGreaterThan(3);
    expect(ids).not.toContain(587084);
  });

  it('fetched a script’s font once a label needed it: Arabic after Douma, never Thai', () => {
    expect(fonts().some((f) => f.includes('arabic'))).toBe(true);
    expect(fonts().some((f) => f.includes('thai'))).toBe(false);
  });

  it('reads the archive by byte ranges, never whole', async () => {
    const archive = app.requests.filter((url) => url.includes('.pmtiles'));
    expect(archive.length).toBeGreaterThan(1);
    expect(await app.page.evaluate(() => document.querySelector<HTMLElement>('.maplibregl-map')?.dataset.basemap)).toBe('ok');
  });
});
