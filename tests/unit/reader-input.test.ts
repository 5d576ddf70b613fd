// What a reader brings: pasted text and files become a title and plain text, or a precise message.
import { describe, expect, it } from 'vitest';
import { MAX_ARTICLE_CHARS, checkArticleText } from '../../src/lib/article-limits.ts';
import { headline, readArticleFile as readFileWith, readPastedText as readWith, type ReadOptions } from '../../src/lib/reader-input.ts';
import { prepareText } from '../../geo/text/input.ts';

// The app prepares text in its worker; here the same function runs in Node, and each call is counted.
let prepared = 0;
const inNode: ReadOptions = { prepare: async (raw) => (prepared++, prepareText(raw)) };
const readPastedText = (raw: string, options: ReadOptions = {}) => readWith(raw, { ...inNode, ...options });
const readArticleFile = (blob: Blob & { name: string }) => readFileWith(blob, inNode);

const file = (name: string, content: string | Uint8Array, type = '') =>
  Object.assign(new Blob([content as BlobPart], { type }), { name });

describe('readPastedText', () => {
  it('keeps plain text as it is, without a title', async () => {
    expect(await readPastedText('Officials met in Khojaly.\nThen in Baku.')).toEqual({
      ok: true,
      kind: 'text',
      article: { title: null, text: 'Officials met in Khojaly.\nThen in Baku.' },
    });
  });
  it('takes a Markdown heading as the title', async () => {
    const input = await readPastedText('# Talks in Khojaly\n\nOfficials met in Khojaly.');
    expect(input.ok && input.kind === 'text' && input.article.title).toBe('Talks in Khojaly');
  });
  it('reduces HTML to its text, drops scripts and handlers, and keeps the title', async () => {
    const html = '<html><head><title>Talks &amp; more</title><script>alert(1)</script></head><body><p onclick="alert(2)">Officials met in <b>Khojaly</b>.</p><script>alert(3)</script><p>Then <img src=x onerror="alert(4)">Baku.</p></body></html>';
    const input = await readPastedText(html);
    expect(input.ok && input.kind === 'text').toBe(true);
    if (!input.ok || input.kind !== 'text') return;
    expect(input.article.title).toBe('Talks & more');
    expect(input.article.text).toBe('Officials met in Khojaly.\nThen Baku.');
    expect(input.article.text).not.toMatch(/alert|onerror|onclick|</);
  });

  it.each([
    ['', /no text/],
    ['   \n\t  ', /no text/],
    ['<html><body><script>alert(1)</script></body></html>', /no readable text/],
  ])('refuses %j', async (raw, message) => {
    const input = await readPastedText(raw);
    expect(input.ok).toBe(false);
    if (!input.ok) expect(input.error).toMatch(message);
  });

  it('refuses a text above the limit, naming the limit', async () => {
    const input = await readPastedText('a'.repeat(MAX_ARTICLE_CHARS + 1));
    expect(input).toEqual({ ok: false, error: expect.stringContaining(MAX_ARTICLE_CHARS.toLocaleString('en')) });
  });
  it('takes a text exactly at the limit', async () => {
    expect((await readPastedText('a '.repeat(MAX_ARTICLE_CHARS / 2))).ok).toBe(true);
  });
  it('refuses a huge paste before preparing it', async () => {
    const before = prepared;
    const input = await readPastedText('<p>x</p>'.repeat(MAX_ARTICLE_CHARS));
    expect(input.ok).toBe(false);
    expect(prepared, 'not sent to be prepared').toBe(before);
  });
  it('prepares the text with the function it is given (the worker in the app), not on its own', async () => {
    const input = await readWith('<p>Officials met in <b>Khojaly</b>.</p><p>a</p><p>b</p>', { prepare: async () => ({ ok: true, text: 'from the worker', title: null, format: 'html' }) });
    expect(input).toEqual({ ok: true, kind: 'text', article: { title: null, text: 'from the worker' } });
  });
  it('passes on why the preparer refused', async () => {
    expect(await readWith('Baku.', { prepare: async () => ({ ok: false, error: 'The geoparser could not start in this browser.' }) })).toEqual({ ok: false, error: 'The geoparser could not start in this browser.' });
  });
  it('takes a pasted headline as the title, before a file name', async () => {
    const input = await readPastedText('Storms in the Caucasus\nStorms hit Georgia on Tuesday.', { fallbackTitle: 'storms' });
    expect(input.ok && input.kind === 'text' && input.article).toEqual({ title: 'Storms in the Caucasus', text: 'Storms in the Caucasus\nStorms hit Georgia on Tuesday.' });
  });
});

describe('headline', () => {
  it.each<[string, string, string | null]>([
    ['a short first line', 'Storms in the Caucasus\nStorms hit Georgia.', 'Storms in the Caucasus'],
    ['a question', 'Is Karabakh next?\nOfficials said no.', 'Is Karabakh next?'],
    ['a line with Windows line ends', 'Floods in Sudan\r\nRain fell.', 'Floods in Sudan'],
    ['a first sentence', 'Storms hit Georgia on Tuesday.\nRoads were closed.', null],
    ['a dateline', 'BAKU, Azerbaijan —\nOfficials met.', null],
    ['a line ending with a colon', 'Officials said:\nNothing.', null],
    ['a lower-case start', 'storms in the caucasus\nStorms hit.', null],
    ['one line only', 'Storms in the Caucasus', null],
    ['nothing after the line', 'Storms in the Caucasus\n  \n', null],
    ['a line too long for a headline', `${'Word '.repeat(40)}\nText.`, null],
  ])('%s', (_label, text, expected) => {
    expect(headline(text)).toBe(expected);
  });
});

describe('checkArticleText', () => {
  it.each([
    ['Baku.', null],
    ['', /empty/],
    [' \n ', /empty/],
    ['x'.repeat(MAX_ARTICLE_CHARS + 1), /limit is 500,000/],
  ])('%#', (text, expected) => {
    const problem = checkArticleText(text);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('readArticleFile', () => {
  it('reads a .txt file, taking its name as the title', async () => {
    expect(await readArticleFile(file('talks_in-khojaly.txt', 'Officials met in Khojaly.'))).toEqual({
      ok: true,
      kind: 'text',
      article: { title: 'talks in khojaly', text: 'Officials met in Khojaly.' },
    });
  });
  it('prefers the HTML title to the file name', async () => {
    const input = await readArticleFile(file('page.html', '<html><head><title>Talks</title></head><body><p>Officials met in Khojaly.</p></body></html>'));
    expect(input.ok && input.kind === 'text' && input.article.title).toBe('Talks');
  });
  it('drops a UTF-8 byte-order mark', async () => {
    const input = await readArticleFile(file('a.md', '\uFEFFBaku.'));
    expect(input.ok && input.kind === 'text' && input.article.text).toBe('Baku.');
  });
  it('reads a file with a text type whatever its name', async () => {
    expect((await readArticleFile(file('clipboard', 'Baku.', 'text/plain'))).ok).toBe(true);
  });

  it.each([
    ['a PDF by its name', file('article.pdf', '%PDF-1.4'), /not a text file/],
    ['an image by its name', file('photo.png', new Uint8Array([137, 80, 78, 71, 0, 0])), /not a text file/],
    ['binary bytes in a .txt', file('a.txt', new Uint8Array([0x41, 0x00, 0x42, 0x43])), /not text/],
    ['invalid UTF-8 in a .txt', file('a.txt', new Uint8Array([0x41, 0xff, 0xfe, 0x42])), /UTF-8/],
    ['an empty file', file('a.txt', ''), /empty/],
    ['a file far above the limit', file('a.txt', 'x'.repeat(MAX_ARTICLE_CHARS * 4 + 1)), /limited to 500,000 characters/],
    ['a file just above the limit', file('a.txt', 'x'.repeat(MAX_ARTICLE_CHARS + 1)), /limit is 500,000/],
    ['JSON that is not GeoJSON', file('a.json', '{"hello": 1}'), /not a GeoJSON FeatureCollection/],
    ['GeoJSON without the article', file('a.geojson', '{"type":"FeatureCollection","features":[]}'), /not a GeoJSON exported from Article Atlas/],
    ['broken JSON', file('a.geojson', '{"type":'), /not valid JSON/],
  ])('refuses %s with a message', async (_label, blob, message) => {
    const input = await readArticleFile(blob);
    expect(input.ok).toBe(false);
    if (!input.ok) expect(input.error).toMatch(message);
  });
});
