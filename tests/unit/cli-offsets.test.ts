// Offsets hold against the text the user has (issue 12, item 4): in single-document mode
// against the `text` the output always carries; in batch mode against the document's own
// `text`, or against the output's `text` where the two differ (HTML reduced, BOM dropped).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, geoparse, jsonl, offsetFaults, root, tempDir } from './cli-helpers.ts';

const dir = tempDir();
beforeAll(buildBundle, 120_000);

const article = readFileSync(join(root, 'tests/golden/in/world-news.txt'), 'utf8');
const crlf = article.replace(/\r?\n/g, '\r\n');
const html = `<!doctype html><html><head><title>World &amp; news</title><style>p { color: red }</style></head><body>${article
  .split(/\n+/)
  .map((p) => `<p>${p.replace(/&/g, '&amp;')}</p>`)
  .join('\n')}</body></html>`;

function single(name: string, bytes: string | Buffer) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const run = geoparse([file]);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

describe('offsets against the text the user has', () => {
  it('a file with CRLF line ends: offsets into the file as it is', () => {
    const out = single('crlf.txt', crlf);
    expect(out.text).toBe(crlf);
    expect(out.features.length).toBeGreaterThan(3);
    expect(offsetFaults(crlf, out)).toEqual([]);
  });

  it('a file with a UTF-8 byte-order mark: the text without it, offsets into that', () => {
    const out = single('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(article)]));
    expect(out.text).toBe(article);
    expect(offsetFaults(out.text, out)).toEqual([]);
    expect(out.features.length).toBeGreaterThan(3);
  });

  it('an HTML file: the text it shows and its title, offsets into that text', () => {
    const out = single('page.html', html);
    expect(out.title).toBe('World & news');
    expect(out.text).not.toMatch(/<|color/);
    expect(out.features.length).toBeGreaterThan(3);
    expect(offsetFaults(out.text, out)).toEqual([]);
  });

  it('batch: the document text itself where the geoparser read it as given, the reduced text where it did not', () => {
    const docs = [
      { id: 'plain', text: article },
      { id: 'crlf', text: crlf },
      { id: 'bom', text: `\uFEFF${article}` },
      { id: 'html', text: html },
    ];
    const lines = geoparse(['--batch', '-'], jsonl(docs)).lines();
    expect(lines.map((l) => [l.id, 'text' in l])).toEqual([['plain', false], ['crlf', false], ['bom', true], ['html', true]]);
    expect(lines[2].text).toBe(article);
    expect(lines[3].title).toBe('World & news');
    lines.forEach((line, i) => {
      expect(line.places.features.length, line.id).toBeGreaterThan(3);
      expect(offsetFaults(line.text ?? docs[i].text, line.places), line.id).toEqual([]);
    });
  });

  it('batch --compact: the same mentions as offsets, each inside the sentence it names', () => {
    const docs = [{ id: 'crlf', text: crlf }, { id: 'html', text: html }];
    const full = geoparse(['--batch', '-'], jsonl(docs)).lines();
    const compact = geoparse(['--batch', '-', '--compact'], jsonl(docs)).lines();
    compact.forEach((line, i) => {
      const text: string = line.text ?? docs[i].text;
      expect(line.text).toBe(full[i].text);
      const { features, sentences } = line.places;
      features.forEach((f: { properties: { mentions: number[][] } }, k: number) => {
        const mentions = full[i].places.features[k].properties.mentions;
        expect(f.properties.mentions.map(([start, end]) => text.slice(start, end)), line.id).toEqual(mentions.map((m: { text: string }) => m.text));
        for (const [start, end, sentence] of f.properties.mentions) {
          const [s, e] = sentences[sentence];
          expect(start >= s && end <= e, `${line.id}: mention ${start}-${end} inside sentence ${s}-${e}`).toBe(true);
        }
      });
      expect(features.length, line.id).toBeGreaterThan(3);
    });
  });
});
