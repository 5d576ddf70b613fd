// Name folding: one key for every spelling of a name, so that Xankəndi, Khankendi's and
// "KHANKENDI" meet in the gazetteer. Used at build time (keys) and at run time (lookups).

/** Letters that Unicode decomposition does not reduce to ASCII. */
const SPECIAL: Record<string, string> = {
  ə: 'a', Ə: 'a', ı: 'i', İ: 'i', ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ð: 'd',
  þ: 'th', ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ħ: 'h', ŧ: 't', ŋ: 'ng',
};

const APOSTROPHES = /['’ʼ`´ʻ‘]/g;
const COMBINING = /[\u0300-\u036f]/g;
const SEPARATORS = /[\s\-‐‑‒–—_.,/]+/g;

/**
 * Fold a name to its lookup key: lower case, no diacritics, apostrophes dropped,
 * hyphens, dots and runs of spaces turned into one space. `fold("Xankəndi") === "xankandi"`.
 */
export function fold(name: string): string {
  if (isPlainWords(name)) return name.toLowerCase();
  // ASCII ("U.S.", "Nagorno-Karabakh", "Khankendi's") decomposes to itself, and no special or
  // combining letter is ASCII: only case, apostrophes and separators remain.
  if (isAscii(name)) return name.toLowerCase().replace(APOSTROPHES, '').replace(SEPARATORS, ' ').trim();
  let out = '';
  for (const ch of name.normalize('NFD')) out += SPECIAL[ch] ?? ch;
  return out
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(SEPARATORS, ' ')
    .trim();
}

/** ASCII letters and digits in words separated by single spaces fold to their lower case: skip the Unicode work. */
function isPlainWords(s: string): boolean {
  if (!s.length) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!alnum && !(c === 32 && i > 0 && i < s.length - 1 && s.charCodeAt(i - 1) !== 32)) return false;
  }
  return true;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** True when a string has only Latin letters (with diacritics), digits and punctuation: names an English article can use. */
export function isLatinName(name: string): boolean {
  return /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}ʼ`´]+$/u.test(name);
}
