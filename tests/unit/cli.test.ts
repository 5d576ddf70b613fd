// The command-line contract other tools rely on: `npm run --silent geoparse -- <file or ->`
// prints one FeatureCollection; `--batch` streams JSON Lines; bad input fails with a message.
// Every run starts the bundle built from the current sources in beforeAll.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, cleanEnv, geoparse, root, tempDir } from './cli-helpers.ts';

const dir = tempDir();
beforeAll(buildBundle, 120_000);

// Each test waits for a whole process to end; the bound is for a machine under load, not a speed.
describe('geoparse command', () => {
  it('prints the FeatureCollection of a text read from stdin, with the text its offsets refer to', () => {
    const text = 'Protesters marched in Tbilisi, the capital of Georgia, and in Batumi.';
    const run = geoparse(['-'], text);
    expect(run.status, run.stderr).toBe(0);
    const places = JSON.parse(run.stdout);
    expect(places.type).toBe('FeatureCollection');
    expect(places.features.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining(['tbilisi', 'georgia', 'batumi']));
    expect(places.features.find((f: { id: string }) => f.id === 'georgia').properties.country).toBe('GE');
    expect(places.text).toBe(text);
    expect(places).not.toHaveProperty('title');
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

  it('refuses an unknown option with the usage and a failing status', () => {
    const run = geoparse(['--bogus', '-'], '');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/unknown option --bogus[\s\S]*usage/);
  });

  it('streams JSON Lines in batch mode, one result per document, errors in place', () => {
    const input = ['{"id":"a","text":"Floods hit Dhaka."}', 'not json', '{"id":"c","text":""}', '{"id":"d"}'].join('\n');
    const run = geoparse(['--batch', '-'], input);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.lines();
    expect(lines.map((l) => l.id)).toEqual(['a', null, 'c', 'd']);
    expect(lines[0].places.features[0].id).toBe('dhaka');
    expect(lines[1]).toMatchObject({ line: 2, error: expect.stringMatching(/JSON/) });
    expect(lines[2].places.features).toEqual([]);
    expect(lines[3].error).toMatch(/text/);
  });
});

describe('npm run --silent geoparse', () => {
  const npm = (args: string[], cwd: string) => spawnSync('npm', ['run', '--silent', '--prefix', root, 'geoparse', '--', ...args], { cwd, encoding: 'utf8', env: cleanEnv() });

  it('starts node on the built bundle, with no TypeScript loader in between', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    // exec: the shell npm starts gives way to node, which then gets npm's signals itself.
    expect(pkg.scripts.geoparse).toBe('exec node geo/cli/dist/geoparse.js');
    expect(pkg.bin.geoparse).toBe('geo/cli/dist/geoparse.js');
    expect(readFileSync(join(root, pkg.bin.geoparse), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('runs as the package bin through npx', () => {
    const run = spawnSync('npx', ['--no-install', 'geoparse', '-'], { cwd: root, input: 'Floods hit Dhaka.', encoding: 'utf8', env: cleanEnv() });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).features.map((f: { id: string }) => f.id)).toEqual(['dhaka']);
  });

  it('reads a relative path from the directory it was called in, not the package root', () => {
    writeFileSync(join(dir, 'relative.txt'), 'Floods hit Dhaka.');
    const run = npm(['relative.txt'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).features.map((f: { id: string }) => f.id)).toEqual(['dhaka']);
  });
});
