// Malformed links are ignored with a visible notice; the app still loads and works.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, panelStatements, placeIdByName, until } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

function noticeText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const notice = document.querySelector<HTMLElement>('#notice');
    if (!notice || notice.hidden || notice.getClientRects().length === 0) return '';
    const style = getComputedStyle(notice);
    if (style.visibility === 'hidden' || style.display === 'none' || style.opacity === '0') return '';
    return (notice.textContent ?? '').trim();
  });
}

const malformed = [
  ['an unknown place', '?place=nowhere'],
  ['a truncated place id', '?place=khoj'],
  ['a statement number past the end', '?place=khojaly&s=99'],
  ['a statement number that is not a number', '?place=khojaly&s=two'],
  ['a view that is not numbers', '#map=abc'],
  ['a view out of range', '#map=8/95/200'],
  ['a truncated view', '#map=8/40.1'],
] as const;

describe('malformed links', () => {
  it.each(malformed)('%s (%s) shows a notice and the app still works', async (_label, path) => {
    const app = await openApp(browser, inject('baseURL'), { path });
    try {
      const notice = await until(() => noticeText(app.page), (t) => t !== '');
      expect(notice, 'visible #notice text').not.toBe('');
      expect(await app.page.getAttribute('#notice', 'role')).toBe('status');
      const id = await placeIdByName(app.page, 'Baku');
      await app.page.locator(`#place-list [data-place-id="${id}"]`).click();
      expect((await until(() => panelStatements(app.page), (s) => s.length > 0)).length).toBeGreaterThan(0);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('shows no notice for a valid link', async () => {
    const app = await openApp(browser, inject('baseURL'), { path: '?place=khojaly&s=1#map=9/39.9/46.8' });
    try {
      expect(await panelStatements(app.page)).not.toHaveLength(0);
      expect(await noticeText(app.page)).toBe('');
    } finally {
      await app.close();
    }
  });
});
