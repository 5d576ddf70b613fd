// Exports: GeoJSON that passes a validator and reopens with its article and corrections; CSV a
// spreadsheet reads safely.
import { describe, expect, it } from 'vitest';
import { hint } from '@mapbox/geojsonhint';
import { applyCorrections, type Corrections } from '../../geo/output/corrections.ts';
import type { PlaceCollection } from '../../geo/types.ts';
import defaultArticle from '../../src/generated/default-article.json';
import { CSV_COLUMNS, exportFileName, readExport, toCSV, toGeoJSON } from '../../src/lib/exports.ts';

const article = defaultArticle as unknown as { title: string; text: string; places: PlaceCollection };
const corrections: Corrections = { baku: { action: 'remove' }, khojaly: { action: 'choose', alternative: 0 } };
const places = applyCorrections(article.places, corrections);
const exported = () => toGeoJSON({ title: article.title, text: article.text, places, corrections });

describe('GeoJSON export', () => {
  it('passes @mapbox/geojsonhint with no message at all', () => {
    const json = JSON.parse(JSON.stringify(exported()));
    expect(hint(json)).toEqual([]);
  });
  it('has outlines among its geometries, wound as RFC 7946 asks', () => {
    expect(exported().features.some((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')).toBe(true);
  });
  it('carries the article and the corrections as foreign members', () => {
    const data = exported();
    expect(data.article).toEqual({ title: article.title, text: article.text });
    expect(data.corrections).toBe('baku:x,khojaly:0');
  });
  it('keeps every statement in each place’s properties and shows the corrections', () => {
    const data = exported();
    expect(data.features.map((f) => f.id)).not.toContain('baku');
    const khojaly = data.features.find((f) => f.id === 'khojaly');
    expect(khojaly?.properties.corrected).toBe(true);
    expect(khojaly?.properties.statements.map((s) => s.text)).toEqual(article.places.features.find((f) => f.id === 'khojaly')?.properties.statements.map((s) => s.text));
  });
  it('reopens: article, corrections and place ids come back', () => {
    const input = readExport(JSON.stringify(exported()));
    expect(input).toEqual({
      ok: true,
      kind: 'export',
      imported: { article: { title: article.title, text: article.text }, corrections, placeIds: places.features.map((f) => f.id) },
    });
  });
});

describe('readExport refuses what it cannot reopen', () => {
  const valid = () => JSON.parse(JSON.stringify(exported())) as Record<string, unknown>;
  it.each([
    ['not JSON', () => 'not json', /not valid JSON/],
    ['an array', () => '[]', /FeatureCollection/],
    ['a Feature', () => JSON.stringify({ type: 'Feature', geometry: null, properties: {} }), /FeatureCollection/],
    ['no features', () => JSON.stringify({ ...valid(), features: undefined }), /FeatureCollection/],
    ['no article', () => JSON.stringify({ ...valid(), article: undefined }), /not a GeoJSON exported from Article Atlas/],
    ['an article without text', () => JSON.stringify({ ...valid(), article: { title: 'x' } }), /not a GeoJSON exported/],
    ['an empty article', () => JSON.stringify({ ...valid(), article: { title: null, text: '  ' } }), /empty/],
    ['a title that is not text', () => JSON.stringify({ ...valid(), article: { title: 3, text: 'Baku.' } }), /title/],
    ['corrections that are not a string', () => JSON.stringify({ ...valid(), corrections: { baku: 'x' } }), /corrections/],
    ['unreadable corrections', () => JSON.stringify({ ...valid(), corrections: 'baku:maybe' }), /corrections/],
    ['a place without an id', () => JSON.stringify({ ...valid(), features: [{ type: 'Feature', geometry: null, properties: {} }] }), /no id/],
  ])('%s', (_label, make, message) => {
    const input = readExport(make());
    expect(input.ok).toBe(false);
    if (!input.ok) expect(input.error).toMatch(message);
  });
  it('takes a file without corrections', () => {
    const input = readExport(JSON.stringify({ ...valid(), corrections: undefined }));
    expect(input.ok && input.kind === 'export' && input.imported.corrections).toEqual({});
  });
});

/** A small RFC 4180 reader, to check the CSV as a spreadsheet would see it. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && csv[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('CSV export', () => {
  it('has a BOM, the header, and one row per place with the statements joined', () => {
    const csv = toCSV(places);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(places.features.length + 1);
    const row = rows.find((r) => r[0] === 'khojaly')!;
    const khojaly = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, row[i]]));
    const feature = places.features.find((f) => f.id === 'khojaly')!;
    expect(Number(khojaly.lat)).toBe(feature.properties.point[1]);
    expect(Number(khojaly.lon)).toBe(feature.properties.point[0]);
    expect(khojaly.mentions).toBe(String(feature.properties.mentions.length));
    expect(khojaly.corrected).toBe('yes');
    expect(khojaly.statements.split(' | ')).toHaveLength(feature.properties.statements.length);
  });
  it('names the divisions a place lies in', () => {
    const base = places.features[0];
    const arlington: PlaceCollection = {
      type: 'FeatureCollection',
      features: [{ ...base, id: 'arlington', properties: { ...base.properties, name: 'Arlington', country: 'US', admin1: 'Texas', admin2: 'Tarrant County' } }],
    };
    const rows = parseCsv(toCSV(arlington).slice(1));
    expect(rows[0].slice(3, 6)).toEqual(['country', 'admin1', 'admin2']);
    expect(rows[1].slice(3, 6)).toEqual(['US', 'Texas', 'Tarrant County']);
  });
  it('quotes commas, quotes and line breaks, and defuses formulas in text cells', () => {
    const base = places.features[0];
    const tricky: PlaceCollection = {
      type: 'FeatureCollection',
      features: [
        {
          ...base,
          id: 'x',
          properties: {
            ...base.properties,
            name: '=HYPERLINK("http://evil")',
            statements: [{ index: 0, start: 0, end: 10, text: 'He said, "go"\nnow.' }],
            point: [-1.5, 2],
          },
        },
      ],
    };
    const rows = parseCsv(toCSV(tricky).slice(1));
    const cell = (name: (typeof CSV_COLUMNS)[number]) => rows[1][CSV_COLUMNS.indexOf(name)];
    expect(cell('name')).toBe(`'=HYPERLINK("http://evil")`);
    expect(cell('lon')).toBe('-1.5');
    expect(cell('statements')).toBe('He said, "go" now.');
  });
});

describe('exportFileName', () => {
  it.each([
    ['Azerbaijani officials and Karabakh Armenians agree', 'geojson', 'azerbaijani-officials-and-karabakh-armenians-agree-places.geojson'],
    [null, 'csv', 'article-places.csv'],
    ['Şuşa: “talks”', 'csv', 'susa-talks-places.csv'],
    ['!!!', 'geojson', 'article-places.geojson'],
  ] as const)('%j', (title, ext, expected) => {
    expect(exportFileName(title, ext)).toBe(expected);
  });
  it('names an untitled article’s files by its opening words', () => {
    expect(exportFileName(null, 'geojson', 'Storms hit Georgia on Tuesday, closing roads in Tbilisi.')).toBe('storms-hit-georgia-on-tuesday-closing-places.geojson');
    expect(exportFileName(null, 'csv', '  \n ')).toBe('article-places.csv');
  });
});

describe('exporting leaves the app’s data alone', () => {
  it('does not rewind the shown outlines in place', () => {
    const before = JSON.stringify(places);
    exported();
    expect(JSON.stringify(places)).toBe(before);
  });
});
