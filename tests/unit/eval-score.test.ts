// The scoring protocol of SCORING.md, on small hand-made cases whose answers are worked out by hand.
import { describe, expect, it } from 'vitest';
import { errorAuc, greatCircleKm, matchDocument, scoreCorpus } from '../../geo/eval/score.ts';

const gold = (start: number, end: number, name: string, lat: number | null = 0, lon: number | null = 0) => ({ start, end, name, lat, lon });

describe('scoring', () => {
  it('measures great-circle distance with a 6,371 km Earth', () => {
    expect(greatCircleKm(0, 0, 0, 1)).toBeCloseTo(111.19, 1);
    expect(greatCircleKm(0, 0, 0, 180)).toBeCloseTo(Math.PI * 6371, 0);
  });

  it('matches exactly on offsets and leniently on name and midpoint', () => {
    const g = [gold(10, 15, 'Paris')];
    expect(matchDocument(g, [gold(10, 16, 'Paris')], 'exact').pairs).toHaveLength(0);
    expect(matchDocument(g, [gold(10, 16, 'paris')], 'lenient').pairs).toHaveLength(1);
    expect(matchDocument(g, [gold(30, 35, 'Paris')], 'lenient').pairs).toHaveLength(0);
  });

  it('matches one to one, greedily in gold order', () => {
    const m = matchDocument([gold(0, 5, 'Paris'), gold(2, 7, 'Paris')], [gold(0, 5, 'Paris')], 'lenient');
    expect(m.pairs).toHaveLength(1);
    expect(m.missed).toEqual([gold(2, 7, 'Paris')]);
  });

  it('pools recognition and scores resolution on matched pairs', () => {
    const s = scoreCorpus(
      [
        { gold: [gold(0, 5, 'Paris', 48.85, 2.35), gold(10, 14, 'Rome', 41.9, 12.5), gold(20, 24, 'Nice', null, null)], predicted: [gold(0, 5, 'Paris', 48.85, 2.35), gold(10, 14, 'Rome', 38.9, 12.5), gold(30, 34, 'Lyon', 45.76, 4.84)] },
      ],
      'exact',
    );
    expect([s.tp, s.fp, s.fn]).toEqual([2, 1, 0]); // Nice has no coordinates: dropped from gold
    expect(s.acc161).toBe(0.5);
    expect(s.acc161EndToEnd).toBe(0.5);
    expect(s.medianKm).toBeCloseTo((3 * 111.19) / 2, 0);
  });

  it('computes the AUC of the error curve as published', () => {
    expect(errorAuc([0, 0, 0])).toBe(0);
    expect(errorAuc([20039, 20039])).toBeCloseTo(1, 4);
    const v = [0, 100, 1000].map((e) => Math.log(1 + e) / Math.log(20039));
    expect(errorAuc([1000, 0, 100])).toBeCloseTo((0.5 * (v[0] + v[2]) + v[1]) / 2, 10);
  });
});
