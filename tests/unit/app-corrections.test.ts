// The app state's corrections: applied at once to what is shown, undoable, and a selection that
// loses its place is cleared.
import { describe, expect, it } from 'vitest';
import type { PlaceCollection } from '../../geo/types.ts';
import defaultArticle from '../../src/generated/default-article.json';
import { AppState } from '../../src/state/app-state.svelte.ts';
import type { Article } from '../../src/lib/article.ts';

const article = defaultArticle as unknown as Article;
const other: Article = { title: 'Other', text: 'x', places: { type: 'FeatureCollection', features: [] } as PlaceCollection };

describe('AppState corrections', () => {
  it('moves a place to the chosen alternative and keeps the geoparser’s reading', () => {
    const app = new AppState(article);
    const alt = app.byId.get('khojaly')!.properties.alternatives[0];
    app.correct('khojaly', { action: 'choose', alternative: 0 });
    expect(app.byId.get('khojaly')!.properties.point).toEqual(alt.coordinates);
    expect(app.originalById.get('khojaly')!.properties.alternatives[0]).toEqual(alt);
    expect(app.corrections).toEqual({ khojaly: { action: 'choose', alternative: 0 } });
  });
  it('keeps the selection and its statement when the selected place is moved', () => {
    const app = new AppState(article);
    app.select('khojaly', 1, 'list');
    app.correct('khojaly', { action: 'choose', alternative: 0 });
    expect([app.placeId, app.statement, app.source]).toEqual(['khojaly', 1, 'panel']);
    expect(app.selected?.properties.corrected).toBe(true);
  });
  it('removes a place, clearing its selection and hover', () => {
    const app = new AppState(article);
    app.select('baku');
    app.hover('baku');
    app.correct('baku', { action: 'remove' });
    expect(app.byId.has('baku')).toBe(false);
    expect([app.placeId, app.hoverId]).toEqual([null, null]);
  });
  it('clears a selected road that loses its towns', () => {
    const app = new AppState(article);
    const road = app.places.find((f) => f.properties.kind === 'route')!;
    app.select(road.id);
    for (const id of road.properties.joins!.slice(0, -1)) app.correct(id, { action: 'remove' });
    expect(app.placeId).toBeNull();
  });
  it('undoes one correction and keeps the others', () => {
    const app = new AppState(article);
    app.correct('baku', { action: 'remove' });
    app.correct('shusha', { action: 'choose', alternative: 1 });
    app.correct('baku', null);
    expect(app.byId.has('baku')).toBe(true);
    expect(app.corrections).toEqual({ shusha: { action: 'choose', alternative: 1 } });
    app.correct('shusha', null);
    expect(app.article).toBe(app.original);
  });
  it('ignores a correction of a place the article does not have', () => {
    const app = new AppState(article);
    app.correct('nowhere', { action: 'remove' });
    expect(app.corrections).toEqual({});
  });
  it('starts a new article without corrections and counts the replacement', () => {
    const app = new AppState(article);
    app.correct('baku', { action: 'remove' });
    const before = app.articleSeq;
    app.setArticle(other, { savedKey: '0a1b2c3d' });
    expect([app.corrections, app.savedKey, app.places.length]).toEqual([{}, '0a1b2c3d', 0]);
    expect(app.articleSeq).toBeGreaterThan(before);
    app.setArticle(article, { corrections: { baku: { action: 'remove' } } });
    expect([app.savedKey, app.byId.has('baku')]).toEqual([null, false]);
  });
  it('does not count corrections as a new article', () => {
    const app = new AppState(article);
    const before = app.articleSeq;
    app.correct('baku', { action: 'remove' });
    expect(app.articleSeq).toBe(before);
  });
  it('drops a link’s correction that changes nothing, instead of showing it as one (issue 12, item 6)', () => {
    const app = new AppState(article);
    const baku = app.byId.get('baku')!;
    expect(baku.properties.alternatives.length).toBeLessThan(5);
    expect(app.setCorrections({ baku: { action: 'choose', alternative: 5 }, khojaly: { action: 'remove' } })).toEqual(['baku']);
    expect(app.corrections).toEqual({ khojaly: { action: 'remove' } });
    expect(app.byId.get('baku')!.properties.corrected).toBeUndefined();
    app.correct('shusha', { action: 'choose', alternative: 9 });
    expect(Object.keys(app.corrections)).toEqual(['khojaly']);
    const fresh = new AppState(article, { corrections: { baku: { action: 'choose', alternative: 5 } } });
    expect(fresh.corrections).toEqual({});
  });
  it('steps through the statements of the selected place, stopping at either end', () => {
    const app = new AppState(article);
    app.select('khojaly');
    app.stepStatement(1);
    expect(app.statement).toBe(0);
    app.stepStatement(1);
    app.stepStatement(1);
    expect(app.statement).toBe(1);
    app.stepStatement(-1);
    expect(app.statement).toBe(0);
    app.stepStatement(-1);
    expect([app.statement, app.reveal?.sentence]).toEqual([0, app.byId.get('khojaly')!.properties.statements[0].index]);
  });
  it('placing a name clears the selection, and selecting a place ends the placing', () => {
    const app = new AppState(article);
    app.select('khojaly');
    app.startPlacing({ kind: 'words', key: '@0-5', text: 'Words' });
    expect([app.placeId, app.placing?.kind]).toEqual([null, 'words']);
    app.select('baku');
    expect(app.placing).toBeNull();
  });
});
