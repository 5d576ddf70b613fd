// Helpers for the issue-4 browser tests (a reader's own article): paste, drop and wait, read the
// notice, and a sample article whose places have other readings. The shared harness is helpers.ts.
import type { Page } from 'playwright-core';
import { HANG_GUARD_MS, until } from './helpers.ts';

/** A short article with a place read two ways (Georgia the country, Georgia the US state). */
export const CAUCASUS_ARTICLE = [
  'Storms in the Caucasus',
  'Storms hit Georgia on Tuesday. In Tbilisi, the capital of Georgia, roads were closed.',
  'Further south, Yerevan was spared. Officials in Batumi said the port would reopen on Friday, and ferries to Odessa were cancelled. Flights from Istanbul were delayed.',
].join('\n');

/** What `<html data-article>` says: which article is shown, or that one is on its way. */
export function articleState(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.documentElement.dataset.article);
}

/** Waits until a reader's article is shown (its geoparse done and rendered); only the hang guard bounds the wait. */
export async function waitForReaderArticle(page: Page, timeout = HANG_GUARD_MS): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.article === 'reader', null, { timeout });
}

/** Opens "New article", pastes `text` and submits it; does not wait for the result. */
export async function submitText(page: Page, text: string): Promise<void> {
  await page.locator('#new-article').click();
  await page.locator('#article-input').fill(text);
  await page.locator('#find-places').click();
}

/**
 * Pastes an article and waits until its places are shown. A reader's article may already be
 * shown, and the app is 'loading' for only a few milliseconds, too briefly to poll for: an
 * observer set before the click notes the change, and the wait is for 'reader' after it.
 */
export async function pasteArticle(page: Page, text: string): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { atlasLoadingSeen?: boolean };
    w.atlasLoadingSeen = false;
    const observer = new MutationObserver(() => {
      if (document.documentElement.dataset.article !== 'loading') return;
      w.atlasLoadingSeen = true;
      observer.disconnect();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-article'] });
  });
  await submitText(page, text);
  await page.waitForFunction(
    () => (window as unknown as { atlasLoadingSeen?: boolean }).atlasLoadingSeen === true && document.documentElement.dataset.article === 'reader',
    null,
    { timeout: HANG_GUARD_MS },
  );
}

/** The visible text of `#notice`, or '' when it shows nothing. */
export function noticeText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const notice = document.querySelector<HTMLElement>('#notice');
    if (!notice || notice.getClientRects().length === 0 || getComputedStyle(notice).display === 'none') return '';
    return (notice.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Waits for a notice and returns its text; only the hang guard bounds the wait. */
export function waitForNotice(page: Page, timeout = HANG_GUARD_MS): Promise<string> {
  return until(() => noticeText(page), (t) => t !== '', timeout);
}

/** Drops a file on the page the way a browser does: dragenter, dragover, drop, with a DataTransfer. */
export async function dropFile(page: Page, name: string, content: string | number[], type = ''): Promise<void> {
  await page.evaluate(
    ({ name, content, type }) => {
      const data = typeof content === 'string' ? content : new Uint8Array(content);
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type }));
      const target = document.querySelector('#article') ?? document.body;
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    { name, content, type },
  );
}

/** Whether a drag of a file over the page shows the drop target (it is hidden again afterwards). */
export async function dragShowsTarget(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['x'], 'a.txt', { type: 'text/plain' }));
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    return new Promise<boolean>((resolve) =>
      requestAnimationFrame(() => {
        const shown = document.querySelector('#drop-target') !== null;
        document.body.dispatchEvent(new DragEvent('dragleave', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        resolve(shown);
      }),
    );
  });
}

/** Ids of the places in `#place-list`. */
export function listedIds(page: Page): Promise<string[]> {
  return page.$$eval('#place-list [data-place-id]', (buttons) => buttons.map((b) => (b as HTMLElement).dataset.placeId ?? ''));
}

/** The requests for the gazetteer a page made (the resource only a reader's article needs). */
export const isGazetteer = (url: string | URL) => /\/gazetteer[^/]*$/.test(new URL(url).pathname);
