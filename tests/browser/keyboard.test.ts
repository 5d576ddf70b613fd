// Keyboard only: Tab reaches the list, Enter selects and the choice is announced, Escape clears.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, panelHeading, sourcePlaces, until, urlSelection } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

it('selects a place with Tab and Enter, announces it, and clears it with Escape', async () => {
  const app = await openApp(browser, inject('baseURL'));
  try {
    const { page } = app;
    let focusedId: string | undefined;
    for (let presses = 0; presses < 80 && !focusedId; presses++) {
      await page.keyboard.press('Tab');
      focusedId = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.closest('#place-list') ? el.dataset.placeId : undefined;
      });
    }
    expect(focusedId, 'a place button in #place-list reached with Tab').toBeTruthy();
    const focusVisible = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return el.matches(':focus-visible') && (style.outlineStyle !== 'none' || style.boxShadow !== 'none');
    });
    expect(focusVisible, 'the focused place button shows a focus ring').toBe(true);

    const name = (await sourcePlaces(page)).find((p) => p.id === focusedId)?.name;
    expect(name, `place ${focusedId} in the places source`).toBeDefined();
    await page.keyboard.press('Enter');
    expect((await until(() => urlSelection(page), (u) => u.place === focusedId)).place).toBe(focusedId);
    const announced = await until(
      () => page.evaluate(() => document.querySelector('#announcer')?.textContent ?? ''),
      (t) => t.includes(name!),
    );
    expect(announced).toContain(name);
    const live = await page.evaluate(() => {
      const el = document.querySelector('#announcer');
      return `${el?.getAttribute('aria-live') ?? ''} ${el?.getAttribute('role') ?? ''}`;
    });
    expect(live, '#announcer is a live region').toMatch(/polite|assertive|status|alert|log/);

    await page.keyboard.press('Escape');
    expect((await until(() => urlSelection(page), (u) => u.place === null)).place).toBeNull();
    expect(await until(() => panelHeading(page), (h) => h === null)).toBeNull();
  } finally {
    await app.close();
  }
});
