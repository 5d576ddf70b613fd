// Shared harness for the browser tests and the benchmark: Debian's Chromium with WebGL on
// SwiftShader, the app opened offline (every request leaving its origin is aborted and
// recorded), console and page errors and Content-Security-Policy violations collected, and small
// readers of the app's test hooks. Waits wait for conditions; their only deadline is a hang guard.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { FeatureCollection } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { repoRoot } from './server.ts';

/**
 * How long any single wait may take before the harness calls it a hang (default 5 minutes,
 * `ATLAS_HANG_GUARD_S` to change). Not a speed limit: an idle machine needs a few seconds for
 * the slowest wait, a loaded one several times that; only a condition that never comes meets it.
 */
export const HANG_GUARD_MS = Number(process.env.ATLAS_HANG_GUARD_S ?? 300) * 1000;

/** Debian's full Chromium: what the benchmarks measure, and the tests' fallback. */
export const fullChromiumPath = '/usr/bin/chromium';
/**
 * Debian's `chromium-headless-shell`, the same engine without the browser's UI layer. Measured
 * here it opens the app with about half the CPU time of the full browser (8.8 against 16.3
 * CPU-seconds a page, under load), which is what a busy machine runs short of.
 */
export const headlessShellPath = '/usr/bin/chromium-headless-shell';

/** Whether this runs under the test runner (Vitest sets VITEST), not as a benchmark. */
const underTest = Boolean(process.env.VITEST);

/**
 * The browser: CHROMIUM_PATH if set; under the test runner the headless shell when it is
 * installed; otherwise the full Chromium, so benchmarks measure what readers run.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? (underTest && existsSync(headlessShellPath) ? headlessShellPath : fullChromiumPath);

/**
 * WebGL2 through SwiftShader on a machine without a GPU; no sandbox because CI runs as root.
 * Tests add `--disable-gpu-compositing`, which composites the page in software and leaves
 * SwiftShader to WebGL alone: a fifth less CPU for a pasted article, the same map pixels
 * (benchmarks keep Chromium's default, as their figures always had).
 */
export const chromiumArgs = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', ...(underTest ? ['--disable-gpu-compositing'] : [])];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, ...extraArgs], headless: true, timeout: HANG_GUARD_MS });
}

/** What the app exposes on `window` (agreed contract); typed here so tests do not depend on src/. */
export interface AtlasHooks {
  map: MaplibreMap;
  state: unknown;
}
export type AtlasWindow = Window & { __atlas?: AtlasHooks };

export interface AppPage {
  context: BrowserContext;
  page: Page;
  origin: string;
  /** Every URL the page or its workers asked for, in order. */
  requests: string[];
  /** Requests that tried to leave the app's origin (and were aborted). */
  aborted: string[];
  /** Same-origin responses with an HTTP error status, as `404 http://...`. */
  badResponses: string[];
  consoleErrors: string[];
  pageErrors: string[];
  /**
   * Content-Security-Policy violations Chromium reported, from the page and from its workers
   * (a worker's violations reach neither the page's `securitypolicyviolation` event nor
   * Playwright's console events, only the page's DevTools log).
   */
  cspViolations: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Path and query/hash relative to the app's base URL, e.g. `'?place=baku#map=8/40/49'`. Default `''`. */
  path?: string;
  /** Browser context options (viewport, permissions, ...). Default: a 1366x800 desktop viewport. */
  context?: BrowserContextOptions;
  /** Script run before the app in every document (e.g. to take WebGL away). Default none. */
  initScript?: string;
  /** Which `data-map-state` to wait for; `null` waits only for the load event. Default `'idle'`. */
  waitFor?: 'idle' | 'unsupported' | null;
}

export const desktopViewport = { width: 1366, height: 800 };
export const phoneViewport = { width: 390, height: 844 };

/** Opens the app in a fresh browser context, offline, and waits for the map state it is told to. */
export async function openApp(browser: Browser, baseURL: string, options: OpenOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({ viewport: desktopViewport, ...options.context });
  // Playwright's own 30 s defaults would fail a slow but correct click, wait or navigation.
  context.setDefaultTimeout(HANG_GUARD_MS);
  context.setDefaultNavigationTimeout(HANG_GUARD_MS);
  const origin = new URL(baseURL).origin;
  const requests: string[] = [];
  const aborted: string[] = [];
  const badResponses: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  context.on('response', (response) => {
    if (response.status() >= 400) badResponses.push(`${response.status()} ${response.url()}`);
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (new URL(url).origin === origin) return route.continue();
    aborted.push(url);
    return route.abort('internetdisconnected');
  });
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
  const devtools = await context.newCDPSession(page);
  devtools.on('Log.entryAdded', ({ entry }) => {
    if (/Content.Security.Policy/i.test(entry.text)) cspViolations.push(`${entry.source}: ${entry.text}`);
  });
  await devtools.send('Log.enable');
  await page.goto(options.path ? new URL(options.path, baseURL).href : baseURL);
  const waitFor = options.waitFor === undefined ? 'idle' : options.waitFor;
  if (waitFor) await waitForMapState(page, waitFor);
  return { context, page, origin, requests, aborted, badResponses, consoleErrors, pageErrors, cspViolations, close: () => context.close() };
}

/** Waits until `<html data-map-state>` settles and fails with the state it reached otherwise. */
export async function waitForMapState(page: Page, expected: 'idle' | 'unsupported'): Promise<void> {
  try {
    await page.waitForFunction(() => ['idle', 'unsupported'].includes(document.documentElement.dataset.mapState ?? ''), null, {
      timeout: HANG_GUARD_MS,
    });
  } catch (error) {
    const state = await page.evaluate(() => document.documentElement.dataset.mapState).catch(() => 'unknown');
    throw new Error(`hang guard: the map did not settle in ${HANG_GUARD_MS / 1000} s (data-map-state="${state}")`, { cause: error });
  }
  const state = await page.evaluate(() => document.documentElement.dataset.mapState);
  if (state !== expected) throw new Error(`expected data-map-state="${expected}", got "${state}"`);
}

/** Moves the camera and resolves after the next `idle`, registered in the same task (RECIPES.md). */
export async function jumpAndIdle(
  page: Page,
  camera: { center?: [number, number]; zoom?: number; bounds?: [[number, number], [number, number]]; panBy?: [number, number] },
): Promise<void> {
  await page.evaluate((camera) => {
    const map = (window as AtlasWindow).__atlas!.map;
    return new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      if (camera.bounds) map.fitBounds(camera.bounds, { padding: 40, animate: false });
      else if (camera.panBy) map.panBy(camera.panBy, { animate: false });
      else map.jumpTo({ center: camera.center, zoom: camera.zoom });
      map.triggerRepaint();
    });
  }, camera);
}

/** A place as the map's `places` source holds it: id, name, and a representative point. */
export interface SourcePlace {
  id: string;
  name: string;
  point: [number, number];
  /** [west, south, east, north] of its geometry. */
  bbox: [number, number, number, number];
}

/** Reads the `places` GeoJSON source of the live map. */
export async function sourcePlaces(page: Page): Promise<SourcePlace[]> {
  return page.evaluate(async () => {
    const map = (window as AtlasWindow).__atlas!.map;
    const source = map.getSource('places') as unknown as { getData(): Promise<FeatureCollection> } | undefined;
    if (!source) throw new Error('no GeoJSON source "places" on the map');
    const data = await source.getData();
    return data.features.map((feature) => {
      const properties = (feature.properties ?? {}) as { id?: string; name?: string; point?: [number, number] };
      // No named closures in here: tsx (esbuild keepNames) would wrap them in a `__name` helper
      // that does not exist in the page.
      const coordinates: [number, number][] = [];
      const geometry = feature.geometry;
      const stack: unknown[] =
        geometry.type === 'GeometryCollection' ? geometry.geometries.map((g) => ('coordinates' in g ? g.coordinates : [])) : [geometry.coordinates];
      while (stack.length > 0) {
        const value = stack.pop();
        if (Array.isArray(value) && typeof value[0] === 'number') coordinates.push(value as [number, number]);
        else if (Array.isArray(value)) stack.push(...value);
      }
      const xs = coordinates.map((c) => c[0]);
      const ys = coordinates.map((c) => c[1]);
      const bbox: [number, number, number, number] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
      return {
        id: String(feature.id ?? properties.id),
        name: String(properties.name),
        point: properties.point ?? coordinates[0]!,
        bbox,
      };
    });
  });
}

/** Ids of the place buttons in `#place-list`, with their visible text. */
export async function listedPlaces(page: Page): Promise<{ id: string; text: string }[]> {
  return page.$$eval('#place-list [data-place-id]', (buttons) =>
    buttons.map((b) => ({ id: (b as HTMLElement).dataset.placeId ?? '', text: (b.textContent ?? '').trim() })),
  );
}

/** The id of the listed place whose button names `name` (ids are looked up, not hard-coded). */
export async function placeIdByName(page: Page, name: string): Promise<string> {
  const places = await listedPlaces(page);
  const found = places.find((p) => p.text.startsWith(name)) ?? places.find((p) => p.text.includes(name));
  if (!found) throw new Error(`no place named ${name} in #place-list: ${places.map((p) => p.text).join(' | ')}`);
  return found.id;
}

/** Page coordinates of a [lon, lat] on the map canvas. */
export async function pagePointOf(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((lngLat) => {
    const map = (window as AtlasWindow).__atlas!.map;
    const p = map.project(lngLat);
    const box = map.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, lngLat);
}

/** The place and statement the URL selects (the app's single source of shareable state). */
/** The map's centre and zoom, as a link restores them. */
export function camera(page: Page): Promise<{ lng: number; lat: number; zoom: number }> {
  return page.evaluate(() => {
    const map = (window as AtlasWindow).__atlas!.map;
    const { lng, lat } = map.getCenter();
    return { lng, lat, zoom: map.getZoom() };
  });
}

/** Distance in CSS pixels, on this page's map, between its centre and `lngLat`. */
export function pixelsFromCenter(page: Page, lngLat: [number, number]): Promise<number> {
  return page.evaluate((lngLat) => {
    const map = (window as AtlasWindow).__atlas!.map;
    const a = map.project(map.getCenter());
    const b = map.project(lngLat);
    return Math.hypot(a.x - b.x, a.y - b.y);
  }, lngLat);
}

export async function urlSelection(page: Page): Promise<{ place: string | null; s: string | null; map: string | null }> {
  const url = new URL(page.url());
  const hash = new URLSearchParams(url.hash.slice(1));
  return { place: url.searchParams.get('place'), s: url.searchParams.get('s'), map: hash.get('map') };
}

/** The first heading of `#place-panel`, or null when the panel shows no place. */
export async function panelHeading(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const panel = document.querySelector<HTMLElement>('#place-panel');
    if (!panel || panel.hidden || panel.getClientRects().length === 0) return null;
    const heading = panel.querySelector('h1, h2, h3, h4');
    return heading ? (heading.textContent ?? '').trim() : null;
  });
}

/** Statement texts in `#place-panel`, each with the text of its marks. */
export async function panelStatements(page: Page): Promise<{ index: string; text: string; marks: string[] }[]> {
  return page.$$eval('#place-panel [data-statement-index]', (elements) =>
    elements.map((el) => ({
      index: (el as HTMLElement).dataset.statementIndex ?? '',
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      marks: [...el.querySelectorAll('mark')].map((m) => (m.textContent ?? '').trim()),
    })),
  );
}

/** The default article, read from the repository (the source of expected values). */
export function defaultArticle(): string {
  return readFileSync(join(repoRoot, 'geo', 'data', 'default-article.txt'), 'utf8');
}

/** Sentences of the article that mention `name`, split independently of the app's parser. */
export function sentencesMentioning(article: string, name: string): string[] {
  return article
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z"“])/))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => new RegExp(`\\b${name}\\b`).test(s));
}

/**
 * Polls `read` until `accept` holds and returns the accepted value. There is no deadline but
 * the hang guard (`guardMs`, default HANG_GUARD_MS): a slow machine only makes this wait longer,
 * and a condition that never comes fails with the last value read.
 */
export async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, guardMs = HANG_GUARD_MS): Promise<T> {
  const guard = Date.now() + guardMs;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > guard) {
      throw new Error(`hang guard: condition still unmet after ${Math.round(guardMs / 1000)} s; last value read: ${preview(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
