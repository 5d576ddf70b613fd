// The bundle is the command: built from the current sources (the test suite builds it before
// using it, and `npm ci` through `prepare`), plain JavaScript that finds its data relative to
// itself wherever it is put, and that says so when its sources changed after it was built.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, MANIFEST, hashOf } from '../../geo/cli/build.ts';
import { buildBundle, bundle, cleanEnv, root, tempDir } from './cli-helpers.ts';

const elsewhere = tempDir();
beforeAll(async () => {
  await buildBundle();
  await buildCli({ outDir: elsewhere });
}, 120_000);

const run = (file: string, input: string) => spawnSync(process.execPath, [file, '-'], { cwd: elsewhere, input, encoding: 'utf8', env: cleanEnv() });

describe('the geoparse bundle', () => {
  it('is plain JavaScript that needs no TypeScript loader, executable as a bin', () => {
    const code = readFileSync(bundle, 'utf8');
    expect(statSync(bundle).mode & 0o111).toBe(0o111);
    expect(code.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(code).not.toMatch(/from ["']tsx|\.ts["']\)/);
  });

  it('finds its data relative to itself when built into another directory', () => {
    const text = 'Protesters marched in Tbilisi and Batumi.';
    const moved = run(join(elsewhere, 'geoparse.js'), text);
    expect(moved.status, moved.stderr).toBe(0);
    expect(moved.stdout).toBe(run(bundle, text).stdout);
    expect(JSON.parse(moved.stdout).features.map((f: { id: string }) => f.id)).toEqual(['tbilisi', 'batumi']);
  });

  it('records the hash of every source it was built from', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'geo/cli/dist', MANIFEST), 'utf8'));
    for (const path of ['geo/cli/geoparse.ts', 'geo/geoparse.ts', 'geo/resources-node.ts', 'geo/text/input.ts']) {
      expect(manifest.sources[path], path).toBe(hashOf(readFileSync(join(root, path))));
    }
  });

  it('warns when a source changed after it was built, and is silent when none did', () => {
    const text = 'Floods hit Dhaka.';
    expect(run(join(elsewhere, 'geoparse.js'), text).stderr).toBe('');
    const file = join(elsewhere, MANIFEST);
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    manifest.sources['geo/text/input.ts'] = '0'.repeat(40);
    writeFileSync(file, JSON.stringify(manifest));
    const stale = run(join(elsewhere, 'geoparse.js'), text);
    expect(stale.status).toBe(0);
    expect(stale.stderr).toMatch(/warning: geo\/text\/input\.ts changed since this bundle was built; run npm run build:cli/);
  });

  it('is built by npm ci on a fresh clone (prepare) and run by npm run geoparse', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.prepare).toBe('tsx geo/cli/build.ts');
    expect(pkg.scripts['build:cli']).toBe('tsx geo/cli/build.ts');
    expect(pkg.scripts.geoparse).toMatch(/^exec node geo\/cli\/dist\/geoparse\.js$/);
  });
});
