// A small Noto Sans latin-ext subset for the letters that overview labels use most (ə, ş, ğ,
// ł, ő, ā, ...), so a first view of Azerbaijani, Polish or Turkish names does not fetch the
// whole 54 kB latin-ext file. Built with Debian's pyftsubset (python3-fonttools,
// python3-brotli); without them the committed subset is kept. Build time only.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import type { Feature } from 'geojson';

/** The latin-ext subset of @fontsource/noto-sans 5 (its unicode.json). */
export const LATIN_EXT_RANGES: [number, number][] = [
  [0x0100, 0x02ba], [0x02bd, 0x02c5], [0x02c7, 0x02cc], [0x02ce, 0x02d7], [0x02dd, 0x02ff],
  [0x1d00, 0x1dbf], [0x1e00, 0x1e9f], [0x1ef2, 0x1eff], [0x2c60, 0x2c7f], [0xa720, 0xa7ff],
];
/** Letters the latin subset already has (U+0131 ı, U+0152-0153 Œœ): never in latin-ext's share. */
const IN_LATIN = new Set([0x0131, 0x0152, 0x0153, 0x02bb, 0x02bc, 0x02c6, 0x02da, 0x02dc]);
/** A letter joins the subset when this many overview names use it. */
const MIN_NAMES = 3;
/** Names drawn up to this zoom count as overview names. */
const OVERVIEW_ZOOM = 8;

const inLatinExt = (cp: number) => !IN_LATIN.has(cp) && LATIN_EXT_RANGES.some(([a, b]) => cp >= a && cp <= b);

/** Latin-ext letters used by at least MIN_NAMES names drawn by zoom OVERVIEW_ZOOM, sorted. */
export function overviewLetters(features: Feature[]): number[] {
  const names = new Map<number, number>();
  for (const f of features) {
    const p = f.properties ?? {};
    if (Number(p._min ?? 0) > OVERVIEW_ZOOM) continue;
    const letters = new Set<number>();
    for (const ch of String(p.name ?? '')) if (inLatinExt(ch.codePointAt(0)!)) letters.add(ch.codePointAt(0)!);
    for (const cp of letters) names.set(cp, (names.get(cp) ?? 0) + 1);
  }
  return [...names].filter(([, n]) => n >= MIN_NAMES).map(([cp]) => cp).sort((a, b) => a - b);
}

/** `U+0100,U+0103,...`: the CSS unicode-range of a letter list. */
export const unicodeRange = (letters: number[]): string => letters.map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`).join(',');

/**
 * Writes `<out>.woff2` (the subset) and `<out>.json` ({ "unicode-range": ... }) from the
 * latin-ext file; returns false when pyftsubset is missing.
 */
export function writeLatinExtSubset(letters: number[], source: string, out: string): boolean {
  // Debian's python3 has fontTools; a python3 earlier on PATH (pyenv) may not.
  const python = ['/usr/bin/python3', 'python3'].find((p) => {
    try {
      execFileSync(p, ['-c', 'import fontTools.subset, brotli'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!python) {
    console.error('fontTools not found: latin-ext subset kept as it was (apt-get install python3-fonttools python3-brotli)');
    return existsSync(`${out}.woff2`);
  }
  execFileSync(python, [
    '-m',
    'fontTools.subset',
    source,
    `--unicodes=${letters.map((cp) => cp.toString(16)).join(',')}`,
    '--flavor=woff2',
    '--layout-features=*',
    '--no-hinting',
    '--desubroutinize',
    `--output-file=${out}.woff2`,
  ]);
  writeFileSync(`${out}.json`, `${JSON.stringify({ 'unicode-range': unicodeRange(letters) })}\n`);
  return true;
}
