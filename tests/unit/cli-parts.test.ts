// The command's parts in-process, table by table: arguments, line splitting, serialising under
// a limit, the compact form, and one document's guard against anything thrown inside it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inputPath, parseArgs, defaultOptions } from '../../geo/cli/args.ts';
import { processLine } from '../../geo/cli/document.ts';
import { LineSplitter, type LineBatch } from '../../geo/cli/lines.ts';
import { jsonChunks, TooLargeError } from '../../geo/cli/serialise.ts';
import { compactCollection } from '../../geo/output/compact.ts';
import { geoparse } from '../../geo/geoparse.ts';
import { resources } from './geo-helpers.ts';
import { loadResources, loadResourcesOverlapped } from '../../geo/resources-node.ts';
import { loadGazetteer } from '../../geo/gazetteer/node.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
// ignoreBOM keeps a byte-order mark in the text, to see what the splitter passes on.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const linesOf = (batches: LineBatch[]) => batches.flatMap((b) => b.ends.map((end, i) => [b.lines[i], decoder.decode(b.data.subarray(i ? b.ends[i - 1] : 0, end))] as const));

function split(chunks: Uint8Array[], options = {}) {
  const s = new LineSplitter(options);
  return linesOf([...chunks.flatMap((c) => s.push(c)), ...s.end()]);
}

describe('parseArgs', () => {
  it.each([
    [['a.txt'], { mode: 'single', path: 'a.txt' }],
    [['--batch'], { mode: 'batch', path: '-' }],
    [['--batch', 'docs.jsonl', '--jobs', '3', '--compact'], { mode: 'batch', path: 'docs.jsonl', jobs: 3, compact: true }],
    [['--batch', '-', '--jobs=1', '--max-output-mb=2.5', '--worker-heap-mb', '256', '--stats'], { jobs: 1, maxOutputBytes: 2.5e6, workerHeapMb: 256, stats: true }],
  ])('%j', (args, expected) => {
    const parsed = parseArgs(args);
    expect(parsed.ok && parsed.options).toMatchObject(expected);
  });

  it.each([
    [[], /no input/],
    [['a.txt', 'b.txt'], /one input at a time/],
    [['--batch', '--jobs', '0'], /--jobs needs a whole number/],
    [['--batch', '--jobs', '1.5'], /--jobs needs a whole number/],
    [['--batch', '--max-output-mb', 'x'], /--max-output-mb needs a number/],
    [['--frobnicate'], /unknown option --frobnicate/],
  ])('refuses %j', (args, message) => {
    const parsed = parseArgs(args);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('defaults to one job per core', () => {
    expect(defaultOptions.jobs).toBeGreaterThanOrEqual(1);
  });
});

describe('inputPath', () => {
  const npm = { npm_lifecycle_event: 'geoparse', INIT_CWD: '/home/me/articles', npm_package_json: '/repo/package.json' };
  it.each([
    ['a.txt', npm, '/repo', '/home/me/articles/a.txt'],
    ['../b.txt', npm, '/repo', '/home/me/b.txt'],
    ['/abs/c.txt', npm, '/repo', '/abs/c.txt'],
    ['-', npm, '/repo', '-'],
    // Not npm's run of this script: the working directory is the caller's.
    ['a.txt', { ...npm, npm_lifecycle_event: 'test' }, '/tmp/work', '/tmp/work/a.txt'],
    ['a.txt', npm, '/tmp/work', '/tmp/work/a.txt'],
    ['a.txt', {}, '/tmp/work', '/tmp/work/a.txt'],
  ])('%s under %j from %s', (path, env, cwd, expected) => {
    expect(inputPath(path, env, cwd)).toBe(expected);
  });
});

describe('LineSplitter', () => {
  it('drops a byte-order mark, even one split across chunks, and only at the start', () => {
    const bom = [0xef, 0xbb, 0xbf];
    expect(split([new Uint8Array([bom[0]]), new Uint8Array([bom[1], bom[2], ...bytes('{"a":1}\n\uFEFF{"b":2}')])])).toEqual([
      [1, '{"a":1}'],
      [2, '\uFEFF{"b":2}'],
    ]);
    expect(split([new Uint8Array([...bom, ...bytes('x')])])).toEqual([[1, 'x']]);
    expect(split([new Uint8Array(bom)])).toEqual([]);
  });

  it('numbers lines as the file does and skips blank ones', () => {
    expect(split([bytes('a\r\n\r\n  \t\nb\n\nc')])).toEqual([
      [1, 'a\r'],
      [4, 'b'],
      [6, 'c'],
    ]);
  });

  it('gives the same lines however the input is cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }).filter((l) => !l.includes('\n') && !l.startsWith('\uFEFF')), { maxLength: 20 }), fc.array(fc.nat(200), { maxLength: 8 }), (lines, cuts) => {
        const all = bytes(lines.join('\n'));
        const points = [...new Set(cuts.map((c) => Math.min(c, all.length)))].sort((a, b) => a - b);
        const chunks = [...points, all.length].map((end, i, a) => all.subarray(i ? a[i - 1] : 0, end));
        const expected = lines.map((l, i) => [i + 1, l] as const).filter(([, l]) => /[^ \t\r]/.test(l));
        expect(split(chunks, { batchBytes: 16, batchLines: 3 })).toEqual(expected);
      }),
    );
  });

  it('closes a batch at its byte or line bound', () => {
    const s = new LineSplitter({ batchBytes: 10, batchLines: 2 });
    const batches = s.push(bytes('aaaaaaaaaaaa\nb\nc\nd\n'));
    expect(batches.map((b) => b.lines)).toEqual([[1], [2, 3], [4]]);
  });
});

describe('jsonChunks', () => {
  it('writes what JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, depth) => {
        expect(jsonChunks(value, Infinity, { depth, suffix: '\n' }).join('')).toBe(`${JSON.stringify(value)}\n`);
      }),
    );
    const odd = { a: undefined, b: [undefined, () => 1], c: new Date(0), d: { toJSON: () => 'x' } };
    expect(jsonChunks(odd, Infinity).join('')).toBe(JSON.stringify(odd));
  });

  it('refuses a result beyond its limit in bytes of UTF-8', () => {
    expect(() => jsonChunks({ s: 'ə'.repeat(60) }, 100)).toThrow(TooLargeError);
    expect(jsonChunks({ s: 'e'.repeat(60) }, 100).join('')).toHaveLength(68);
  });
});

describe('processLine', () => {
  const options = { compact: false, maxOutputBytes: 1e9 };
  const parsed = (chunks: string[]) => {
    expect(chunks.join('').endsWith('\n')).toBe(true);
    return JSON.parse(chunks.join(''));
  };

  it('turns an exception inside the geoparser into an error line', () => {
    const boom = () => {
      throw new Error('boom');
    };
    expect(parsed(processLine('{"id":"x","text":"Floods hit Dhaka."}', 7, resources, options, boom))).toEqual({ id: 'x', line: 7, error: 'geoparser failed on this document: boom' });
  });

  it('names an out-of-memory string as such', () => {
    const tooLong = () => {
      throw new RangeError('Invalid string length');
    };
    expect(parsed(processLine('{"text":"Floods hit Dhaka."}', 3, resources, options, tooLong))).toMatchObject({ id: 3, error: expect.stringMatching(/^out of memory in this document/) });
  });
});

describe('compactCollection', () => {
  it('keeps every property but mentions and statements, which become offsets and sentence indices', () => {
    const text = 'Floods hit Dhaka. Rain fell in Lyon and Dhaka, and in Atlantis.';
    const full = geoparse(text, resources);
    const compact = compactCollection(full);
    expect(compact.sentences).toEqual(full.sentences!.map((s) => [s.start, s.end]));
    compact.features.forEach((f, i) => {
      const { mentions, statements, ...rest } = full.features[i].properties;
      expect(f.properties).toEqual({ ...rest, mentions: mentions.map((m) => [m.start, m.end, m.sentence]), statements: statements.map((s) => s.index) });
      expect(f.geometry).toBe(full.features[i].geometry);
    });
    expect(compact.unresolved).toEqual((full.unresolved ?? []).map((u) => ({ name: u.name, mentions: u.mentions.map((m) => [m.start, m.end, m.sentence]) })));
  });
});

describe('loadResourcesOverlapped', () => {
  it('loads what the synchronous loader loads: the same world tier, tagger and places', async () => {
    const overlapped = await loadResourcesOverlapped();
    const direct = loadResources();
    // Fresh, it holds the world tier alone, as a fresh lazy gazetteer does.
    expect(overlapped.gazetteer.tiers).toEqual(['world']);
    expect(overlapped.gazetteer.size).toBe(loadGazetteer({ tiers: 'world' }).size);
    expect(overlapped.tagger.hashBits).toBe(direct.tagger.hashBits);
    expect(Buffer.from(overlapped.tagger.weights.buffer).equals(Buffer.from(direct.tagger.weights.buffer))).toBe(true);
    expect(Buffer.from(overlapped.tagger.slotRows.buffer).equals(Buffer.from(direct.tagger.slotRows.buffer))).toBe(true);
    const text = 'Floods hit Jabrayil and Fuzuli, south of Shusha, while Baku sent help.';
    expect(JSON.stringify(geoparse(text, overlapped))).toBe(JSON.stringify(geoparse(text, direct)));
  });
});
