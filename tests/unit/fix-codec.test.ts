// The link form of corrections (`fix=`): every boundary of the grammar, old links read as before,
// and every correction written reads back the same.
import { describe, expect, it } from 'vitest';
import type { Corrections, FixedReading } from '../../geo/output/corrections.ts';
import { parseCorrections, parseReading, serializeCorrections, serializeReading } from '../../src/url/fix-codec.ts';

const ARLINGTON: FixedReading = { name: 'Arlington', kind: 'city', country: 'US', admin1: 'Texas', coordinates: [-97.10807, 32.73569], geonameid: 4671240 };
const R = 'Arlington~city~US~Texas~-97.10807~32.73569~4671240';

describe('parseCorrections', () => {
  it.each<[string, Corrections, number]>([
    ['', {}, 0],
    ['khojaly:2,baku:x', { baku: { action: 'remove' }, khojaly: { action: 'choose', alternative: 2 } }, 0],
    ['baku', {}, 1],
    ['baku:y,khojaly:1', { khojaly: { action: 'choose', alternative: 1 } }, 1],
    ['BAKU:x', {}, 1],
    ['a:1:2', {}, 1],
    ['baku:999', {}, 1],
    ['baku%3Ax', { baku: { action: 'remove' } }, 0],
    [`arlington:${R}`, { arlington: { action: 'reading', reading: ARLINGTON } }, 0],
    [`@120-129:${R}`, { '@120-129': { action: 'add', reading: ARLINGTON } }, 0],
    ['@120-129:x', {}, 1],
    ['@120-129:0', {}, 1],
    ['@129-120:' + R, {}, 1],
    ['@0-121:' + R, {}, 1],
    ['@a-b:' + R, {}, 1],
    ['douma:Douma~city~SY~~36.4~33.57~', { douma: { action: 'reading', reading: { name: 'Douma', kind: 'city', country: 'SY', admin1: null, coordinates: [36.4, 33.57], geonameid: null } } }, 0],
    ['x:Sahel~region~~~10~15~~-17_10_40_20', { x: { action: 'reading', reading: { name: 'Sahel', kind: 'region', country: null, admin1: null, coordinates: [10, 15], geonameid: null, bbox: [-17, 10, 40, 20] } } }, 0],
  ])('%j', (value, corrections, rejected) => {
    expect(parseCorrections(value)).toEqual({ corrections, rejected });
  });
});

describe('parseReading', () => {
  it.each([
    ['too few fields', 'Arlington~city~US~Texas~-97.1~32.7'],
    ['too many fields', `${R}~1_2_3_4~x`],
    ['an empty name', '~city~US~Texas~-97.1~32.7~1'],
    ['a blank name', '+~city~US~Texas~-97.1~32.7~1'],
    ['an unknown kind', 'Arlington~metropolis~US~Texas~-97.1~32.7~1'],
    ['a lower-case country', 'Arlington~city~us~Texas~-97.1~32.7~1'],
    ['a longitude past 180', 'Arlington~city~US~Texas~180.5~32.7~1'],
    ['a latitude past 90', 'Arlington~city~US~Texas~-97.1~90.1~1'],
    ['a coordinate in exponent form', 'Arlington~city~US~Texas~1e2~32.7~1'],
    ['a geonameid that is not a number', 'Arlington~city~US~Texas~-97.1~32.7~x1'],
    ['a bbox of three numbers', `${R}~1_2_3`],
    ['a bbox upside down', `${R}~1_20_3_10`],
    ['a raw space', 'New York~city~US~~-74~40.7~1'],
    ['a broken escape', 'New%2~city~US~~-74~40.7~1'],
    ['a name longer than 200 characters', `${'a'.repeat(201)}~city~US~~-74~40.7~1`],
  ])('refuses %s', (_label, value) => {
    expect(parseReading(value)).toBeNull();
  });

  it.each<[string, FixedReading]>([
    ['a plain one', ARLINGTON],
    ['spaces, commas and colons', { ...ARLINGTON, name: 'Fort Worth, Texas: west', admin1: 'Texas & Oklahoma' }],
    ['the separators of the grammar', { ...ARLINGTON, name: 'a~b,c:d@e+f%g' }],
    ['letters beyond ASCII', { ...ARLINGTON, name: 'Xankəndi', admin1: 'Qarabağ', country: 'AZ' }],
    ['an antimeridian extent', { name: 'Fiji', kind: 'country', country: 'FJ', admin1: null, coordinates: [178, -17.7], geonameid: 2205218, bbox: [177, -19, -179.8, -16] }],
  ])('writes and reads back %s', (_label, reading) => {
    const text = serializeReading(reading);
    expect(text, 'nothing a URL or the grammar treats specially').toMatch(/^[A-Za-z0-9%+._~-]+$/);
    expect(parseReading(text)).toEqual(reading);
  });

  it('keeps coordinates to five decimals', () => {
    expect(serializeReading({ ...ARLINGTON, coordinates: [-97.108071234, 32.735690001] })).toBe(R);
  });
});

describe('serializeCorrections', () => {
  it('writes a stable order that parses back', () => {
    const c: Corrections = {
      shusha: { action: 'choose', alternative: 1 },
      baku: { action: 'remove' },
      arlington: { action: 'reading', reading: ARLINGTON },
      '@12-21': { action: 'add', reading: ARLINGTON },
    };
    expect(serializeCorrections(c)).toBe(`@12-21:${R},arlington:${R},baku:x,shusha:1`);
    expect(parseCorrections(serializeCorrections(c))).toEqual({ corrections: c, rejected: 0 });
  });

  it('keeps old links as they were', () => {
    expect(serializeCorrections(parseCorrections('khojaly:2,baku:x').corrections)).toBe('baku:x,khojaly:2');
  });
});
