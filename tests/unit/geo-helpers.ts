// Shared by the geo unit tests: the committed resources, loaded once per test file.
import { loadResources } from '../../geo/resources-node.ts';
import { geoparse } from '../../geo/geoparse.ts';

export const resources = loadResources();
export const parse = (text: string) => geoparse(text, resources);
