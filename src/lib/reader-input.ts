// The edge where a reader's article comes in: pasted text or a dropped or chosen file becomes a
// title and plain text (geo/text/input.ts does the decoding and the HTML), or a message saying
// precisely why not. Nothing here throws and nothing here touches the DOM.
import { decodeBytes, prepareText } from '../../geo/text/input.ts';
import { readExport, type ImportedExport } from './exports.ts';
import { checkArticleText, MAX_ARTICLE_CHARS, tooLongMessage } from './article-limits.ts';

/** Files are refused unread above this: UTF-8 never needs more than 4 bytes a character. */
const MAX_FILE_BYTES = MAX_ARTICLE_CHARS * 4;

export const ARTICLE_FILE_TYPES = '.txt,.md,.markdown,.html,.htm,.geojson,.json,text/plain,text/markdown,text/html,application/geo+json,application/json';

export interface ReaderArticle {
  title: string | null;
  text: string;
}

export type ReaderInput =
  | { ok: true; kind: 'text'; article: ReaderArticle }
  | { ok: true; kind: 'export'; imported: ImportedExport }
  | { ok: false; error: string };

/** Pasted text (plain, Markdown or HTML) → title and text. */
export function readPastedText(raw: string, fallbackTitle: string | null = null): ReaderInput {
  if (raw.trim() === '') return { ok: false, error: 'There is no text to read: paste an article first.' };
  // A huge paste is refused before any work on it; HTML may shrink to a quarter once its tags go.
  if (raw.length > MAX_ARTICLE_CHARS * 4) {
    return { ok: false, error: tooLongMessage(raw.length) };
  }
  const prepared = prepareText(raw);
  if (!prepared.ok) return { ok: false, error: prepared.error };
  const problem = checkArticleText(prepared.text);
  if (problem !== null) {
    const empty = prepared.text.trim() === '' && prepared.format === 'html';
    return { ok: false, error: empty ? 'This HTML has no readable text (scripts, styles and navigation are left out).' : problem };
  }
  return { ok: true, kind: 'text', article: { title: prepared.title ?? fallbackTitle, text: prepared.text } };
}

const TEXT_FILE = /\.(txt|text|md|markdown|html?|xhtml)$/i;
const GEOJSON_FILE = /\.(geo)?json$/i;

/** A dropped or chosen file → an article, or an Article Atlas export to reopen. */
export async function readArticleFile(file: Blob & { name: string }): Promise<ReaderInput> {
  const name = file.name || 'file';
  const isJson = GEOJSON_FILE.test(name);
  if (!isJson && !TEXT_FILE.test(name) && !/^text\//.test(file.type)) {
    return { ok: false, error: `“${clipName(name)}” is not a text file: bring a .txt, .md or .html article, or a GeoJSON exported from Article Atlas.` };
  }
  if (file.size === 0) return { ok: false, error: `“${clipName(name)}” is empty.` };
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, error: `“${clipName(name)}” is ${formatBytes(file.size)}; articles are limited to ${MAX_ARTICLE_CHARS.toLocaleString('en')} characters.` };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, error: `“${clipName(name)}” could not be read.` };
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  if (isJson) return readExport(decoded.text);
  return readPastedText(decoded.text, titleFromFileName(name));
}

function titleFromFileName(name: string): string | null {
  const base = name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim();
  return base === '' ? null : base;
}

function clipName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 57)}…` : name;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
