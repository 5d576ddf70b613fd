// Tokenizer for the recogniser: Penn-Treebank-like, so run-time tokens look like the GMB
// training tokens. A hand-written single-pass scanner (no backtracking regexes), linear in the text.

/** A token with end-exclusive character offsets: `text.slice(start, end) === token.text`. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations that keep their dot (lower case, without the dot). Single letters are initials. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'col', 'lt', 'sgt', 'capt', 'cpl', 'gov',
  'sen', 'rep', 'prof', 'rev', 'maj', 'adm', 'cmdr', 'pres', 'gens', 'messrs', 'inc', 'corp',
  'co', 'ltd', 'bros', 'mt', 'ft', 'ave', 'blvd', 'rd', 'no', 'vs', 'etc', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'dept', 'univ',
  'est', 'fig', 'mass', 'calif', 'fla', 'wash', 'penn', 'conn', 'ariz', 'mich', 'minn',
]);

const APOSTROPHE_CODES = new Set([0x27, 0x2019]); // ' and ’
const NON_ASCII_WORD = /[\p{L}\p{M}\p{N}]/u;

/** Letters, marks and digits of any script; ASCII is decided without a regex for speed. */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xd800 && c <= 0xdbff) return NON_ASCII_WORD.test(text.slice(i, i + 2));
  if (c >= 0xdc00 && c <= 0xdfff) return false; // a low surrogate is always consumed with its pair
  return NON_ASCII_WORD.test(text[i]!);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetterAt(text: string, i: number): boolean {
  return i < text.length && isWordChar(text, i) && !isDigit(text.charCodeAt(i));
}

function charLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 ||
    c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f;
}

/** End of a run of word characters starting at i. */
function scanWordChars(text: string, i: number): number {
  while (i < text.length && isWordChar(text, i)) i += charLength(text, i);
  return i;
}

/**
 * A dotted abbreviation starting at `start` (U.S., p.m., U.K., e.g.): single word characters each
 * followed by a dot, at least two of them. Returns its end or -1.
 */
function scanDotted(text: string, start: number): number {
  let i = start;
  let letters = 0;
  while (isLetterAt(text, i)) {
    const next = i + charLength(text, i);
    if (text.charCodeAt(next) !== 46) break; // each letter must carry its own '.'
    letters++;
    i = next + 1;
  }
  return letters >= 2 ? i : -1;
}

/** Scan a word token: letters and digits, internal apostrophes (O'Brien), numbers with , and . */
function scanWord(text: string, start: number): number {
  const dotted = scanDotted(text, start);
  if (dotted > 0) return dotted;
  let i = scanWordChars(text, start);
  for (;;) {
    const c = text.charCodeAt(i);
    const numeric = isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1));
    if ((c === 44 || c === 46) && numeric) {
      i = scanWordChars(text, i + 1); // 1,000 and 3.5
      continue;
    }
    if (APOSTROPHE_CODES.has(c) && isLetterAt(text, i + 1) && !isPossessive(text, i)) {
      i = scanWordChars(text, i + 1); // O'Brien, Ma'an
      continue;
    }
    break;
  }
  return withAbbreviationDot(text, start, i);
}

/** 's or ’s followed by a non-letter: the possessive clitic, its own token as in the GMB. */
function isPossessive(text: string, i: number): boolean {
  const s = text.charCodeAt(i + 1);
  return (s === 115 || s === 83) && !isLetterAt(text, i + 2);
}

/** Keep the dot of a known abbreviation (Dr., St.) or of an initial (George W. Bush). */
function withAbbreviationDot(text: string, start: number, end: number): number {
  if (text.charCodeAt(end) !== 46 || text.charCodeAt(end + 1) === 46) return end;
  const word = text.slice(start, end);
  const initial = end - start === 1 && /[A-Z]/.test(word);
  return initial || ABBREVIATIONS.has(word.toLowerCase()) ? end + 1 : end;
}

/** "n't" splits from its verb as in Penn Treebank (does n't); returns the split point or -1. */
function negationSplit(text: string, start: number, end: number): number {
  if (end - start < 4) return -1;
  const a = text.charCodeAt(end - 3);
  const b = text.charCodeAt(end - 2);
  const t = text.charCodeAt(end - 1);
  return (a === 110 || a === 78) && APOSTROPHE_CODES.has(b) && (t === 116 || t === 84) ? end - 3 : -1;
}

/** Length of a punctuation token at i: runs of dots and of hyphens stay together (..., --). */
function scanPunct(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 46 || c === 45) {
    let j = i + 1;
    while (text.charCodeAt(j) === c) j++;
    return j;
  }
  if (APOSTROPHE_CODES.has(c) && isPossessive(text, i)) return i + 2;
  return i + charLength(text, i);
}

/** Tokens this short recur ("the", ",", "Baku"): one string each per text, not one per occurrence. */
const MAX_INTERNED = 16;
const MAX_DISTINCT = 100_000;

/** Split text into tokens with offsets. Linear time; never throws. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Tokens are the largest structure of a geoparse (a fifth of a token per character of text):
  // sharing the strings of repeated words takes a third off their memory.
  const interned = new Map<string, string>();
  const push = (start: number, end: number): void => {
    let word = text.slice(start, end);
    if (end - start <= MAX_INTERNED) {
      const shared = interned.get(word);
      if (shared !== undefined) word = shared;
      else if (interned.size < MAX_DISTINCT) interned.set(word, word);
    }
    tokens.push({ text: word, start, end });
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (isWordChar(text, i)) {
      const end = scanWord(text, i);
      const split = negationSplit(text, i, end);
      if (split > 0) {
        push(i, split);
        push(split, end);
      } else push(i, end);
      i = end;
      continue;
    }
    const end = scanPunct(text, i);
    push(i, end);
    i = end;
  }
  return tokens;
}
