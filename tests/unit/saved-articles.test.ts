// Articles kept in localStorage: most recent first, bounded in number and size, tolerant of
// storage that is missing, full or edited by hand.
import { describe, expect, it } from 'vitest';
import { MAX_ARTICLE_CHARS } from '../../src/lib/article-limits.ts';
import { articleKey, forgetSaved, listSaved, loadSaved, MAX_SAVED, MAX_STORED_CHARS, restoreSaved, saveArticle, saveCorrections, type SavedArticle, type StorageLike } from '../../src/lib/saved-articles.ts';

function memory(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const article = (text: string, title: string | null = null): SavedArticle => ({ key: articleKey(title, text), title, text, corrections: {}, savedAt: null, placeCount: null });

describe('saved articles', () => {
  it('keeps an article and finds it by key', () => {
    const storage = memory();
    const a = { ...article('Officials met in Khojaly.', 'Talks'), corrections: { khojaly: { action: 'remove' as const } } };
    expect(saveArticle(a, storage)).toEqual({ ok: true });
    expect(loadSaved(a.key, storage)).toEqual(a);
    expect(loadSaved('00000000', storage)).toBeNull();
  });
  it('gives the same key for the same article, another for another title', () => {
    expect(articleKey('T', 'Baku.')).toBe(articleKey('T', 'Baku.'));
    expect(articleKey('T', 'Baku.')).not.toBe(articleKey(null, 'Baku.'));
    expect(articleKey(null, 'Baku.')).toMatch(/^[0-9a-f]{8}$/);
  });
  it('lists the most recent first and moves a reopened one to the front', () => {
    const storage = memory();
    const [a, b] = [article('A text.'), article('B text.')];
    saveArticle(a, storage);
    saveArticle(b, storage);
    expect(listSaved(storage).map((s) => s.text)).toEqual(['B text.', 'A text.']);
    saveArticle(a, storage);
    expect(listSaved(storage).map((s) => s.text)).toEqual(['A text.', 'B text.']);
  });
  it(`keeps at most ${MAX_SAVED}, forgetting the oldest`, () => {
    const storage = memory();
    for (let i = 0; i < MAX_SAVED + 2; i++) saveArticle(article(`Text ${i}.`), storage);
    const texts = listSaved(storage).map((s) => s.text);
    expect(texts).toHaveLength(MAX_SAVED);
    expect(texts[0]).toBe(`Text ${MAX_SAVED + 1}.`);
    expect(texts).not.toContain('Text 0.');
  });
  it('stays under its size budget by forgetting older articles', () => {
    const storage = memory();
    // Five of the longest articles allowed are more than the budget holds.
    const big = (c: string) => article(c.repeat(MAX_ARTICLE_CHARS));
    for (const c of 'abcde') saveArticle(big(c), storage);
    expect(5 * MAX_ARTICLE_CHARS).toBeGreaterThan(MAX_STORED_CHARS);
    expect(listSaved(storage).map((s) => s.text[0])).toEqual(['e', 'd', 'c']);
    expect(storage.data.get('article-atlas:articles:v1')!.length).toBeLessThan(MAX_STORED_CHARS + 1000);
  });
  it('records corrections and forgets on request', () => {
    const storage = memory();
    const a = article('Baku.');
    saveArticle(a, storage);
    saveCorrections(a.key, { baku: { action: 'choose', alternative: 1 } }, storage);
    expect(loadSaved(a.key, storage)?.corrections).toEqual({ baku: { action: 'choose', alternative: 1 } });
    forgetSaved(a.key, storage);
    expect(loadSaved(a.key, storage)).toBeNull();
    expect(storage.data.size).toBe(0);
  });

  it('says why when there is no storage or it is full, and never throws', () => {
    expect(saveArticle(article('Baku.'), null)).toEqual({ ok: false, error: expect.stringMatching(/reload/) });
    const full: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(saveArticle(article('Baku.'), full)).toEqual({ ok: false, error: expect.stringMatching(/full/) });
    const locked: StorageLike = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {},
      removeItem: () => {},
    };
    expect(listSaved(locked)).toEqual([]);
  });

  it.each([
    ['not JSON', '{'],
    ['not a list', '{"key":"x"}'],
    ['an entry with a wrong key', JSON.stringify([{ key: 'ffffffff', title: null, text: 'Baku.', fix: '' }])],
    ['an entry without text', JSON.stringify([{ key: articleKey(null, ''), title: null, fix: '' }])],
  ])('ignores storage holding %s', (_label, raw) => {
    const storage = memory();
    storage.setItem('article-atlas:articles:v1', raw);
    expect(listSaved(storage)).toEqual([]);
  });
  it('keeps the good entries beside a bad one', () => {
    const storage = memory();
    const good = article('Baku.');
    storage.setItem('article-atlas:articles:v1', JSON.stringify([{ key: good.key, title: null, text: 'Baku.', fix: '' }, { nonsense: true }]));
    expect(listSaved(storage)).toEqual([good]);
  });

  it('keeps when each article was opened and how many places it showed, and updates the count with corrections', () => {
    const storage = memory();
    const a = { ...article('Officials met in Khojaly and Baku.', 'Talks'), savedAt: Date.UTC(2025, 11, 2, 10, 31), placeCount: 2 };
    saveArticle(a, storage);
    expect(listSaved(storage)[0]).toMatchObject({ savedAt: Date.UTC(2025, 11, 2, 10, 31), placeCount: 2 });
    saveCorrections(a.key, { baku: { action: 'remove' } }, storage, 1);
    expect(listSaved(storage)[0]).toMatchObject({ placeCount: 1, corrections: { baku: { action: 'remove' } } });
  });

  it('deletes an article and puts it back where it stood on undo', () => {
    const storage = memory();
    for (const t of ['A.', 'B.', 'C.']) saveArticle(article(t), storage);
    const forgotten = forgetSaved(article('B.').key, storage);
    expect(forgotten).toEqual({ article: article('B.'), position: 1 });
    expect(listSaved(storage).map((s) => s.text)).toEqual(['C.', 'A.']);
    expect(restoreSaved(forgotten!, storage)).toEqual({ ok: true });
    expect(listSaved(storage).map((s) => s.text)).toEqual(['C.', 'B.', 'A.']);
    expect(forgetSaved('00000000', storage), 'nothing to delete').toBeNull();
  });

  it('loses nothing when a full storage refuses a new article', () => {
    const storage = memory();
    const kept = article('Kept before.');
    saveArticle(kept, storage);
    storage.setItem('someone-else', 'their data');
    const full = { ...storage, setItem: () => { throw new DOMException('quota', 'QuotaExceededError'); } };
    expect(saveArticle(article('New one.'), full)).toEqual({ ok: false, error: expect.stringMatching(/storage is full/) });
    expect(listSaved(storage)).toEqual([kept]);
    expect(storage.data.get('someone-else')).toBe('their data');
  });
});
