// The geoparsing recipe: text in, GeoJSON of its places out. Pure: it takes a string and
// loaded resources, touches no file or network, and runs the same in Node and in a worker.
import type { PlaceCollection, Sentence } from './types.ts';
import type { RecognisedMention } from './recognise/mentions.ts';
import { unresolvedNames } from './output/unresolved.ts';
import type { Gazetteer } from './gazetteer/gazetteer.ts';
import type { TaggerModel } from './recognise/tagger.ts';
import { splitSentences } from './text/sentences.ts';
import { tokenize } from './recognise/tokens.ts';
import { tagSentences } from './recognise/tag-sentences.ts';
import { recognise } from './recognise/mentions.ts';
import { gatherCandidates } from './resolve/candidates.ts';
import { resolveNames, type ResolveOptions } from './resolve/resolve.ts';
import { buildFeatures, divisionNamesOf, type OutlineLookup } from './output/features.ts';

export interface GeoparseResources {
  gazetteer: Gazetteer;
  tagger: TaggerModel;
  /** Folded demonym → ISO country code ("azerbaijani" → "AZ"). */
  demonyms: Record<string, string>;
  /** Words the news writes in lower case ("hospital"): alone and capitalised, not a place. */
  commonWords: Set<string>;
  outlines: OutlineLookup;
}

export type GeoparseStage = 'sentences' | 'tokens' | 'entities' | 'mentions' | 'candidates' | 'resolution' | 'geojson';

export interface GeoparseOptions extends Partial<ResolveOptions> {
  /** Called as each stage starts, for progress in a user interface. Default: none. */
  onStage?: (stage: GeoparseStage) => void;
}

/**
 * Stages 2 to 4 on their own: the tokens and the tagger's spans are the largest structures of
 * a geoparse (tens of bytes per character), and are garbage once the mentions are found.
 */
function findMentions(text: string, sentences: ReturnType<typeof splitSentences>, resources: GeoparseResources, stage: (s: GeoparseStage) => void) {
  const { gazetteer } = resources;
  // 2. Tokens, as the tagger was trained on them.
  stage('tokens');
  const tokens = tokenize(text);
  // 3. Entities: places, people, organisations, demonyms, with the gazetteer as a feature;
  //    sentence by sentence, so that a byline never runs into the dateline below it.
  stage('entities');
  const lookup = Object.assign((key: string) => gazetteer.nameClass(key), { startsName: (prefix: string) => gazetteer.startsName(prefix) });
  const spans = tagSentences(tokens, sentences, resources.tagger, lookup);
  // 4. Place mentions: datelines, hyphenated compounds, routes, cue words, one sense per document.
  stage('mentions');
  return recognise(text, sentences, tokens, spans, resources);
}

/** What recognition found in a text: the same whichever country tiers are loaded. */
export interface Recognised {
  text: string;
  sentences: Sentence[];
  mentions: RecognisedMention[];
  demonymCountries: Map<string, number>;
}

/** Stages 1 to 4: sentences, tokens, entities and place mentions. */
export function recogniseText(text: string, resources: GeoparseResources, options: GeoparseOptions = {}): Recognised {
  const stage = options.onStage ?? (() => {});
  // 1. Sentences with offsets: the statements the reader will see.
  stage('sentences');
  const sentences = splitSentences(text);
  // 2-4. Tokens, entities and place mentions.
  const { mentions, demonymCountries } = findMentions(text, sentences, resources, stage);
  return { text, sentences, mentions, demonymCountries };
}

/**
 * Stages 5 to 7 on a recognised text: candidates, resolution, GeoJSON. The app's worker runs
 * them again, alone, once the country tiers the first result points at have arrived.
 */
export function placeRecognised({ sentences, mentions, demonymCountries }: Recognised, resources: GeoparseResources, options: GeoparseOptions = {}): PlaceCollection {
  const { gazetteer } = resources;
  const stage = options.onStage ?? (() => {});
  // 5. Candidates for each distinct name.
  stage('candidates');
  const names = gatherCandidates(mentions, gazetteer);
  // 6. Resolution in the document's context.
  stage('resolution');
  const resolved = resolveNames(names, demonymCountries, options);
  // 7. GeoJSON, one feature per place, and the names not placed.
  stage('geojson');
  const divisions = divisionNamesOf(gazetteer);
  const places = buildFeatures(resolved, mentions.filter((m) => m.route), sentences, resources.outlines, divisions);
  const unresolved = unresolvedNames(resolved.filter((r) => !r.ranked.length || !r.placed), resources.commonWords, resources.demonyms, divisions);
  return { ...places, unresolved };
}

/** Text to a FeatureCollection of its places (with its sentences and unresolved names as foreign members). */
export function geoparse(text: string, resources: GeoparseResources, options: GeoparseOptions = {}): PlaceCollection {
  return placeRecognised(recogniseText(text, resources, options), resources, options);
}
