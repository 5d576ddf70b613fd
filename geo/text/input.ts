// The edge of the pipeline: whatever a reader brings (bytes, text, HTML) becomes plain text,
// or a precise reason why it cannot. Nothing here throws; it returns a result.

export type PreparedInput =
  | { ok: true; text: string; title: string | null; format: 'text' | 'html' | 'markdown' }
  | { ok: false; error: string };

/** Above this a text is refused: the pipeline is linear, but a browser tab is not infinite. */
export const MAX_INPUT_CHARS = 50_000_000;

const NOT_TEXT = 'This file is not text (it contains NUL bytes): bring a .txt, .md or .html article.';

/**
 * UTF-16 announces itself with a byte-order mark, or (without one) by a NUL in every other
 * byte of Latin text. Returns the encoding's name, or null for anything else.
 */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length & ~1, 512);
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul === 0) return 'utf-16be';
  return null;
}

/**
 * Decode bytes as text, refusing binary files and invalid sequences with a clear message.
 * UTF-8 is the rule; UTF-16 (which Windows tools write) is recognised and decoded. A
 * byte-order mark is not part of the text.
 */
export function decodeBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    try {
      const text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
      return text.includes('\0') ? { ok: false, error: NOT_TEXT } : { ok: true, text };
    } catch {
      return { ok: false, error: `This file looks like ${utf16.toUpperCase()} text but does not decode as such. Save it as UTF-8 and try again.` };
    }
  }
  // A NUL anywhere means binary (a text file padded after 64 KB is still not an article).
  if (bytes.indexOf(0) >= 0) return { ok: false, error: NOT_TEXT };
  const sample = bytes.subarray(0, 65536);
  let controls = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) controls++;
  if (controls > sample.length * 0.01) return { ok: false, error: 'This file is not text (too many control characters): bring a .txt, .md or .html article.' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: 'This file is not valid UTF-8 text. Save it as UTF-8 and try again.' };
  }
}

const looksLikeHtml = (s: string) => /^\s*(<!doctype html|<html|<head|<body|<article|<p[\s>]|<div[\s>])/i.test(s.slice(0, 2000)) || (s.match(/<\/(p|div|span|a|li|h\d|article)>/gi)?.length ?? 0) >= 3;

/**
 * Plain text and a title from pasted or dropped text. Plain text and Markdown come back as
 * given (line ends included), so offsets into the result are offsets into the input; HTML
 * comes back as the text it shows, which the caller must keep beside the offsets.
 */
export function prepareText(raw: string): PreparedInput {
  if (raw.length > MAX_INPUT_CHARS) {
    return { ok: false, error: `This text has ${raw.length.toLocaleString('en')} characters; the limit is ${MAX_INPUT_CHARS.toLocaleString('en')}.` };
  }
  const replacement = raw.match(/\uFFFD/g)?.length ?? 0;
  if (replacement > 16 && replacement > raw.length * 0.01) return { ok: false, error: 'This text is garbled (many undecodable characters): it may be a binary file.' };
  if (looksLikeHtml(raw)) {
    const { text, title } = htmlToText(raw.replace(/\r\n?/g, '\n'));
    return { ok: true, text, title, format: 'html' };
  }
  const heading = /^\s*#\s+(.+?)\r?\n/.exec(raw.slice(0, 2000));
  if (heading) return { ok: true, text: raw, title: heading[1].trim(), format: 'markdown' };
  return { ok: true, text: raw, title: null, format: 'text' };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', hellip: '…' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'head', 'nav', 'footer', 'form', 'button', 'select']);
const BLOCKS = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'section', 'article', 'header', 'blockquote', 'figcaption', 'pre', 'ul', 'ol', 'table', 'hr', 'dd', 'dt']);

/** The next "</title" at or after `from`, in any letter case, or -1. */
function indexOfTitleClose(html: string, from: number): number {
  const pattern = /<\/title/gi;
  pattern.lastIndex = from;
  return pattern.exec(html)?.index ?? -1;
}

/**
 * Reduce HTML to its readable text in one pass over the tags (no DOM, so it runs in a worker
 * and in Node, and nothing in it can execute). Script, style and navigation content is dropped.
 */
/** What `htmlToText` looked at beyond its one pass over the tags, for tests of its cost. */
export interface HtmlWork {
  /** Characters searched for a closing title tag. */
  titleSearch: number;
}

export function htmlToText(html: string, work: HtmlWork = { titleSearch: 0 }): { text: string; title: string | null } {
  let out = '';
  let title: string | null = null;
  let skipping: string | null = null;
  // Where the next "</title" is, once looked for: many empty or unclosed titles must not
  // make each one search the rest of the document again.
  let titleClose = -2;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const chunk = html.slice(i, lt < 0 ? html.length : lt);
    if (!skipping) out += chunk;
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break;
    const tag = /^<\/?\s*([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, Math.min(gt + 1, lt + 40)));
    const name = tag ? tag[1].toLowerCase() : '';
    const closing = html[lt + 1] === '/';
    if (name === 'title' && !closing && title === null && titleClose !== -1) {
      if (titleClose < gt) {
        titleClose = indexOfTitleClose(html, gt);
        work.titleSearch += (titleClose < 0 ? html.length : titleClose) - gt;
      }
      if (titleClose >= 0) title = decodeEntities(html.slice(gt + 1, titleClose)).replace(/\s+/g, ' ').trim() || null;
    }
    if (skipping) {
      if (closing && name === skipping) skipping = null;
    } else if (SKIPPED.has(name) && !closing && html[gt - 1] !== '/') {
      skipping = name;
    } else if (BLOCKS.has(name)) {
      out += '\n';
    }
    i = gt + 1;
  }
  const text = decodeEntities(out)
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return { text, title };
}
