// Vite build of the Article Atlas web app: a static site that works under any sub-path.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * The gazetteer is a .gz file the worker decompresses itself. Served under a name ending in
 * `.gz`, `vite preview` (and some static hosts) add `Content-Encoding: gzip`, so the browser
 * decodes it on the way and the download's progress can no longer be counted against its
 * length. A `.bin` suffix keeps the bytes as they are; the worker still checks the gzip magic.
 */
const assetFileNames = (asset: { names: string[] }) =>
  asset.names.some((n) => n.endsWith('.gz')) ? 'assets/[name]-[hash][extname].bin' : 'assets/[name]-[hash][extname]';

export default defineConfig({
  base: './',
  publicDir: 'src/public',
  plugins: [svelte()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: { output: { assetFileNames } },
  },
  worker: {
    rolldownOptions: { output: { assetFileNames } },
  },
});
