// Test runner for the whole repository: `unit` runs pure code in Node; `browser` drives the
// built app in Debian's Chromium through playwright-core, one file at a time.
//
// No test fails for being slow. A busy machine (the suite shares two cores with other work)
// makes every step several times slower, and a per-test clock then fails correct tests; so
// tests wait for conditions, property tests bound their input size, and the clocks here are
// hang guards far beyond any correct run: 15 minutes a test or hook (the slowest takes well
// under a minute on an idle machine), helpers.ts's 5 minutes a wait, and global-setup.ts's
// 60 minutes for the whole run. A hung test is then named after 15 minutes, not never.
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  // Unit tests may import `.svelte.ts` state classes, whose runes need the Svelte compiler.
  plugins: [svelte({ configFile: false })],
  test: {
    testTimeout: 15 * 60_000,
    hookTimeout: 15 * 60_000,
    teardownTimeout: 5 * 60_000,
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
          // After the unit tests, so the two never compete for the CPU.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
