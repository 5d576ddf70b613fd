// Opens a reader's article: from a paste or a file, from a link (the text packed in it, or one
// saved in this browser), or from an exported GeoJSON. Each path ends in the worker's geoparse
// and `app.setArticle`; until then the current article stays on screen and usable. Failures
// come back as messages, never as exceptions, and leave the current article in place.
import type { Corrections } from '../../geo/output/corrections.ts';
import { defaultArticle, type Article } from '../lib/article.ts';
import { checkArticleText } from '../lib/article-limits.ts';
import type { ReaderArticle, ReaderInput } from '../lib/reader-input.ts';
import { articleKey, forgetSaved, loadSaved, restoreSaved, saveArticle, saveCorrections, type Forgotten } from '../lib/saved-articles.ts';
import { unpackArticle } from '../url/article-link.ts';
import type { ArticleRef } from '../url/article-params.ts';
import { geoparseInWorker } from '../worker/geoparse-client.ts';
import type { Progress, Timings } from '../worker/messages.ts';
import type { AppState } from './app-state.svelte.ts';

export type LoaderStatus =
  | { state: 'idle' }
  | { state: 'working'; what: string; progress: Progress | null };

/** A message for the reader, optionally with one thing to do about it. */
export interface NoticeItem {
  text: string;
  action?: { label: string; run: () => void };
  /** An action the page supplies: export the article shown, or open an exported file. */
  offer?: 'export' | 'open-file';
}

/** Corrections a link or a file held that change nothing in the article they came with. */
export function ignoredMessage(ignored: readonly string[]): NoticeItem[] {
  if (ignored.length === 0) return [];
  const n = ignored.length === 1 ? 'One correction' : `${ignored.length} corrections`;
  return [{ text: `${n} in the link do${ignored.length === 1 ? 'es' : ''} not fit this article (${ignored.slice(0, 3).join(', ')}${ignored.length > 3 ? ', …' : ''}) and ${ignored.length === 1 ? 'was' : 'were'} ignored.` }];
}

/** The notice for a link naming an article this browser does not keep (a long article shared by its key). */
export const NOT_HERE =
  'The article this link names is kept only in the browser where the link was made: it was too long to travel inside a link. Ask for its GeoJSON export (Export → GeoJSON there), which opens here with its places and corrections. Showing the default article meanwhile.';

export interface OpenOptions {
  corrections?: Corrections;
  /** Place ids an export held: a different reading today is worth telling the reader. */
  expectedIds?: string[];
}

export interface OpenResult {
  ok: boolean;
  messages: NoticeItem[];
}

export class ArticleLoader {
  status = $state.raw<LoaderStatus>({ state: 'idle' });
  /** What the last geoparse cost (the benchmark and curious readers look at it). */
  lastTimings = $state.raw<Timings | null>(null);

  #app: AppState;
  #cancel: (() => void) | null = null;
  #request = 0;

  constructor(app: AppState) {
    this.#app = app;
  }

  get busy(): boolean {
    return this.status.state === 'working';
  }

  /** Geoparses and shows an article; the current one stays until the new one is ready. */
  async open(article: ReaderArticle, what: string, options: OpenOptions = {}): Promise<OpenResult> {
    this.#cancel?.();
    const request = ++this.#request;
    this.status = { state: 'working', what, progress: null };
    const job = geoparseInWorker(article.text, (progress) => {
      if (request === this.#request) this.status = { state: 'working', what, progress };
    });
    this.#cancel = job.cancel;
    const outcome = await job.done;
    if (request !== this.#request) return { ok: false, messages: [] }; // superseded or cancelled
    this.#cancel = null;
    if (!outcome.ok) {
      this.status = { state: 'idle' };
      return { ok: false, messages: [{ text: outcome.error }] };
    }
    this.lastTimings = outcome.timings;
    const key = articleKey(article.title, article.text);
    const shown: Article = { title: article.title, text: article.text, places: outcome.places };
    const ignored = this.#app.setArticle(shown, { savedKey: key, kept: false, corrections: options.corrections ?? {} });
    const messages: NoticeItem[] = ignoredMessage(ignored);
    const corrections = this.#app.corrections;
    const saved = saveArticle({ key, title: article.title, text: article.text, corrections, savedAt: Date.now(), placeCount: this.#app.places.length });
    // Only a kept article may be named by its key in the address bar (issue 12, item 5).
    this.#app.kept = saved.ok;
    if (!saved.ok) messages.push({ text: saved.error, offer: 'export' });
    else justSaved = { key, corrections };
    if (options.expectedIds) messages.push(...compareReading(options.expectedIds, this.#app.places.map((f) => f.id)));
    this.status = { state: 'idle' };
    return { ok: true, messages };
  }

  /** What a paste, a drop or a file dialog brought. */
  openInput(input: ReaderInput): Promise<OpenResult> {
    if (!input.ok) return Promise.resolve({ ok: false, messages: [{ text: input.error }] });
    if (input.kind === 'export') {
      const { article, corrections, placeIds } = input.imported;
      return this.open(article, 'Reopening the exported article', { corrections, expectedIds: placeIds });
    }
    return this.open(input.article, 'Reading your article');
  }

  /** An article kept in this browser, chosen in the dialog; on failure the current one stays. */
  openSaved(key: string): Promise<OpenResult> {
    const saved = loadSaved(key);
    if (!saved) return Promise.resolve({ ok: false, messages: [{ text: 'This article is no longer kept in this browser.' }] });
    return this.open(saved, 'Reopening your article', { corrections: saved.corrections });
  }

  /** The article a link names; on failure the default article is shown and the reason returned. */
  async openRef(ref: ArticleRef, fix: Corrections | null): Promise<OpenResult> {
    if (ref.kind === 'saved') {
      const saved = loadSaved(ref.key);
      if (!saved) {
        this.showDefault();
        return { ok: false, messages: [{ text: NOT_HERE, offer: 'open-file' }] };
      }
      return this.#openOrFallBack(saved, 'Reopening your article', fix ?? saved.corrections);
    }
    this.status = { state: 'working', what: 'Opening the article in the link', progress: null };
    const unpacked = await unpackArticle(ref.data);
    const problem = unpacked.ok ? checkArticleText(unpacked.article.text) : unpacked.error;
    if (!unpacked.ok || problem !== null) {
      this.status = { state: 'idle' };
      this.showDefault();
      return { ok: false, messages: [{ text: unpacked.ok ? `The article in this link cannot be shown: ${problem}` : unpacked.error }] };
    }
    return this.#openOrFallBack(unpacked.article, 'Opening the article in the link', fix ?? {});
  }

  async #openOrFallBack(article: ReaderArticle, what: string, corrections: Corrections): Promise<OpenResult> {
    const result = await this.open(article, what, { corrections });
    if (!result.ok && result.messages.length > 0) {
      this.showDefault();
      return { ok: false, messages: result.messages.map((m) => ({ text: `${m.text} Showing the default article instead.` })) };
    }
    return result;
  }

  /** Shows the default article without forgetting any saved one; returns the corrections that do not fit it. */
  showDefault(corrections: Corrections = {}): string[] {
    if (this.#app.savedKey === null && this.#app.original === defaultArticle) return this.#app.setCorrections(corrections);
    return this.#app.setArticle(defaultArticle, { corrections });
  }

  /** "Back to default article": the reader's article stays kept, to be reopened from the list. */
  backToDefault(): void {
    this.cancel();
    this.#app.setArticle(defaultArticle);
  }

  /** Deletes a kept article (the one shown goes back to the default); returns what an undo needs. */
  deleteKept(key: string): Forgotten | null {
    if (this.#app.savedKey === key) this.backToDefault();
    return forgetSaved(key);
  }

  /** Undoes a deletion: the article is kept again where it stood (and reopened if `reopen`). */
  async undoDelete(forgotten: Forgotten, reopen: boolean): Promise<OpenResult> {
    const restored = restoreSaved(forgotten);
    if (!restored.ok) return { ok: false, messages: [{ text: restored.error }] };
    if (!reopen) return { ok: true, messages: [] };
    return this.openSaved(forgotten.article.key);
  }

  /** Stops waiting for a geoparse; the article on screen stays. */
  cancel(): void {
    this.#request++;
    this.#cancel?.();
    this.#cancel = null;
    this.status = { state: 'idle' };
  }

}

/** The article `open` has just kept, with the corrections it was kept with. */
let justSaved: { key: string; corrections: Corrections } | null = null;

/** Keeps a saved article's corrections in step with the reader's, so a reload restores them. Call during component setup. */
export function keepCorrectionsSaved(app: AppState): void {
  $effect(() => {
    const key = app.savedKey;
    const corrections = app.corrections;
    // An article just opened was kept with these very corrections: no second write of it.
    const count = app.places.length;
    const fresh = justSaved !== null && justSaved.key === key && justSaved.corrections === corrections;
    justSaved = null;
    if (key !== null && app.kept && !fresh) saveCorrections(key, corrections, undefined, count);
  });
}

/** An export reopened by a different geoparser version may read the text differently: say so. */
function compareReading(expected: string[], shown: string[]): NoticeItem[] {
  const now = new Set(shown);
  const before = new Set(expected);
  const missing = expected.filter((id) => !now.has(id)).length;
  const added = shown.filter((id) => !before.has(id)).length;
  if (missing === 0 && added === 0) return [];
  return [{ text: `This file was made when the geoparser read the article differently: ${missing} of its places are not found now and ${added} are new. The article and your corrections are restored.` }];
}
