// The compact gazetteer format and its tiers: what the build writes, the runtime finds, by
// every key, across tiers, with division names and pointers to the tiers not yet loaded.
import { describe, expect, it } from 'vitest';
import { serializeGazetteer, type GazetteerPlaceRow } from '../../geo/gazetteer/format.ts';
import { Gazetteer } from '../../geo/gazetteer/gazetteer.ts';
import { wantedTiers } from '../../geo/gazetteer/wanted-tiers.ts';
import { fold } from '../../geo/text/fold.ts';
import type { PlaceCollection, PlaceFeature } from '../../geo/types.ts';

const row = (name: string, alternates: string[], fcode: string, population: number, country = 'AZ', admin1 = '01', admin2 = ''): GazetteerPlaceRow =>
  ({ fcode, country, admin1, admin2, lat: 40.1234, lon: 47.5678, population, geonameid: 147105, name, alternates, shown: alternates.length ? 1 : 0, bbox: null, rank: 0 });

const keysOf = (r: GazetteerPlaceRow) => [...new Set([r.name, ...r.alternates].map(fold))];

const worldRows = [
  row('Shusha', ['Şuşa', 'Shushi'], 'PPLA', 18662),
  row('Shusha', ['Şuşa'], 'ADMD', 0),
  row('Baku', ['Bakı'], 'PPLC', 2_300_000),
  row('Bakuriani', [], 'PPL', 2000, 'GE'),
  { ...row('Texas', [], 'ADM1', 0, 'US', 'TX'), bbox: [-106.65, 25.84, -93.51, 36.5] as [number, number, number, number] },
];
const worldText = serializeGazetteer({
  tier: 'world',
  rows: worldRows,
  keysOf,
  admins: new Map([['US.TX', 'Texas'], ['AZ.01', 'Absheron']]),
  elsewhere: new Map([['dweir', new Set(['SY'])], ['duwayr', new Set(['SY'])], ['baku', new Set(['US'])]]),
});
const syriaText = serializeGazetteer({
  tier: 'SY',
  rows: [row('Dweir', ['Duwayr'], 'PPL', 900, 'SY', '13', '1301')],
  keysOf,
  admins: new Map([['SY.13.1301', 'Douma District']]),
});

describe('gazetteer format', () => {
  const gazetteer = new Gazetteer(worldText);

  it.each([
    ['shusha', ['PPLA', 'ADMD']],
    ['susa', ['PPLA', 'ADMD']],
    ['shushi', ['PPLA']],
    ['baku', ['PPLC']],
    ['bakuriani', ['PPL']],
    ['bak', []],
    ['bakux', []],
    ['dweir', []],
    ['', []],
  ])('finds %j', (key, fcodes) => {
    expect(gazetteer.lookup(key).map((p) => p.fcode), key).toEqual(fcodes);
  });

  it('round-trips a place, numbers, names and extent', () => {
    const [p] = gazetteer.lookup('baku');
    expect(p).toMatchObject({ name: 'Baku', alternates: ['Bakı'], shown: 1, population: 2_300_000, geonameid: 147105, lat: 40.123, lon: 47.568, country: 'AZ', tier: 'world', bbox: null });
    expect(gazetteer.lookup('texas')[0].bbox).toEqual([-106.65, 25.84, -93.51, 36.5]);
  });

  it('ranks the readings of a name by prior', () => {
    expect(gazetteer.lookup('shusha')[0].fcode).toBe('PPLA');
    expect(gazetteer.nameClass('baku')).toBe(2);
    expect(gazetteer.nameClass('nowhere')).toBe(0);
  });

  it('names divisions by their codes', () => {
    expect(gazetteer.adminName('US', 'TX')).toBe('Texas');
    expect(gazetteer.adminName('US', 'CA')).toBeNull();
    expect(gazetteer.adminName('', '')).toBeNull();
  });

  it('finds places by the start of their name, exact names first', () => {
    expect(gazetteer.search('bak').map((p) => p.name)).toEqual(['Baku', 'Bakuriani']);
    expect(gazetteer.search('bakuriani').map((p) => p.name)).toEqual(['Bakuriani']);
    expect(gazetteer.search('')).toEqual([]);
  });

  it('refuses a truncated file and a foreign one', () => {
    expect(() => new Gazetteer(worldText.slice(0, worldText.length - 20))).toThrow(/Truncated/);
    expect(() => new Gazetteer('name\tlat\tlon\n')).toThrow(/Not an Article Atlas gazetteer/);
  });
});

describe('gazetteer tiers', () => {
  it('points to the tiers that hold a name, until they are loaded', () => {
    const gazetteer = new Gazetteer(worldText);
    expect(gazetteer.tiersFor('dweir')).toEqual(['SY']);
    expect(gazetteer.tiersFor('baku')).toEqual(['US']);
    // A name only another tier holds is a small place to the recogniser, loaded or not.
    expect(gazetteer.nameClass('dweir')).toBe(1);
    gazetteer.addTier(syriaText);
    expect(gazetteer.tiers).toEqual(['world', 'SY']);
    expect(gazetteer.tiersFor('dweir')).toEqual([]);
    expect(gazetteer.nameClass('dweir')).toBe(1);
    const [dweir] = gazetteer.lookup('duwayr');
    expect(dweir).toMatchObject({ name: 'Dweir', tier: 'SY', index: worldRows.length });
    expect(gazetteer.place(dweir.index)).toBe(dweir);
    expect(gazetteer.adminName('SY', '13', '1301')).toBe('Douma District');
    expect(gazetteer.search('dw').map((p) => p.name)).toEqual(['Dweir']);
  });

  it('adds a tier once', () => {
    const gazetteer = new Gazetteer(worldText);
    gazetteer.addTier(syriaText);
    gazetteer.addTier(syriaText);
    expect(gazetteer.size).toBe(worldRows.length + 1);
  });
});

const feature = (country: string | null, mentions: number): PlaceFeature => ({
  type: 'Feature',
  id: `p-${country}-${mentions}`,
  geometry: { type: 'Point', coordinates: [0, 0] },
  properties: {
    name: 'x', names: [], kind: 'city', country, geonameid: null, admin1: null, admin2: null,
    mentions: Array.from({ length: mentions }, () => ({ text: 'x', start: 0, end: 1, sentence: 0 })),
    statements: [], confidence: 1, alternatives: [], point: [0, 0], population: 0,
  },
});

const collection = (features: PlaceFeature[], unresolved: string[] = []): PlaceCollection => ({
  type: 'FeatureCollection',
  features,
  unresolved: unresolved.map((name) => ({ name, mentions: [{ text: name, start: 0, end: name.length, sentence: 0 }] })),
});

describe('wanted tiers', () => {
  const available = new Set(['SY', 'US', 'LB', 'FR']);

  it.each([
    ['the countries that carry a tenth of the mentions, most first', collection([feature('SY', 7), feature('LB', 3), feature('FR', 1), feature('US', 0)]), ['SY', 'LB']],
    ['the tiers that hold names left unplaced', collection([feature('FR', 2)], ['Dweir']), ['FR', 'SY']],
    ['nothing for a country without a tier', collection([feature('AZ', 5)]), []],
    ['nothing for places beyond countries', collection([feature(null, 5)]), []],
  ])('fetches %s', (_, places, expected) => {
    expect(wantedTiers(places, new Gazetteer(worldText), available)).toEqual(expected);
  });

  it('does not ask again for a tier already loaded', () => {
    const gazetteer = new Gazetteer(worldText);
    gazetteer.addTier(syriaText);
    expect(wantedTiers(collection([feature('SY', 3)], ['Dweir']), gazetteer, available)).toEqual([]);
  });
});
