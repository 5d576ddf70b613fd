// Bundles Noto Sans for MapLibre's local text rendering (the style has no `glyphs` URL).
// The @fontsource index stylesheet declares every subset with its unicode-range, so the
// browser fetches only the woff2 files whose letters are drawn (latin, latin-ext for
// Azerbaijani ə ş ğ ı, cyrillic for Russian names). The per-subset files (latin-400.css,
// latin-ext-400.css, ...) carry no unicode-range and would shadow each other, hence the index.
import '@fontsource/noto-sans/400.css';

/** The CSS font family the basemap style names in `text-font`. */
export const MAP_FONT_FAMILY = 'Noto Sans';

/** Letters from every subset the map draws, so each subset is loaded before the first label. */
const SAMPLE_TEXT = 'Aa Əə Şş Ğğ Çç Öö Üü İı Бб';

/**
 * Loads the map font before the map is created. MapLibre rasterises each letter once and
 * caches it, so a letter drawn before its subset arrived would stay in a fallback font.
 * Never rejects: without the font the map still works with the browser's sans-serif.
 */
export async function loadMapFonts(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts?.load) return;
  try {
    await document.fonts.load(`16px "${MAP_FONT_FAMILY}"`, SAMPLE_TEXT);
  } catch {
    // A failed font load only degrades typography; the caller need not handle it.
  }
}
