// Global setup of the `browser` project: build the app once in test mode, serve it, and hand
// its URL to the tests (`inject('baseURL')`). ATLAS_BASE_URL skips both and tests a running app.
import type { TestProject } from 'vitest/node';
import { buildApp, removeDir, startPreview } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** The built app (null when testing a running app through ATLAS_BASE_URL). */
    distDir: string | null;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
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
