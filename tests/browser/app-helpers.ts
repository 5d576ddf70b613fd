// Helpers for the browser tests of issue 9 (corrections by search, placing names by hand, links,
// kept articles, the camera, crowded pins, statements): sample articles, text selection, a full
// localStorage, and readers of the map's camera and the app's <html> data attributes.
import type { Page } from 'playwright-core';
import { type AtlasWindow, until } from './helpers.ts';

/** A short article with a name no gazetteer has (Zorbanik) and words that are a place the geoparser cannot know ("the old harbour"). */
export const HARBOUR_ARTICLE = [
  'Storms in the Caucasus',
  'Storms hit Georgia on Tuesday. Villagers in the village of Zorbanik fled to Tbilisi, officials in Zorbanik said.',
  'Ferries left the old harbour at Batumi at dawn.',
].join('\n');

/** A report from Texas: Arlington has namesakes in Virginia, Massachusetts and more. */
export const ARLINGTON_ARTICLE = [
  'Storm damage in Arlington',
  'Police in Arlington, Texas, said the storm damaged homes. Officials in Fort Worth and Dallas opened shelters, and Arlington schools closed.',
].join('\n');

/** A Sudan report: Sudan named often, Darfur and Khartoum too, Cairo and Alexandria in passing. */
export const SUDAN_ARTICLE = [
  'Fighting in Sudan',
  "The war in Sudan has displaced millions. Sudan's army said it held Khartoum. Aid groups said Sudan needs food, and Sudan's neighbours fear the war.",
  'In Darfur, towns burned. Darfur residents fled. Sudan has asked for help. Sudan talks were held in Cairo. Sudan and Egypt share the Nile. Refugees from Sudan reached Alexandria.',
].join('\n');

/** Selects the `occurrence`-th (0-based) appearance of `words` in the article text, as a reader's drag would. */
export async function selectInArticle(page: Page, words: string, occurrence = 0): Promise<void> {
  const found = await page.evaluate(
    ({ words, occurrence }) => {
      const article = document.querySelector('#article');
      if (!article) return false;
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let at = (node.textContent ?? '').indexOf(words);
        while (at >= 0) {
          if (seen++ === occurrence) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + words.length);
            const selection = getSelection()!;
            selection.removeAllRanges();
            selection.addRange(range);
            return true;
          }
          at = (node.textContent ?? '').indexOf(words, at + 1);
        }
      }
      return false;
    },
    { words, occurrence },
  );
  if (!found) throw new Error(`“${words}” (occurrence ${occurrence}) is not in one text node of #article`);
}

/**
 * Fills this origin's localStorage until it refuses more, with keys of its own (`filler-<n>`);
 * returns how many characters went in. What the app kept before stays as it was.
 */
export function fillStorage(page: Page): Promise<number> {
  return page.evaluate(() => {
    let size = 1 << 20;
    let total = 0;
    let n = 0;
    while (size >= 16) {
      try {
        localStorage.setItem(`filler-${n++}`, 'x'.repeat(size));
        total += size;
      } catch {
        size >>= 1;
      }
    }
    return total;
  });
}

/** A parameter of the URL's fragment (`fix`, `article`, `map`), or null. */
export function hashParam(page: Page, key: string): string | null {
  return new URLSearchParams(new URL(page.url()).hash.slice(1)).get(key);
}

/** The outcome of the app's last camera decision for a selection: `<seq>:moved|still:<id>` on `<html data-camera>`. */
export function cameraDecision(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.dataset.camera ?? '');
}

/** Waits for the next camera decision after `before` and returns whether it moved, and for which place. */
export async function nextCameraDecision(page: Page, before: string): Promise<{ moved: boolean; id: string }> {
  const now = await until(() => cameraDecision(page), (d) => d !== before);
  if (now === before) throw new Error(`no camera decision after ${before}`);
  const [, what, id] = now.split(':');
  return { moved: what === 'moved', id: id ?? '' };
}

/** Resolves once the map has stopped moving and drawn (idle), however the move started. */
export async function mapSettled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        // No named closures in a page function: tsx (esbuild keepNames) would wrap them in a
        // `__name` helper that the page does not have.
        const map = (window as AtlasWindow).__atlas!.map;
        if (map.isMoving()) map.once('moveend', () => map.once('idle', () => resolve()));
        else map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/** Which of these points ([lon, lat]) lie inside the map's view. */
export function inView(page: Page, points: Record<string, [number, number]>): Promise<Record<string, boolean>> {
  return page.evaluate((points) => {
    const map = (window as AtlasWindow).__atlas!.map;
    const bounds = map.getBounds();
    return Object.fromEntries(Object.entries(points).map(([k, p]) => [k, bounds.contains(p)]));
  }, points);
}

/** Representative points of the listed places, by id (read from the app state, as the map has them). */
export function placePoints(page: Page): Promise<Record<string, [number, number]>> {
  return page.evaluate(() => {
    const state = (window as AtlasWindow).__atlas!.state as { places: { id: string; properties: { point: [number, number] } }[] };
    return Object.fromEntries(state.places.map((f) => [f.id, f.properties.point]));
  });
}

/** The map's view as numbers, to tell whether it moved. */
export function view(page: Page): Promise<{ lng: number; lat: number; zoom: number }> {
  return page.evaluate(() => {
    const map = (window as AtlasWindow).__atlas!.map;
    const c = map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
  });
}

/** The text of the place panel's "Not this place?" rows (`data-alternative`) or search results (`data-result`). */
export function readingRows(page: Page, attribute: 'data-alternative' | 'data-result'): Promise<{ key: string; text: string }[]> {
  return page.$$eval(`[${attribute}]`, (buttons, attribute) => buttons.map((b) => ({ key: b.getAttribute(attribute) ?? '', text: (b.textContent ?? '').replace(/\s+/g, ' ').trim() })), attribute);
}
