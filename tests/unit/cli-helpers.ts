// Running the geoparse command as users run it: the bundle, built from the current sources
// first (so a stale bundle can never pass), started as a plain node process.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, DEFAULT_OUT_DIR } from '../../geo/cli/build.ts';

export const root = new URL('../../', import.meta.url).pathname;
export const bundle = join(DEFAULT_OUT_DIR, 'geoparse.js');

/** Build geo/cli/dist/ from the sources as they are now (atomic: parallel test files may do it too). */
export const buildBundle = () => buildCli();

export const tempDir = () => mkdtempSync(join(tmpdir(), 'atlas-cli-'));

export interface Run extends SpawnSyncReturns<string> {
  lines: () => Record<string, any>[];
}

/** The command, run to its end: `node geo/cli/dist/geoparse.js ...args`. */
export function geoparse(args: string[], input?: string | Buffer, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const run = spawnSync(process.execPath, [bundle, ...args], {
    cwd: options.cwd ?? root,
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: options.env ?? cleanEnv(),
  }) as Run;
  run.lines = () => run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return run;
}

/** The environment without npm's variables, as a shell would give it. */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'INIT_CWD'));
}

export { spawn, spawnSync };

/** JSON Lines of documents. */
export const jsonl = (docs: unknown[]) => docs.map((d) => JSON.stringify(d)).join('\n') + '\n';

/** The figures `--stats` writes as the last line of stderr. */
export const statsOf = (stderr: string) => JSON.parse(stderr.trim().split('\n').pop()!);

/** Every mention and statement of a collection checked against the text its offsets refer to. */
export function offsetFaults(text: string, places: { features: { properties: { mentions: { text: string; start: number; end: number }[]; statements?: { text: string; start: number; end: number }[] } }[] }): string[] {
  const faults: string[] = [];
  for (const f of places.features) {
    for (const m of f.properties.mentions) if (text.slice(m.start, m.end) !== m.text) faults.push(`mention ${JSON.stringify(m.text)} at ${m.start}: ${JSON.stringify(text.slice(m.start, m.end))}`);
    for (const s of f.properties.statements ?? []) if (text.slice(s.start, s.end) !== s.text) faults.push(`statement at ${s.start}`);
  }
  return faults;
}
