// The compact gazetteer format: what the build writes, the runtime finds, by every key.
import { describe, expect, it } from 'vitest';
import { serializeGazetteer, type GazetteerPlaceRow } from '../../geo/gazetteer/format.ts';
import { Gazetteer } from '../../geo/gazetteer/gazetteer.ts';
import { fold } from '../../geo/text/fold.ts';

const row = (name: string, alternates: string[], fcode: string, population: number, country = 'AZ'): GazetteerPlaceRow =>
  ({ fcode, country, admin1: '01', lat: 40.1234, lon: 47.5678, population, geonameid: 147105, name, alternates });

const rows = [
  row('Shusha', ['Şuşa', 'Shushi'], 'PPLA', 18662),
  row('Shusha', ['Şuşa'], 'ADMD', 0),
  row('Baku', ['Bakı'], 'PPLC', 2_300_000),
  row('Bakuriani', [], 'PPL', 2000, 'GE'),
];
const keysOf = (r: GazetteerPlaceRow) => [...new Set([r.name, ...r.alternates].map(fold))];
const gazetteer = new Gazetteer(serializeGazetteer(rows, keysOf));

describe('gazetteer format', () => {
  it.each([
    ['shusha', ['PPLA', 'ADMD']],
    ['susa', ['PPLA', 'ADMD']],
    ['shushi', ['PPLA']],
    ['baku', ['PPLC']],
    ['bakuriani', ['PPL']],
    ['bak', []],
    ['bakux', []],
    ['', []],
  ])('finds %j', (key, fcodes) => {
    expect(gazetteer.lookup(key).map((p) => p.fcode), key).toEqual(fcodes);
  });

  it('round-trips a place, numbers and names', () => {
    const [p] = gazetteer.lookup('baku');
    expect(p).toMatchObject({ name: 'Baku', alternates: ['Bakı'], population: 2_300_000, geonameid: 147105, lat: 40.123, lon: 47.568, country: 'AZ' });
  });

  it('ranks the readings of a name by prior', () => {
    expect(gazetteer.lookup('shusha')[0].fcode).toBe('PPLA');
    expect(gazetteer.nameClass('baku')).toBe(2);
    expect(gazetteer.nameClass('nowhere')).toBe(0);
  });

  it('refuses a truncated file and a foreign one', () => {
    const text = serializeGazetteer(rows, keysOf);
    expect(() => new Gazetteer(text.slice(0, text.length - 20))).toThrow(/Truncated/);
    expect(() => new Gazetteer('name\tlat\tlon\n')).toThrow(/Not an Article Atlas gazetteer/);
  });
});
