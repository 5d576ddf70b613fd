// Without WebGL the map says so clearly, and the list, the article and the statements still work.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, panelStatements, placeIdByName, until } from './helpers.ts';

// Every WebGL context request fails, as on a browser or machine without WebGL.
const noWebGL = `(() => {
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    if (/webgl/i.test(String(type))) return null;
    return getContext.call(this, type, ...rest);
  };
  if (typeof OffscreenCanvas !== 'undefined') {
    const offscreen = OffscreenCanvas.prototype.getContext;
    OffscreenCanvas.prototype.getContext = function (type, ...rest) {
      if (/webgl/i.test(String(type))) return null;
      return offscreen.call(this, type, ...rest);
    };
  }
  delete window.WebGLRenderingContext;
  delete window.WebGL2RenderingContext;
})();`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

it('says the map needs WebGL and keeps the list, the article and the statements working', async () => {
  const app = await openApp(browser, inject('baseURL'), { initScript: noWebGL, waitFor: 'unsupported' });
  try {
    const { page } = app;
    const message = page.getByText(/WebGL/i).first();
    expect(await message.isVisible(), 'a visible message that mentions WebGL').toBe(true);

    const id = await placeIdByName(page, 'Khojaly');
    await page.locator(`#place-list [data-place-id="${id}"]`).click();
    const statements = await until(() => panelStatements(page), (s) => s.length === 2);
    expect(statements).toHaveLength(2);
    expect(statements.every((s) => s.marks.some((m) => m.includes('Khojaly')))).toBe(true);

    const baku = await placeIdByName(page, 'Baku');
    await page.locator(`#article mark[data-place-id="${baku}"]`).first().click();
    expect(await until(async () => page.url(), (u) => u.includes(`place=${baku}`))).toContain(`place=${baku}`);
    expect(app.pageErrors).toEqual([]);
  } finally {
    await app.close();
  }
});
