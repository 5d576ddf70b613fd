// The names recognised as places that the gazetteer cannot place, as the reader sees them
// ("Names not placed"): kept, not dropped, except what is plainly not a place's name: a common
// word alone, an organisation's or an office's title, a demonym.
import type { UnresolvedName } from '../types.ts';
import type { Resolved } from '../resolve/resolve.ts';
import { fold } from '../text/fold.ts';
import { readingOf, type DivisionNames } from './features.ts';

/** Readings kept for a name placed nowhere because none fits the text, for the reader to choose from. */
const MAX_READINGS = 4;

/** Words that make a name an organisation's, an office's or a publication's. */
const NOT_PLACE_WORDS = /\b(department|ministry|centers?|centres?|university|college|school|institute|service|services|congress|council|committee|commission|agency|administration|association|society|journal|times|post|daily|news|president|governor|mayor|minister|secretary|spokesman|spokeswoman|director|chief|company|corporation|inc|ltd|cartel|initiative|laboratories|hospital|church|party|army|forces)\b/i;

export function worthShowing(name: string, commonWords: Set<string>, demonyms: Record<string, string>): boolean {
  const words = name.split(/\s+/);
  if (words.length === 1 && commonWords.has(fold(name))) return false;
  if (words.some((w) => fold(w) in demonyms)) return false;
  return !NOT_PLACE_WORDS.test(name) && /\p{L}{2}/u.test(name);
}

export function unresolvedNames(resolved: Resolved[], commonWords: Set<string>, demonyms: Record<string, string>, divisions: DivisionNames): UnresolvedName[] {
  const out: UnresolvedName[] = [];
  for (const r of resolved) {
    const mentions = r.name.mentions.map(({ text, start, end, sentence }) => ({ text, start, end, sentence }));
    const name: UnresolvedName = { name: mentions[0].text, mentions };
    if (r.ranked.length) name.readings = r.ranked.slice(0, MAX_READINGS).map((s) => readingOf(s.place, divisions));
    if (worthShowing(name.name, commonWords, demonyms)) out.push(name);
  }
  return out;
}
