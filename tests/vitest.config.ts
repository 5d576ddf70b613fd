// Test runner for the whole repository: `unit` runs pure code in Node; `browser` drives the
// built app in Debian's Chromium through playwright-core, one file at a time.
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  // Unit tests may import `.svelte.ts` state classes, whose runes need the Svelte compiler.
  plugins: [svelte({ configFile: false })],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root,
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          root,
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // Builds the app once in test mode and serves it with `vite preview`.
          globalSetup: ['tests/browser/global-setup.ts'],
          // One Chromium at a time: the machine has two cores and SwiftShader renders on the CPU.
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // After the unit tests, so the two never compete for the CPU.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
