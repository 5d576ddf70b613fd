// A reader's articles kept in localStorage, so a pasted text survives a reload until the reader
// deletes it. Most recent first; the oldest make room for new ones. Never throws: storage can be
// missing (privacy modes), full, or edited by hand.
import type { Corrections } from '../../geo/output/corrections.ts';
import { serializeCorrections, parseCorrections } from '../url/fix-codec.ts';
import { checksum } from '../url/article-link.ts';
import { checkArticleText } from './article-limits.ts';

export interface SavedArticle {
  /** articleKey(title, text): names the article in `#article=saved:<key>`. */
  key: string;
  title: string | null;
  text: string;
  corrections: Corrections;
  /** When it was last opened (ms since 1970), null for entries kept by an older version. */
  savedAt?: number | null;
  /** How many places it showed, corrections included; null when not known. */
  placeCount?: number | null;
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const STORAGE_KEY = 'article-atlas:articles:v1';
/** A handful is what "the articles I was reading" means; more would be an archive. */
export const MAX_SAVED = 5;
/**
 * Browsers give an origin about 5 million characters of localStorage; the list keeps to less
 * than half of that so the rest of the app (and a failed write) never runs out.
 */
export const MAX_STORED_CHARS = 2_000_000;

export type SaveResult = { ok: true } | { ok: false; error: string };

/** Keys already computed: every read checks each kept article's key against its text. */
const knownKeys = new Map<string, string>();

/** The same title and text always give the same key. */
export function articleKey(title: string | null, text: string): string {
  const source = `${title ?? ''}\u0000${text}`;
  let key = knownKeys.get(source);
  if (key === undefined) {
    key = checksum(source);
    if (knownKeys.size >= 2 * MAX_SAVED) knownKeys.delete(knownKeys.keys().next().value as string);
    knownKeys.set(source, key);
  }
  return key;
}

function defaultStorage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // a SecurityError where storage is switched off
  }
}

interface StoredEntry {
  key: string;
  title: string | null;
  text: string;
  fix: string;
  /** Optional, so entries kept before they existed still read. */
  at?: number;
  places?: number;
}

function readEntries(storage: StorageLike | null): StoredEntry[] {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return [];
  }
  if (raw === null) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  // Entries edited by hand or left by another version are dropped one by one, not all at once.
  return data.filter(
    (e): e is StoredEntry =>
      typeof e === 'object' &&
      e !== null &&
      typeof e.key === 'string' &&
      (e.title === null || typeof e.title === 'string') &&
      typeof e.text === 'string' &&
      typeof e.fix === 'string' &&
      (e.at === undefined || Number.isFinite(e.at)) &&
      (e.places === undefined || Number.isInteger(e.places)) &&
      checkArticleText(e.text) === null &&
      e.key === articleKey(e.title, e.text),
  );
}

function writeEntries(storage: StorageLike | null, entries: StoredEntry[]): SaveResult {
  if (!storage) return { ok: false, error: 'This browser does not let the page keep your article, so it will be gone after a reload: export it to keep it.' };
  try {
    if (entries.length === 0) storage.removeItem(STORAGE_KEY);
    else storage.setItem(STORAGE_KEY, JSON.stringify(entries));
    return { ok: true };
  } catch {
    return { ok: false, error: 'The browser’s storage is full, so your article will be gone after a reload: export it to keep it.' };
  }
}

const toSaved = (e: StoredEntry): SavedArticle => ({
  key: e.key,
  title: e.title,
  text: e.text,
  corrections: parseCorrections(e.fix).corrections,
  savedAt: e.at ?? null,
  placeCount: e.places ?? null,
});

function toEntry(article: SavedArticle): StoredEntry {
  const entry: StoredEntry = { key: article.key, title: article.title, text: article.text, fix: serializeCorrections(article.corrections) };
  if (typeof article.savedAt === 'number') entry.at = article.savedAt;
  if (typeof article.placeCount === 'number') entry.places = article.placeCount;
  return entry;
}

export function listSaved(storage: StorageLike | null = defaultStorage()): SavedArticle[] {
  return readEntries(storage).map(toSaved);
}

export function loadSaved(key: string, storage: StorageLike | null = defaultStorage()): SavedArticle | null {
  const entry = readEntries(storage).find((e) => e.key === key);
  return entry ? toSaved(entry) : null;
}

/**
 * Keeps an article (first in the list, or at `position`), making room by forgetting the oldest.
 * When the storage refuses the write, what it held stays as it was.
 */
export function saveArticle(article: SavedArticle, storage: StorageLike | null = defaultStorage(), position = 0): SaveResult {
  const entry = toEntry(article);
  const size = (e: StoredEntry) => e.text.length + (e.title?.length ?? 0) + e.fix.length + 64;
  if (size(entry) > MAX_STORED_CHARS) {
    return { ok: false, error: 'This article is too long to be kept in the browser, so it will be gone after a reload: export it to keep it.' };
  }
  const others = readEntries(storage).filter((e) => e.key !== entry.key);
  const kept: StoredEntry[] = [];
  let total = size(entry);
  for (const e of others) {
    if (kept.length >= MAX_SAVED - 1 || total + size(e) > MAX_STORED_CHARS) continue;
    kept.push(e);
    total += size(e);
  }
  kept.splice(Math.min(position, kept.length), 0, entry);
  return writeEntries(storage, kept);
}

/** Records new corrections (and the place count they give) for a kept article; a no-op for one that is not kept. */
export function saveCorrections(key: string, corrections: Corrections, storage: StorageLike | null = defaultStorage(), placeCount?: number): void {
  const entries = readEntries(storage);
  const entry = entries.find((e) => e.key === key);
  if (!entry) return;
  entry.fix = serializeCorrections(corrections);
  if (placeCount !== undefined) entry.places = placeCount;
  writeEntries(storage, entries);
}

/** A deleted article and where it stood, so the deletion can be undone. */
export interface Forgotten {
  article: SavedArticle;
  position: number;
}

/** Deletes a kept article; returns it (for an undo), or null when it was not kept. */
export function forgetSaved(key: string, storage: StorageLike | null = defaultStorage()): Forgotten | null {
  const entries = readEntries(storage);
  const position = entries.findIndex((e) => e.key === key);
  if (position < 0) return null;
  const result = writeEntries(storage, entries.filter((e) => e.key !== key));
  return result.ok ? { article: toSaved(entries[position]), position } : null;
}

/** Undoes `forgetSaved`: the article back where it stood. */
export function restoreSaved(forgotten: Forgotten, storage: StorageLike | null = defaultStorage()): SaveResult {
  return saveArticle(forgotten.article, storage, forgotten.position);
}
