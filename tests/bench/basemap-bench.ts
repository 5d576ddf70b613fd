// Benchmark of the world basemap in the built app (headless Chromium, SwiftShader). Prints
// figures, asserts nothing: archive size, bytes fetched for the first view and for town-level
// views (Arlington TX, Douma), a pan across a country at zoom 7, and load-to-idle times for
// the default article and a pasted one, side by side with another build (`--compare <dist>`,
// e.g. today's main) when given.
// Usage: tsx tests/bench/basemap-bench.ts [--dist <dir>] [--compare <dir>]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { packArticle } from '../../src/url/article-link.ts';
import { type AtlasWindow, desktopViewport, launchChromium, waitForMapState } from '../browser/helpers.ts';
import { buildApp, removeDir, startPreview } from '../browser/server.ts';

const RUNS = 5;
/** A short US local news text, as a reader would paste it (written for this benchmark). */
const PASTED = `ARLINGTON, Texas — The Arlington City Council approved a new bus route on Tuesday that will link downtown Arlington with Grand Prairie and the University of Texas at Arlington campus.
Riders from Mansfield and Kennedale asked the council to extend the route south. Fort Worth and Dallas already run express buses to the stadium district, officials said, and Tarrant County will pay for half of the new service.`;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** Records when `data-map-state` first becomes `idle` (ms since navigation start). */
const recordIdle = `(() => {
  const observer = new MutationObserver(() => {
    if (document.documentElement.dataset.mapState === 'idle' && window.__benchIdleAt === undefined) {
      window.__benchIdleAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-state'] });
})();`;

interface Traffic {
  /** Response bodies since the last reset: path, bytes on the wire, bytes after gzip -9. */
  files: { path: string; raw: number; gzip: number }[];
}

async function open(browser: Browser, url: string): Promise<{ page: Page; traffic: Traffic; idleMs: number; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: desktopViewport });
  const origin = new URL(url).origin;
  await context.route('**/*', (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
  await context.addInitScript(recordIdle);
  const page = await context.newPage();
  const traffic: Traffic = { files: [] };
  page.on('response', (response) => {
    const u = new URL(response.url());
    if (u.origin !== origin) return;
    void response.body().then(
      (body) => traffic.files.push({ path: u.pathname.split('/').pop()!, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
      () => undefined,
    );
  });
  await page.goto(url);
  await waitForMapState(page, 'idle');
  await page.waitForLoadState('networkidle');
  const idleMs = await page.evaluate(() => (window as unknown as { __benchIdleAt: number }).__benchIdleAt);
  return { page, traffic, idleMs, close: () => context.close() };
}

async function moveAndIdle(page: Page, move: { center?: [number, number]; zoom?: number; panBy?: [number, number] }): Promise<void> {
  await page.evaluate((move) => {
    const map = (window as AtlasWindow).__atlas!.map;
    return new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      if (move.panBy) map.panBy(move.panBy, { animate: false });
      else map.jumpTo({ center: move.center, zoom: move.zoom });
      map.triggerRepaint();
    });
  }, move);
}

const sum = (files: Traffic['files'], pick: (f: Traffic['files'][number]) => number, filter: (path: string) => boolean = () => true) =>
  files.filter((f) => filter(f.path)).reduce((s, f) => s + pick(f), 0);
const isArchive = (path: string) => path.endsWith('.pmtiles');

/** Bytes of the archive fetched while `action` runs (on the wire: tiles are gzipped already). */
async function viewBytes(page: Page, traffic: Traffic, action: () => Promise<void>): Promise<{ bytes: number; requests: number }> {
  await page.waitForLoadState('networkidle');
  const before = traffic.files.length;
  await action();
  await page.waitForLoadState('networkidle');
  const files = traffic.files.slice(before).filter((f) => isArchive(f.path));
  return { bytes: sum(files, (f) => f.raw), requests: files.length };
}

function print(browser: Browser, rows: [string, string, string][]): void {
  const width = Math.max(...rows.map((r) => r[0].length));
  const valueWidth = Math.max(...rows.map((r) => r[1].length));
  console.log(`\nArticle Atlas basemap benchmark (headless Chromium ${browser.version()}, SwiftShader, ${desktopViewport.width}x${desktopViewport.height})`);
  for (const [label, value, detail] of rows) console.log(`${label.padEnd(width)}  ${value.padStart(valueWidth)}  ${detail}`);
}

async function coldTimes(browser: Browser, url: string, runs = RUNS): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await open(browser, url);
    times.push(run.idleMs);
    await run.close();
  }
  return times;
}

function archiveSize(dist: string): number {
  const name = readdirSync(join(dist, 'assets')).find((f) => f.endsWith('.pmtiles'));
  return name ? statSync(join(dist, 'assets', name)).size : 0;
}

/**
 * Runs the basemap measurements on the build in `dist` (and, for load times, on `compare`
 * too) and prints them. `npm run bench` reaches it through tests/bench/app-bench.ts.
 */
export async function basemapBench(dist: string, compare?: string): Promise<void> {
  const preview = await startPreview(dist);
  const old = compare ? await startPreview(compare) : null;
  const browser = await launchChromium();
  try {
    const rows: [string, string, string][] = [];
    rows.push(['archive world.pmtiles', `${(archiveSize(dist) / 1e6).toFixed(1)} MB`, 'goal ≤ 60 MB']);

    const first = await open(browser, preview.url);
    const all = first.traffic.files;
    rows.push([
      'first view of the default article, all responses gzipped',
      kB(sum(all, (f) => f.gzip)),
      `${all.length} requests; basemap archive ${kB(sum(all, (f) => f.raw, isArchive))} in ${all.filter((f) => isArchive(f.path)).length} range requests; goal ≤ 600 kB`,
    ]);
    const arlington = await viewBytes(first.page, first.traffic, () => moveAndIdle(first.page, { center: [-97.11, 32.72], zoom: 11 }));
    rows.push(['Arlington TX at zoom 11 (jump from the first view)', kB(arlington.bytes), `${arlington.requests} range requests`]);
    const douma = await viewBytes(first.page, first.traffic, () => moveAndIdle(first.page, { center: [36.4, 33.57], zoom: 10 }));
    rows.push(['Douma at zoom 10', kB(douma.bytes), `${douma.requests} range requests`]);
    const pan = await viewBytes(first.page, first.traffic, async () => {
      // Across Turkey at zoom 7, west to east, in steps of 600 px (about 5° of longitude each).
      await moveAndIdle(first.page, { center: [27, 39], zoom: 7 });
      for (let i = 0; i < 6; i++) await moveAndIdle(first.page, { panBy: [600, 0] });
    });
    rows.push(['pan across Turkey at zoom 7 (7 views, lon 27° to 45°)', kB(pan.bytes), `${pan.requests} range requests`]);
    await first.close();

    if (process.env.BENCH_QUICK === '1') return print(browser, rows);
    // Taken in turns with the other build, so both see the same load on a shared machine.
    const times: number[] = [];
    const oldTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      times.push(...(await coldTimes(browser, preview.url, 1)));
      if (old) oldTimes.push(...(await coldTimes(browser, old.url, 1)));
    }
    rows.push([`default article, load to map idle (median of ${RUNS})`, `${median(times).toFixed(0)} ms`, times.map((t) => t.toFixed(0)).join(' ')]);
    if (old) {
      rows.push([`  the same for --compare build (median of ${RUNS})`, `${median(oldTimes).toFixed(0)} ms`, `${oldTimes.map((t) => t.toFixed(0)).join(' ')}; ratio new/old ${(median(times) / median(oldTimes)).toFixed(2)}`]);
      const oldFirst = await open(browser, old.url);
      rows.push(['  first view of the --compare build, gzipped', kB(sum(oldFirst.traffic.files, (f) => f.gzip)), `${oldFirst.traffic.files.length} requests`]);
      await oldFirst.close();
    }
    const link = `${preview.url}#article=${await packArticle({ title: 'Arlington bus route', text: PASTED })}`;
    const pasted = await coldTimes(browser, link);
    rows.push([`pasted article (Arlington TX) in the link, load to map idle (median of ${RUNS})`, `${median(pasted).toFixed(0)} ms`, pasted.map((t) => t.toFixed(0)).join(' ')]);
    print(browser, rows);
  } finally {
    await browser.close();
    await preview.stop();
    await old?.stop();
  }
}

async function main(): Promise<void> {
  const arg = (flag: string) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
  const given = arg('--dist');
  const dist = given ?? (await buildApp({ mode: 'production' }));
  try {
    await basemapBench(dist, arg('--compare') ?? process.env.BENCH_COMPARE_DIST);
  } finally {
    if (!given) removeDir(dist);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
