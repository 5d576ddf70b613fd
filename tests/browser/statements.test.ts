// Stepping through statements (issue 9, point 8): previous/next buttons, `[` `]` anywhere and the
// arrow keys in the panel, the position kept in the link; on a phone the panel stays in view.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, panelHeading, phoneViewport, until, urlSelection } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const current = (page: Page) => page.evaluate(() => document.querySelector<HTMLElement>('#place-panel [aria-current="true"]')?.dataset.statementIndex ?? null);
const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.statementIndex ?? null);

describe('statements', () => {
  it('steps with the buttons, the bracket keys and the arrows, and keeps the position in the link', async () => {
    const app = await openApp(browser, inject('baseURL'));
    const { page } = app;
    try {
      await page.locator('#place-list [data-place-id="karabakh"]').click();
      expect(await until(() => panelHeading(page), (h) => h === 'Karabakh')).toBe('Karabakh');
      expect(await page.locator('#previous-statement').isDisabled(), 'nothing before the first').toBe(true);
      await page.locator('#next-statement').click();
      expect(await until(() => current(page), (c) => c === '1')).toBe('1');
      await page.locator('#next-statement').click();
      expect((await until(() => urlSelection(page), (u) => u.s === '2')).place).toBe('karabakh');

      await page.locator('#place-title').click();
      await page.keyboard.press(']');
      expect(await until(() => current(page), (c) => c === '3')).toBe('3');
      await page.keyboard.press('[');
      expect(await until(() => current(page), (c) => c === '2')).toBe('2');
      expect((await until(() => urlSelection(page), (u) => u.s === '2')).s).toBe('2');

      await page.locator('#place-panel [data-statement-index="2"]').focus();
      await page.keyboard.press('ArrowDown');
      expect(await until(() => current(page), (c) => c === '3')).toBe('3');
      expect(await focused(page), 'the focus follows').toBe('3');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await until(() => current(page), (c) => c === '4')).toBe('4');
      expect(await page.locator('#next-statement').isDisabled(), 'nothing after the last').toBe(true);

      // Brackets typed into a field are text.
      await page.locator('#new-article').click();
      await page.locator('#article-input').fill('');
      await page.keyboard.type('[a]');
      expect(await page.locator('#article-input').inputValue()).toBe('[a]');
      await page.keyboard.press('Escape');
      expect(await current(page)).toBe('4');
    } finally {
      await app.close();
    }
  });

  it('on a phone, choosing statement 2 keeps the panel where the reader is', async () => {
    const app = await openApp(browser, inject('baseURL'), { context: { viewport: phoneViewport, isMobile: true, hasTouch: true } });
    const { page } = app;
    try {
      await page.locator('#place-list [data-place-id="karabakh"]').tap();
      expect(await until(() => panelHeading(page), (h) => h === 'Karabakh')).toBe('Karabakh');
      const second = page.locator('#place-panel [data-statement-index="2"]');
      await second.scrollIntoViewIfNeeded();
      const scrollBefore = await page.evaluate(() => document.querySelector('.sheet')!.scrollTop);
      await second.tap();
      expect(await until(() => current(page), (c) => c === '2')).toBe('2');
      // The article's sentence is marked where it is; the sheet does not scroll away to it.
      await page.waitForFunction(() => document.querySelector('#article .flash') !== null);
      expect(await page.evaluate(() => document.querySelector('.sheet')!.scrollTop)).toBe(scrollBefore);
      const box = await second.boundingBox();
      expect(box!.y + box!.height > 0 && box!.y < phoneViewport.height, 'statement 2 is still on screen').toBe(true);
      await page.locator('#next-statement').tap();
      expect(await until(() => current(page), (c) => c === '3')).toBe('3');
    } finally {
      await app.close();
    }
  });
});
