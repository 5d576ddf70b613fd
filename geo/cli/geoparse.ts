// The geoparse command (npm run --silent geoparse, npx, or node geo/cli/dist/geoparse.js):
//   geoparse <file or ->                    the FeatureCollection of one article
//   geoparse --batch [<file or ->] [--jobs N] [--compact]   JSON Lines {"id","text"} in, {"id","places"} out
// This file is also the batch workers' entry: the bundle starts itself as each worker thread.
import { isMainThread, workerData } from 'node:worker_threads';
import { inputPath, parseArgs, USAGE } from './args.ts';
import { runBatch } from './batch.ts';
import { tuneCompilerForBatch } from './compiler-flags.ts';
import { single } from './single.ts';
import { changedSources } from './stale.ts';
import { runWorker } from './worker.ts';

function fail(message: string): never {
  process.stderr.write(`geoparse: ${message}\n`);
  process.exit(1);
}

/** A reader that went away (`| head -1`) ends the command quietly, not with an EPIPE trace. */
function quietOnClosedStdout(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit(0);
    fail(`cannot write the output: ${e.message}`);
  });
}

/** Changed sources mean this bundle runs old code: say so (the check reads and hashes them, about 5 ms). */
function warnIfStale(): void {
  const changed = changedSources(import.meta.url);
  if (changed.length) process.stderr.write(`geoparse: warning: ${changed.join(', ')} changed since this bundle was built; run npm run build:cli\n`);
}

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2));
  if (!parsed.ok) fail(`${parsed.error}\n${USAGE}`);
  const { options } = parsed;
  quietOnClosedStdout();
  const path = inputPath(options.path);
  if (options.mode === 'single') {
    warnIfStale();
    const result = single(options, path);
    if (!result.ok) fail(result.error);
    // The collection is written whole or not at all: a SIGTERM that comes while it is being
    // written ends the process once it is out.
    process.once('SIGTERM', () => process.stdout.write('', () => process.exit(143)));
    for (const chunk of result.chunks) process.stdout.write(chunk);
    if (options.stats) process.stderr.write(JSON.stringify(result.stats) + '\n');
    return;
  }
  // The compiler settings only once the first result is out: set before it, they delay it.
  const stats = await runBatch(options, path, new URL(import.meta.url), fail, warnIfStale, () => tuneCompilerForBatch(options.jobs));
  if (options.stats) process.stderr.write(JSON.stringify(stats) + '\n');
}

if (!isMainThread && workerData?.role === 'geoparse-worker') await runWorker();
else await main();
