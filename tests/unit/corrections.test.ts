// Corrections: choosing another candidate or removing a place, and their compact link form.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from './geo-helpers.ts';
import { applyCorrections, parseCorrections, serializeCorrections } from '../../geo/output/corrections.ts';

const article = parse(readFileSync(new URL('../../geo/data/default-article.txt', import.meta.url), 'utf8'));
const find = (places: typeof article, id: string) => places.features.find((f) => f.id === id);

describe('corrections', () => {
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

  it.each([
    ['khojaly:2,baku:x', { baku: { action: 'remove' }, khojaly: { action: 'choose', alternative: 2 } }, 0],
    ['', {}, 0],
    ['baku', {}, 1],
    ['baku:y,khojaly:1', { khojaly: { action: 'choose', alternative: 1 } }, 1],
    ['BAKU:x', {}, 1],
    ['a:1:2', {}, 1],
    ['baku:999', {}, 1],
  ])('parses %j', (value, corrections, rejected) => {
    expect(parseCorrections(value)).toEqual({ corrections, rejected });
  });

  it('serialises in a stable order that parses back', () => {
    const c = { shusha: { action: 'choose' as const, alternative: 1 }, baku: { action: 'remove' as const } };
    expect(serializeCorrections(c)).toBe('baku:x,shusha:1');
    expect(parseCorrections(serializeCorrections(c)).corrections).toEqual(c);
  });
});
