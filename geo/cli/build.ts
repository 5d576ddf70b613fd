// npm run build:cli (also npm's `prepare`, so `npm ci` leaves a working command): bundles the
// command line into plain JavaScript in geo/cli/dist/, so `npm run geoparse` and `npx` start
// node on it directly, with no TypeScript loader in between (tsx alone cost 0.55 s a start).
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI_DIR = fileURLToPath(new URL('./', import.meta.url));
export const DEFAULT_OUT_DIR = join(CLI_DIR, 'dist');

/** The commands that ship as bundles: name → entry point. */
export const ENTRIES = { geoparse: 'geo/cli/geoparse.ts', eval: 'geo/cli/eval.ts' } as const;

/** Written beside the bundles: the source files each was built from, with their hashes. */
export interface Manifest {
  /** Path from the out dir to the repository root, for finding the sources again. */
  root: string;
  sources: Record<string, string>;
}

export const MANIFEST = 'sources.json';

export const hashOf = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');

const posix = (p: string) => p.split(sep).join('/');

/**
 * The core finds its data files with `new URL('./data/…', import.meta.url)`. In one bundle
 * every module would share the bundle's URL, so each module outside geo/cli/ gets its own
 * back: its source file's place, relative to the bundle. Data is then found relative to the
 * bundle wherever the out dir is, and the core needs no change to be bundled.
 */
function sourceUrls(outDir: string): Plugin {
  return {
    name: 'source-urls',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        let contents = readFileSync(args.path, 'utf8');
        if (!args.path.startsWith(CLI_DIR) && contents.includes('import.meta.url')) {
          const here = JSON.stringify(posix(relative(outDir, args.path)));
          contents = contents.replaceAll('import.meta.url', `new URL(${here}, import.meta.url).href`);
        }
        return { contents, loader: 'ts' };
      });
    },
  };
}

/** Write through a temporary name: a test or a run reading the bundle meanwhile sees the old one or the new one, whole. */
function writeAtomically(path: string, contents: Uint8Array | string, mode = 0o644): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, contents, { mode });
  chmodSync(tmp, mode); // the umask must not take the execute bit a bin needs
  renameSync(tmp, path);
}

export interface BuildOptions {
  /** Where the bundles go. Default: geo/cli/dist/ (git-ignored). */
  outDir?: string;
}

/** Bundle every entry; returns the paths written. */
export async function buildCli(options: BuildOptions = {}): Promise<string[]> {
  const outDir = resolve(options.outDir ?? DEFAULT_OUT_DIR);
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, entry]) => [name, join(ROOT, entry)])),
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // es2022, not node20: esbuild lowers every \p{…} regex literal for node20 into a
    // `new RegExp` built again on each call, which cost 4% of the batch CLI's time.
    target: 'es2022',
    write: false,
    metafile: true,
    legalComments: 'none',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [sourceUrls(outDir)],
    logLevel: 'warning',
  });
  const written: string[] = [];
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeAtomically(file.path, file.contents, 0o755);
    written.push(file.path);
  }
  const sources: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs).sort()) sources[posix(input)] = hashOf(readFileSync(join(ROOT, input)));
  const manifest: Manifest = { root: posix(relative(outDir, ROOT)) || '.', sources };
  writeAtomically(join(outDir, MANIFEST), JSON.stringify(manifest, null, 1) + '\n');
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const started = performance.now();
  const files = await buildCli({ outDir: process.argv[2] });
  process.stderr.write(`build:cli: ${files.map((f) => posix(relative(process.cwd(), f))).join(', ')} in ${(performance.now() - started).toFixed(0)} ms\n`);
}
