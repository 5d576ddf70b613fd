// Benchmark of a reader's article at the app's limit (500,000 characters) in the production build,
// in Debian's full Chromium. Prints figures, asserts nothing: time from "Find places" to the
// frame after the places are drawn (the worker's share and the page's), a place clicked to its
// panel, and memory (the page's and the geoparse worker's JS heaps, the browser's peak memory),
// against a tenth of the article, so growth reads as a ratio. Warm cache: the resources come from
// Cache Storage, so the download is not in the figures (tests/bench/article-bench.ts has it).
// Usage: tsx tests/bench/large-article-bench.ts [--dist <dir>] [--runs <n>]
import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { desktopViewport, launchChromium, waitForMapState } from '../browser/helpers.ts';
import { buildApp, removeDir, startPreview } from '../browser/server.ts';
import { largeArticle } from './large-article.ts';
import { MAX_ARTICLE_CHARS } from '../../src/lib/article-limits.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(arg('--runs') ?? 3);
const SIZES = [MAX_ARTICLE_CHARS / 10, MAX_ARTICLE_CHARS];
const PLACE = { id: 'nairobi', name: 'Nairobi' };

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** The worker's timings, read off its `result` messages (inline callbacks: tsx's `__name` is not in the page). */
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

interface WorkerTimings {
  downloadMs: number;
  prepareMs: number;
  geoparseMs: number;
  tiersMs: number;
  at: number;
}

/** Proportional set size (shared pages counted once across processes) of the Chromium processes this script started. */
function browserMemory(): number {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  let bytes = 0;
  for (const pid of parent.keys()) {
    let p: number | undefined = parent.get(pid);
    while (p !== undefined && p > 1 && p !== process.pid) p = parent.get(p);
    if (p !== process.pid) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chromium')) continue;
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (pss) bytes += Number(pss[1]) * 1024;
    } catch {
      // gone meanwhile, or not readable
    }
  }
  return bytes;
}

/** Samples browserMemory() every 100 ms until stopped; resolves the peak. */
function samplePeak(): () => number {
  let peak = browserMemory();
  const timer = setInterval(() => (peak = Math.max(peak, browserMemory())), 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, browserMemory());
  };
}

interface HeapUsage {
  usedSize: number;
  /** ArrayBuffer contents, outside the heap proper (the worker keeps the gazetteer in bytes). */
  backingStorageSize?: number;
}
const heapBytes = (h: HeapUsage | undefined): number => (h ? h.usedSize + (h.backingStorageSize ?? 0) : NaN);

/** The JS memory in use (heap and array buffers) of the page and of its geoparse worker, through DevTools. */
async function heaps(devtools: CDPSession, workers: Map<string, string>): Promise<{ page: number; worker: number | null }> {
  const page = heapBytes((await devtools.send('Runtime.getHeapUsage')) as HeapUsage);
  const session = [...workers].find(([, url]) => /geoparse\.worker/.test(url))?.[0];
  let worker: number | null = null;
  if (session) {
    const id = Math.floor(Math.random() * 1e9);
    const answer = new Promise<number>((resolve) => {
      const listener = (event: { sessionId: string; message: string }) => {
        const message = JSON.parse(event.message) as { id?: number; result?: HeapUsage };
        if (message.id !== id) return;
        devtools.off('Target.receivedMessageFromTarget', listener);
        resolve(heapBytes(message.result));
      };
      devtools.on('Target.receivedMessageFromTarget', listener);
    });
    await devtools.send('Target.sendMessageToTarget', { sessionId: session, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
    worker = await answer;
  }
  return { page, worker };
}

interface Run {
  chars: number;
  /** "Find places" to the frame after the new article is shown. */
  ms: number;
  worker: WorkerTimings | null;
  /** From the worker's result arriving in the page to that frame. */
  pageMs: number;
  clickMs: number;
  statements: number;
  places: number;
  pageHeap: number;
  workerHeap: number | null;
  /** The browser's memory before the paste and its peak until the place's panel is drawn. */
  memoryBefore: number;
  memoryPeak: number;
}

async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; devtools: CDPSession; workers: Map<string, string> }> {
  const page = await context.newPage();
  const devtools = await context.newCDPSession(page);
  const workers = new Map<string, string>();
  devtools.on('Target.attachedToTarget', (event: { sessionId: string; targetInfo: { url: string } }) => {
    workers.set(event.sessionId, event.targetInfo.url);
  });
  await devtools.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await page.goto(url);
  await waitForMapState(page, 'idle');
  return { page, devtools, workers };
}

async function run(context: BrowserContext, url: string, text: string): Promise<Run> {
  const { page, devtools, workers } = await openPage(context, url);
  try {
    await page.locator('#new-article').click();
    await page.locator('#article-input').fill(text);
    await page.evaluate(() => {
      const w = window as unknown as { __benchRun: Promise<{ ms: number; end: number }> };
      const root = document.documentElement;
      w.__benchRun = new Promise((resolve) => {
        let start = 0;
        let loading = false;
        document.querySelector('#find-places')!.addEventListener('click', (e) => (start = e.timeStamp), { once: true, capture: true });
        const observer = new MutationObserver(() => {
          if (root.dataset.article === 'loading') loading = true;
          if (!start || !loading || root.dataset.article !== 'reader') return;
          observer.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve({ ms: performance.now() - start, end: performance.now() })));
        });
        observer.observe(root, { attributes: true, attributeFilter: ['data-article'] });
      });
    });
    const memoryBefore = browserMemory();
    const peak = samplePeak();
    await page.locator('#find-places').click();
    const { ms, end } = await page.evaluate(() => (window as unknown as { __benchRun: Promise<{ ms: number; end: number }> }).__benchRun);
    const worker = await page.evaluate(() => ((window as unknown as { __benchTimings: WorkerTimings[] }).__benchTimings.at(-1) ?? null) as WorkerTimings | null);
    const places = await page.$$eval('#place-list [data-place-id]', (b) => b.length);

    await page.evaluate((name) => {
      const w = window as unknown as { __benchClick: Promise<{ ms: number; statements: number }> };
      w.__benchClick = new Promise((resolve) => {
        let start = 0;
        const observer = new MutationObserver(() => {
          const panel = document.querySelector('#place-panel');
          const heading = panel?.querySelector('h1, h2, h3, h4')?.textContent ?? '';
          if (!start || !heading.includes(name) || !panel?.querySelector('[data-statement-index]')) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve({ ms: performance.now() - start, statements: panel.querySelectorAll('[data-statement-index]').length }));
        });
        window.addEventListener('pointerdown', (e) => (start = e.timeStamp), { once: true, capture: true });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
    }, PLACE.name);
    await page.locator(`#place-list [data-place-id="${PLACE.id}"]`).click();
    const click = await page.evaluate(() => (window as unknown as { __benchClick: Promise<{ ms: number; statements: number }> }).__benchClick);
    const memoryPeak = peak();
    const heap = await heaps(devtools, workers);
    return {
      chars: text.length,
      ms,
      worker,
      pageMs: worker ? end - worker.at : NaN,
      clickMs: click.ms,
      statements: click.statements,
      places,
      pageHeap: heap.page,
      workerHeap: heap.worker,
      memoryBefore,
      memoryPeak,
    };
  } finally {
    await page.close();
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function main(): Promise<void> {
  const given = arg('--dist');
  const outDir = given ?? (await buildApp());
  const preview = await startPreview(outDir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: desktopViewport });
    await context.addInitScript(recordWorker);
    // One article first, so the resources are in Cache Storage for every measured run.
    await run(context, preview.url, largeArticle(SIZES[0]!).text);
    const bySize: Run[][] = [];
    for (const chars of SIZES) {
      const { text } = largeArticle(chars);
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await run(context, preview.url, text));
      bySize.push(runs);
      const m = (pick: (r: Run) => number) => median(runs.map(pick));
      const w = runs.map((r) => r.worker).filter((x): x is WorkerTimings => x !== null);
      const words = text.split(/\s+/).length;
      console.log(`Reader's article of ${text.length.toLocaleString('en')} characters (${words.toLocaleString('en')} words), ${runs[0]!.places} places, ${runs[0]!.statements} statements about ${PLACE.name}; medians of ${RUNS}:`);
      console.log(`  Find places to places drawn   ${s(m((r) => r.ms))}   runs ${runs.map((r) => s(r.ms)).join(', ')}`);
      if (w.length) {
        console.log(
          `    worker: resources ${s(median(w.map((x) => x.downloadMs)))}, index ${s(median(w.map((x) => x.prepareMs)))}, geoparse ${s(median(w.map((x) => x.geoparseMs)))}, country tiers ${s(median(w.map((x) => x.tiersMs)))}; page: ${s(m((r) => r.pageMs))}`,
        );
      }
      console.log(`  click in the list to panel     ${s(m((r) => r.clickMs))}`);
      console.log(
        `  JS memory in use (heap and array buffers): page ${mb(m((r) => r.pageHeap))}, geoparse worker ${mb(median(runs.map((r) => r.workerHeap ?? NaN)))}; browser memory (PSS) ${mb(m((r) => r.memoryBefore))} before, ${mb(m((r) => r.memoryPeak))} at peak`,
      );
    }
    const [small, large] = bySize.map((runs) => median(runs.map((r) => r.ms))) as [number, number];
    console.log(`Growth: ${(large / small).toFixed(1)}x the time for ${SIZES[1]! / SIZES[0]!}x the text.`);
    await context.close();
  } finally {
    await browser.close();
    await preview.stop();
    if (!given) removeDir(outDir);
  }
}

await main();
