// Whole-pipeline golden files: tests/golden/in/*.txt -> out/*.geojson. Regenerate on purpose
// with REGEN=1 npm test and review the diff.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from './geo-helpers.ts';

const dir = new URL('../golden/', import.meta.url);
const inputs = readdirSync(new URL('in/', dir)).filter((f) => f.endsWith('.txt'));

describe('golden geoparses', () => {
  it.each(inputs)('%s', (file) => {
    const text = readFileSync(new URL(`in/${file}`, dir), 'utf8');
    const actual = JSON.stringify(parse(text), null, 1) + '\n';
    const outFile = new URL(`out/${file.replace(/\.txt$/, '.geojson')}`, dir);
    if (process.env.REGEN || !existsSync(outFile)) writeFileSync(outFile, actual);
    expect(actual, `golden file ${file}: regenerate with REGEN=1 if the change is intended`).toBe(readFileSync(outFile, 'utf8'));
  });
});
