// Geoparses the default article at build time into src/generated/default-article.json, so
// the app's first view needs no gazetteer download. Run: npm run --silent build:article
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { geoparse } from '../geoparse.ts';
import { loadResources } from '../resources-node.ts';

const text = readFileSync(new URL('../data/default-article.txt', import.meta.url), 'utf8');
const places = geoparse(text, loadResources());
const out = new URL('../../src/generated/', import.meta.url);
mkdirSync(out, { recursive: true });
const article = {
  title: 'Azerbaijani officials and Karabakh Armenians agree on joint working group',
  source: 'Anadolu Agency',
  text,
  places,
};
writeFileSync(new URL('default-article.json', out), JSON.stringify(article, null, 1) + '\n');
console.log(`default article: ${places.features.length} places, ${places.unresolved?.length ?? 0} unresolved`);
