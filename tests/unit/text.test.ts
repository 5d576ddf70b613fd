// Folding, sentence splitting and input preparation: table-driven, the input in every message.
import { describe, expect, it } from 'vitest';
import { fold } from '../../geo/text/fold.ts';
import { sentenceAt, splitSentences } from '../../geo/text/sentences.ts';
import { decodeBytes, htmlToText, prepareText, MAX_INPUT_CHARS } from '../../geo/text/input.ts';

describe('fold', () => {
  it.each([
    ['Xankəndi', 'xankandi'],
    ['Şuşa', 'susa'],
    ['Ağdam', 'agdam'],
    ['İstanbul', 'istanbul'],
    ['Xocalı', 'xocali'],
    ['Gəncə', 'ganca'],
    ['Çöl Üstü', 'col ustu'],
    ['KHANKENDI', 'khankendi'],
    ['Côte d’Ivoire', 'cote divoire'],
    ["People's Republic", 'peoples republic'],
    ['Nagorno-Karabakh', 'nagorno karabakh'],
    ['U.S.', 'u s'],
    ['  São   Paulo ', 'sao paulo'],
  ])('%s folds to %s', (name, key) => expect(fold(name), name).toBe(key));
});

describe('splitSentences', () => {
  it.each([
    ['Dr. Smith went home. He slept.', ['Dr. Smith went home.', 'He slept.']],
    ['He flew to the U.S. The trip was long.', ['He flew to the U.S.', 'The trip was long.']],
    ['Officials in the U.S. Senate agreed.', ['Officials in the U.S. Senate agreed.']],
    ['J. R. Ewing met them at 5 p.m. Sunday.', ['J. R. Ewing met them at 5 p.m. Sunday.']],
    ['"Go now!" he said. They left.', ['"Go now!" he said.', 'They left.']],
    ['By Jane Doe\nLONDON (AP) – It rained.\n*Writing by Sam', ['By Jane Doe', 'LONDON (AP) – It rained.', '*Writing by Sam']],
    ['She asked: why? Nobody knew.', ['She asked: why?', 'Nobody knew.']],
    ['', []],
  ])('%j', (text, expected) => {
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text), text).toEqual(expected);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('finds the sentence of an offset', () => {
    const sentences = splitSentences('One. Two. Three.');
    expect([0, 4, 5, 12, 15].map((o) => sentenceAt(sentences, o))).toEqual([0, 0, 1, 2, 2]);
  });
});

describe('input preparation', () => {
  it('refuses binary files and invalid UTF-8 with a reason', () => {
    expect(decodeBytes(new Uint8Array([80, 75, 3, 4, 0, 0]))).toMatchObject({ ok: false, error: expect.stringMatching(/not text/) });
    expect(decodeBytes(new Uint8Array([0x41, 0xc3, 0x28]))).toMatchObject({ ok: false, error: expect.stringMatching(/UTF-8/) });
    expect(decodeBytes(new TextEncoder().encode('\uFEFFXankəndi'))).toEqual({ ok: true, text: 'Xankəndi' });
  });

  it('reduces HTML to its text, dropping scripts, styles and handlers', () => {
    const { text, title } = htmlToText('<html><head><title>A &amp; B</title><style>p{}</style></head><body><script>alert(1)</script><p onclick="evil()">Fighting near <b>Shusha</b>&nbsp;&mdash; again.</p><!-- <p>hidden</p> --><p>Next</p></body></html>');
    expect(title).toBe('A & B');
    expect(text).toBe('Fighting near Shusha — again.\nNext');
  });

  it('detects HTML, markdown and plain text', () => {
    expect(prepareText('<p>One</p><p>Two</p><p>Three</p>')).toMatchObject({ ok: true, format: 'html', text: 'One\nTwo\nThree' });
    expect(prepareText('# Title\nBody')).toMatchObject({ ok: true, format: 'markdown', title: 'Title' });
    expect(prepareText('Plain\r\ntext')).toEqual({ ok: true, format: 'text', title: null, text: 'Plain\ntext' });
  });

  it('refuses text above the limit, naming the limit', () => {
    const result = prepareText('x'.repeat(MAX_INPUT_CHARS + 1));
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining(MAX_INPUT_CHARS.toLocaleString('en')) });
  });
});
