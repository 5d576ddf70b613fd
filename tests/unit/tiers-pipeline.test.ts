// The gazetteer's tiers change where names are placed, never which names are found: the app's
// worker recognises a text once with the world tier, then only resolves it again with the
// country tiers the first result asks for (wantedTiers), and must end where the command line,
// which has every tier, ends.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placeRecognised, recogniseText, type GeoparseResources } from '../../geo/geoparse.ts';
import { countryTierCodes, loadGazetteer, readTierText } from '../../geo/gazetteer/node.ts';
import { wantedTiers } from '../../geo/gazetteer/wanted-tiers.ts';
import type { PlaceCollection } from '../../geo/types.ts';
import { resources } from './geo-helpers.ts';

const dir = new URL('../golden/in/', import.meta.url);
const inputs = readdirSync(dir).filter((f) => f.endsWith('.txt'));
const available = new Set(countryTierCodes());


const points = (c: PlaceCollection) => c.features.map((f) => [f.properties.mentions[0].start, f.properties.point.join()]);

describe('tiers and the pipeline', () => {
  it.each(inputs)('%s: recognised alike with the world tier alone, placed alike once the wanted tiers are in', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const world: GeoparseResources = { ...resources, gazetteer: loadGazetteer({ tiers: 'world' }) };
    const tiered = recogniseText(text, world);
    const full = recogniseText(text, resources);
    expect(tiered.mentions.map((m) => [m.start, m.end, m.key]), file).toEqual(full.mentions.map((m) => [m.start, m.end, m.key]));
    for (const code of wantedTiers(placeRecognised(tiered, world), world.gazetteer, available)) world.gazetteer.addTier(readTierText(code));
    expect(points(placeRecognised(tiered, world)), file).toEqual(points(placeRecognised(full, resources)));
  });
});
