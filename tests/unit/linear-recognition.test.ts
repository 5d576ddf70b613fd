// Recognition and candidate gathering stay linear on hostile inputs (issue 12): long comma
// lists, long hyphenated routes and one name repeated a million times. The bounds asserted
// are the work the later stages are handed (context keys per mention and per name), which
// grew with the square of the list before; no clock is read.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../geo/text/sentences.ts';
import { tokenize } from '../../geo/recognise/tokens.ts';
import { tagSentences } from '../../geo/recognise/tag-sentences.ts';
import { LIST_REACH, recognise } from '../../geo/recognise/mentions.ts';
import { gatherCandidates } from '../../geo/resolve/candidates.ts';
import { resources } from './geo-helpers.ts';

const CITIES = ['Paris', 'London', 'Berlin', 'Madrid', 'Rome', 'Vienna', 'Prague', 'Warsaw', 'Baku', 'Yerevan', 'Tbilisi', 'Kyiv'];

function recogniseText(text: string) {
  const sentences = splitSentences(text);
  const tokens = tokenize(text);
  const spans = tagSentences(tokens, sentences, resources.tagger, (key) => resources.gazetteer.nameClass(key));
  return recognise(text, sentences, tokens, spans, resources).mentions;
}

const contextKeys = (m: { listSiblings?: string[]; routeNeighbours?: string[]; contained?: string[] }) =>
  (m.listSiblings?.length ?? 0) + (m.routeNeighbours?.length ?? 0) + (m.contained?.length ?? 0);

describe('linear recognition', () => {
  it('links a comma list of 100,000 names to a bounded number of siblings each', () => {
    const text = `${Array.from({ length: 100_000 }, (_, i) => CITIES[i % CITIES.length]).join(', ')}.`;
    const mentions = recogniseText(text);
    expect(mentions.length).toBeGreaterThan(90_000);
    expect(mentions.reduce((most, m) => Math.max(most, contextKeys(m)), 0)).toBeLessThanOrEqual(2 * LIST_REACH + 1);
    for (const name of gatherCandidates(mentions, resources.gazetteer)) {
      expect(name.listSiblings.length + name.containers.length + name.containees.length, name.key).toBeLessThanOrEqual(3 * 24);
    }
  });

  it('links the parts of a 100,000-part hyphenated route to their neighbours only', () => {
    const text = `The ${Array.from({ length: 100_000 }, (_, i) => CITIES[i % CITIES.length]).join('-')} highway opened.`;
    const mentions = recogniseText(text);
    const parts = mentions.filter((m) => !m.route);
    expect(parts.length).toBeGreaterThan(90_000);
    expect(parts.reduce((most, m) => Math.max(most, m.routeNeighbours?.length ?? 0), 0)).toBeLessThanOrEqual(2);
    expect(mentions.filter((m) => m.route)).toHaveLength(1);
  });

  it('hands resolution a bounded context for one name repeated 100,000 times in a list', () => {
    const mentions = recogniseText('New York, '.repeat(100_000));
    expect(mentions.length).toBeGreaterThan(95_000);
    const names = gatherCandidates(mentions, resources.gazetteer);
    expect(names).toHaveLength(1);
    expect(names[0].listSiblings).toEqual([]);
  });
});
