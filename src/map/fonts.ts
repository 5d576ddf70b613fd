// Noto Sans for MapLibre's local text rendering (the style has no `glyphs` URL).
//
// Latin letters are drawn with the page's own "Noto Sans" (the @fontsource stylesheet, which
// the UI loads anyway): `loadMapFonts` waits for that subset before the map is created, and
// MapLibre waits for it again before it rasterises a letter.
//
// Every other subset is declared to MapLibre in the style's `font-faces` (see `MAP_FONT_FACES`)
// with its unicode-range. MapLibre downloads such a file only when a label needs one of its
// letters, and waits for it before drawing that letter, so a label like "Xankəndi" is drawn in
// Noto Sans, never in a fallback font, while a first view of ASCII labels fetches no latin-ext,
// cyrillic or greek file at all.
import '@fontsource/noto-sans/400.css';
import latinExtUrl from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import vietnameseUrl from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff2?url';
import cyrillicUrl from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import cyrillicExtUrl from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-400-normal.woff2?url';
import greekUrl from '@fontsource/noto-sans/files/noto-sans-greek-400-normal.woff2?url';
import greekExtUrl from '@fontsource/noto-sans/files/noto-sans-greek-ext-400-normal.woff2?url';
import devanagariUrl from '@fontsource/noto-sans/files/noto-sans-devanagari-400-normal.woff2?url';
// The latin-ext letters of overview names (ə, ş, ğ, ł, ...), cut from latin-ext by
// geo/build/basemap/font-subset.ts: a first view of Azerbaijani towns fetches a few kB, not 54.
import overviewUrl from '../basemap/data/noto-sans-latin-ext-overview.woff2?url';
import overview from '../basemap/data/noto-sans-latin-ext-overview.json';
// Scripts Noto Sans itself lacks, each its own Noto family drawn under the map's family name.
import arabicUrl from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import hebrewUrl from '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff2?url';
import armenianUrl from '@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-400-normal.woff2?url';
import georgianUrl from '@fontsource/noto-sans-georgian/files/noto-sans-georgian-georgian-400-normal.woff2?url';
import thaiUrl from '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff2?url';

/** The CSS font family the basemap style names in `text-font`. */
export const MAP_FONT_FAMILY = 'Noto Sans';

/** Unicode ranges of the @fontsource/noto-sans 5 subsets (its unicode.json). */
const LATIN = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const SUBSETS: [url: string, ranges: string][] = [
  // In the order the browser tries them for the page (the reverse of the stylesheet's): the
  // first declared file that covers a letter draws it.
  [overviewUrl, overview['unicode-range']],
  [latinExtUrl, 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF'],
  [vietnameseUrl, 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB'],
  [greekUrl, 'U+0370-0377,U+037A-037F,U+0384-038A,U+038C,U+038E-03A1,U+03A3-03FF'],
  [greekExtUrl, 'U+1F00-1FFF'],
  [devanagariUrl, 'U+0900-097F,U+1CD0-1CF9,U+200C-200D,U+20A8,U+20B9,U+20F0,U+25CC,U+A830-A839,U+A8E0-A8FF,U+11B00-11B09'],
  [cyrillicUrl, 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116'],
  [cyrillicExtUrl, 'U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F'],
  [arabicUrl, 'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC'],
  [hebrewUrl, 'U+0590-05FF,U+20AA,U+FB1D-FB4F'],
  [armenianUrl, 'U+0530-058F,U+FB13-FB17'],
  [georgianUrl, 'U+10A0-10FF,U+1C90-1CBA,U+1CBD-1CBF,U+2D00-2D2F'],
  [thaiUrl, 'U+0E01-0E5B'],
];


type Range = [number, number];

function parseRanges(text: string): Range[] {
  return text.split(',').map((r) => {
    const [a, b] = r.trim().slice(2).split('-');
    return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
  });
}

const hex = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

/** `ranges` less every codepoint of `minus`, as CSS unicode-range strings. */
export function subtractRanges(ranges: string, minus: string): string[] {
  let rest = parseRanges(ranges);
  for (const [ma, mb] of parseRanges(minus)) {
    rest = rest.flatMap(([a, b]): Range[] => {
      if (mb < a || ma > b) return [[a, b]];
      const parts: Range[] = [];
      if (a < ma) parts.push([a, ma - 1]);
      if (b > mb) parts.push([mb + 1, b]);
      return parts;
    });
  }
  return rest.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`));
}

/**
 * The style's `font-faces` entry for `MAP_FONT_FAMILY`: every non-latin subset, less the letters
 * the latin subset has (so those keep coming from the page's font and never pull in latin-ext).
 * `absolute` turns an asset URL into one MapLibre can fetch.
 */
export function mapFontFaces(absolute: (url: string) => string): { url: string; 'unicode-range': string[] }[] {
  // Each file draws only what no file before it draws (the overview letters leave latin-ext).
  let taken = LATIN;
  return SUBSETS.map(([url, ranges]) => {
    const face = { url: absolute(url), 'unicode-range': subtractRanges(ranges, taken) };
    taken = `${taken},${ranges}`;
    return face;
  }).filter(
    (face) => face['unicode-range'].length > 0,
  );
}

/**
 * Loads the latin subset of the map font before the map is created (the UI needs it too), so
 * the first labels are not drawn before it arrived. Other subsets load on demand through the
 * style's `font-faces`. Never rejects: without the font the map still works with the browser's
 * sans-serif.
 */
export async function loadMapFonts(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts?.load) return;
  try {
    await document.fonts.load(`16px "${MAP_FONT_FAMILY}"`, 'Aa');
  } catch {
    // A failed font load only degrades typography; the caller need not handle it.
  }
}
