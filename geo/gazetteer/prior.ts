// The prior of a gazetteer place: how likely a bare mention of its name means it, before
// context. Countries, continents and first-level divisions outrank towns of the same name;
// among settlements the larger one wins (the "largest population" baseline).

const FCODE_PRIOR: Record<string, number> = {
  CONT: 10, PCLI: 10, OCN: 10, SEA: 9, RGN: 8, ADM1: 8, ADMD: 4, ADM2: 4, PPLC: 6, PPLA: 3, PPLA2: 2, PPLA3: 1.5, PPLA4: 1, PPL: 1, PPLX: 0, PPLL: 0.5, PPLS: 0.5, PPLF: 0.5, PPLR: 0.5, ADM3: 0.5,
};

/** A settlement without a population figure is a village of unknown size, not an empty place. */
const UNKNOWN_SETTLEMENT_POPULATION = 300;

export function placePrior(p: { fcode: string; population: number }): number {
  const population = p.population || (p.fcode.startsWith('PPL') ? UNKNOWN_SETTLEMENT_POPULATION : 0);
  return (FCODE_PRIOR[p.fcode] ?? 0.5) + Math.log10(1 + population);
}
