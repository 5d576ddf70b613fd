// Exports of an article's places, and reading an export back: GeoJSON (RFC 7946, the article and
// the corrections as foreign members, so the file alone reopens everything) and CSV (one row a
// place, for a spreadsheet). Pure: building a download is download.ts's job.
import { area, polygon, rewind } from '@turf/turf';
import type { Corrections } from '../../geo/output/corrections.ts';
import { parseCorrections, serializeCorrections } from '../url/fix-codec.ts';
import type { PlaceCollection, PlaceFeature, PlaceProperties } from '../../geo/types.ts';
import type { Geometry } from 'geojson';
import type { ReaderArticle, ReaderInput } from './reader-input.ts';
import { checkArticleText } from './article-limits.ts';

export interface ExportSource {
  title: string | null;
  text: string;
  /** The places as shown: corrections already applied. */
  places: PlaceCollection;
  corrections: Corrections;
}

/** The exported FeatureCollection: the places plus foreign members that make it reopenable. */
export interface ExportCollection {
  type: 'FeatureCollection';
  generator: string;
  article: { title: string | null; text: string };
  /** The link form of the corrections (`id:alternative` or `id:x`, comma-separated). */
  corrections: string;
  unresolved?: PlaceCollection['unresolved'];
  features: PlaceFeature[];
}

export const GENERATOR = 'Article Atlas';

type Ring = [number, number][];

/**
 * A hole of no area (a ring folded onto itself, left where district outlines were merged) has no
 * winding at all, so no validator can accept it; it draws nothing, so it is left out.
 */
const hasArea = (ring: Ring) => ring.length >= 4 && area(polygon([ring])) >= 1;
const cleanRings = (rings: Ring[]) => [rings[0], ...rings.slice(1).filter(hasArea)];

/** RFC 7946 asks for counter-clockwise outer rings and clockwise holes; outlines keep their source's. */
function wound(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') return rewind({ type: 'Polygon', coordinates: cleanRings(geometry.coordinates as Ring[]) }, { mutate: false }) as Geometry;
  if (geometry.type === 'MultiPolygon') {
    return rewind({ type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => cleanRings(p as Ring[])) }, { mutate: false }) as Geometry;
  }
  return geometry;
}

export function toGeoJSON(source: ExportSource): ExportCollection {
  return {
    type: 'FeatureCollection',
    generator: GENERATOR,
    article: { title: source.title, text: source.text },
    corrections: serializeCorrections(source.corrections),
    ...(source.places.unresolved?.length ? { unresolved: source.places.unresolved } : {}),
    features: source.places.features.map((f) => ({ type: 'Feature', id: f.id, ...(f.bbox ? { bbox: f.bbox } : {}), geometry: wound(f.geometry), properties: f.properties })),
  };
}

/** `admin1` and `admin2` name the first- and second-level divisions (Texas, Tarrant County). */
export const CSV_COLUMNS = ['id', 'name', 'kind', 'country', 'admin1', 'admin2', 'lat', 'lon', 'mentions', 'confidence', 'corrected', 'statements'] as const;

/** A text cell, quoted per RFC 4180; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
function textCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(p: PlaceProperties, id: string): string {
  const [lon, lat] = p.point;
  return [
    textCell(id),
    textCell(p.name),
    textCell(p.kind),
    textCell(p.country ?? ''),
    textCell(p.admin1 ?? ''),
    textCell(p.admin2 ?? ''),
    String(lat),
    String(lon),
    String(p.mentions.length),
    String(p.confidence),
    p.corrected ? 'yes' : 'no',
    textCell(p.statements.map((s) => s.text.replace(/\s+/g, ' ').trim()).join(' | ')),
  ].join(',');
}

/** CSV with a byte-order mark, so spreadsheets read Xankəndi as UTF-8, and CRLF lines (RFC 4180). */
export function toCSV(places: PlaceCollection): string {
  return '\uFEFF' + [CSV_COLUMNS.join(','), ...places.features.map((f) => row(f.properties, String(f.id)))].join('\r\n') + '\r\n';
}

/** Words of an untitled article's opening that name its download. */
const NAME_WORDS = 6;

/** `Khojaly talks` → `khojaly-talks-places`, for download names; an untitled article is named by its opening words. */
export function exportFileName(title: string | null, extension: 'geojson' | 'csv', text = ''): string {
  const opening = text.trim().split(/\s+/).slice(0, NAME_WORDS).join(' ');
  const slug = (title ?? (opening || 'article'))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  return `${slug || 'article'}-places.${extension}`;
}

export interface ImportedExport {
  article: ReaderArticle;
  corrections: Corrections;
  /** The place ids the file holds, to tell whether today's geoparser reads the text the same way. */
  placeIds: string[];
}

const NOT_OURS = 'This file is not a GeoJSON exported from Article Atlas (it has no article text), so it cannot be reopened.';

/** Validates an exported GeoJSON and returns what reopening it needs; any other JSON gets a message. */
export function readExport(json: string): ReaderInput {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, error: 'This file is not valid JSON, so it cannot be reopened.' };
  }
  if (!isObject(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    return { ok: false, error: 'This file is not a GeoJSON FeatureCollection, so it cannot be reopened.' };
  }
  const article = data.article;
  if (!isObject(article) || typeof article.text !== 'string') return { ok: false, error: NOT_OURS };
  const title = article.title ?? null;
  if (title !== null && typeof title !== 'string') return { ok: false, error: 'The article title in this file is not text.' };
  const problem = checkArticleText(article.text);
  if (problem) return { ok: false, error: problem };
  const rawFix = data.corrections ?? '';
  if (typeof rawFix !== 'string') return { ok: false, error: 'The corrections in this file could not be read.' };
  const { corrections, rejected } = parseCorrections(rawFix);
  if (rejected > 0) return { ok: false, error: 'The corrections in this file could not be read.' };
  const placeIds = data.features.map((f) => (isObject(f) && (typeof f.id === 'string' || typeof f.id === 'number') ? String(f.id) : ''));
  if (placeIds.includes('')) return { ok: false, error: 'A place in this file has no id, so the file cannot be reopened.' };
  return { ok: true, kind: 'export', imported: { article: { title, text: article.text }, corrections, placeIds } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
