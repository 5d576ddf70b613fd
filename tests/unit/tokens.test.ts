// Tokenizer: offsets always slice back to the token, and GMB-style splitting of the cases the tagger relies on.
import { describe, it, expect } from 'vitest';
import { tokenize } from '../../geo/recognise/tokens.ts';

const texts = (s: string): string[] => tokenize(s).map((t) => t.text);

describe('tokenize splits like the GMB', () => {
  const cases: [string, string[]][] = [
    ['Ahmadbayli-Fuzuli-Shusha road', ['Ahmadbayli', '-', 'Fuzuli', '-', 'Shusha', 'road']],
    ['a Russia-brokered deal', ['a', 'Russia', '-', 'brokered', 'deal']],
    ['the U.S. and U.K. at 5 p.m.', ['the', 'U.S.', 'and', 'U.K.', 'at', '5', 'p.m.']],
    ['Dr. Aliyev visited St. Petersburg', ['Dr.', 'Aliyev', 'visited', 'St.', 'Petersburg']],
    ["Karabakh's residents", ['Karabakh', "'s", 'residents']],
    ['Azerbaijan’s army', ['Azerbaijan', '’s', 'army']],
    ['ISTANBUL (AA) – officials', ['ISTANBUL', '(', 'AA', ')', '–', 'officials']],
    ['war — peace', ['war', '—', 'peace']],
    ['"Baku" and “Shusha”', ['"', 'Baku', '"', 'and', '“', 'Shusha', '”']],
    ['Xankəndi, Şuşa and Ağdam.', ['Xankəndi', ',', 'Şuşa', 'and', 'Ağdam', '.']],
    ['1,000 people, 3.5 km', ['1,000', 'people', ',', '3.5', 'km']],
    ["O'Brien don't", ["O'Brien", 'do', "n't"]],
    ['U.S.-led forces', ['U.S.', '-', 'led', 'forces']],
    ['George W. Bush', ['George', 'W.', 'Bush']],
    ['end.', ['end', '.']],
  ];
  for (const [input, expected] of cases) {
    it(`tokenizes ${JSON.stringify(input)}`, () => {
      expect(texts(input), input).toEqual(expected);
    });
  }
});

/** Mulberry32, so a failing random string can be reproduced from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['a', 'Z', 'ə', 'ş', 'İ', '1', '.', ',', "'", '’', '-', '–', '—', '"', '“', ' ', '\n', '\t', '😀', '\u0301', 's', 'U', '$', '(', '\u00a0', '\ud800'];

function randomText(random: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return s;
}

describe('tokenize offsets', () => {
  it('slice back to the token text, in order and without overlap, on 500 adversarial strings', () => {
    const random = prng(7);
    for (let n = 0; n < 500; n++) {
      const input = randomText(random, 1 + Math.floor(random() * 60));
      let previousEnd = 0;
      for (const t of tokenize(input)) {
        expect(input.slice(t.start, t.end), JSON.stringify(input)).toBe(t.text);
        expect(t.start >= previousEnd && t.end > t.start, JSON.stringify(input)).toBe(true);
        expect(/\s/.test(t.text) && t.text.trim() === '', JSON.stringify(input)).toBe(false);
        previousEnd = t.end;
      }
    }
  });

  it('cover every non-space character', () => {
    const input = 'In the city of Khojaly, U.S.-led “talks” – 1,000.5 km² (ok)';
    const covered = tokenize(input).map((t) => t.text).join('');
    expect(covered, input).toBe(input.replace(/\s+/g, ''));
  });
});
