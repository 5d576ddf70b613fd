// Runs the tagger one sentence at a time: entity spans never cross a sentence or a line.
import type { Sentence } from '../types.ts';
import type { Token } from './tokens.ts';
import { tagTokens, type EntitySpan, type NameClassLookup, type TaggerModel } from './tagger.ts';

export function tagSentences(tokens: Token[], sentences: Sentence[], model: TaggerModel, gazetteer: NameClassLookup): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let first = 0;
  for (const s of sentences) {
    while (first < tokens.length && tokens[first].end <= s.start) first++;
    let last = first;
    while (last < tokens.length && tokens[last].start < s.end) last++;
    if (last > first) {
      for (const span of tagTokens(tokens.slice(first, last), model, gazetteer)) {
        spans.push({ ...span, first: span.first + first, last: span.last + first });
      }
    }
    first = last;
  }
  return spans;
}
