// The article's part of a link: `article=` (a packed text or a saved key) and `fix=` beside the
// issue-3 contract (`?place=&s=#map=`), and packing a text into a fragment and back.
import { describe, expect, it } from 'vitest';
import { checksum, fromBase64url, linkTooLong, MAX_LINK_CHARS, packArticle, toBase64url, unpackArticle } from '../../src/url/article-link.ts';
import { addressArticle, parseArticleParams, sameArticle, serializeArticleParams, type ArticleParams, type ArticleRef, type ShownArticle } from '../../src/url/article-params.ts';
import { parseLocation, serializeState } from '../../src/url/codec.ts';

const BASE = 'https://news.example/atlas/';
const DATA = 'q1ZKUbJSMDRQ0lFKS8zJT9FRUNKxAAA'; // any base64url of 16+ characters parses; unpacking is tested below

describe('parseArticleParams: valid fragments', () => {
  const rows: [string, Omit<ArticleParams, 'problems'>][] = [
    ['', { article: null, fix: null }],
    ['#map=6/40/47', { article: null, fix: null }],
    [`#map=6/40/47&article=${DATA}`, { article: { kind: 'inline', data: DATA }, fix: null }],
    [`#article=${DATA}&map=6/40/47`, { article: { kind: 'inline', data: DATA }, fix: null }],
    ['#article=saved:0a1b2c3d', { article: { kind: 'saved', key: '0a1b2c3d' }, fix: null }],
    ['#article=saved%3A0a1b2c3d', { article: { kind: 'saved', key: '0a1b2c3d' }, fix: null }],
    ['#fix=', { article: null, fix: {} }],
    ['#fix=baku:x', { article: null, fix: { baku: { action: 'remove' } } }],
    ['#map=6/40/47&fix=khojaly:1,baku:x', { article: null, fix: { khojaly: { action: 'choose', alternative: 1 }, baku: { action: 'remove' } } }],
    ['?place=baku&s=1#fix=shusha:0', { article: null, fix: { shusha: { action: 'choose', alternative: 0 } } }],
  ];
  it.each(rows)('%s', (fragment, expected) => {
    const parsed = parseArticleParams(BASE + fragment);
    expect(parsed.problems, `problems for ${fragment}`).toEqual([]);
    expect({ article: parsed.article, fix: parsed.fix }, `params for ${fragment}`).toEqual(expected);
  });
});

describe('parseArticleParams: malformed fragments are dropped with a problem, never thrown', () => {
  const rows: [string, 'article' | 'fix'][] = [
    ['#article=', 'article'],
    ['#article', 'article'],
    ['#article=abc', 'article'],
    [`#article=${DATA.slice(0, 15)}`, 'article'],
    [`#article=${DATA}!`, 'article'],
    [`#article=${DATA}%2B`, 'article'],
    [`#article=${DATA}=`, 'article'],
    ['#article=saved:', 'article'],
    ['#article=saved:0a1b2c3', 'article'],
    ['#article=saved:0A1B2C3D', 'article'],
    ['#article=saved:0a1b2c3d9', 'article'],
    ['#fix=baku', 'fix'],
    ['#fix=baku:y', 'fix'],
    ['#fix=Baku:x', 'fix'],
    ['#fix=baku:1:2', 'fix'],
    ['#fix=baku:123', 'fix'],
    [`#fix=${'a:x,'.repeat(7000)}`, 'fix'],
  ];
  it.each(rows)('%s', (fragment, field) => {
    const parsed = parseArticleParams(BASE + fragment);
    expect(parsed.problems.map((p) => p.field), `problem fields for ${fragment}`).toEqual([field]);
    expect(parsed.problems[0].message.length, `message for ${fragment}`).toBeGreaterThan(0);
    if (field === 'article') expect(parsed.article, `article for ${fragment}`).toBeNull();
  });

  it('keeps the readable corrections of a partly broken fix', () => {
    const parsed = parseArticleParams(`${BASE}#fix=baku:x,nope,khojaly:2`);
    expect(parsed.fix).toEqual({ baku: { action: 'remove' }, khojaly: { action: 'choose', alternative: 2 } });
    expect(parsed.problems.map((p) => p.field)).toEqual(['fix']);
  });

  it.each(['not a url', '', '::::'])('an unparseable URL %j has no article and no problem of its own', (input) => {
    expect(parseArticleParams(input)).toEqual({ article: null, fix: null, problems: [] });
  });
});

describe('serializeArticleParams', () => {
  const view = { zoom: 6.923, lat: 39.78312, lng: 48.30944, bearing: 0, pitch: 0 };

  it('writes article and fix after map=, keeping the issue-3 contract intact', () => {
    const base = serializeState({ place: 'khojaly', statement: 2, view }, BASE);
    const out = serializeArticleParams({ article: { kind: 'inline', data: DATA }, fix: { baku: { action: 'remove' } } }, base);
    expect(out).toBe(`${BASE}?place=khojaly&s=2#map=6.92/39.783/48.309&article=${DATA}&fix=baku:x`);
    expect(parseLocation(out).state).toEqual({ place: 'khojaly', statement: 2, view: { zoom: 6.92, lat: 39.783, lng: 48.309, bearing: 0, pitch: 0 } });
    expect(parseLocation(out).problems).toEqual([]);
  });
  it('writes a saved article by its key', () => {
    expect(serializeArticleParams({ article: { kind: 'saved', key: '0a1b2c3d' }, fix: {} }, BASE)).toBe(`${BASE}#article=saved:0a1b2c3d`);
  });
  it('removes article and an empty fix, and keeps other hash parts', () => {
    const out = serializeArticleParams({ article: null, fix: {} }, `${BASE}?lang=en#map=1/2/3&article=${DATA}&other=1&fix=baku:x`);
    expect(out).toBe(`${BASE}?lang=en#map=1/2/3&other=1`);
  });
  it('leaves a link without article parts exactly as it was', () => {
    const link = `${BASE}?place=baku&s=1#map=8/40.4/49.87`;
    expect(serializeArticleParams({ article: null, fix: {} }, link)).toBe(link);
  });
  it('sorts corrections, so the same corrections give the same link', () => {
    const a = serializeArticleParams({ article: null, fix: { shusha: { action: 'remove' }, baku: { action: 'choose', alternative: 1 } } }, BASE);
    const b = serializeArticleParams({ article: null, fix: { baku: { action: 'choose', alternative: 1 }, shusha: { action: 'remove' } } }, BASE);
    expect(a).toBe(b);
    expect(a).toBe(`${BASE}#fix=baku:1,shusha:x`);
  });
  it('round-trips through parseArticleParams', () => {
    const state = { article: { kind: 'inline' as const, data: DATA }, fix: { khankendi: { action: 'choose' as const, alternative: 3 } } };
    const parsed = parseArticleParams(serializeArticleParams(state, `${BASE}#map=5/40/49`));
    expect({ article: parsed.article, fix: parsed.fix }).toEqual(state);
  });
});

describe('addressArticle: what the address bar names', () => {
  const fits = () => true;
  const tooLong = (ref: ArticleRef) => ref.kind !== 'inline';
  it.each<[string, ShownArticle, (ref: ArticleRef) => boolean, ArticleRef | null | 'pending']>([
    ['the default article', { key: null, kept: false, packed: null }, fits, null],
    ['a short article: the article itself', { key: '0a1b2c3d', kept: true, packed: DATA }, fits, { kind: 'inline', data: DATA }],
    ['a long kept article: its key', { key: '0a1b2c3d', kept: true, packed: DATA }, tooLong, { kind: 'saved', key: '0a1b2c3d' }],
    ['a kept article not yet packed: its key', { key: '0a1b2c3d', kept: true, packed: null }, fits, { kind: 'saved', key: '0a1b2c3d' }],
    ['a long article not kept (storage full): never its key', { key: '0a1b2c3d', kept: false, packed: DATA }, tooLong, { kind: 'inline', data: DATA }],
    ['an article neither kept nor packed yet', { key: '0a1b2c3d', kept: false, packed: null }, fits, 'pending'],
  ])('%s', (_label, shown, fit, expected) => {
    expect(addressArticle(shown, fit)).toEqual(expected);
  });
});

describe('sameArticle', () => {
  it.each([
    [null, null, true],
    [null, '0a1b2c3d', false],
    [{ kind: 'saved' as const, key: '0a1b2c3d' }, '0a1b2c3d', true],
    [{ kind: 'saved' as const, key: '0a1b2c3d' }, null, false],
    [{ kind: 'saved' as const, key: '0a1b2c3d' }, 'ffffffff', false],
    [{ kind: 'inline' as const, data: DATA }, '0a1b2c3d', false],
    [{ kind: 'inline' as const, data: DATA }, { key: '0a1b2c3d', kept: false, packed: DATA }, true],
    [{ kind: 'inline' as const, data: DATA }, { key: '0a1b2c3d', kept: true, packed: 'other' }, false],
  ])('%j with %j -> %s', (ref, key, same) => {
    expect(sameArticle(ref, key)).toBe(same);
  });
});

describe('packing an article into a link', () => {
  const article = { title: 'Talks in Khankendi – Xankəndi', text: 'Officials met in Khojaly on Monday.\nThey drove on to Shusha (Şuşa) and to Baku. “Good talks,” one said. 🙂' };

  it('round-trips title and text exactly, Unicode included', async () => {
    const data = await packArticle(article);
    expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await unpackArticle(data)).toEqual({ ok: true, article });
  });
  it('round-trips a text without a title', async () => {
    const plain = { title: null, text: 'Baku.' };
    expect(await unpackArticle(await packArticle(plain))).toEqual({ ok: true, article: plain });
  });
  it('is deterministic: the same article gives the same link', async () => {
    expect(await packArticle(article)).toBe(await packArticle({ ...article }));
  });
  it('compresses running text to well under its length', async () => {
    const text = 'Azerbaijani officials met representatives of the Armenian residents of Karabakh in Khojaly. '.repeat(40);
    expect((await packArticle({ title: null, text })).length).toBeLessThan(text.length / 4);
  });

  it.each([
    ['cut in half', (d: string) => d.slice(0, Math.floor(d.length / 2))],
    ['missing its last characters', (d: string) => d.slice(0, -3)],
    ['one character changed', (d: string) => d.slice(0, 20) + (d[20] === 'A' ? 'B' : 'A') + d.slice(21)],
    ['not base64url', (d: string) => d.replace(/.$/, '*')],
    ['empty', () => ''],
  ])('refuses a link %s with the damaged-link message', async (_label, damage) => {
    const result = await unpackArticle(damage(await packArticle(article)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/damaged or incomplete/);
  });

  it('never shows a changed article for characters appended after a complete payload', async () => {
    // Deflate marks its own end, and some engines ignore what follows it: then the text is intact.
    const result = await unpackArticle((await packArticle(article)) + 'AAAA');
    if (result.ok) expect(result.article).toEqual(article);
  });
  it('refuses a well-formed payload whose checksum does not match', async () => {
    const json = JSON.stringify({ v: 1, title: null, text: 'Baku is the capital.', sum: checksum('Baku is the capital!') });
    const bytes = await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    const result = await unpackArticle(toBase64url(new Uint8Array(bytes)));
    expect(result.ok).toBe(false);
  });
  it('refuses a payload of another version with its own message', async () => {
    const json = JSON.stringify({ v: 2, title: null, text: 'Baku.', sum: checksum('Baku.') });
    const bytes = await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    const result = await unpackArticle(toBase64url(new Uint8Array(bytes)));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/newer version/) });
  });
  it('stops unpacking a payload that inflates beyond reason', async () => {
    const json = JSON.stringify({ v: 1, title: null, text: ' '.repeat(9_000_000), sum: '' });
    const bytes = await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    const data = toBase64url(new Uint8Array(bytes));
    expect(data.length).toBeLessThan(20_000);
    expect((await unpackArticle(data)).ok).toBe(false);
  });
});

describe('base64url and checksum', () => {
  it.each([[[]], [[0]], [[255, 254, 253]], [[1, 2, 3, 4, 5]], [Array.from({ length: 70_000 }, (_, i) => i % 256)]])('round-trips %#', (bytes) => {
    const encoded = toBase64url(new Uint8Array(bytes));
    expect(encoded).not.toMatch(/[+/=]/);
    expect([...(fromBase64url(encoded) ?? [])]).toEqual(bytes);
  });
  it.each(['a', 'abcde', 'ab+c', 'ab/c', 'ab=c', 'ab c'])('refuses %j', (value) => {
    expect(fromBase64url(value)).toBeNull();
  });
  it('gives FNV-1a: the known value of the empty string, 8 hex digits, different for a changed letter', () => {
    expect(checksum('')).toBe('811c9dc5');
    expect(checksum('Baku')).toMatch(/^[0-9a-f]{8}$/);
    expect(checksum('Baku')).not.toBe(checksum('Bakü'));
  });
});

describe('the safe link length', () => {
  it.each([
    [MAX_LINK_CHARS, false],
    [MAX_LINK_CHARS + 1, true],
    [100, false],
  ])('a link of %i characters is too long: %s', (length, tooLong) => {
    expect(linkTooLong('x'.repeat(length))).toBe(tooLong);
  });
});
