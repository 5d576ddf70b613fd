// The map itself: every place of the article is drawn, the canvas shows a real map, and a
// click on a place on the map opens its statements.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  type AtlasWindow,
  defaultArticle,
  jumpAndIdle,
  launchChromium,
  openApp,
  pagePointOf,
  sentencesMentioning,
  panelStatements,
  sourcePlaces,
  until,
} from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Keys of the `places` features rendered in the current view (ids, or names if ids are not kept). */
function renderedPlaceKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = (window as AtlasWindow).__atlas!.map;
    const layers = map.getStyle().layers.filter((l) => 'source' in l && l.source === 'places').map((l) => l.id);
    return map.queryRenderedFeatures({ layers }).flatMap((f) => {
      const keys = [`name:${String(f.properties.name)}`];
      if (f.id !== undefined) keys.push(`id:${String(f.id)}`);
      if (f.properties.id !== undefined) keys.push(`id:${String(f.properties.id)}`);
      return keys;
    });
  });
}

describe('map', () => {
  it('draws every feature of the places source, local ones in the first view and the rest after fitting all', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      const places = await sourcePlaces(app.page);
      expect(places.length, 'features in the places source').toBeGreaterThan(0);
      const drawn = new Set(await renderedPlaceKeys(app.page));
      const bounds: [[number, number], [number, number]] = [
        [Math.max(-180, Math.min(...places.map((p) => p.bbox[0]))), Math.max(-85, Math.min(...places.map((p) => p.bbox[1])))],
        [Math.min(180, Math.max(...places.map((p) => p.bbox[2]))), Math.min(85, Math.max(...places.map((p) => p.bbox[3])))],
      ];
      await jumpAndIdle(app.page, { bounds });
      for (const key of await renderedPlaceKeys(app.page)) drawn.add(key);
      const missing = places.filter((p) => !drawn.has(`id:${p.id}`) && !drawn.has(`name:${p.name}`));
      expect(missing.map((p) => p.id), 'places in the source but not drawn').toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('paints a map on the canvas, not a blank one', async () => {
    const app = await openApp(browser, inject('baseURL'));
    try {
      const png = await app.page.locator('.maplibregl-canvas').screenshot();
      // Decode the screenshot in the page (no PNG decoder in Node) and count its colours.
      const stats = await app.page.evaluate(async (dataUrl) => {
        const image = new Image();
        image.src = dataUrl;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const counts = new Map<number, number>();
        for (let i = 0; i < data.length; i += 4) {
          const key = ((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3);
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const pixels = data.length / 4;
        return { colours: counts.size, dominantShare: Math.max(...counts.values()) / pixels, pixels };
      }, `data:image/png;base64,${png.toString('base64')}`);
      expect(stats.pixels).toBeGreaterThan(10_000);
      expect(stats.colours, 'distinct colours on the canvas').toBeGreaterThan(20);
      expect(stats.dominantShare, 'share of the most common colour').toBeLessThan(0.9);
    } finally {
      await app.close();
    }
  });

  it('shows both statements about Khojaly when Khojaly is clicked on the map', async () => {
    const expected = sentencesMentioning(defaultArticle(), 'Khojaly');
    expect(expected).toHaveLength(2);
    const app = await openApp(browser, inject('baseURL'));
    try {
      const khojaly = (await sourcePlaces(app.page)).find((p) => p.name === 'Khojaly');
      expect(khojaly, 'Khojaly in the places source').toBeDefined();
      // Close enough that Khankendi, 10 km away, cannot be hit instead.
      await jumpAndIdle(app.page, { center: khojaly!.point, zoom: 11 });
      const { x, y } = await pagePointOf(app.page, khojaly!.point);
      await app.page.mouse.click(x, y);
      const statements = await until(
        () => panelStatements(app.page),
        (s) => s.length === expected.length,
      );
      expect(statements.map((s) => s.text).join('\n')).not.toBe('');
      expect(statements).toHaveLength(expected.length);
      expected.forEach((sentence, i) => {
        expect(statements[i]!.text, `statement ${i + 1}`).toContain(sentence);
        expect(statements[i]!.marks.some((m) => m.includes('Khojaly')), `a mark with Khojaly in statement ${i + 1}`).toBe(true);
      });
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
