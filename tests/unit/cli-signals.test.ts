// The command as a good citizen of a pipeline (issue 12, item 6): a reader that goes away
// (`| head -1`) ends it quietly, and SIGTERM, to npm or to the command itself, leaves whole
// lines and no process behind.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, bundle, cleanEnv, jsonl, root, tempDir } from './cli-helpers.ts';

const dir = tempDir();
const article = readFileSync(join(root, 'tests/golden/in/karabakh.txt'), 'utf8');
/** Enough documents that the command is still writing when the test acts. */
const corpus = join(dir, 'many.jsonl');
writeFileSync(corpus, jsonl(Array.from({ length: 3000 }, (_, i) => ({ id: i, text: article }))));

beforeAll(buildBundle, 120_000);

/** Resolves once `stdout` has produced `lines` newlines. */
function linesSeen(stream: NodeJS.ReadableStream, lines: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const on = (chunk: Buffer) => {
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) seen++;
      if (seen >= lines) {
        stream.off('data', on);
        resolve();
      }
    };
    stream.on('data', on);
  });
}

/** Whether a process with this pid still exists (signal 0 tests without sending). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pids of the children of `pid`, from /proc. */
function childrenOf(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

describe('geoparse in a pipeline', () => {
  it('ends quietly, without an EPIPE trace, when its reader goes away (| head -1)', () => {
    const run = spawnSync('bash', ['-c', `set -o pipefail; node ${bundle} --batch ${corpus} | head -1`], { cwd: root, encoding: 'utf8', env: cleanEnv() });
    expect(run.stderr).not.toMatch(/EPIPE|Error/);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).id).toBe(0);
  });

  it('leaves whole lines when it gets SIGTERM', async () => {
    const child = spawn(process.execPath, [bundle, '--batch', corpus], { cwd: root, env: cleanEnv() });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    await linesSeen(child.stdout, 5);
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.on('close', (c, signal) => r(c ?? signal)));
    expect(code).toBe(143);
    expect(out.endsWith('\n')).toBe(true);
    const lines = out.split('\n').filter(Boolean);
    expect(lines.length).toBeLessThan(3000);
    lines.forEach((l, i) => expect(JSON.parse(l).id).toBe(i));
  });

  it('runs as the direct child of npm run, so SIGTERM to npm stops it and leaves no orphan writing', async () => {
    const npm = spawn('npm', ['run', '--silent', 'geoparse', '--', '--batch', corpus], { cwd: root, env: cleanEnv() });
    let out = '';
    npm.stdout.on('data', (c) => (out += c));
    await linesSeen(npm.stdout, 5);
    // npm starts the script with `sh -c "exec node ..."`: its one child is node itself.
    const [node] = childrenOf(npm.pid!);
    expect(readFileSync(`/proc/${node}/cmdline`, 'utf8').split('\0')).toEqual(['node', 'geo/cli/dist/geoparse.js', '--batch', corpus, '']);
    npm.kill('SIGTERM');
    await new Promise((r) => npm.on('close', r));
    // The command ends with npm (waiting for a condition, not for a time).
    while (alive(node)) await new Promise((r) => setImmediate(r));
    expect(out.endsWith('\n')).toBe(true);
    for (const l of out.split('\n').filter(Boolean)) expect(typeof JSON.parse(l).id).toBe('number');
  });
});
