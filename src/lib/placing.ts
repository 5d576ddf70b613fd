// Where words a reader wants to place sit in the article: from a text selection or from typed
// words, to the span key of a correction; null with a reason when they cannot be a place.
import { addedWords, MAX_ADDED_CHARS, spanKey } from '../../geo/output/corrections.ts';
import { slug } from '../../geo/output/features.ts';
import type { PlaceCollection } from '../../geo/types.ts';
import type { PlacingTarget } from '../state/app-state.svelte.ts';

export type WordsResult = { ok: true; target: PlacingTarget } | { ok: false; reason: string };

const WORD = /[\p{L}\p{N}]/u;

/** Trims a selection to whole words: spaces and punctuation at its ends are not part of a name. */
export function trimToWords(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && !WORD.test(text[s])) s++;
  while (e > s && !WORD.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/** A selected stretch of the article as words to place, or why not. */
export function wordsAt(places: PlaceCollection, text: string, start: number, end: number): WordsResult {
  const span = trimToWords(text, start, end);
  if (span.end <= span.start) return { ok: false, reason: 'Select the words of a place name.' };
  if (span.end - span.start > MAX_ADDED_CHARS) return { ok: false, reason: `A place name is at most ${MAX_ADDED_CHARS} characters; select fewer words.` };
  const found = places.features.find((f) => f.properties.mentions.some((m) => m.start === span.start && m.end === span.end));
  if (found) return { ok: false, reason: `“${found.properties.name}” is already a place: choose it in the list to correct it.` };
  const key = spanKey(span.start, span.end);
  const words = addedWords(places, key);
  if (!words) return { ok: false, reason: 'Select whole words within one sentence.' };
  return { ok: true, target: { kind: 'words', key, text: words.text } };
}

/** Typed words (the keyboard way): their first occurrence in the text that is not a place yet. */
export function findWords(places: PlaceCollection, text: string, typed: string): WordsResult {
  const words = typed.trim().replace(/\s+/g, ' ');
  if (words === '') return { ok: false, reason: 'Type the words as the article writes them.' };
  const unresolved = places.unresolved?.find((u) => u.name === words);
  if (unresolved) return { ok: true, target: { kind: 'unresolved', key: slug(unresolved.name), name: unresolved.name } };
  let lastReason = `“${words}” is not in the article (the words must be written exactly as there).`;
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    const result = wordsAt(places, text, at, at + words.length);
    if (result.ok && result.target.kind === 'words' && result.target.text === words) return result;
    if (!result.ok) lastReason = result.reason;
  }
  return { ok: false, reason: lastReason };
}
