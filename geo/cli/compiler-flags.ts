// V8's optimising compiler, tuned for batch geoparsing. Each worker thread compiles its own copy
// of the pipeline's code on V8's background threads, and on a machine with few cores those
// threads take CPU time from the workers. Measured on this 2-core machine, in adjacent pairs of
// runs against the defaults (tests/bench/cli-bench.ts measures the same on each run):
// - a smaller inlining budget per function (300 bytes of bytecode, V8's default is 920):
//   smaller optimised functions, compiled faster, the hot loops no slower: 6% less wall time
//   with one job, 10% with two;
// - with two jobs or more, a function must run longer before it is optimised (an interrupt
//   budget of 1 MB, default 132 kB): fewer compilations of lukewarm code, 23% less wall time
//   together with the first; with one job the compiler has a core of its own, and waiting
//   only slows the worker down (15% more), so it is not set.
// Both are process-wide and read whenever V8 compiles or resets a function's budget, so one
// call on the main thread reaches every worker. The batch sets them once its first result is
// out, not at start-up: the first document runs on cold code, and a later optimisation only
// delays it (first result 0.37-0.62 s with them set at start-up, 0.34-0.50 s after, in 7 runs
// each on 200 documents, the total wall time the same).
// GEOPARSE_V8_DEFAULTS=1 leaves V8's defaults, for the bench's comparison.
import { setFlagsFromString } from 'node:v8';

/** Applies the batch's compiler settings; false when the environment asks for V8's defaults. */
export function tuneCompilerForBatch(jobs: number): boolean {
  if (process.env.GEOPARSE_V8_DEFAULTS === '1') return false;
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');
  if (jobs >= 2) setFlagsFromString('--interrupt-budget=1000000');
  return true;
}
