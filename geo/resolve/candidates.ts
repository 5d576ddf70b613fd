// Stage 3: candidates. Every distinct name the recogniser found, with the gazetteer places
// it can mean and what the words around it say it is (a "region" is an area, a "city" a
// settlement; resolution weighs that). A name with no candidate stays in the result as unresolved.
import type { Gazetteer } from '../gazetteer/gazetteer.ts';
import type { GazetteerPlace } from '../gazetteer/format.ts';
import type { PlaceCue, RecognisedMention } from '../recognise/mentions.ts';
import { physicalClass } from '../gazetteer/prior.ts';

/** The candidates considered for one name: the most likely by prior, enough for any article. */
const MAX_CANDIDATES = 24;

export interface NameCandidates {
  /** Identifies the name in resolution: its folded key, or the key and its container when one name means two places ("columbus@ohio"). */
  key: string;
  /** The folded name as looked up and compared with places' names. */
  lookupKey: string;
  mentions: RecognisedMention[];
  cue: PlaceCue | null;
  places: GazetteerPlace[];
  /** Keys of the places that share a named route with this one. */
  routeNeighbours: string[];
  /** Keys of the names listed with this one ("Georgia, Oklahoma and California"). */
  listSiblings: string[];
  /** Keys of names written right after this one with a comma ("Atlanta, Georgia"), which may contain it. */
  containers: string[];
  /** Keys of names this one may contain. */
  containees: string[];
  /** Every mention is a dateline: the text around it says nothing of where it is. */
  dateline: boolean;
}

const AREA_FCODES = new Set(['ADM1', 'ADMD', 'ADM2', 'ADM3', 'RGN', 'PCLI', 'CONT', 'AREA']);
const isSettlement = (p: GazetteerPlace) => p.fcode.startsWith('PPL');

export function fitsCue(p: GazetteerPlace, cue: PlaceCue | null): boolean {
  if (cue === null) return true;
  if (cue === 'water' || cue === 'river') return physicalClass(p.fcode) === 'water';
  return cue === 'area' ? AREA_FCODES.has(p.fcode) : isSettlement(p);
}

/** The most common cue among a name's mentions (one sense per document). */
function dominantCue(mentions: RecognisedMention[]): PlaceCue | null {
  const counts = new Map<PlaceCue, number>();
  for (const m of mentions) if (m.cue) counts.set(m.cue, (counts.get(m.cue) ?? 0) + 1);
  let best: PlaceCue | null = null;
  for (const [cue, n] of counts) if (!best || n > counts.get(best)!) best = cue;
  return best;
}

/**
 * Context keys of a name gathered over its mentions, each once and at most MAX_CONTEXT_KEYS:
 * a name repeated a million times in one list must not carry a million keys into resolution.
 */
const MAX_CONTEXT_KEYS = 24;

function distinct(mentions: RecognisedMention[], keysOf: (m: RecognisedMention) => string[] | undefined): string[] {
  const out = new Set<string>();
  for (const m of mentions) {
    for (const k of keysOf(m) ?? []) {
      out.add(k);
      if (out.size >= MAX_CONTEXT_KEYS) return [...out];
    }
  }
  return [...out];
}

/**
 * One reading per name per document unless the text says otherwise: "Columbus, Ohio, and
 * Columbus, Ga." are two names. A name placed by two or more different containers is split
 * by container; its other mentions go with the nearest placed one before them (or the first).
 */
function splitByContainer(ms: RecognisedMention[]): [string | null, RecognisedMention[]][] {
  const containers = new Set(ms.flatMap((m) => (m.container ? [m.container] : [])));
  if (containers.size < 2) return [[null, ms]];
  const groups = new Map<string, RecognisedMention[]>();
  let current = ms.find((m) => m.container)!.container!;
  for (const m of ms) {
    if (m.container) current = m.container;
    const list = groups.get(current);
    if (list) list.push(m);
    else groups.set(current, [m]);
  }
  return [...groups];
}

export function gatherCandidates(mentions: RecognisedMention[], gazetteer: Gazetteer): NameCandidates[] {
  const byKey = new Map<string, RecognisedMention[]>();
  for (const m of mentions) {
    if (m.route) continue;
    const list = byKey.get(m.key);
    if (list) list.push(m);
    else byKey.set(m.key, [m]);
  }
  return [...byKey].flatMap(([lookupKey, all]) => {
    const places = gazetteer.lookup(lookupKey).slice(0, MAX_CANDIDATES);
    return splitByContainer(all).map(([container, ms]) => {
      const cue = dominantCue(ms);
      const routeNeighbours = distinct(ms, (m) => m.routeNeighbours);
      const listSiblings = distinct(ms, (m) => m.listSiblings);
      const containers = distinct(ms, (m) => (m.container ? [m.container] : undefined));
      const containees = distinct(ms, (m) => m.contained);
      const dateline = ms.every((m) => m.dateline);
      const key = container === null ? lookupKey : `${lookupKey}@${container}`;
      return { key, lookupKey, mentions: ms, cue, places, routeNeighbours, listSiblings, containers, containees, dateline };
    });
  });
}
