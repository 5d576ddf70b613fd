// Sharing and history: a copied link reopens the same place, statement and view in a new
// page; Back walks selections back.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  jumpAndIdle,
  launchChromium,
  openApp,
  panelHeading,
  panelStatements,
  placeIdByName,
  until,
  urlSelection,
  camera,
  pixelsFromCenter,
} from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});



/** Which statement the page shows as selected: its `data-statement-index`, or null. */
function selectedStatement(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll<HTMLElement>('#place-panel [data-statement-index]')];
    const isSelected = (el: HTMLElement) =>
      ['true', 'step', 'location', 'page'].includes(el.getAttribute('aria-current') ?? '') ||
      el.getAttribute('aria-selected') === 'true' ||
      el.getAttribute('aria-pressed') === 'true' ||
      /\b(selected|active|current)\b/.test(el.className) ||
      el.querySelector('[aria-current="true"], [aria-pressed="true"], [aria-selected="true"]') !== null;
    return items.find(isSelected)?.dataset.statementIndex ?? null;
  });
}

describe('sharing', () => {
  it('copies a link that opens the same place, statement and view in a new page', async () => {
    const baseURL = inject('baseURL');
    const app = await openApp(browser, baseURL, {
      context: { permissions: ['clipboard-read', 'clipboard-write'] },
    });
    try {
      const id = await placeIdByName(app.page, 'Khojaly');
      await app.page.locator(`#place-list [data-place-id="${id}"]`).click();
      await until(() => panelStatements(app.page), (s) => s.length >= 2);
      await app.page.locator('#place-panel [data-statement-index]').nth(1).click();
      const selected = await until(() => urlSelection(app.page), (u) => u.place === id && u.s !== null);
      expect(selected.place).toBe(id);
      expect(selected.s, '&s= after choosing the second statement').toBe('2');
      const statementBefore = await selectedStatement(app.page);
      expect(statementBefore, 'the second statement is shown as selected').toBe('2');

      await jumpAndIdle(app.page, { panBy: [120, -80] });
      const view = await camera(app.page);
      await until(() => urlSelection(app.page), (u) => u.map !== null);
      await app.page.locator('button#copy-link').click();
      const link = await until(
        () => app.page.evaluate(() => navigator.clipboard.readText()),
        (text) => text.startsWith('http'),
      );
      expect(link).toContain(`place=${id}`);
      expect(link).toContain('s=2');
      expect(link).toContain('#map=');

      // A new context: no shared storage, history or clipboard with the page that copied.
      const fresh = await openApp(browser, link);
      try {
        expect(fresh.page.url()).toContain(`place=${id}`);
        expect(await panelHeading(fresh.page)).toContain('Khojaly');
        expect((await panelStatements(fresh.page)).length).toBeGreaterThanOrEqual(2);
        expect(await selectedStatement(fresh.page)).toBe(statementBefore);
        const restored = await camera(fresh.page);
        expect(Math.abs(restored.zoom - view.zoom), `zoom ${restored.zoom} vs ${view.zoom}`).toBeLessThan(0.01);
        expect(await pixelsFromCenter(fresh.page, [view.lng, view.lat]), 'centre offset in px').toBeLessThan(3);
        expect(fresh.pageErrors).toEqual([]);
      } finally {
        await fresh.close();
      }
    } finally {
      await app.close();
    }
  });
});

describe('history', () => {
  it('goes back from the second selection to the first, then to none', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      const first = await placeIdByName(app.page, 'Khojaly');
      const second = await placeIdByName(app.page, 'Baku');
      await app.page.locator(`#place-list [data-place-id="${first}"]`).click();
      await until(() => urlSelection(app.page), (u) => u.place === first);
      await app.page.locator(`#place-list [data-place-id="${second}"]`).click();
      expect((await until(() => urlSelection(app.page), (u) => u.place === second)).place).toBe(second);
      expect(await until(() => panelHeading(app.page), (h) => h?.includes('Baku') ?? false)).toContain('Baku');

      await app.page.goBack();
      expect((await until(() => urlSelection(app.page), (u) => u.place === first)).place).toBe(first);
      expect(await until(() => panelHeading(app.page), (h) => h?.includes('Khojaly') ?? false)).toContain('Khojaly');

      await app.page.goBack();
      expect((await until(() => urlSelection(app.page), (u) => u.place === null)).place).toBeNull();
      expect(await until(() => panelHeading(app.page), (h) => h === null)).toBeNull();
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
