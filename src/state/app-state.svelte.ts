// The one shared state of the app: the current article and what the reader has selected.
// Map, list, panel and text all read it; nothing else keeps its own idea of the selection.
import type { PlaceFeature } from '../../geo/types.ts';
import type { Article } from '../lib/article.ts';
import type { ViewState } from '../url/codec.ts';

/** Where a selection came from, so the map knows whether to move. */
export type SelectionSource = 'map' | 'list' | 'text' | 'panel' | 'url' | 'history';

export interface RevealRequest {
  /** Sentence index in the article. */
  sentence: number;
  seq: number;
}

export class AppState {
  article = $state.raw<Article>() as Article;
  placeId = $state<string | null>(null);
  /** 0-based position in the selected place's statements. */
  statement = $state<number | null>(null);
  hoverId = $state<string | null>(null);
  source = $state<SelectionSource>('url');
  /** The map's current view, written by the map on every move end. */
  view = $state.raw<ViewState | null>(null);
  /** A view the map should jump to (opening a link, Back and Forward). */
  viewRequest = $state.raw<{ view: ViewState; seq: number } | null>(null);
  reveal = $state.raw<RevealRequest | null>(null);

  places = $derived(this.article.places.features);
  byId = $derived(new Map(this.places.map((f) => [String(f.id), f])));
  selected = $derived<PlaceFeature | null>(this.placeId === null ? null : (this.byId.get(this.placeId) ?? null));

  #seq = 0;

  constructor(article: Article) {
    this.article = article;
  }

  /** Replaces the article (a pasted one, or the default again); the old selection means nothing now. */
  setArticle(article: Article): void {
    this.article = article;
    this.clear();
    this.hoverId = null;
  }

  /** Selects a place, optionally one of its statements (0-based); unknown ids clear the selection. */
  select(id: string | null, statement: number | null = null, source: SelectionSource = 'list'): void {
    const feature = id === null ? undefined : this.byId.get(id);
    if (!feature) {
      this.clear(source);
      return;
    }
    const count = feature.properties.statements.length;
    this.source = source;
    this.placeId = id;
    this.statement = statement !== null && Number.isInteger(statement) && statement >= 0 && statement < count ? statement : null;
  }

  /** Picks a statement of the selected place and asks the article to show it. */
  selectStatement(position: number, source: SelectionSource = 'panel'): void {
    const feature = this.selected;
    const statement = feature?.properties.statements[position];
    if (!feature || !statement) return;
    this.source = source;
    this.statement = position;
    this.revealSentence(statement.index);
  }

  revealSentence(sentence: number): void {
    this.reveal = { sentence, seq: ++this.#seq };
  }

  requestView(view: ViewState): void {
    this.viewRequest = { view, seq: ++this.#seq };
  }

  clear(source: SelectionSource = 'list'): void {
    this.source = source;
    this.placeId = null;
    this.statement = null;
  }

  hover(id: string | null): void {
    if (this.hoverId !== id) this.hoverId = id;
  }
}
