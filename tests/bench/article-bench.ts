// Benchmark of a reader's article in the built app, in headless Chromium. Prints figures,
// asserts nothing: for a ~5,000-word article, the time from submitting the text to the first
// result rendered with a cold cache (fresh browser context: worker start and gazetteer download
// included), with a warm cache (same context, a new page: resources from Cache Storage), and hot
// (same page again: resources already in the worker), plus the bytes downloaded.
// Usage: tsx tests/bench/article-bench.ts [--dist <dir>]   (without --dist it builds into a temp dir)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { defaultArticle, desktopViewport, launchChromium, waitForMapState } from '../browser/helpers.ts';
import { buildApp, removeDir, repoRoot, startPreview } from '../browser/server.ts';

const RUNS = 3;
const TARGET_WORDS = 5000;
/** The evaluation corpus beside the repository; ARTICLE_BENCH_CORPUS points elsewhere. */
const CORPUS = process.env.ARTICLE_BENCH_CORPUS ?? join(repoRoot, '..', 'shared', 'data', 'eval', 'geovirus.jsonl');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** GeoVirus articles joined until ~5,000 words (read now, never committed); the default article repeated without them. */
function benchArticle(): { text: string; source: string } {
  const parts: string[] = [];
  let source = 'the default article, repeated';
  if (existsSync(CORPUS)) {
    source = 'GeoVirus articles, concatenated';
    for (const line of readFileSync(CORPUS, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const text = (JSON.parse(line) as { text?: string }).text;
      if (text) parts.push(text.trim());
      if (words(parts.join('\n\n')) >= TARGET_WORDS) break;
    }
  }
  const base = defaultArticle();
  while (words(parts.join('\n\n')) < TARGET_WORDS) parts.push(base.trim());
  return { text: parts.join('\n\n'), source };
}

/**
 * The worker's own account of a geoparse (download, index, geoparse), read off its messages by
 * wrapping the page's Worker constructor. Inline callbacks only: tsx would wrap named closures
 * in a `__name` helper the page lacks.
 */
const recordWorker = `(() => {
  const Native = window.Worker;
  window.__benchTimings = [];
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (e) => { if (e.data && e.data.type === 'result') window.__benchTimings.push({ ...e.data.timings, at: performance.now() }); });
    }
  };
})();`;

interface Timings {
  downloadMs: number;
  prepareMs: number;
  geoparseMs: number;
  bytes: number;
  fromCache: boolean;
  /** When the page received the result (performance.now()). */
  at: number;
}

interface Run {
  /** From the click on "Find places" to the frame after the new place list is in the page. */
  ms: number;
  /** From the result's arrival in the page to that frame: the page's own share (layout, map, list, text). */
  renderMs: number;
  timings: Timings | null;
  places: number;
}

/** Opens the app at its base URL (the default article) and waits for the map. */
async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await waitForMapState(page, 'idle');
  return page;
}

/** Pastes `text`, then clicks "Find places" and times, in the page, until the result is drawn. */
async function submit(page: Page, text: string): Promise<Run> {
  await page.locator('#new-article').click();
  await page.locator('#article-input').fill(text);
  const before = await page.evaluate(() => (window as unknown as { __benchTimings: unknown[] }).__benchTimings.length);
  await page.evaluate(() => {
    const w = window as unknown as { __benchRun: Promise<{ ms: number; end: number }> };
    const root = document.documentElement;
    w.__benchRun = new Promise<{ ms: number; end: number }>((resolve) => {
      let start = 0;
      let loading = false;
      document.querySelector('#find-places')!.addEventListener('click', (e) => (start = e.timeStamp), { once: true, capture: true });
      // Done when the app, having been loading, says a reader's article is shown: then two frames.
      const observer = new MutationObserver(() => {
        if (root.dataset.article === 'loading') loading = true;
        if (!start || !loading || root.dataset.article !== 'reader') return;
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve({ ms: performance.now() - start, end: performance.now() })));
      });
      observer.observe(root, { attributes: true, attributeFilter: ['data-article'] });
    });
  });
  await page.locator('#find-places').click();
  const { ms, end } = await page.evaluate(() => (window as unknown as { __benchRun: Promise<{ ms: number; end: number }> }).__benchRun);
  const timings = await page.evaluate(
    (before) => ((window as unknown as { __benchTimings: Timings[] }).__benchTimings[before] ?? null) as Timings | null,
    before,
  );
  const places = await page.$$eval('#place-list [data-place-id]', (b) => b.length);
  return { ms, renderMs: timings ? end - timings.at : NaN, timings, places };
}

interface Download {
  gazetteer: number;
  all: number;
}

/** Bytes on the wire of the resources a reader's article needs (the page and its worker). */
function countDownloads(page: Page): () => Promise<Download> {
  const sizes: Promise<{ url: string; bytes: number }>[] = [];
  page.on('requestfinished', (request) => {
    if (!/\/assets\/(gazetteer|tagger|demonyms|common-words|outlines)/.test(request.url())) return;
    sizes.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize })));
  });
  return async () => {
    const done = await Promise.all(sizes);
    return {
      gazetteer: done.filter((d) => /gazetteer/.test(d.url)).reduce((a, d) => a + d.bytes, 0),
      all: done.reduce((a, d) => a + d.bytes, 0),
    };
  };
}

async function coldAndWarm(browser: Browser, url: string, text: string): Promise<{ cold: Run; warm: Run; hot: Run; download: Download }> {
  const context = await browser.newContext({ viewport: desktopViewport });
  await context.addInitScript(recordWorker);
  try {
    const first = await openPage(context, url);
    const downloads = countDownloads(first);
    const cold = await submit(first, text);
    const hot = await submit(first, `${text}\n\nAnd one more sentence about Paris.`);
    const download = await downloads();
    await first.close();
    // A new page of the same context: no worker yet, the resources in Cache Storage.
    const second = await openPage(context, url);
    const warm = await submit(second, text);
    return { cold, warm, hot, download };
  } finally {
    await context.close();
  }
}

const fmt = (ms: number) => `${Math.round(ms)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

async function main(): Promise<void> {
  const distArg = process.argv.indexOf('--dist');
  const given = distArg >= 0 ? process.argv[distArg + 1] : undefined;
  const outDir = given ?? (await buildApp());
  const preview = await startPreview(outDir);
  const browser = await launchChromium();
  try {
    const { text, source } = benchArticle();
    console.log(`Article: ${words(text).toLocaleString('en')} words, ${text.length.toLocaleString('en')} characters (${source})`);
    const runs: Awaited<ReturnType<typeof coldAndWarm>>[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await coldAndWarm(browser, preview.url, text));

    const row = (label: string, pick: (r: (typeof runs)[number]) => Run) => {
      const xs = runs.map(pick);
      const t = xs.map((r) => r.timings).filter((x): x is Timings => x !== null);
      const inWorker = t.length
        ? ` (worker: resources ${fmt(median(t.map((x) => x.downloadMs)))}, index ${fmt(median(t.map((x) => x.prepareMs)))}, geoparse ${fmt(median(t.map((x) => x.geoparseMs)))}; page: ${fmt(median(xs.map((r) => r.renderMs)))})`
        : '';
      console.log(`${label.padEnd(46)} median ${fmt(median(xs.map((r) => r.ms))).padStart(8)}   runs ${xs.map((r) => fmt(r.ms)).join(', ')}${inWorker}`);
    };
    console.log(`Places found: ${runs[0]!.cold.places}`);
    row('Submit to result, cold cache (new context)', (r) => r.cold);
    row('Submit to result, warm cache (Cache Storage)', (r) => r.warm);
    row('Submit to result, hot (resources in the worker)', (r) => r.hot);
    const d = runs[0]!.download;
    console.log(`Gazetteer download: ${d.gazetteer.toLocaleString('en')} bytes (${mb(d.gazetteer)}); all geoparser resources: ${d.all.toLocaleString('en')} bytes (${mb(d.all)}) on the wire`);
  } finally {
    await browser.close();
    await preview.stop();
    if (!given) removeDir(outDir);
  }
}

await main();
