// Benchmark of the built app in headless Chromium. Prints figures, asserts nothing:
// cold start to map idle, click on a place to panel rendered, bytes of the first view.
// Usage: tsx tests/bench/app-bench.ts [--dist <dir>]   (without --dist it builds into a temp dir)
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { type AtlasWindow, desktopViewport, launchChromium, pagePointOf, sourcePlaces, waitForMapState } from '../browser/helpers.ts';
import { buildApp, removeDir, startPreview } from '../browser/server.ts';

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
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-map-state'] });
})();`;

interface ColdRun {
  idleMs: number;
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
  const bodies: Promise<Buffer | null>[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).origin === origin) bodies.push(response.body().catch(() => null));
  });
  await page.goto(url);
  await waitForMapState(page, 'idle');
  const idleMs = await page.evaluate(() => (window as unknown as { __benchIdleAt: number }).__benchIdleAt);
  const buffers = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
  await context.close();
  return {
    idleMs,
    rawBytes: buffers.reduce((sum, b) => sum + b.length, 0),
    gzipBytes: buffers.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0),
    requests: buffers.length,
  };
}

/**
 * Time from a click to the panel showing the clicked place, measured in the page: from the
 * pointer event's timestamp to the animation frame after `#place-panel` holds its statements.
 */
async function clickToPanel(page: Page, click: () => Promise<void>, name: string): Promise<number> {
  await page.evaluate((name) => {
    const w = window as unknown as { __benchClick: Promise<number> };
    w.__benchClick = new Promise<number>((resolve) => {
      let start = 0;
      const done = () => {
        const panel = document.querySelector('#place-panel');
        const heading = panel?.querySelector('h1, h2, h3, h4')?.textContent ?? '';
        if (!start || !heading.includes(name) || !panel?.querySelector('[data-statement-index]')) return false;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - start));
        return true;
      };
      const observer = new MutationObserver(done);
      window.addEventListener('pointerdown', (e) => { start = e.timeStamp; }, { once: true, capture: true });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  }, name);
  await click();
  return page.evaluate(() => (window as unknown as { __benchClick: Promise<number> }).__benchClick);
}

async function clickRuns(browser: Browser, url: string): Promise<{ list: number[]; map: number[] }> {
  const context = await browser.newContext({ viewport: desktopViewport });
  const page = await context.newPage();
  await page.goto(url);
  await waitForMapState(page, 'idle');
  const places = await page.$$eval('#place-list [data-place-id]', (buttons) =>
    buttons.map((b) => ({ id: (b as HTMLElement).dataset.placeId!, text: (b.textContent ?? '').trim() })),
  );
  const hasHooks = await page.evaluate(() => (window as AtlasWindow).__atlas !== undefined);
  const mapPlaces = hasHooks ? await sourcePlaces(page) : [];
  const list: number[] = [];
  const map: number[] = [];
  for (let i = 0; i < CLICK_RUNS; i++) {
    // Alternate between places so every click changes the selection.
    const target = mapPlaces.length ? mapPlaces[i % 2 === 0 ? 0 : 1]! : null;
    const listed = places[i % 2]!;
    const name = target?.name ?? listed.text.split('\n')[0]!.trim();
    list.push(await clickToPanel(page, () => page.locator(`#place-list [data-place-id="${target?.id ?? listed.id}"]`).click(), name));
    if (target) {
      const other = mapPlaces[i % 2 === 0 ? 1 : 0]!;
      await page.keyboard.press('Escape');
      await page.evaluate((center) => {
        const m = (window as AtlasWindow).__atlas!.map;
        return new Promise<void>((resolve) => {
          m.once('idle', () => resolve());
          m.jumpTo({ center, zoom: 11 });
        });
      }, other.point);
      const { x, y } = await pagePointOf(page, other.point);
      map.push(await clickToPanel(page, () => page.mouse.click(x, y), other.name));
    }
  }
  await context.close();
  return { list, map };
}

async function main(): Promise<void> {
  const distArg = process.argv.indexOf('--dist');
  const given = distArg >= 0 ? process.argv[distArg + 1] : undefined;
  // The test-mode build, for the map hooks that let the bench click a place on the map.
  const outDir = given ?? (await buildApp({ mode: 'test', env: { VITE_TEST: '1' } }));
  const preview = await startPreview(outDir, given ? 'production' : 'test');
  const browser = await launchChromium();
  try {
    const cold: ColdRun[] = [];
    for (let i = 0; i < COLD_RUNS; i++) cold.push(await coldStart(browser, preview.url));
    const clicks = await clickRuns(browser, preview.url);
    const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
    const rows: [string, string, string][] = [
      [`cold start to map idle, all places (median of ${COLD_RUNS})`, `${median(cold.map((c) => c.idleMs)).toFixed(0)} ms`, cold.map((c) => c.idleMs.toFixed(0)).join(' ')],
      [`click in list to panel rendered (median of ${CLICK_RUNS})`, `${median(clicks.list).toFixed(1)} ms`, clicks.list.map((c) => c.toFixed(1)).join(' ')],
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
  } finally {
    await browser.close();
    await preview.stop();
    if (!given) removeDir(outDir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
