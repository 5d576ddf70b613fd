// A bundle built before its sources last changed would run old code without a word: at
// start-up, a bundle next to its sources compares them with the hashes it was built from.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

interface Manifest {
  root: string;
  sources: Record<string, string>;
}

/**
 * The sources that changed since the bundle at `bundleUrl` was built, or [] when it is up to
 * date or has no sources beside it (not a bundle, or installed without them).
 */
export function changedSources(bundleUrl: string): string[] {
  const manifestUrl = new URL('sources.json', bundleUrl);
  if (!existsSync(manifestUrl)) return [];
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestUrl, 'utf8'));
  } catch {
    return [];
  }
  const root = new URL(`${manifest.root.replace(/\/?$/, '/')}`, manifestUrl);
  const changed: string[] = [];
  for (const [path, hash] of Object.entries(manifest.sources)) {
    const file = new URL(path, root);
    if (!existsSync(file)) continue;
    if (createHash('sha1').update(readFileSync(file)).digest('hex') !== hash) changed.push(path);
  }
  return changed;
}
