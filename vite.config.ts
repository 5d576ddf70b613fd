// Vite build of the Article Atlas web app: a static site that works under any sub-path, with a
// strict Content-Security-Policy: the page runs only its own scripts and loads only its own files.
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * The gazetteer is a .gz file the worker decompresses itself. Served under a name ending in
 * `.gz`, `vite preview` (and some static hosts) add `Content-Encoding: gzip`, so the browser
 * decodes it on the way and the download's progress can no longer be counted against its
 * length. A `.bin` suffix keeps the bytes as they are; the worker still checks the gzip magic.
 */
const assetFileNames = (asset: { names: string[] }) =>
  asset.names.some((n) => n.endsWith('.gz')) ? 'assets/[name]-[hash][extname].bin' : 'assets/[name]-[hash][extname]';

/**
 * Data the code fetches (`?url` imports: gazetteer tiers, tagger, lexicons) is never inlined as
 * a data: URL, however small: fetching one is a connection that `connect-src 'self'` refuses
 * (the 143 small country tiers were, until this rule). Other assets follow Vite's default.
 */
const fetchedStaysAFile = (file: string): false | undefined => (/\.(gz|json|bin|pmtiles)$/.test(file) ? false : undefined);

/**
 * The policy of the built app, the same in its meta tag and its header. Everything comes from the page's own
 * origin; the exceptions are each needed by a named part and by nothing more:
 * - `img-src data:`: MapLibre's stylesheet draws the zoom and attribution buttons as
 *   `data:image/svg+xml` backgrounds, and index.html's empty favicon (`data:,`) keeps the
 *   browser from asking the server for /favicon.ico.
 * Not needed, so not allowed: `blob:` (MapLibre starts its worker from the same-origin URL
 * that `setWorkerUrl` gives it, and makes a blob: worker only for a cross-origin URL; the
 * geoparse worker is a same-origin module; the exports' blob: download links are navigations,
 * which no fetch directive governs), `'unsafe-eval'` (neither Svelte 5 nor MapLibre 6 compiles
 * code at run time), `'unsafe-inline'` (Vite writes no inline script or style into the build;
 * Svelte and MapLibre set styles through the CSSOM, which style-src does not govern).
 */
export function contentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self'",
    "font-src 'self'",
    "img-src 'self' data:",
    ["connect-src 'self'", ...extraConnectSources].join(' '),
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * As an HTTP header the policy can say more than a meta tag: `frame-ancestors` (a meta tag
 * ignores it) keeps other sites from framing the app. A header also governs the workers, whose
 * scripts a page's meta tag does not reach. `vite preview` sends it; README "Hosting" has it.
 */
export const headerPolicy = (policy: string) => `${policy}; frame-ancestors 'self'`;

/**
 * Origins the app may connect to besides its own: none, unless the build names an online
 * basemap style (VITE_BASEMAP_STYLE_URL, its origin is added) or more origins for its tiles,
 * glyphs and sprites (VITE_CSP_CONNECT_SRC, space-separated). MapLibre fetches all of those,
 * so connect-src is the only directive they need.
 */
function extraConnectSources(env: Record<string, string>): string[] {
  const sources: string[] = [];
  if (env.VITE_BASEMAP_STYLE_URL) sources.push(new URL(env.VITE_BASEMAP_STYLE_URL).origin);
  sources.push(...(env.VITE_CSP_CONNECT_SRC ?? '').split(/\s+/).filter(Boolean));
  for (const source of sources) {
    if (/[;,'"\s]/.test(source)) throw new Error(`not a CSP source: ${JSON.stringify(source)}`);
  }
  return [...new Set(sources)];
}

/**
 * Writes the policy into the built index.html, right after `<meta charset>` and so before any
 * script or stylesheet. Build only: the dev server injects its client's CSS as `<style>` text
 * and talks to it over a WebSocket, so `npm start` runs without a policy.
 */
function policyInIndexHtml(policy: string): Plugin {
  return {
    name: 'article-atlas:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const charset = /<meta charset="utf-8"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('index.html has no <meta charset="utf-8">; the policy goes right after it');
        return html.replace(charset, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  const policy = contentSecurityPolicy(extraConnectSources(loadEnv(mode, process.cwd(), 'VITE_')));
  return {
    base: './',
    publicDir: 'src/public',
    plugins: [svelte(), policyInIndexHtml(policy)],
    build: {
      target: 'es2022',
      assetsInlineLimit: fetchedStaysAFile,
      chunkSizeWarningLimit: 1200,
      rolldownOptions: { output: { assetFileNames } },
    },
    worker: {
      rolldownOptions: { output: { assetFileNames } },
    },
    preview: {
      headers: { 'Content-Security-Policy': headerPolicy(policy) },
    },
  };
});
