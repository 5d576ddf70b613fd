// Keeps the address bar and the app state in step: selecting pushes a history entry, moving the
// map or correcting a place replaces it, opening another article pushes one; Back and Forward
// restore all of it. A link that names a reader's article is followed once that article is
// geoparsed, and the address bar is left alone until then. The address bar always holds a link
// that works elsewhere: a reader's article travels inside it when it fits (`addressArticle`).
// Call during component setup.
import { untrack } from 'svelte';
import type { Corrections } from '../../geo/output/corrections.ts';
import type { AppState } from '../state/app-state.svelte.ts';
import { linkTooLong, MAX_LINK_CHARS, packArticle } from './article-link.ts';
import { addressArticle, parseArticleParams, sameArticle, serializeArticleParams, type ArticleRef, type ShownArticle } from './article-params.ts';
import { parseLocation, resolveAgainst, serializeState, type UrlProblem, type UrlState } from './codec.ts';

export type ProblemHandler = (problems: UrlProblem[]) => void;

export interface UrlSyncOptions {
  onProblems: ProblemHandler;
  /** Opens a reader's article a link names; on failure it shows the default one and says why. */
  openArticle: (ref: ArticleRef, fix: Corrections | null) => Promise<{ ok: boolean; messages: { text: string }[] }>;
  /** Shows the default article (with a link's corrections); returns the corrections that do not fit it. */
  showDefault: (fix: Corrections) => string[];
  /** Corrections of a link that change nothing in its article: say so. */
  onIgnored?: (ignored: string[]) => void;
}

/** Applies place, statement and view to the state; `initial` also seeds the map's starting view. */
export function applyLocation(app: AppState, href: string, initial: boolean): UrlProblem[] {
  const parsed = parseLocation(href);
  const resolved = resolveAgainst(parsed.state, (id) => app.byId.get(id)?.properties.statements.length ?? null);
  const { place, statement, view } = resolved.state;
  // With a view in the link the camera is already decided; without one, the map brings the place into view.
  const source = view !== null ? 'history' : 'url';
  if (place === null) app.clear(source);
  else {
    app.select(place, statement === null ? null : statement - 1, source);
    // A link to a statement also shows it in the article.
    const sentence = app.statement === null ? undefined : app.selected?.properties.statements[app.statement]?.index;
    if (sentence !== undefined) app.revealSentence(sentence);
  }
  if (view !== null) {
    if (initial) app.view = view;
    else app.requestView(view);
  }
  return [...parsed.problems, ...resolved.problems];
}

export function currentUrlState(app: AppState): UrlState {
  return {
    place: app.placeId,
    statement: app.placeId !== null && app.statement !== null ? app.statement + 1 : null,
    view: app.view,
  };
}

export type ShareLink = { ok: true; url: string } | { ok: false; length: number; message: string };

/** Packed articles by key: packing is deterministic, so each is packed once. */
const packed = new Map<string, Promise<string>>();

export function packShown(app: AppState): Promise<string> | null {
  const key = app.savedKey;
  if (key === null) return null;
  let job = packed.get(key);
  if (!job) {
    const { title, text } = app.original;
    job = packArticle({ title, text });
    if (packed.size >= 8) packed.delete(packed.keys().next().value as string);
    packed.set(key, job);
  }
  return job;
}

/** The link to share: a reader's article travels inside it, unless that makes it too long. */
export async function shareLink(app: AppState, href: string): Promise<ShareLink> {
  const base = serializeState(currentUrlState(app), href);
  const job = packShown(app);
  if (job === null) return { ok: true, url: serializeArticleParams({ article: null, fix: app.corrections }, base) };
  const data = await job;
  const url = serializeArticleParams({ article: { kind: 'inline', data }, fix: app.corrections }, base);
  if (!linkTooLong(url)) return { ok: true, url };
  return {
    ok: false,
    length: url.length,
    message: `This article is too long to travel in a link (${url.length.toLocaleString('en')} characters; links longer than ${MAX_LINK_CHARS.toLocaleString('en')} break in many chat and mail apps). Export it as a GeoJSON file and share the file instead: it reopens here with its places and corrections.`,
  };
}

export function connectUrl(app: AppState, options: UrlSyncOptions): void {
  // Nothing is written to the address bar while a linked article is still being opened.
  let ready = $state(false);
  let syncedKey: string | null = null;
  let token = 0;
  /** The packed form of the article shown, once packed (for the address bar). */
  let shownPacked = $state.raw<{ key: string; data: string } | null>(null);

  const shown = (): ShownArticle => ({
    key: app.savedKey,
    kept: app.kept,
    packed: shownPacked !== null && shownPacked.key === app.savedKey ? shownPacked.data : null,
  });
  const selectionKey = () => `${app.savedKey}|${currentUrlState(app).place}|${currentUrlState(app).statement}`;

  /** Follows a location: its article first (maybe asynchronously), then place, statement and view. */
  async function follow(href: string, initial: boolean): Promise<void> {
    const mine = ++token;
    const params = parseArticleParams(href);
    const problems: UrlProblem[] = [...params.problems];
    const report = (ignored: string[]) => {
      if (ignored.length > 0) options.onIgnored?.(ignored);
    };
    if (!sameArticle(params.article, shown()) || (initial && params.article !== null)) {
      if (params.article === null) report(options.showDefault(params.fix ?? {}));
      else {
        ready = false;
        const opened = await options.openArticle(params.article, params.fix);
        if (mine !== token) return; // another navigation came first
        problems.push(...opened.messages.map((m) => ({ field: 'article' as const, message: m.text })));
        // The place, statement and view named another article: none of them means anything here,
        // and the default article is framed as it always is (issue 9: no other article's view).
        if (!opened.ok) return finish(problems);
      }
      problems.push(...applyLocation(app, href, initial && params.article === null));
    } else {
      // Corrections are the reader's work, not navigation: Back does not undo them.
      if (initial && params.fix !== null) report(app.setCorrections(params.fix));
      problems.push(...applyLocation(app, href, initial));
    }
    finish(problems);
  }

  function finish(problems: UrlProblem[]): void {
    syncedKey = selectionKey();
    ready = true;
    options.onProblems(problems);
  }

  void follow(location.href, true);

  // Packs a reader's article for the address bar (a few milliseconds, off the critical path).
  $effect(() => {
    const key = app.savedKey;
    const job = untrack(() => packShown(app));
    if (key === null || job === null) return;
    let live = true;
    void job.then((data) => {
      if (live && app.savedKey === key) shownPacked = { key, data };
    });
    return () => {
      live = false;
    };
  });

  // Written before the DOM is updated: pushState has the browser bring the page's layout up to
  // date at once, which is cheap for the page already shown and tens of milliseconds for a
  // long new article's DOM (its layout then waits for the frame, where it belongs).
  $effect.pre(() => {
    const state = currentUrlState(app);
    const savedKey = app.savedKey;
    const fix = app.corrections;
    const article = shown();
    if (!ready) return;
    untrack(() => {
      const base = serializeState(state, location.href);
      const write = (ref: ArticleRef | null) => serializeArticleParams({ article: ref, fix }, base);
      const ref = addressArticle(article, (r) => !linkTooLong(write(r)));
      // While the article is packed, the address bar keeps the article part it has.
      const next = ref === 'pending' ? serializeArticleParams({ article: parseArticleParams(location.href).article, fix }, base) : write(ref);
      const key = `${savedKey}|${state.place}|${state.statement}`;
      const isNew = syncedKey !== null && key !== syncedKey;
      syncedKey = key;
      if (next === location.href) return;
      if (isNew) history.pushState(null, '', next);
      else history.replaceState(history.state, '', next);
    });
  });

  $effect(() => {
    const onPop = () => void follow(location.href, false);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  });
}
