// How long a reader's article may be, and the one check every way in shares (paste, file,
// link, saved copy, reopened export).

/**
 * The longest article the app takes, in characters: about 80,000 words, several times the
 * longest news feature. The geoparser would take more (MAX_INPUT_CHARS), but the whole text is
 * laid out in the page with every mention a control, and kept in localStorage and in links.
 */
export const MAX_ARTICLE_CHARS = 500_000;

const limit = MAX_ARTICLE_CHARS.toLocaleString('en');

export function tooLongMessage(length: number): string {
  return `This text has ${length.toLocaleString('en')} characters; the limit is ${limit}.`;
}

/** null when the text can be geoparsed and shown, or why not. */
export function checkArticleText(text: string): string | null {
  if (text.trim() === '') return 'The article is empty: paste or drop some text.';
  if (text.length > MAX_ARTICLE_CHARS) return tooLongMessage(text.length);
  return null;
}
