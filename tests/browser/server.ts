// Builds the app and serves it with `vite preview` on a free port, for the browser tests and
// the benchmark. The server is started as its own process and stopped by its pid. Nothing here
// fails for being slow: the waits have only a hang guard.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const viteBin = join(repoRoot, 'node_modules', '.bin', 'vite');

/** How long `vite preview` may take to answer before it is called hung (helpers.ts has the same guard for waits). */
const SERVER_GUARD_MS = Number(process.env.ATLAS_HANG_GUARD_S ?? 300) * 1000;

export interface BuildOptions {
  /** Vite mode: `test` turns on the app's test hooks. Default `'production'`. */
  mode?: string;
  /** Output directory. Default: a fresh temporary directory. */
  outDir?: string;
  /** Extra environment for the build (e.g. `VITE_TEST: '1'`). Default none. */
  env?: Record<string, string>;
}

/** Runs `vite build` and resolves with the output directory; rejects with the build log on failure. */
export async function buildApp(options: BuildOptions = {}): Promise<string> {
  const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), 'atlas-dist-'));
  const args = ['build', '--mode', options.mode ?? 'production', '--outDir', outDir, '--emptyOutDir'];
  const log = await run(viteBin, args, { ...process.env, ...options.env });
  if (log.code !== 0) throw new Error(`vite build failed (exit ${log.code}):\n${log.output.slice(-4000)}`);
  return outDir;
}

export interface Preview {
  /** Where the app is served, ending in `/` (includes Vite's `base` if it is a sub-path). */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `vite preview` on a free port for `outDir` and waits until it answers. `base` serves
 * the same files under a sub-path (default: the config's base).
 */
export async function startPreview(outDir: string, mode = 'production', base?: string): Promise<Preview> {
  const port = await freePort();
  const args = ['preview', '--host', '127.0.0.1', '--strictPort', '--port', String(port), '--outDir', outDir, '--mode', mode];
  if (base) args.push('--base', base);
  const child = spawn(viteBin, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const stop = () => stopChild(child);
  try {
    const url = await waitForServer(child, port, () => output);
    return { url, pid: child.pid ?? -1, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Removes a directory made by `buildApp`. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

async function waitForServer(child: ChildProcess, port: number, output: () => string): Promise<string> {
  const guard = Date.now() + SERVER_GUARD_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${output()}`);
    // Vite prints `Local: http://127.0.0.1:<port>/<base>/`; the base matters if the app sets one.
    const local = /Local:\s+(http:\/\/\S+)/.exec(output().replace(/\x1b\[[0-9;]*m/g, ''));
    if (local) {
      const url = local[1]!;
      try {
        // One attempt may stall on a busy machine; it is dropped and the next one made.
        const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
        if (response.ok) return url.endsWith('/') ? url : `${url}/`;
      } catch {
        // Not answering yet.
      }
    }
    if (Date.now() > guard) throw new Error(`hang guard: vite preview did not answer on port ${port} in ${SERVER_GUARD_MS / 1000} s:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** SIGTERM, and SIGKILL if the server has not gone 10 s later (an escalation, never a failure). */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    process.kill(child.pid as number, 'SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}
