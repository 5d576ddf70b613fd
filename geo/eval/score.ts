// Scoring a geoparser against a gold corpus, following the protocol of the published
// benchmarks (../shared/data/eval/SCORING.md): greedy one-to-one matching in gold order,
// exact and lenient criteria, pooled precision/recall/F1, and resolution error on matched pairs.

export interface GoldToponym {
  start: number;
  end: number;
  name: string;
  lat: number | null;
  lon: number | null;
}

export interface PredictedToponym {
  start: number;
  end: number;
  name: string;
  lat: number | null;
  lon: number | null;
}

export type MatchCriterion = 'exact' | 'lenient';

export interface Scores {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Matched pairs with coordinates on both sides. */
  resolved: number;
  acc161: number;
  acc161EndToEnd: number;
  meanKm: number;
  medianKm: number;
  auc: number;
}

const EARTH_RADIUS_KM = 6371;
const MAX_ERROR_KM = 20039;

export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function matches(g: GoldToponym, p: PredictedToponym, criterion: MatchCriterion): boolean {
  if (criterion === 'exact') return g.start === p.start && g.end === p.end;
  return g.name.toLowerCase() === p.name.toLowerCase() && Math.abs((g.start + g.end) / 2 - (p.start + p.end) / 2) < 10;
}

export interface DocumentMatch {
  pairs: [GoldToponym, PredictedToponym][];
  missed: GoldToponym[];
  spurious: PredictedToponym[];
}

/** Greedy one-to-one matching in gold order: each gold toponym takes the first unused matching prediction. */
export function matchDocument(gold: GoldToponym[], predicted: PredictedToponym[], criterion: MatchCriterion): DocumentMatch {
  const used = new Uint8Array(predicted.length);
  const pairs: DocumentMatch['pairs'] = [];
  const missed: GoldToponym[] = [];
  for (const g of gold) {
    const i = predicted.findIndex((p, k) => !used[k] && matches(g, p, criterion));
    if (i < 0) missed.push(g);
    else {
      used[i] = 1;
      pairs.push([g, predicted[i]]);
    }
  }
  return { pairs, missed, spurious: predicted.filter((_, k) => !used[k]) };
}

/** AUC of the error curve as the benchmarks define it (lower is better). */
export function errorAuc(errorsKm: number[]): number {
  const n = errorsKm.length;
  if (n < 2) return n === 1 ? Math.log(1 + errorsKm[0]) / Math.log(MAX_ERROR_KM) : 0;
  const v = [...errorsKm].sort((a, b) => a - b).map((e) => Math.log(1 + e) / Math.log(MAX_ERROR_KM));
  let sum = 0.5 * (v[0] + v[n - 1]);
  for (let i = 1; i < n - 1; i++) sum += v[i];
  return sum / (n - 1);
}

const median = (xs: number[]) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export function scoreCorpus(docs: { gold: GoldToponym[]; predicted: PredictedToponym[] }[], criterion: MatchCriterion): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let goldWithCoordinates = 0;
  const errors: number[] = [];
  for (const d of docs) {
    const gold = d.gold.filter((g) => g.lat !== null && g.lon !== null);
    goldWithCoordinates += gold.length;
    const m = matchDocument(gold, d.predicted, criterion);
    tp += m.pairs.length;
    fp += m.spurious.length;
    fn += m.missed.length;
    for (const [g, p] of m.pairs) if (p.lat !== null && p.lon !== null) errors.push(greatCircleKm(g.lat!, g.lon!, p.lat, p.lon));
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const within = errors.filter((e) => e < 161).length;
  return {
    tp, fp, fn, precision, recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    resolved: errors.length,
    acc161: within / Math.max(1, errors.length),
    acc161EndToEnd: within / Math.max(1, goldWithCoordinates),
    meanKm: errors.reduce((a, b) => a + b, 0) / Math.max(1, errors.length),
    medianKm: median(errors),
    auc: errorAuc(errors),
  };
}
