// Benchmark of the built app in headless Chromium. Prints figures, asserts nothing:
// cold start to map idle, click on a place to panel rendered, bytes of the first view.
// Then the basemap's figures (tests/bench/basemap-bench.ts) on the same build.
// Usage: tsx tests/bench/app-bench.ts [--dist <dir>] [--compare <dir>]   (without --dist it
// builds into a temp dir; --compare or BENCH_COMPARE_DIST: another build, e.g. of today's
// main, whose load times are measured in the same run)
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { type AtlasWindow, desktopViewport, launchChromium, pagePointOf, sourcePlaces, waitForMapState } from '../browser/helpers.ts';
import { buildApp, removeDir, startPreview } from '../browser/server.ts';
import { basemapBench } from './basemap-bench.ts';

const COLD_RUNS = 5;
const CLICK_RUNS = 10;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Records, in the page, when `data-map-state` first becomes `idle` (ms since navigation start). */
const recordIdle = `(() => {
  const observer = new MutationObserver(() => {
    if (document.documentElement.dataset.mapState === 'idle' && window.__benchIdleAt === undefined) {
      window.__benchIdleAt = performance.now();
      observer.disconnect();
    }
  });
  // The <html> element may not exist yet when init scripts run: watch the whole document.
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-state'] });
})();`;

interface ColdRun {
  idleMs: number;
  /** Same-origin responses of the first view: path, raw and gzipped bytes. */
  files: { path: string; raw: number; gzip: number }[];
  rawBytes: number;
  gzipBytes: number;
  requests: number;
}

async function coldStart(browser: Browser, url: string): Promise<ColdRun> {
  const context = await browser.newContext({ viewport: desktopViewport });
  const origin = new URL(url).origin;
  await context.route('**/*', (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
  await context.addInitScript(recordIdle);
  const page = await context.newPage();
  const bodies: Promise<{ path: string; body: Buffer } | null>[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin !== origin) return;
    bodies.push(response.body().then((body) => ({ path: url.pathname, body }), () => null));
  });
  await page.goto(url);
  await waitForMapState(page, 'idle');
  const idleMs = await page.evaluate(() => (window as unknown as { __benchIdleAt: number }).__benchIdleAt);
  const responses = (await Promise.all(bodies)).filter((r) => r !== null);
  await context.close();
  const files = responses.map(({ path, body }) => ({ path, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }));
  return {
    idleMs,
    files,
    rawBytes: files.reduce((sum, f) => sum + f.raw, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzip, 0),
    requests: files.length,
  };
}

/**
 * Time from a click to the panel showing the clicked place, measured in the page: from the
 * pointer event's timestamp to the animation frame after `#place-panel` holds its statements.
 * Resolves NaN if the panel never shows the place (a missed click), so the bench never hangs.
 */
async function clickToPanel(page: Page, click: () => Promise<void>, name: string): Promise<number> {
  await page.evaluate((name) => {
    const w = window as unknown as { __benchClick: Promise<number> };
    w.__benchClick = new Promise<number>((resolve) => {
      let start = 0;
      // Inline callbacks only: tsx would wrap named closures in a `__name` helper the page lacks.
      const observer = new MutationObserver(() => {
        const panel = document.querySelector('#place-panel');
        const heading = panel?.querySelector('h1, h2, h3, h4')?.textContent ?? '';
        if (!start || !heading.includes(name) || !panel?.querySelector('[data-statement-index]')) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - start));
      });
      window.addEventListener('pointerdown', (e) => { start = e.timeStamp; }, { once: true, capture: true });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      setTimeout(() => {
        observer.disconnect();
        resolve(Number.NaN);
      }, 5_000);
    });
  }, name);
  await click();
  return page.evaluate(() => (window as unknown as { __benchClick: Promise<number> }).__benchClick);
}

/** Clears the selection (Escape) and waits until no place panel is shown. */
async function clearSelection(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('#place-panel [data-statement-index]') === null);
}

async function clickRuns(browser: Browser, url: string): Promise<{ list: number[]; map: number[] }> {
  const context = await browser.newContext({ viewport: desktopViewport });
  const page = await context.newPage();
  await page.goto(url);
  await waitForMapState(page, 'idle');
  const listed = await page.$$eval('#place-list [data-place-id]', (buttons) =>
    buttons.map((b) => ({ id: (b as HTMLElement).dataset.placeId!, name: (b.textContent ?? '').trim() })),
  );
  const hasHooks = await page.evaluate(() => (window as AtlasWindow).__atlas?.map != null);
  // Points only (a zero-size bbox): their drawn symbol is exactly where a click lands.
  const points = hasHooks ? (await sourcePlaces(page)).filter((p) => p.bbox[0] === p.bbox[2] && p.bbox[1] === p.bbox[3]) : [];
  const names = new Map(points.map((p) => [p.id, p.name]));
  const list: number[] = [];
  const map: number[] = [];
  for (let i = 0; i < CLICK_RUNS; i++) {
    // Each click starts from no selection, so each one renders a panel.
    const place = listed[i % listed.length]!;
    await clearSelection(page);
    const name = names.get(place.id) ?? (await page.locator(`#place-list [data-place-id="${place.id}"]`).innerText()).split('\n')[0]!.trim();
    list.push(await clickToPanel(page, () => page.locator(`#place-list [data-place-id="${place.id}"]`).click(), name));
    const target = points[i % Math.max(1, points.length)];
    if (!target) continue;
    await clearSelection(page);
    await page.evaluate((center) => {
      const m = (window as AtlasWindow).__atlas!.map;
      return new Promise<void>((resolve) => {
        m.once('idle', () => resolve());
        m.jumpTo({ center, zoom: 11 });
        m.triggerRepaint();
      });
    }, target.point);
    const { x, y } = await pagePointOf(page, target.point);
    map.push(await clickToPanel(page, () => page.mouse.click(x, y), target.name));
  }
  await context.close();
  return { list: list.filter(Number.isFinite), map: map.filter(Number.isFinite) };
}

async function main(): Promise<void> {
  const distArg = process.argv.indexOf('--dist');
  const given = distArg >= 0 ? process.argv[distArg + 1] : undefined;
  // The production build, as readers get it (the map hook `window.__atlas` is there too).
  const outDir = given ?? (await buildApp({ mode: 'production' }));
  const preview = await startPreview(outDir);
  const browser = await launchChromium();
  const stop = () => {
    void browser.close().finally(() => preview.stop().finally(() => process.exit(130)));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const cold: ColdRun[] = [];
    for (let i = 0; i < COLD_RUNS; i++) cold.push(await coldStart(browser, preview.url));
    const clicks = await clickRuns(browser, preview.url);
    const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
    const rows: [string, string, string][] = [
      [`cold start to map idle, all places (median of ${COLD_RUNS})`, `${median(cold.map((c) => c.idleMs)).toFixed(0)} ms`, cold.map((c) => c.idleMs.toFixed(0)).join(' ')],
      [`click in list to panel rendered (median of ${clicks.list.length})`, `${median(clicks.list).toFixed(1)} ms`, clicks.list.map((c) => c.toFixed(1)).join(' ')],
      [
        `click on map to panel rendered (median of ${clicks.map.length})`,
        clicks.map.length ? `${median(clicks.map).toFixed(1)} ms` : 'n/a (no window.__atlas)',
        clicks.map.map((c) => c.toFixed(1)).join(' '),
      ],
      ['first view, bytes transferred (raw)', kB(median(cold.map((c) => c.rawBytes))), `${cold[0]!.requests} requests`],
      ['first view, bytes gzipped (zlib -9 per response)', kB(median(cold.map((c) => c.gzipBytes))), ''],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    const valueWidth = Math.max(...rows.map((r) => r[1].length));
    console.log(`\nArticle Atlas app benchmark (headless Chromium ${browser.version()}, SwiftShader, ${desktopViewport.width}x${desktopViewport.height})`);
    for (const [label, value, detail] of rows) console.log(`${label.padEnd(width)}  ${value.padStart(valueWidth)}  ${detail}`);
    console.log('\nLargest responses of the first view (raw / gzipped):');
    for (const f of [...cold[0]!.files].sort((a, b) => b.gzip - a.gzip).slice(0, 6)) {
      console.log(`  ${kB(f.raw).padStart(10)}  ${kB(f.gzip).padStart(10)}  ${f.path}`);
    }
  } finally {
    await browser.close();
    await preview.stop();
  }
  try {
    const compareArg = process.argv.indexOf('--compare');
    await basemapBench(outDir, compareArg >= 0 ? process.argv[compareArg + 1] : process.env.BENCH_COMPARE_DIST);
  } finally {
    if (!given) removeDir(outDir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
