// The built site works from any static server, also under a sub-path: the same files, served
// under /news/2023/atlas/, load every asset from there and reach map idle.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, panelStatements, placeIdByName, until } from './helpers.ts';
import { startPreview, type Preview } from './server.ts';

const SUB_PATH = '/news/2023/atlas/';

let browser: Browser;
let preview: Preview | undefined;
beforeAll(async () => {
  browser = await launchChromium();
  const distDir = inject('distDir');
  if (distDir) preview = await startPreview(distDir, 'test', SUB_PATH);
});
afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

it.skipIf(inject('distDir') === null)('loads under a sub-path with every asset from that path', async () => {
  expect(preview!.url).toContain(SUB_PATH);
  const app = await openApp(browser, preview!.url);
  try {
    const outside = app.requests.filter((url) => !new URL(url).pathname.startsWith(SUB_PATH));
    expect(outside, 'requests outside the sub-path').toEqual([]);
    expect(app.aborted).toEqual([]);
    expect(app.badResponses).toEqual([]);
    const id = await placeIdByName(app.page, 'Khojaly');
    await app.page.locator(`#place-list [data-place-id="${id}"]`).click();
    expect(await until(() => panelStatements(app.page), (s) => s.length === 2)).toHaveLength(2);
    expect(app.page.url()).toContain(`${SUB_PATH}?place=${id}`);
    expect(app.pageErrors).toEqual([]);
  } finally {
    await app.close();
  }
});
