// The prior of a gazetteer place: how likely a bare mention of its name means it, before
// context. Countries, continents and first-level divisions outrank towns of the same name;
// among settlements the larger one wins (the "largest population" baseline). Physical
// features have no population: their class alone places them, the seas and great ranges
// near countries, a small bay or cape below a village.

const FCODE_PRIOR: Record<string, number> = {
  CONT: 10, PCLI: 10, OCN: 10, SEA: 9, RGN: 8, ADM1: 8, ADMD: 4, ADM2: 4, PPLC: 6, PPLA: 3, PPLA2: 2, PPLA3: 1.5, PPLA4: 1, PPL: 1, PPLX: 0, PPLL: 0.5, PPLS: 0.5, PPLF: 0.5, PPLR: 0.5, ADM3: 0.5,
  // Water.
  GULF: 8, STRT: 7, BAY: 6, SD: 5, CHN: 5, LK: 5, STM: 5, RSV: 3, LGN: 3, FJD: 3, INLT: 3, RF: 2,
  // Land.
  ISLS: 6, ISL: 5, MTS: 6, DSRT: 6, PEN: 5, DLTA: 5, AREA: 5, MT: 4, PLAT: 4, PLN: 4, BSN: 4, VAL: 4, CST: 3, LWLD: 3, TUND: 3, ISTH: 3, WTLD: 3, GRGE: 3, HLLS: 3, DPR: 3, CAPE: 3, FLLS: 3, PASS: 2,
};

/** A settlement without a population figure is a village of unknown size, not an empty place. */
const UNKNOWN_SETTLEMENT_POPULATION = 300;

/** Weight of a physical feature's rank (0..6) in its prior: the Sahara above a village named Sahara. */
const RANK_WEIGHT = 0.6;

export function placePrior(p: { fcode: string; population: number; rank?: number }): number {
  const population = p.population || (p.fcode.startsWith('PPL') ? UNKNOWN_SETTLEMENT_POPULATION : 0);
  return (FCODE_PRIOR[p.fcode] ?? 0.5) + Math.log10(1 + population) + RANK_WEIGHT * (p.rank ?? 0);
}

const WATER = new Set(['OCN', 'SEA', 'GULF', 'STRT', 'BAY', 'SD', 'CHN', 'LK', 'STM', 'RSV', 'LGN', 'FJD', 'INLT', 'RF']);
const ISLANDS = new Set(['ISL', 'ISLS']);
const LANDFORMS = new Set(['MTS', 'DSRT', 'PEN', 'DLTA', 'AREA', 'MT', 'PLAT', 'PLN', 'BSN', 'VAL', 'CST', 'LWLD', 'TUND', 'ISTH', 'WTLD', 'GRGE', 'HLLS', 'DPR', 'CAPE', 'FLLS', 'PASS']);

/** What sort of feature a code names, beyond the settlements and divisions. */
export function physicalClass(fcode: string): 'water' | 'island' | 'landform' | null {
  return WATER.has(fcode) ? 'water' : ISLANDS.has(fcode) ? 'island' : LANDFORMS.has(fcode) ? 'landform' : null;
}
