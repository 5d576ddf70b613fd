// Packs a pasted article into a link fragment and back: JSON, deflate-raw (CompressionStream,
// built into browsers and Node), base64url. Deflate-raw has no checksum of its own, so the
// payload carries one: a link altered in transit is refused rather than shown wrong.
import { DAMAGED_ARTICLE_MESSAGE } from './article-params.ts';
import { readStream } from '../lib/read-stream.ts';

/**
 * Above this many characters a link is refused and the file export offered instead. 8,000 is
 * the length RFC 9110 (section 4.1) asks every sender and recipient to support; longer links
 * work in the address bar of current browsers but are cut or refused by chat apps, mail
 * clients, link previews and shorteners, which is where shared links travel.
 */
export const MAX_LINK_CHARS = 8000;

/** Unpacking stops past this many bytes, so a forged link cannot inflate into gigabytes. */
const MAX_UNPACKED_BYTES = 8_000_000;
const VERSION = 1;

export interface LinkedArticle {
  title: string | null;
  text: string;
}

export type UnpackResult = { ok: true; article: LinkedArticle } | { ok: false; error: string };

/** 32-bit FNV-1a of a string's UTF-16 code units, as 8 hex digits: cheap, deterministic, enough to notice damage. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** null for anything that is not base64url (or that a truncation left with an impossible length). */
export function fromBase64url(value: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(value) || value.length % 4 === 1) return null;
  try {
    const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (value.length % 4)) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  return readStream(new Blob([bytes as BlobPart]).stream().pipeThrough(transform), undefined, limit);
}

/** The `article=` value for an article: deterministic for the same title and text. */
export async function packArticle(article: LinkedArticle): Promise<string> {
  const json = JSON.stringify({ v: VERSION, title: article.title, text: article.text, sum: checksum(article.text) });
  return toBase64url(await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw')));
}

/** The article in an `article=` value, or why it cannot be read; never throws. */
export async function unpackArticle(data: string): Promise<UnpackResult> {
  const damaged = { ok: false as const, error: DAMAGED_ARTICLE_MESSAGE };
  const bytes = fromBase64url(data);
  if (bytes === null || bytes.length === 0) return damaged;
  let json: unknown;
  try {
    const raw = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_UNPACKED_BYTES);
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    return damaged;
  }
  if (typeof json !== 'object' || json === null) return damaged;
  const { v, title, text, sum } = json as Record<string, unknown>;
  if (v !== VERSION) {
    return { ok: false, error: 'This link was made by a newer version of Article Atlas and cannot be opened here; showing the default article instead.' };
  }
  if (typeof text !== 'string' || (title !== null && typeof title !== 'string') || sum !== checksum(text)) return damaged;
  return { ok: true, article: { title, text } };
}

/** Whether a link is too long to share safely (see MAX_LINK_CHARS). */
export function linkTooLong(url: string): boolean {
  return url.length > MAX_LINK_CHARS;
}
