// npm run --silent geoparse -- <file or ->            prints the FeatureCollection of one article
// npm run --silent geoparse -- --batch <file or ->    JSON Lines {"id","text"} in, {"id","places"} out, streaming
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { geoparse } from '../geoparse.ts';
import { loadResources } from '../resources-node.ts';
import { decodeBytes, prepareText } from '../text/input.ts';

function fail(message: string): never {
  process.stderr.write(`geoparse: ${message}\n`);
  process.exit(1);
}

function readInput(path: string): Uint8Array {
  try {
    return path === '-' ? readFileSync(0) : readFileSync(path);
  } catch (e) {
    fail(`cannot read ${path}: ${(e as Error).message}`);
  }
}

function single(path: string): void {
  const decoded = decodeBytes(readInput(path));
  if (!decoded.ok) fail(decoded.error);
  const prepared = prepareText(decoded.text);
  if (!prepared.ok) fail(prepared.error);
  const places = geoparse(prepared.text, loadResources());
  process.stdout.write(JSON.stringify(prepared.format === 'text' ? places : { ...places, text: prepared.text, title: prepared.title }) + '\n');
}

async function batch(path: string): Promise<void> {
  const resources = loadResources();
  const lines = createInterface({ input: path === '-' ? process.stdin : createReadStream(path), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let doc: { id?: unknown; text?: unknown };
    try {
      doc = JSON.parse(line);
    } catch {
      process.stdout.write(JSON.stringify({ id: null, line: n, error: 'not valid JSON' }) + '\n');
      continue;
    }
    const id = doc.id ?? n;
    if (typeof doc.text !== 'string') {
      process.stdout.write(JSON.stringify({ id, error: 'no "text" string' }) + '\n');
      continue;
    }
    const prepared = prepareText(doc.text);
    const out = prepared.ok ? { id, places: geoparse(prepared.text, resources) } : { id, error: prepared.error };
    if (!process.stdout.write(JSON.stringify(out) + '\n')) await new Promise((r) => process.stdout.once('drain', r));
  }
}

const args = process.argv.slice(2);
if (args[0] === '--batch') await batch(args[1] ?? '-');
else if (args.length === 1) single(args[0]);
else fail('usage: npm run --silent geoparse -- <file or -> | --batch <file.jsonl or ->');
