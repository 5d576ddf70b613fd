// The tagger with the committed model (geo/data/tagger.json) on sentences like the default article's.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { tokenize } from '../../geo/recognise/tokens.ts';
import { decodeBase64, decodeBase64Loop, loadTaggerModel, tagTokens } from '../../geo/recognise/tagger.ts';
import fc from 'fast-check';
import type { EntityType, NameClassLookup } from '../../geo/recognise/tagger.ts';

const model = loadTaggerModel(JSON.parse(readFileSync(new URL('../../geo/data/tagger.json', import.meta.url), 'utf8')));

/** A tiny stand-in gazetteer with the class semantics of the real one. */
const gazetteer: NameClassLookup = (folded) => ({ azerbaijan: 3, armenia: 3, karabakh: 3, baku: 2, khojaly: 1 })[folded] ?? 0;

function spansOf(text: string, lookup?: NameClassLookup): [EntityType, string][] {
  const tokens = tokenize(text);
  return tagTokens(tokens, model, lookup).map((s) => [s.type, text.slice(tokens[s.first]!.start, tokens[s.last]!.end)]);
}

describe('tagTokens', () => {
  // `gazetteerOnly`: names the GMB never saw (Karabakh) need the gazetteer features.
  const cases: { text: string; has: [EntityType, string][]; hasNot?: [EntityType, string][]; gazetteerOnly?: boolean }[] = [
    {
      text: 'ISTANBUL (AA) – Azerbaijani officials and representatives of the Armenian residents of Karabakh agreed Monday on the establishment of a joint working group.',
      has: [['GPE', 'Azerbaijani'], ['LOC', 'Karabakh']],
      hasNot: [['LOC', 'Azerbaijani']],
      gazetteerOnly: true,
    },
    {
      text: 'Ramin Mammadov met with representatives of the residents in the city of Khojaly.',
      has: [['PER', 'Ramin Mammadov'], ['LOC', 'Khojaly']],
    },
    {
      text: 'The envoy said Armenian officials met in Baku on Monday.',
      has: [['GPE', 'Armenian'], ['LOC', 'Baku']],
    },
    {
      text: 'The FDA said the drug was safe.',
      has: [],
      hasNot: [['LOC', 'FDA'], ['LOC', 'The FDA']],
    },
  ];
  for (const { text, has, hasNot = [], gazetteerOnly = false } of cases) {
    for (const lookup of gazetteerOnly ? [gazetteer] : [undefined, gazetteer]) {
      it(`finds ${JSON.stringify(has)} in ${JSON.stringify(text)} (${lookup ? 'with' : 'without'} gazetteer)`, () => {
        const spans = spansOf(text, lookup);
        for (const span of has) expect(spans, text).toContainEqual(span);
        for (const span of hasNot) expect(spans, text).not.toContainEqual(span);
      });
    }
  }

  it('returns spans within the tokens, with scores in 0..1', () => {
    const text = 'Officials from Baku and Yerevan met in Moscow, Russia, on Monday.';
    const tokens = tokenize(text);
    for (const s of tagTokens(tokens, model, gazetteer)) {
      expect(s.first <= s.last && s.first >= 0 && s.last < tokens.length, text).toBe(true);
      expect(s.score > 0 && s.score <= 1, text).toBe(true);
    }
  });

  it('labels text with no capital letters O', () => {
    expect(spansOf('nothing here is a name at all, just words'), 'lowercase').toEqual([]);
  });
});

describe('loadTaggerModel', () => {
  const bad: [string, unknown][] = [
    ['null', null],
    ['wrong format', { format: 'x', version: 1 }],
    ['wrong labels', { format: 'article-atlas-tagger', version: 1, labels: ['O'], hashBits: 22, scale: 1, rows: '', masks: '', values: '' }],
    ['truncated values', { format: 'article-atlas-tagger', version: 1, labels: ['O', 'B-LOC', 'I-LOC', 'B-GPE', 'I-GPE', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'], hashBits: 22, scale: 1, rows: 'AQ==', masks: 'Aw==', values: 'AQA=' }],
    ['a character outside base64', { format: 'article-atlas-tagger', version: 1, labels: ['O', 'B-LOC', 'I-LOC', 'B-GPE', 'I-GPE', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'], hashBits: 22, scale: 1, rows: 'AQ*=', masks: 'Aw==', values: 'AQA=' }],
  ];
  for (const [name, json] of bad) {
    it(`rejects ${name}`, () => {
      expect(() => loadTaggerModel(json), name).toThrow(/tagger model/);
    });
  }
});

describe('decodeBase64', () => {
  it("decodes as the platform-free loop does: the model's fields and any bytes", () => {
    const json = JSON.parse(readFileSync(new URL('../../geo/data/tagger.json', import.meta.url), 'utf8'));
    for (const field of ['rows', 'masks', 'values']) expect(Buffer.from(decodeBase64(json[field])).equals(Buffer.from(decodeBase64Loop(json[field]))), field).toBe(true);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        expect([...decodeBase64(text)]).toEqual([...bytes]);
        expect([...decodeBase64Loop(text)]).toEqual([...bytes]);
      }),
    );
  });

  it('throws on a character outside base64, where Buffer alone would skip it', () => {
    expect(() => decodeBase64('AQ*=')).toThrow(/tagger model: invalid base64/);
    expect(() => decodeBase64Loop('AQ*=')).toThrow(/tagger model: invalid base64/);
  });
});
