// Larger than one machine: an existing engine pipes JSON Lines through the command, one long-
// lived process per worker, each loading the gazetteer once. Local stand-ins for GNU parallel
// across hosts (or a Spark/Beam step calling the command per partition): coreutils `split
// --filter`, always there, and GNU parallel itself where it is installed (Debian: parallel).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, bundle, cleanEnv, geoparse, jsonl, tempDir } from './cli-helpers.ts';

const dir = tempDir();
const CITIES = ['Dhaka', 'Lyon', 'Baku', 'Tbilisi', 'Nairobi', 'Lima', 'Hanoi', 'Oslo', 'Quito', 'Accra'];
const docs = Array.from({ length: 60 }, (_, i) => ({ id: `doc-${i}`, text: `Aid reached ${CITIES[i % 10]} from ${CITIES[(i + 3) % 10]} on day ${i}. `.repeat(1 + (i % 7)) }));
const input = join(dir, 'corpus.jsonl');
writeFileSync(input, jsonl(docs));
const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;

beforeAll(buildBundle, 120_000);

const sh = (script: string) => spawnSync('bash', ['-c', `set -euo pipefail; ${script}`], { cwd: dir, encoding: 'utf8', env: cleanEnv(), maxBuffer: 1 << 28 });
const byId = (lines: string[]) => new Map(lines.filter(Boolean).map((l) => [JSON.parse(l).id as string, l]));
const statsLines = (text: string) => text.split('\n').filter((l) => l.startsWith('{"jobs"')).map((l) => JSON.parse(l));

describe('batch mode under an engine that pipes JSON Lines through a command', () => {
  const direct = () => geoparse(['--batch', input]).stdout;

  it('coreutils split --filter: two long-lived processes, lines dealt round-robin, each loading once', () => {
    const run = sh(`split -n r/2 --filter='node ${bundle} --batch - --jobs 1 --stats > $FILE.out 2> $FILE.err' ${input} part-`);
    expect(run.status, run.stderr).toBe(0);
    const outs = readdirSync(dir).filter((f) => /^part-.*\.out$/.test(f));
    expect(outs).toHaveLength(2);
    const lines = outs.flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'));
    expect(byId(lines)).toEqual(byId(direct().split('\n')));
    const stats = outs.flatMap((f) => statsLines(readFileSync(join(dir, f.replace(/\.out$/, '.err')), 'utf8')));
    expect(stats.map((s) => [s.workers.length, s.restarts])).toEqual([[1, 0], [1, 0]]);
    expect(stats.reduce((n, s) => n + s.documents, 0)).toBe(docs.length);
  });

  it.skipIf(!hasParallel)('GNU parallel --pipe --keep-order: the same bytes as one process', () => {
    const run = sh(`parallel --will-cite --pipe --keep-order --block 6k -j 2 node ${bundle} --batch - --jobs 1 < ${input}`);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(direct());
  });

  it.skipIf(!hasParallel)('GNU parallel --pipe --round-robin: one process per job slot for the whole stream, each loading once', () => {
    const run = sh(`parallel --will-cite --pipe --round-robin --block 2k -j 2 'node ${bundle} --batch - --jobs 1 --stats' < ${input}`);
    expect(run.status, run.stderr).toBe(0);
    expect(byId(run.stdout.split('\n'))).toEqual(byId(direct().split('\n')));
    const stats = statsLines(run.stderr);
    expect(stats.map((s) => s.workers.length)).toEqual([1, 1]);
    expect(stats.reduce((n, s) => n + s.documents, 0)).toBe(docs.length);
  });
});
