// Sentence splitting with character offsets, in one linear scan (no backtracking regex).
// Line breaks always end a sentence (bylines, datelines and credit lines sit on lines of
// their own); inside a line, . ! ? end one unless the word before is an abbreviation or an
// initial, or what follows does not start a sentence. A "sentence" longer than a reader can
// take in as one statement (a text without stops) is cut into windows at word boundaries, so
// that every statement, and so the output, stays bounded per mention.
import type { Sentence } from '../types.ts';

const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof sr jr st mt ft gen lt col maj capt sgt cpl adm cmdr gov sen rep rev hon pres supt insp ' +
    'inc ltd co corp bros dept univ assn est approx vs etc al no nos vol fig ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun ' +
    'u.s u.k u.n e.g i.e a.m p.m u.s.a d.c ave blvd rd').split(' '),
);

/** Words that, after an abbreviation such as "U.S.", show that a new sentence began. */
const SENTENCE_STARTERS = new Set('the a an in on at he she it they we i but and this that these those there his her its their officials police'.split(' '));

/** Longest statement, in UTF-16 code units: news sentences stay far below it. */
export const MAX_SENTENCE_CHARS = 1000;

/** Any Unicode white space other than a line break (those end sentences). */
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\u00a0' || (c !== '\n' && c !== '\r' && /\s/.test(c));
const isBreak = (c: string) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
const isClosing = (c: string) => c === '"' || c === '”' || c === '’' || c === "'" || c === ')' || c === ']' || c === '»';
const isUpperStart = (c: string) => c !== c.toLowerCase() || c === '"' || c === '“' || c === '‘' || c === "'" || c === '(' || c === '«' || (c >= '0' && c <= '9');

/** The word that ends at `end` (exclusive), lower-cased, without its final period. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !isSpace(text[start - 1]) && text[start - 1] !== '\n' && text[start - 1] !== '(') start--;
  return text.slice(start, end).toLowerCase().replace(/^["“‘'(]+/, '');
}

function wordAfter(text: string, start: number): string {
  let end = start;
  while (end < text.length && /[\p{L}]/u.test(text[end])) end++;
  return text.slice(start, end).toLowerCase();
}

function endsSentence(text: string, dot: number, next: number): boolean {
  if (next >= text.length || !isUpperStart(text[next])) return false;
  if (text[dot] !== '.') return true;
  const word = wordBefore(text, dot);
  if (/^\p{Lu}$/u.test(text[dot - 1] ?? '') && word.length === 1) return false; // an initial: "J. Smith"
  if (ABBREVIATIONS.has(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) {
    return SENTENCE_STARTERS.has(wordAfter(text, next));
  }
  return true;
}

/**
 * Where to cut a window of at most MAX_SENTENCE_CHARS from `s`: after the last space, else
 * after the last character that is neither a letter nor a digit, else at the limit (never
 * inside a surrogate pair).
 */
function windowEnd(text: string, s: number): number {
  const limit = s + MAX_SENTENCE_CHARS;
  for (let i = limit; i > s + MAX_SENTENCE_CHARS / 2; i--) if (isSpace(text[i - 1])) return i;
  for (let i = limit; i > s + MAX_SENTENCE_CHARS / 2; i--) if (!/[\p{L}\p{N}\p{M}]/u.test(text[i - 1])) return i;
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/** Split text into sentences whose offsets slice back to their text (trimmed of spaces). */
/** What `splitSentences` scanned beyond one look at each character, for tests of its cost. */
export interface SentenceWork {
  /** Characters scanned ahead of a stop: its run of stops and closing marks, and the spaces after it. */
  scanned: number;
}

export function splitSentences(text: string, work: SentenceWork = { scanned: 0 }): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && (isSpace(text[s]) || isBreak(text[s]))) s++;
    while (e > s && (isSpace(text[e - 1]) || isBreak(text[e - 1]))) e--;
    while (e - s > MAX_SENTENCE_CHARS) {
      const cut = windowEnd(text, s);
      let w = cut;
      while (w > s && isSpace(text[w - 1])) w--;
      out.push({ index: out.length, start: s, end: w, text: text.slice(s, w) });
      s = cut;
      while (s < e && isSpace(text[s])) s++;
    }
    if (e > s) out.push({ index: out.length, start: s, end: e, text: text.slice(s, e) });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (isBreak(c)) {
      push(i);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let end = i + 1;
    while (end < text.length && (isClosing(text[end]) || text[end] === '.' || text[end] === '!' || text[end] === '?')) end++;
    // A run of stops ("...", "?!") is decided once, by its first stop: looking again from each
    // of its stops would grow with the square of the run.
    const run = end;
    work.scanned += end - i;
    if (end >= text.length || !isSpace(text[end])) {
      i = run - 1;
      continue;
    }
    let next = end;
    while (next < text.length && isSpace(text[next])) next++;
    work.scanned += next - end;
    if (next < text.length && !isBreak(text[next]) && endsSentence(text, i, next)) push(end);
    i = run - 1;
  }
  push(text.length);
  return out;
}

/** The index of the sentence holding a character offset (binary search). */
export function sentenceAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (sentences[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
