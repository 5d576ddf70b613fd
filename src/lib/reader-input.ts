// The edge where a reader's article comes in: pasted text or a dropped or chosen file becomes a
// title and plain text (geo/text/input.ts does the decoding and the HTML, in the worker), or a
// message saying precisely why not. Nothing here throws and nothing here touches the DOM.
import { decodeBytes, prepareText, type PreparedInput } from '../../geo/text/input.ts';
import { prepareInWorker } from '../worker/geoparse-client.ts';
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

export interface ReadOptions {
  /** The title when the text has none of its own (a file's name). Default null. */
  fallbackTitle?: string | null;
  /** Reduces the text (HTML, Markdown) to plain text. Default: in the geoparse worker, off the main thread. */
  prepare?: (raw: string) => Promise<PreparedInput>;
}

/**
 * Where the worker cannot start, text this short is prepared on the main thread instead (a few
 * milliseconds), so the reader hears about the worker from the geoparse, with its Try again.
 */
const MAIN_THREAD_FALLBACK_CHARS = 100_000;
const WORKER_FAILURE = /could not start/;

async function prepareOffMainThread(raw: string): Promise<PreparedInput> {
  const prepared = await prepareInWorker(raw);
  if (prepared.ok || !WORKER_FAILURE.test(prepared.error) || raw.length > MAIN_THREAD_FALLBACK_CHARS) return prepared;
  return prepareText(raw);
}

/** Pasted text (plain, Markdown or HTML) → title and text. */
export async function readPastedText(raw: string, options: ReadOptions = {}): Promise<ReaderInput> {
  if (raw.trim() === '') return { ok: false, error: 'There is no text to read: paste an article first.' };
  // A huge paste is refused before any work on it; HTML may shrink to a quarter once its tags go.
  if (raw.length > MAX_ARTICLE_CHARS * 4) {
    return { ok: false, error: tooLongMessage(raw.length) };
  }
  const prepared = await (options.prepare ?? prepareOffMainThread)(raw);
  if (!prepared.ok) return { ok: false, error: prepared.error };
  const problem = checkArticleText(prepared.text);
  if (problem !== null) {
    const empty = prepared.text.trim() === '' && prepared.format === 'html';
    return { ok: false, error: empty ? 'This HTML has no readable text (scripts, styles and navigation are left out).' : problem };
  }
  const title = prepared.title ?? (prepared.format === 'text' ? headline(prepared.text) : null) ?? options.fallbackTitle ?? null;
  return { ok: true, kind: 'text', article: { title, text: prepared.text } };
}

/** Longest first line taken as a headline. */
const MAX_HEADLINE_CHARS = 160;

/**
 * A pasted article's headline: its first line, when that line is short, starts with a capital,
 * does not end like a sentence (a headline may ask or exclaim) and more text follows it.
 */
export function headline(text: string): string | null {
  const end = text.indexOf('\n');
  if (end < 0) return null;
  const line = text.slice(0, end).trim();
  if (line.length < 3 || line.length > MAX_HEADLINE_CHARS || text.slice(end).trim() === '') return null;
  if (!/^[\p{Lu}\p{N}"“‘']/u.test(line) || /[.,;:…—–-]["”’)]?$/.test(line)) return null;
  return line.split(/\s+/).length <= 24 ? line : null;
}

const TEXT_FILE = /\.(txt|text|md|markdown|html?|xhtml)$/i;
const GEOJSON_FILE = /\.(geo)?json$/i;

/** A dropped or chosen file → an article, or an Article Atlas export to reopen. */
export async function readArticleFile(file: Blob & { name: string }, options: Pick<ReadOptions, 'prepare'> = {}): Promise<ReaderInput> {
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
  return readPastedText(decoded.text, { fallbackTitle: titleFromFileName(name), prepare: options.prepare });
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
