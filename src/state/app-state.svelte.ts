// The one shared state of the app: the current article, the reader's corrections to it, and
// what the reader has selected. Map, list, panel and text all read it; nothing else keeps its
// own idea of the selection.
import { applyCorrections, correctionApplies, effectiveCorrections, parseSpanKey, type Correction, type Corrections, type FixedReading } from '../../geo/output/corrections.ts';
import { slug } from '../../geo/output/features.ts';
import type { PlaceFeature } from '../../geo/types.ts';
import type { Article } from '../lib/article.ts';
import type { ViewState } from '../url/codec.ts';

/** Where a selection came from, so the map knows whether to move. */
export type SelectionSource = 'map' | 'list' | 'text' | 'panel' | 'keys' | 'url' | 'history';

export interface RevealRequest {
  /** Sentence index in the article. */
  sentence: number;
  seq: number;
}

export interface ArticleOptions {
  /** The key of a reader's article (`articleKey`), or null for the default one. */
  savedKey?: string | null;
  /** Whether the reader's article is kept in this browser under that key (a full storage says no). */
  kept?: boolean;
  corrections?: Corrections;
}

/** What the reader is placing by hand: a place's other reading, an unresolved name, or missed words. */
export type PlacingTarget =
  | { kind: 'place'; id: string }
  | { kind: 'unresolved'; key: string; name: string }
  | { kind: 'words'; key: string; text: string };

/** The article as shown: the geoparser's places with the reader's corrections applied. */
function corrected(original: Article, corrections: Corrections): Article {
  if (Object.keys(corrections).length === 0) return original;
  return { ...original, places: applyCorrections(original.places, corrections) };
}

function addedKeysOf(
  places: readonly PlaceFeature[],
  originals: ReadonlyMap<string, PlaceFeature>,
  corrections: Corrections,
  unresolved: readonly { name: string }[],
): Map<string, string> {
  const keys = new Map<string, string>();
  const added = places.filter((f) => !originals.has(f.id));
  if (added.length === 0) return keys;
  for (const [key, c] of Object.entries(corrections)) {
    let feature: PlaceFeature | undefined;
    if (c.action === 'add') {
      const span = parseSpanKey(key);
      feature = span ? added.find((f) => f.properties.mentions.some((m) => m.start === span.start && m.end === span.end)) : undefined;
    } else if (c.action === 'reading' && !originals.has(key)) {
      const name = unresolved.find((u) => slug(u.name) === key)?.name;
      feature = added.find((f) => f.properties.name === name && !keys.has(f.id));
    }
    if (feature) keys.set(feature.id, key);
  }
  return keys;
}

export class AppState {
  /** The article as the geoparser read it; `article` is what the reader sees. */
  original = $state.raw<Article>() as Article;
  corrections = $state.raw<Corrections>({});
  /** Null for the default article; a reader's article has this key (`#article=saved:<key>` when kept). */
  savedKey = $state<string | null>(null);
  /** Whether the reader's article is kept in localStorage (only then can a link name its key). */
  kept = $state(false);
  /** Counts article replacements (not corrections), so the map reframes only for a new article. */
  articleSeq = $state(0);
  article = $derived<Article>(corrected(this.original, this.corrections));
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
  /** A reading the reader is looking at before choosing it (pointer or focus on it), shown on the map. */
  preview = $state.raw<FixedReading | null>(null);
  /** The name or words being placed by hand, when that is not the selected place. */
  placing = $state.raw<PlacingTarget | null>(null);

  places = $derived(this.article.places.features);
  byId = $derived(new Map(this.places.map((f) => [String(f.id), f])));
  selected = $derived<PlaceFeature | null>(this.placeId === null ? null : (this.byId.get(this.placeId) ?? null));
  /** The geoparser's own reading of each place, for "Not this place?" and undo. */
  originalById = $derived(new Map(this.original.places.features.map((f) => [String(f.id), f])));
  /** Places the reader placed by hand (missed words, unresolved names): place id → correction key. */
  addedKeys = $derived.by(() => addedKeysOf(this.places, this.originalById, this.corrections, this.original.places.unresolved ?? []));

  #seq = 0;

  constructor(article: Article, options: ArticleOptions = {}) {
    this.original = article;
    this.savedKey = options.savedKey ?? null;
    this.kept = options.kept ?? this.savedKey !== null;
    this.corrections = effectiveCorrections(article.places, options.corrections ?? {}).corrections;
  }

  /**
   * Replaces the article (a pasted one, or the default again); the old selection means nothing
   * now. Returns the keys of corrections that change nothing in it (they are dropped).
   */
  setArticle(article: Article, options: ArticleOptions = {}): string[] {
    const { corrections, ignored } = effectiveCorrections(article.places, options.corrections ?? {});
    this.original = article;
    this.savedKey = options.savedKey ?? null;
    this.kept = options.kept ?? this.savedKey !== null;
    this.corrections = corrections;
    this.articleSeq = ++this.#seq;
    this.clear();
    this.hoverId = null;
    this.preview = null;
    this.placing = null;
    return ignored;
  }

  /**
   * Records a reader's correction, or undoes it with null; map, list and text follow. The key is a
   * place id, an unresolved name's slug or added words' span key; a correction that would change
   * nothing is not recorded.
   */
  correct(key: string, correction: Correction | null): void {
    if (correction !== null && !correctionApplies(this.original.places, key, correction)) return;
    if (correction === null && !(key in this.corrections)) return;
    const next = { ...this.corrections };
    if (correction === null) delete next[key];
    else next[key] = correction;
    this.setCorrections(next);
  }

  /**
   * Replaces all corrections (a link's, an export's); a selection that no longer exists is
   * cleared. Returns the keys of corrections that change nothing here (they are dropped).
   */
  setCorrections(all: Corrections): string[] {
    const { corrections, ignored } = effectiveCorrections(this.original.places, all);
    this.corrections = corrections;
    this.preview = null;
    // 'panel' lets the map follow a place moved to another reading.
    if (this.placeId !== null) {
      if (this.byId.has(this.placeId)) this.source = 'panel';
      else this.clear('panel');
    }
    if (this.hoverId !== null && !this.byId.has(this.hoverId)) this.hoverId = null;
    return ignored;
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
    this.placing = null;
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

  /** The previous (-1) or next (+1) statement of the selected place, from none to the first or last. */
  stepStatement(delta: -1 | 1, source: SelectionSource = 'panel'): void {
    const count = this.selected?.properties.statements.length ?? 0;
    if (count === 0) return;
    const from = this.statement ?? (delta > 0 ? -1 : count);
    const to = Math.min(count - 1, Math.max(0, from + delta));
    if (to !== this.statement) this.selectStatement(to, source);
  }

  /** Starts placing a name or words by hand; the panel shows the search for it. */
  startPlacing(target: PlacingTarget): void {
    this.clear('panel');
    this.placing = target;
  }

  /** The place a correction key names now: a place's own id, or the place made of words or a name placed by hand. */
  placeIdOf(key: string): string | null {
    if (this.byId.has(key) && this.originalById.has(key)) return key;
    for (const [id, k] of this.addedKeys) if (k === key) return id;
    return null;
  }

  stopPlacing(): void {
    this.placing = null;
    this.preview = null;
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
