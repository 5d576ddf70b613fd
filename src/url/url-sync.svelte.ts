// Keeps the address bar and the app state in step: selecting pushes a history entry,
// moving the map replaces it, Back and Forward restore both. Call during component setup.
import { untrack } from 'svelte';
import type { AppState } from '../state/app-state.svelte.ts';
import { parseLocation, resolveAgainst, serializeState, type UrlProblem, type UrlState } from './codec.ts';

export type ProblemHandler = (problems: UrlProblem[]) => void;

/** Applies the location to the state; `initial` also seeds the map's starting view. */
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

export function connectUrl(app: AppState, onProblems: ProblemHandler): void {
  onProblems(applyLocation(app, location.href, true));
  let syncedSelection: string | null = null;

  $effect(() => {
    const state = currentUrlState(app);
    const selection = `${state.place}|${state.statement}`;
    untrack(() => {
      const target = serializeState(state, location.href);
      const isNewSelection = syncedSelection !== null && selection !== syncedSelection;
      syncedSelection = selection;
      if (target === location.href) return;
      if (isNewSelection) history.pushState(null, '', target);
      else history.replaceState(history.state, '', target);
    });
  });

  $effect(() => {
    const onPop = () => {
      const problems = applyLocation(app, location.href, false);
      syncedSelection = `${currentUrlState(app).place}|${currentUrlState(app).statement}`;
      onProblems(problems);
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  });
}
