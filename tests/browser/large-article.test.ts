// A reader's article at the app's limit (500,000 characters, about 80,000 words) end to end in
// the browser: pasted, geoparsed in the worker, every place listed and drawn, the whole text
// laid out, and a place clicked shows each of its statements. No clock: it may take a while on
// a busy machine; tests/bench/large-article-bench.ts prints how long and how much memory.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HANG_GUARD_MS, launchChromium, openApp, panelHeading, panelStatements, sentencesMentioning, sourcePlaces, until } from './helpers.ts';
import { listedIds, submitText, waitForReaderArticle } from './article-helpers.ts';
import { largeArticle } from '../bench/large-article.ts';
import { MAX_ARTICLE_CHARS } from '../../src/lib/article-limits.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('an article of 500,000 characters', () => {
  it('is pasted, geoparsed in the worker and drawn; a place clicked in the list shows every statement about it', async () => {
    const { text } = largeArticle(MAX_ARTICLE_CHARS);
    expect(text.length).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
    expect(text.length).toBeGreaterThan(MAX_ARTICLE_CHARS - 1000);
    const app = await openApp(browser, inject('baseURL'));
    try {
      await submitText(app.page, text);
      // Twice the hang guard: this is the suite's longest single wait (minutes on a loaded machine).
      await waitForReaderArticle(app.page, 2 * HANG_GUARD_MS);

      const ids = await listedIds(app.page);
      expect(ids).toEqual(expect.arrayContaining(['nairobi', 'tokyo', 'buenos-aires', 'khojaly', 'geneva']));
      const drawn = await until(() => sourcePlaces(app.page), (places) => places.length === ids.length);
      expect(drawn.map((p) => p.id).sort(), 'every listed place is drawn').toEqual([...ids].sort());
      const lastParagraph = text.slice(text.lastIndexOf('\n') + 1);
      expect(await app.page.locator('#article').textContent(), 'the whole text is laid out').toContain(lastParagraph);

      await app.page.locator('#place-list [data-place-id="nairobi"]').click();
      expect(await until(() => panelHeading(app.page), (h) => h === 'Nairobi')).toBe('Nairobi');
      const expected = sentencesMentioning(text, 'Nairobi');
      const statements = await until(() => panelStatements(app.page), (s) => s.length > 0);
      expect(statements.length, 'one statement per sentence naming Nairobi').toBe(expected.length);
      expect(statements[0]!.text).toBe(`1 of ${expected.length} ${expected[0]}`);
      expect(statements.at(-1)!.text).toBe(`${expected.length} of ${expected.length} ${expected.at(-1)}`);
      expect(statements.every((s) => s.marks.includes('Nairobi'))).toBe(true);

      expect(app.pageErrors).toEqual([]);
      expect(app.cspViolations).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
