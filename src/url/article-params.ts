// The article's part of a link, in the fragment beside `map=` (issue 4): `article=<data>` carries a
// pasted text itself (packed by article-link.ts), `article=saved:<key>` names one kept in this
// browser, `fix=<id:alt,…>` holds the reader's corrections. The fragment never reaches a server,
// so a pasted article stays between the people who share it. Pure and synchronous; never throws.
import type { Corrections } from '../../geo/output/corrections.ts';
import { parseCorrections, serializeCorrections } from './fix-codec.ts';
import { hashParts, type UrlProblem } from './codec.ts';

/** Which article a link opens; none means the default article. */
export type ArticleRef = { kind: 'inline'; data: string } | { kind: 'saved'; key: string };

export interface ArticleParams {
  article: ArticleRef | null;
  /** null when the link has no `fix=`; `{}` for an empty one. */
  fix: Corrections | null;
  problems: UrlProblem[];
}

const ARTICLE_KEY = 'article';
const FIX_KEY = 'fix';
const SAVED_PREFIX = 'saved:';
/** An 8-hex-digit key made by articleKey() in saved-articles.ts. */
const SAVED_KEY = /^[0-9a-f]{8}$/;
/** base64url without padding, as written by article-link.ts. */
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** The smallest packed article (version, checksum and one word) is longer than this. */
const MIN_DATA_CHARS = 16;
/** Links longer than ours are read if a browser passed them on, up to a bound on the work. */
const MAX_DATA_CHARS = 2_000_000;
/** A few hundred corrections at most; more is not a reader's work. */
const MAX_FIX_CHARS = 20_000;

const DAMAGED = 'The article in this link is damaged or incomplete (it may have been cut off when it was copied); showing the default article instead.';

function hashValue(hash: string, key: string): string | null {
  const part = hashParts(hash).find((p) => p === key || p.startsWith(`${key}=`));
  return part === undefined ? null : part.slice(key.length + 1);
}

/** Reads `article=` and `fix=` from a URL's fragment. */
export function parseArticleParams(url: string | URL): ArticleParams {
  let hash: string;
  try {
    hash = new URL(String(url)).hash;
  } catch {
    return { article: null, fix: null, problems: [] };
  }
  const problems: UrlProblem[] = [];
  const article = parseArticleRef(hashValue(hash, ARTICLE_KEY), problems);
  const fix = parseFix(hashValue(hash, FIX_KEY), problems);
  return { article, fix, problems };
}

function parseArticleRef(raw: string | null, problems: UrlProblem[]): ArticleRef | null {
  if (raw === null) return null;
  const value = safeDecode(raw);
  if (value.startsWith(SAVED_PREFIX)) {
    const key = value.slice(SAVED_PREFIX.length);
    if (SAVED_KEY.test(key)) return { kind: 'saved', key };
    problems.push({ field: 'article', message: 'The link names a saved article that could not be read; showing the default article instead.' });
    return null;
  }
  if (value.length < MIN_DATA_CHARS || value.length > MAX_DATA_CHARS || !BASE64URL.test(value)) {
    problems.push({ field: 'article', message: DAMAGED });
    return null;
  }
  return { kind: 'inline', data: value };
}

function parseFix(raw: string | null, problems: UrlProblem[]): Corrections | null {
  if (raw === null) return null;
  // Not decoded as a whole: names inside it are percent-encoded, field by field (fix-codec.ts).
  const value = raw;
  if (value.length > MAX_FIX_CHARS) {
    problems.push({ field: 'fix', message: 'The corrections in the link are too long to be real; they were ignored.' });
    return null;
  }
  const { corrections, rejected } = parseCorrections(value);
  if (rejected > 0) {
    const n = rejected === 1 ? 'One correction' : `${rejected} corrections`;
    problems.push({ field: 'fix', message: `${n} in the link could not be read and ${rejected === 1 ? 'was' : 'were'} ignored.` });
  }
  return corrections;
}

/** The message for a packed article that fails to unpack (article-link.ts). */
export const DAMAGED_ARTICLE_MESSAGE = DAMAGED;

export interface ArticleParamsState {
  article: ArticleRef | null;
  fix: Corrections;
}

/** Writes `article=` and `fix=` into `baseUrl`'s fragment, after `map=`, keeping every other part. */
export function serializeArticleParams(state: ArticleParamsState, baseUrl: string | URL): string {
  const url = new URL(String(baseUrl));
  const ours = (p: string) => [ARTICLE_KEY, FIX_KEY].some((k) => p === k || p.startsWith(`${k}=`));
  const parts = hashParts(url.hash).filter((p) => !ours(p));
  if (state.article !== null) {
    parts.push(`${ARTICLE_KEY}=${state.article.kind === 'saved' ? `${SAVED_PREFIX}${state.article.key}` : state.article.data}`);
  }
  const fix = serializeCorrections(state.fix);
  if (fix !== '') parts.push(`${FIX_KEY}=${fix}`);
  url.hash = parts.join('&');
  return url.href;
}

/** What the address bar knows of the article shown. */
export interface ShownArticle {
  /** The reader's article's key, or null for the default article. */
  key: string | null;
  /** Whether it is kept in this browser's storage under that key. */
  kept: boolean;
  /** Its packed form (`packArticle`), once packed. */
  packed: string | null;
}

/**
 * Which article part the address bar holds, so that it works wherever it is opened: the article
 * itself when the whole link fits the link limit; otherwise its saved key, if it is kept; otherwise
 * (storage full) the article itself anyway, the only form that reopens it. 'pending' while the
 * article is being packed and there is no key to name: leave the address bar's as it is.
 */
export function addressArticle(shown: ShownArticle, fits: (ref: ArticleRef) => boolean): ArticleRef | null | 'pending' {
  if (shown.key === null) return null;
  const inline: ArticleRef | null = shown.packed === null ? null : { kind: 'inline', data: shown.packed };
  if (inline && fits(inline)) return inline;
  if (shown.kept) return { kind: 'saved', key: shown.key };
  return inline ?? 'pending';
}

/** Whether a link's article is the one shown (both none, the same saved key, or the same packed text). */
export function sameArticle(a: ArticleRef | null, shown: ShownArticle | string | null): boolean {
  const s: ShownArticle = typeof shown === 'object' && shown !== null ? shown : { key: shown, kept: shown !== null, packed: null };
  if (a === null) return s.key === null;
  if (a.kind === 'saved') return a.key === s.key;
  return s.packed !== null && a.data === s.packed;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
