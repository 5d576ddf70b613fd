// Folding, sentence splitting and input preparation: table-driven, the input in every message.
import { describe, expect, it } from 'vitest';
import { fold } from '../../geo/text/fold.ts';
import { MAX_SENTENCE_CHARS, sentenceAt, splitSentences } from '../../geo/text/sentences.ts';
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
    ['Line one.\r\nLine two\r\n\r\nThree', ['Line one.', 'Line two', 'Three']],
    ['Old Mac\rline ends', ['Old Mac', 'line ends']],
    [' \u2003\n\u3000\t\n\u2029 \f\v \n', []],
  ])('%j', (text, expected) => {
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text), text).toEqual(expected);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('cuts a sentence longer than a statement can be into windows at word boundaries', () => {
    const text = `${'Word '.repeat(700)}end.`;
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(1);
    for (const s of sentences) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.text.startsWith('Word') || s.text === 'end.').toBe(true);
    }
    expect(sentences.map((s) => s.text).join(' ')).toBe(text);
  });

  it('cuts a text without spaces into bounded windows that still cover it', () => {
    const text = 'Paris,London;'.repeat(2000);
    const sentences = splitSentences(text);
    expect(Math.max(...sentences.map((s) => s.text.length))).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(sentences.map((s) => s.text).join('')).toBe(text);
  });

  it.each([
    ['a run of 100,000 dots', '.'.repeat(100_000)],
    ['100,000 dots between words', 'Word '.repeat(10) + '. '.repeat(100_000) + 'End.'],
    ['a run of stops and closing marks', 'He said "no' + '!?"'.repeat(30_000) + ' Then'],
  ])('looks at each stop once: %s', (_, text) => {
    const work = { scanned: 0 };
    splitSentences(text, work);
    expect(work.scanned).toBeLessThanOrEqual(2 * text.length);
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

  it('refuses a NUL byte anywhere, not only in the first 64 KB', () => {
    const bytes = new TextEncoder().encode('Baku. '.repeat(20000) + '\0' + 'more');
    expect(bytes.length).toBeGreaterThan(65536);
    expect(decodeBytes(bytes)).toMatchObject({ ok: false, error: expect.stringMatching(/NUL/) });
  });

  it.each([
    ['UTF-16LE with a byte-order mark', [0xff, 0xfe], 'utf-16le'],
    ['UTF-16BE with a byte-order mark', [0xfe, 0xff], 'utf-16be'],
    ['UTF-16LE without a byte-order mark', [], 'utf-16le'],
  ] as const)('reads %s as text', (_, bom, encoding) => {
    const text = 'Fighting near Shusha and Xankəndi.';
    const units = Array.from(text, (c) => c.charCodeAt(0));
    const body = units.flatMap((u) => (encoding === 'utf-16be' ? [u >> 8, u & 255] : [u & 255, u >> 8]));
    expect(decodeBytes(new Uint8Array([...bom, ...body]))).toEqual({ ok: true, text });
  });

  it('names UTF-16 when bytes that look like it do not decode', () => {
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8]))).toMatchObject({ ok: false, error: expect.stringMatching(/UTF-16LE/) });
  });

  it('reduces HTML to its text, dropping scripts, styles and handlers', () => {
    const { text, title } = htmlToText('<html><head><title>A &amp; B</title><style>p{}</style></head><body><script>alert(1)</script><p onclick="evil()">Fighting near <b>Shusha</b>&nbsp;&mdash; again.</p><!-- <p>hidden</p> --><p>Next</p></body></html>');
    expect(title).toBe('A & B');
    expect(text).toBe('Fighting near Shusha — again.\nNext');
  });

  it('detects HTML, markdown and plain text', () => {
    expect(prepareText('<p>One</p><p>Two</p><p>Three</p>')).toMatchObject({ ok: true, format: 'html', text: 'One\nTwo\nThree' });
    expect(prepareText('# Title\nBody')).toMatchObject({ ok: true, format: 'markdown', title: 'Title' });
    expect(prepareText('Plain\r\ntext')).toEqual({ ok: true, format: 'text', title: null, text: 'Plain\r\ntext' });
    expect(prepareText('# Title\r\nBody')).toEqual({ ok: true, format: 'markdown', title: 'Title', text: '# Title\r\nBody' });
  });

  it.each([
    ['20,000 titles never closed', '<title>'.repeat(20000) + '<p>x</p>'],
    ['60,000 empty titles', '<title></title>'.repeat(60000) + '<p>x</p>'],
    ['titles inside a long title', '<title>' + '<title>a '.repeat(20000) + '</title><p>x</p>'],
  ])('looks for the end of a title in one pass: %s', (_, html) => {
    const work = { titleSearch: 0 };
    htmlToText(html, work);
    expect(work.titleSearch).toBeLessThanOrEqual(html.length);
  });

  it('refuses text above the limit, naming the limit', () => {
    const result = prepareText('x'.repeat(MAX_INPUT_CHARS + 1));
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining(MAX_INPUT_CHARS.toLocaleString('en')) });
  });
});
