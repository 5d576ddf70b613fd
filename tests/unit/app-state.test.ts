// The shared selection state: one place, one of its statements, a hover, and article swaps.
import { describe, expect, it } from 'vitest';
import type { PlaceFeature, PlaceKind } from '../../geo/types.ts';
import { AppState } from '../../src/state/app-state.svelte.ts';
import type { Article } from '../../src/lib/article.ts';

function place(id: string, kind: PlaceKind, statementCount: number): PlaceFeature {
  const statements = Array.from({ length: statementCount }, (_, i) => ({ index: i, text: `S${i}`, start: i * 10, end: i * 10 + 5 }));
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [47, 40] },
    properties: {
      name: id,
      names: [id],
      kind,
      country: 'AZ',
      geonameid: null,
      admin1: null,
      admin2: null,
      mentions: statements.map((s) => ({ text: id, start: s.start, end: s.start + 2, sentence: s.index })),
      statements,
      confidence: 1,
      alternatives: [],
      point: [47, 40],
      population: 0,
    },
  };
}

function article(...features: PlaceFeature[]): Article {
  return { title: 'T', text: 'x'.repeat(100), places: { type: 'FeatureCollection', features } };
}

const fresh = () => new AppState(article(place('a', 'town', 3), place('b', 'country', 1)));

describe('AppState', () => {
  it('starts with nothing selected', () => {
    const app = fresh();
    expect([app.placeId, app.statement, app.hoverId, app.selected]).toEqual([null, null, null, null]);
  });

  it('selects a place and derives its feature', () => {
    const app = fresh();
    app.select('a', null, 'list');
    expect(app.placeId).toBe('a');
    expect(app.selected?.id).toBe('a');
    expect(app.source).toBe('list');
  });

  it('selects a place with one of its statements', () => {
    const app = fresh();
    app.select('a', 2, 'url');
    expect([app.placeId, app.statement]).toEqual(['a', 2]);
  });

  it.each([[-1], [3], [1.5], [Number.NaN]])('drops statement %s that the place does not have', (statement) => {
    const app = fresh();
    app.select('a', statement);
    expect([app.placeId, app.statement]).toEqual(['a', null]);
  });

  it('clears the selection for an unknown id', () => {
    const app = fresh();
    app.select('a', 1);
    app.select('nowhere');
    expect([app.placeId, app.statement, app.selected]).toEqual([null, null, null]);
  });

  it('resets the statement when another place is selected', () => {
    const app = fresh();
    app.select('a', 1);
    app.select('b');
    expect([app.placeId, app.statement]).toEqual(['b', null]);
  });

  it('picks a statement of the selected place and asks the article to reveal its sentence', () => {
    const app = fresh();
    app.select('a');
    app.selectStatement(1);
    expect(app.statement).toBe(1);
    expect(app.reveal?.sentence).toBe(1);
    const first = app.reveal?.seq ?? 0;
    app.selectStatement(1);
    expect(app.reveal?.seq).toBeGreaterThan(first);
  });

  it('ignores a statement when nothing is selected or it does not exist', () => {
    const app = fresh();
    app.selectStatement(0);
    expect([app.statement, app.reveal]).toEqual([null, null]);
    app.select('b');
    app.selectStatement(5);
    expect(app.statement).toBeNull();
  });

  it('clears the selection but keeps the hover', () => {
    const app = fresh();
    app.select('a', 1);
    app.hover('b');
    app.clear();
    expect([app.placeId, app.statement, app.hoverId]).toEqual([null, null, 'b']);
  });

  it('hovers and unhovers', () => {
    const app = fresh();
    app.hover('a');
    expect(app.hoverId).toBe('a');
    app.hover(null);
    expect(app.hoverId).toBeNull();
  });

  it('numbers view requests so the same view can be asked for twice', () => {
    const app = fresh();
    const view = { zoom: 5, lat: 40, lng: 47, bearing: 0, pitch: 0 };
    app.requestView(view);
    const first = app.viewRequest?.seq ?? 0;
    app.requestView(view);
    expect(app.viewRequest?.view).toEqual(view);
    expect(app.viewRequest?.seq).toBeGreaterThan(first);
  });

  it('replaces the article, clearing a selection that meant the old one', () => {
    const app = fresh();
    app.select('a', 1);
    app.hover('a');
    app.setArticle(article(place('c', 'city', 1)));
    expect([app.placeId, app.statement, app.hoverId]).toEqual([null, null, null]);
    expect(app.places.map((f) => f.id)).toEqual(['c']);
    app.select('a');
    expect(app.placeId).toBeNull();
    app.select('c');
    expect(app.selected?.id).toBe('c');
  });
});
