// The committed country tiers hold only small places. Gazetteer.nameClass relies on it: it
// reads a name's class from the world tier alone, so a tier loaded for one name never changes
// how the recogniser sees another (and none is loaded for a word only ever scored).
import { describe, expect, it } from 'vitest';
import { findKey, hasKeyWithPrefix, indexGazetteer, lineAt, parsePlaceLine, unescapeNonAscii } from '../../geo/gazetteer/format.ts';
import { placeClass } from '../../geo/gazetteer/gazetteer.ts';
import { countryTierCodes, loadGazetteer, readTierText } from '../../geo/gazetteer/node.ts';

const codes = countryTierCodes();

describe('country tiers', () => {
  it('exist', () => expect(codes.length).toBeGreaterThan(100));

  it.each(codes)('%s holds only places of class 1', (code) => {
    const lines = indexGazetteer(readTierText(code));
    const big: string[] = [];
    for (let i = 0; i < lines.placeCount; i++) {
      const place = parsePlaceLine(lineAt(lines, i), i, lines.tier);
      if (placeClass(place.fcode, place.population) !== 1) big.push(`${place.name} ${place.fcode} ${place.population}`);
    }
    expect(big).toEqual([]);
  });

  it('give a name the class of all its places, read from the world tier alone', () => {
    const world = loadGazetteer({ tiers: 'world' });
    const all = loadGazetteer({ tiers: 'all' });
    // Names held by the world tier, by tiers only, by both, and by none; then every name of two tiers.
    const keys = ['paris', 'baku', 'duwayr', 'springfield', 'santa cruz do sul', 'khojaly', 'zzyzx road', 'the'];
    for (const code of ['SY', 'NZ']) {
      const lines = indexGazetteer(readTierText(code));
      const from = lines.placeCount + lines.adminCount;
      for (let i = from; i < from + lines.keyCount; i++) keys.push(unescapeNonAscii(lineAt(lines, i).split('\t')[0]));
    }
    const wrong = keys.filter((key) => {
      const expected = Math.max(0, ...all.lookup(key).map((p) => placeClass(p.fcode, p.population)));
      return world.nameClass(key) !== expected;
    });
    expect(keys.length).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
  });
});

// A key's line ends in a tab, and an escaped letter starts with \x01, below the tab: "agd" and
// "agd\x01..." are both keys of the world tier. The search must order lines as the keys sort,
// or its binary search misses names next to such pairs.
describe('key search', () => {
  it.each(['world', ...codes])('finds every key of the %s tier, and every key as a prefix', (code) => {
    const lines = indexGazetteer(readTierText(code));
    const from = lines.placeCount + lines.adminCount;
    const missed: string[] = [];
    for (let i = from; i < from + lines.keyCount; i++) {
      const line = lineAt(lines, i);
      const key = unescapeNonAscii(line.slice(0, line.indexOf('\t')));
      const parts = line.slice(line.indexOf('\t') + 1).split(',');
      const { indices, tiers } = findKey(lines, key);
      if (indices.length + tiers.length !== parts.length || !hasKeyWithPrefix(lines, key)) missed.push(key);
    }
    expect(missed).toEqual([]);
    expect(findKey(lines, 'zzzz no such name').indices).toEqual([]);
  });
});

