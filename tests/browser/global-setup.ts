// Global setup of the `browser` project: build the app once in test mode, serve it, and hand
// its URL to the tests (`inject('baseURL')`). ATLAS_BASE_URL skips both and tests a running app.
// It also arms the suite's one overall guard: tests have no per-test clock (vitest.config.ts).
import type { TestProject } from 'vitest/node';
import { buildApp, removeDir, startPreview } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** The built app (null when testing a running app through ATLAS_BASE_URL). */
    distDir: string | null;
  }
}

/**
 * The whole run may take this long before it is called hung (default 60 minutes,
 * `ATLAS_SUITE_GUARD_MIN` to change): an idle 2-core machine needs about 10, a loaded one a few
 * times that. Global setups run before any test of either project, so this covers the run.
 */
const SUITE_GUARD_MS = Number(process.env.ATLAS_SUITE_GUARD_MIN ?? 60) * 60_000;

function armSuiteGuard(): void {
  const started = Date.now();
  setTimeout(() => {
    const minutes = Math.round((Date.now() - started) / 60_000);
    process.stderr.write(`\nhang guard: the test run has gone on for ${minutes} minutes; something waits for a condition that never comes. Stopping.\n`);
    process.exit(1);
  }, SUITE_GUARD_MS).unref();
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  armSuiteGuard();
  const given = process.env.ATLAS_BASE_URL;
  if (given) {
    project.provide('baseURL', given.endsWith('/') ? given : `${given}/`);
    project.provide('distDir', null);
    return undefined;
  }
  const outDir = await buildApp({ mode: 'test', env: { VITE_TEST: '1' } });
  const preview = await startPreview(outDir, 'test');
  project.provide('baseURL', preview.url);
  project.provide('distDir', outDir);
  return async () => {
    await preview.stop();
    removeDir(outDir);
  };
}
