// Keeps the address bar and the app state in step: selecting pushes a history entry, moving the
// map or correcting a place replaces it, opening another article pushes one; Back and Forward
// restore all of it. A link that names a reader's article is followed once that article is
// geoparsed, and the address bar is left alone until then. Call during component setup.
import { untrack } from 'svelte';
import type { Corrections } from '../../geo/output/corrections.ts';
import type { AppState } from '../state/app-state.svelte.ts';
import { linkTooLong, MAX_LINK_CHARS, packArticle } from './article-link.ts';
import { parseArticleParams, sameArticle, serializeArticleParams, type ArticleRef } from './article-params.ts';
import { parseLocation, resolveAgainst, serializeState, type UrlProblem, type UrlState } from './codec.ts';

export type ProblemHandler = (problems: UrlProblem[]) => void;

export interface UrlSyncOptions {
  onProblems: ProblemHandler;
  /** Opens a reader's article a link names; on failure it shows the default one and says why. */
  openArticle: (ref: ArticleRef, fix: Corrections | null) => Promise<{ ok: boolean; messages: { text: string }[] }>;
  /** Shows the default article (with a link's corrections). */
  showDefault: (fix: Corrections) => void;
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

const packed = new Map<string, Promise<string>>();

/** The link to share: a reader's article travels inside it, unless that makes it too long. */
export async function shareLink(app: AppState, href: string): Promise<ShareLink> {
  const base = serializeState(currentUrlState(app), href);
  const key = app.savedKey;
  if (key === null) return { ok: true, url: serializeArticleParams({ article: null, fix: app.corrections }, base) };
  const { title, text } = app.original;
  if (!packed.has(key)) packed.set(key, packArticle({ title, text }));
  const data = await (packed.get(key) as Promise<string>);
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

  const selectionKey = () => `${app.savedKey}|${currentUrlState(app).place}|${currentUrlState(app).statement}`;

  /** Follows a location: its article first (maybe asynchronously), then place, statement and view. */
  async function follow(href: string, initial: boolean): Promise<void> {
    const mine = ++token;
    const params = parseArticleParams(href);
    const problems: UrlProblem[] = [...params.problems];
    if (!sameArticle(params.article, app.savedKey) || (initial && params.article !== null)) {
      if (params.article === null) options.showDefault(params.fix ?? {});
      else {
        ready = false;
        const opened = await options.openArticle(params.article, params.fix);
        if (mine !== token) return; // another navigation came first
        problems.push(...opened.messages.map((m) => ({ field: 'article' as const, message: m.text })));
        if (!opened.ok) {
          // The place and statement named another article; only the view still means something.
          const view = parseLocation(href).state.view;
          if (view) app.requestView(view);
          finish(problems);
          return;
        }
      }
      problems.push(...applyLocation(app, href, initial && params.article === null));
    } else {
      // Corrections are the reader's work, not navigation: Back does not undo them.
      if (initial && params.fix !== null) app.setCorrections(params.fix);
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

  // Written before the DOM is updated: pushState has the browser bring the page's layout up to
  // date at once, which is cheap for the page already shown and tens of milliseconds for a
  // long new article's DOM (its layout then waits for the frame, where it belongs).
  $effect.pre(() => {
    const state = currentUrlState(app);
    const savedKey = app.savedKey;
    const fix = app.corrections;
    if (!ready) return;
    untrack(() => {
      const article: ArticleRef | null = savedKey === null ? null : { kind: 'saved', key: savedKey };
      const next = serializeArticleParams({ article, fix }, serializeState(state, location.href));
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
