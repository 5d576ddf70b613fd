// The geoparse command's arguments: one typed options object, each field with its default,
// and a precise message for anything it does not understand.
import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';

export interface CliOptions {
  /** One document to one FeatureCollection, or JSON Lines in and out. Default: 'single'. */
  mode: 'single' | 'batch';
  /** The input file, or '-' for stdin. Default: '-' in batch mode (required in single mode). */
  path: string;
  /** Worker threads for batch mode. Default: the number of cores. */
  jobs: number;
  /** Statements as sentence indices, sentences once as offsets, mentions as [start, end, sentence]. Default: false. */
  compact: boolean;
  /** A result whose JSON would exceed this many bytes is an error instead. Default: 512 MB. */
  maxOutputBytes: number;
  /** Old-generation heap limit of each worker in MB (a document beyond it gets an error line); 0: Node's default. Default: 0. */
  workerHeapMb: number;
  /** Print counts, speeds and memory per worker as one JSON line on stderr at the end. Default: false. */
  stats: boolean;
}

export const defaultOptions: CliOptions = {
  mode: 'single',
  path: '-',
  jobs: availableParallelism(),
  compact: false,
  maxOutputBytes: 512e6,
  workerHeapMb: 0,
  stats: false,
};

export const USAGE = [
  'usage: geoparse <file or ->                            one article (text, Markdown or HTML) to a FeatureCollection',
  '       geoparse --batch [<file.jsonl or ->] [options]  {"id","text"} lines in, {"id","places"} lines out',
  'options: --jobs N (batch: worker threads, default: cores)   --compact (statements as sentence indices)',
  '         --max-output-mb N (default 512)   --worker-heap-mb N (batch)   --stats (figures on stderr)',
].join('\n');

const NUMBER_FLAGS = { '--jobs': 'jobs', '--max-output-mb': 'maxOutputBytes', '--worker-heap-mb': 'workerHeapMb' } as const;

/** The options of an argument list, or a message saying what is wrong with it. */
export function parseArgs(args: string[], defaults: CliOptions = defaultOptions): { ok: true; options: CliOptions } | { ok: false; error: string } {
  const options = { ...defaults };
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].startsWith('--') && args[i].includes('=') ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)] : [args[i], undefined];
    if (flag === '--batch') options.mode = 'batch';
    else if (flag === '--compact') options.compact = true;
    else if (flag === '--stats') options.stats = true;
    else if (flag in NUMBER_FLAGS) {
      const value = Number(inline ?? args[++i]);
      const key = NUMBER_FLAGS[flag as keyof typeof NUMBER_FLAGS];
      if (!Number.isFinite(value) || value < 0 || (key === 'jobs' && (!Number.isInteger(value) || value < 1))) {
        return { ok: false, error: `${flag} needs a ${key === 'jobs' ? 'whole number of at least 1' : 'number of at least 0'}` };
      }
      if (key === 'maxOutputBytes') options.maxOutputBytes = value * 1e6;
      else options[key] = value;
    } else if (flag === '-' || !flag.startsWith('-')) paths.push(flag);
    else return { ok: false, error: `unknown option ${flag}` };
  }
  if (paths.length > 1) return { ok: false, error: `one input at a time (got ${paths.join(', ')})` };
  if (options.mode === 'single' && !paths.length) return { ok: false, error: 'no input: give a file, or - for stdin' };
  options.path = paths[0] ?? '-';
  return { ok: true, options };
}

/**
 * A relative path as the caller meant it. `npm run` starts scripts in the package root and
 * names the caller's directory in INIT_CWD; anywhere else (npx, node directly) the working
 * directory already is the caller's. INIT_CWD is only trusted under npm's own script run, so
 * a process started by some other npm script with another working directory is not misled.
 */
export function inputPath(path: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  if (path === '-' || isAbsolute(path)) return path;
  const underNpm = (env.npm_lifecycle_event === 'geoparse' || env.npm_lifecycle_event === 'eval') && env.INIT_CWD && env.npm_package_json && resolve(env.npm_package_json, '..') === cwd;
  return resolve(underNpm ? env.INIT_CWD! : cwd, path);
}
