// The app is self-contained: nothing it needs comes from another origin, and it loads cleanly.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

it('loads to map idle with no request leaving its origin and no errors', async () => {
  const app = await openApp(browser, inject('baseURL'));
  try {
    expect(app.requests.length, 'the app made no requests at all').toBeGreaterThan(0);
    expect(app.aborted, 'requests that left the origin').toEqual([]);
    expect(app.badResponses, 'same-origin responses with an error status').toEqual([]);
    expect(app.pageErrors, 'uncaught exceptions').toEqual([]);
    expect(app.consoleErrors, 'console errors').toEqual([]);
  } finally {
    await app.close();
  }
});
