// Corrections: another candidate, a searched reading, not a place, a placed unresolved name and
// added words; applied purely, and only where they change something.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from './geo-helpers.ts';
import { applyCorrections, effectiveCorrections, spanKey, type Corrections, type FixedReading } from '../../geo/output/corrections.ts';
import type { PlaceCollection, PlaceFeature } from '../../geo/types.ts';

const article = parse(readFileSync(new URL('../../geo/data/default-article.txt', import.meta.url), 'utf8'));
const find = (places: PlaceCollection, id: string) => places.features.find((f) => f.id === id);

const DOUMA: FixedReading = { name: 'Douma', kind: 'city', country: 'SY', admin1: 'Rif Dimashq', coordinates: [36.40, 33.57], geonameid: 170654 };
const GHOUTA: FixedReading = { name: 'Eastern Ghouta', kind: 'region', country: 'SY', admin1: 'Rif Dimashq', coordinates: [36.5, 33.55], geonameid: null, bbox: [36.3, 33.4, 36.7, 33.7] };

/** A small Syrian report the way the geoparser might leave it: Damascus found, Douma missed, Ghouta unresolved. */
const TEXT = 'Shelling hit Douma on Monday. Residents of Ghouta fled to Damascus.\nIn Douma, clinics closed; Doumani traders left.';
function syria(): PlaceCollection {
  const sentences = [
    { index: 0, start: 0, end: 29, text: TEXT.slice(0, 29) },
    { index: 1, start: 30, end: 68, text: TEXT.slice(30, 68) },
    { index: 2, start: 69, end: TEXT.length, text: TEXT.slice(69) },
  ];
  const at = (word: string, from = 0) => TEXT.indexOf(word, from);
  const damascus: PlaceFeature = {
    type: 'Feature',
    id: 'damascus',
    geometry: { type: 'Point', coordinates: [36.29, 33.51] },
    properties: {
      name: 'Damascus', names: [], kind: 'city', country: 'SY', geonameid: 170654 + 1, admin1: null, admin2: null,
      mentions: [{ text: 'Damascus', start: at('Damascus'), end: at('Damascus') + 8, sentence: 1 }],
      statements: [{ ...sentences[1] }],
      confidence: 0.9, alternatives: [], point: [36.29, 33.51], population: 1_500_000,
    },
  };
  return {
    type: 'FeatureCollection',
    features: [damascus],
    sentences,
    unresolved: [{ name: 'Ghouta', mentions: [{ text: 'Ghouta', start: at('Ghouta'), end: at('Ghouta') + 6, sentence: 1 }] }],
  };
}

describe('choosing another reading', () => {
  it('moves a place to the chosen alternative and keeps the old reading as one', () => {
    const shusha = find(article, 'shusha')!;
    const alt = shusha.properties.alternatives[0];
    const fixed = find(applyCorrections(article, { shusha: { action: 'choose', alternative: 0 } }), 'shusha')!;
    expect(fixed.properties.point).toEqual(alt.coordinates);
    expect(fixed.geometry).toEqual({ type: 'Point', coordinates: alt.coordinates });
    expect(fixed.properties.corrected).toBe(true);
    expect(fixed.properties.alternatives[0].coordinates).toEqual(shusha.properties.point);
    expect(fixed.properties.mentions).toEqual(shusha.properties.mentions);
  });

  it('moves a place to a searched reading, with its division and extent, and no old outline', () => {
    const jabrayil = find(article, 'jabrayil')!;
    expect(jabrayil.geometry.type).toBe('Polygon');
    const fixed = find(applyCorrections(article, { jabrayil: { action: 'reading', reading: GHOUTA } }), 'jabrayil')!;
    expect(fixed.geometry).toEqual({ type: 'Point', coordinates: GHOUTA.coordinates });
    expect(fixed.bbox).toEqual(GHOUTA.bbox);
    expect([fixed.properties.kind, fixed.properties.country, fixed.properties.admin1, fixed.properties.names]).toEqual(['region', 'SY', 'Rif Dimashq', ['Eastern Ghouta']]);
    expect(fixed.properties.alternatives[0].coordinates, 'the geoparser’s reading is kept first').toEqual(jabrayil.properties.point);
    expect(fixed.properties.statements).toEqual(jabrayil.properties.statements);
  });

  it('redraws a route through its corrected towns, and drops it with fewer than two', () => {
    const moved = applyCorrections(article, { shusha: { action: 'choose', alternative: 0 } });
    const route = moved.features.find((f) => f.properties.kind === 'route')!;
    expect(route.geometry.type === 'LineString' && route.geometry.coordinates.at(-1)).toEqual(find(moved, 'shusha')!.properties.point);
    const gone = applyCorrections(article, { shusha: { action: 'remove' }, fuzuli: { action: 'remove' } });
    expect(gone.features.some((f) => f.properties.kind === 'route')).toBe(false);
  });

  it('removes a place and ignores unknown ids', () => {
    const fixed = applyCorrections(article, { baku: { action: 'remove' }, nowhere: { action: 'remove' } });
    expect(find(fixed, 'baku')).toBeUndefined();
    expect(fixed.features).toHaveLength(article.features.length - 1);
  });
});

describe('placing names by hand', () => {
  it('places an unresolved name with its mentions and statements, and takes it off the unresolved list', () => {
    const fixed = applyCorrections(syria(), { ghouta: { action: 'reading', reading: GHOUTA } });
    const ghouta = find(fixed, 'ghouta')!;
    expect(ghouta.properties.name).toBe('Ghouta');
    expect(ghouta.properties.names).toEqual(['Eastern Ghouta']);
    expect(ghouta.properties.mentions.map((m) => TEXT.slice(m.start, m.end))).toEqual(['Ghouta']);
    expect(ghouta.properties.statements.map((s) => s.index)).toEqual([1]);
    expect(ghouta.bbox).toEqual(GHOUTA.bbox);
    expect(fixed.unresolved).toEqual([]);
  });

  it('adds missed words as a place with every whole-word occurrence, not the longer word', () => {
    const start = TEXT.indexOf('Douma');
    const fixed = applyCorrections(syria(), { [spanKey(start, start + 5)]: { action: 'add', reading: DOUMA } });
    const douma = find(fixed, 'douma')!;
    expect(douma.properties.mentions.map((m) => [m.start, m.sentence])).toEqual([[start, 0], [TEXT.indexOf('Douma', start + 1), 2]]);
    expect(douma.properties.mentions.every((m) => TEXT.slice(m.start, m.end) === 'Douma'), '“Doumani” is another word').toBe(true);
    expect(douma.properties.statements.map((s) => s.index)).toEqual([0, 2]);
    expect([douma.properties.corrected, douma.properties.point, douma.geometry]).toEqual([true, DOUMA.coordinates, { type: 'Point', coordinates: DOUMA.coordinates }]);
  });

  it('gives added words a fresh id beside an existing place of that name', () => {
    const start = TEXT.indexOf('Damascus');
    const places = syria();
    places.features[0] = { ...places.features[0], properties: { ...places.features[0].properties, mentions: [] } };
    const fixed = applyCorrections(places, { [spanKey(start, start + 8)]: { action: 'add', reading: DOUMA } });
    expect(fixed.features.map((f) => f.id)).toEqual(['damascus', 'damascus-2']);
  });

  it('is deterministic: the same corrections in any order give the same collection', () => {
    const start = TEXT.indexOf('Douma');
    const a: Corrections = { ghouta: { action: 'reading', reading: GHOUTA }, [spanKey(start, start + 5)]: { action: 'add', reading: DOUMA }, damascus: { action: 'remove' } };
    const b: Corrections = Object.fromEntries(Object.entries(a).reverse());
    expect(applyCorrections(syria(), b)).toEqual(applyCorrections(syria(), a));
  });
});

describe('corrections that change nothing', () => {
  const douma = TEXT.indexOf('Douma');
  const damascus = TEXT.indexOf('Damascus');
  it.each<[string, Corrections, string[]]>([
    ['an alternative beyond the list', { shusha: { action: 'choose', alternative: 9 } }, ['shusha']],
    ['an alternative of a road', { 'ahmadbayli-fuzuli-shusha-highway': { action: 'choose', alternative: 0 } }, ['ahmadbayli-fuzuli-shusha-highway']],
    ['a place the article does not have', { nowhere: { action: 'remove' } }, ['nowhere']],
    ['a reading for an unknown name', { nowhere: { action: 'reading', reading: DOUMA } }, ['nowhere']],
    ['the last alternative', { shusha: { action: 'choose', alternative: 2 } }, []],
    ['a searched reading of a place', { baku: { action: 'reading', reading: DOUMA } }, []],
  ])('%s', (_label, corrections, ignored) => {
    expect(effectiveCorrections(article, corrections).ignored).toEqual(ignored);
    if (ignored.length > 0) expect(applyCorrections(article, corrections)).toEqual(article);
  });

  it.each<[string, string, boolean]>([
    ['whole words', spanKey(douma, douma + 5), true],
    ['part of a word', spanKey(douma, douma + 4), false],
    ['words with their space', spanKey(douma - 1, douma + 5), false],
    ['across two sentences', spanKey(douma, TEXT.indexOf('Residents') + 9), false],
    ['beyond the text', spanKey(TEXT.length + 2, TEXT.length + 7), false],
    ['a found mention again', spanKey(damascus, damascus + 8), false],
    ['a span crossing a found mention', spanKey(damascus - 3, damascus + 4), false],
    ['no letters', spanKey(0, 0 + 1).replace('@0-1', `@${TEXT.indexOf(';')}-${TEXT.indexOf(';') + 1}`), false],
  ])('added words: %s', (_label, key, applies) => {
    expect(effectiveCorrections(syria(), { [key]: { action: 'add', reading: DOUMA } }).ignored).toEqual(applies ? [] : [key]);
  });

  it('a placed name that is also a place id corrects the place, not the name', () => {
    const places = syria();
    places.unresolved = [{ name: 'Damascus', mentions: [] }];
    const fixed = applyCorrections(places, { damascus: { action: 'reading', reading: DOUMA } });
    expect(fixed.features.map((f) => f.id)).toEqual(['damascus']);
    expect(find(fixed, 'damascus')!.properties.point).toEqual(DOUMA.coordinates);
  });
});
