// The command-line contract other tools rely on: `npm run --silent geoparse -- <file or ->`
// prints one FeatureCollection; `--batch` streams JSON Lines; bad input fails with a message.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const geoparse = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'geo/cli/geoparse.ts', ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));

describe('geoparse command', () => {
  it('prints the FeatureCollection of a text read from stdin', () => {
    const run = geoparse(['-'], 'Protesters marched in Tbilisi, the capital of Georgia, and in Batumi.');
    expect(run.status, run.stderr).toBe(0);
    const places = JSON.parse(run.stdout);
    expect(places.type).toBe('FeatureCollection');
    expect(places.features.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining(['tbilisi', 'georgia', 'batumi']));
    expect(places.features.find((f: { id: string }) => f.id === 'georgia').properties.country).toBe('GE');
  });

  it('reduces an HTML file to its text and returns it with its title', () => {
    const file = join(dir, 'a.html');
    writeFileSync(file, '<html><head><title>Flood</title><script>var Paris = 1;</script></head><body><p>Rain flooded Lyon.</p></body></html>');
    const run = geoparse([file]);
    const out = JSON.parse(run.stdout);
    expect([out.title, out.text]).toEqual(['Flood', 'Rain flooded Lyon.']);
    expect(out.features.map((f: { id: string }) => f.id)).toEqual(['lyon']);
  });

  it('refuses a binary file with a clear message and a failing status', () => {
    const file = join(dir, 'b.bin');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    const run = geoparse([file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not text/);
    expect(run.stdout).toBe('');
  });

  it('streams JSON Lines in batch mode, one result per document, errors in place', () => {
    const input = ['{"id":"a","text":"Floods hit Dhaka."}', 'not json', '{"id":"c","text":""}', '{"id":"d"}'].join('\n');
    const run = geoparse(['--batch', '-'], input);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', null, 'c', 'd']);
    expect(lines[0].places.features[0].id).toBe('dhaka');
    expect(lines[1].error).toMatch(/JSON/);
    expect(lines[2].places.features).toEqual([]);
    expect(lines[3].error).toMatch(/text/);
  });
});
