// The URL codec: valid, boundary and malformed links, each row naming its input on failure.
import { describe, expect, it } from 'vitest';
import { formatView, parseLocation, parseView, resolveAgainst, serializeState, type UrlState } from '../../src/url/codec.ts';

const BASE = 'https://news.example/atlas/';

describe('parseLocation: valid links', () => {
  const rows: [string, UrlState][] = [
    ['', { place: null, statement: null, view: null }],
    ['?place=khojaly', { place: 'khojaly', statement: null, view: null }],
    ['?place=khojaly&s=2', { place: 'khojaly', statement: 2, view: null }],
    ['?s=2&place=khojaly', { place: 'khojaly', statement: 2, view: null }],
    ['?place=khojaly&s=1#map=9/39.9/46.8', { place: 'khojaly', statement: 1, view: { zoom: 9, lat: 39.9, lng: 46.8, bearing: 0, pitch: 0 } }],
    ['#map=6.92/39.783/48.309', { place: null, statement: null, view: { zoom: 6.92, lat: 39.783, lng: 48.309, bearing: 0, pitch: 0 } }],
    ['#map=5/40/49/30/20', { place: null, statement: null, view: { zoom: 5, lat: 40, lng: 49, bearing: 30, pitch: 20 } }],
    ['#other=1&map=5/40/49', { place: null, statement: null, view: { zoom: 5, lat: 40, lng: 49, bearing: 0, pitch: 0 } }],
    ['?utm_source=x&place=baku', { place: 'baku', statement: null, view: null }],
    ['?place=%20baku%20', { place: 'baku', statement: null, view: null }],
    ['?place=ahmadbayli-fuzuli-shusha-highway', { place: 'ahmadbayli-fuzuli-shusha-highway', statement: null, view: null }],
  ];
  it.each(rows)('%s', (search, expected) => {
    const { state, problems } = parseLocation(BASE + search);
    expect(problems, `problems for ${search}`).toEqual([]);
    expect(state, `state for ${search}`).toEqual(expected);
  });
});

describe('parseView: boundaries', () => {
  const rows: [string, boolean][] = [
    ['0/0/0', true],
    ['24/0/0', true],
    ['24.01/0/0', false],
    ['-0.1/0/0', false],
    ['3/85.051129/180', true],
    ['3/-85.051129/-180', true],
    ['3/85.06/0', false],
    ['3/0/180.0001', false],
    ['3/0/-180.0001', false],
    ['3/.5/-.5', true],
    ['3/0/0/360', true],
    ['3/0/0/361', false],
    ['3/0/0/0/85', true],
    ['3/0/0/0/86', false],
    ['3/0/0/0/-1', false],
  ];
  it.each(rows)('%s -> %s', (value, valid) => {
    expect(parseView(value) !== null, value).toBe(valid);
  });
});

describe('parseLocation: malformed links are dropped with a problem, never thrown', () => {
  const rows: [string, string, Partial<UrlState>][] = [
    ['?place=', 'place', { place: null }],
    ['?place=%20%20', 'place', { place: null }],
    [`?place=${'x'.repeat(201)}`, 'place', { place: null }],
    ['?place=khojaly&s=', 'statement', { place: 'khojaly', statement: null }],
    ['?place=khojaly&s=two', 'statement', { place: 'khojaly', statement: null }],
    ['?place=khojaly&s=0', 'statement', { place: 'khojaly', statement: null }],
    ['?place=khojaly&s=-1', 'statement', { place: 'khojaly', statement: null }],
    ['?place=khojaly&s=1.5', 'statement', { place: 'khojaly', statement: null }],
    ['?place=khojaly&s=1e3', 'statement', { place: 'khojaly', statement: null }],
    ['?s=2', 'statement', { place: null, statement: null }],
    ['#map=abc', 'view', { view: null }],
    ['#map=', 'view', { view: null }],
    ['#map', 'view', { view: null }],
    ['#map=8/40.1', 'view', { view: null }],
    ['#map=8/40.1/', 'view', { view: null }],
    ['#map=8/95/200', 'view', { view: null }],
    ['#map=8/40/49/0/0/0', 'view', { view: null }],
    ['#map=8/40/4e1', 'view', { view: null }],
    ['#map=NaN/40/49', 'view', { view: null }],
    ['#map=Infinity/40/49', 'view', { view: null }],
    ['#map=8%2F40%2F49%2', 'view', { view: null }],
  ];
  it.each(rows)('%s', (search, field, expected) => {
    const { state, problems } = parseLocation(BASE + search);
    expect(problems.map((p) => p.field), `problem fields for ${search}`).toContain(field);
    expect(problems.every((p) => p.message.length > 0), `messages for ${search}`).toBe(true);
    expect(state, `state for ${search}`).toMatchObject(expected);
  });

  it.each(['not a url', '', 'http://', '::::'])('an unparseable URL %j gives the empty state', (input) => {
    const { state, problems } = parseLocation(input);
    expect(state).toEqual({ place: null, statement: null, view: null });
    expect(problems.map((p) => p.field)).toEqual(['url']);
  });

  it('keeps the valid parts of a partly broken link', () => {
    const { state, problems } = parseLocation(`${BASE}?place=baku&s=x#map=7/40/49`);
    expect(state).toEqual({ place: 'baku', statement: null, view: { zoom: 7, lat: 40, lng: 49, bearing: 0, pitch: 0 } });
    expect(problems.map((p) => p.field)).toEqual(['statement']);
  });
});

describe('resolveAgainst: what the article has', () => {
  const counts: Record<string, number> = { khojaly: 2, baku: 1 };
  const count = (id: string) => counts[id] ?? null;
  const view = { zoom: 7, lat: 40, lng: 49, bearing: 0, pitch: 0 };

  it('keeps a known place and an existing statement', () => {
    expect(resolveAgainst({ place: 'khojaly', statement: 2, view }, count)).toEqual({ state: { place: 'khojaly', statement: 2, view }, problems: [] });
  });
  it('drops an unknown or truncated place, with its statement, and keeps the view', () => {
    const { state, problems } = resolveAgainst({ place: 'khoj', statement: 1, view }, count);
    expect(state).toEqual({ place: null, statement: null, view });
    expect(problems.map((p) => p.field)).toEqual(['place']);
  });
  it('drops a statement past the end', () => {
    const { state, problems } = resolveAgainst({ place: 'baku', statement: 2, view: null }, count);
    expect(state).toEqual({ place: 'baku', statement: null, view: null });
    expect(problems.map((p) => p.field)).toEqual(['statement']);
  });
  it('passes through no selection', () => {
    expect(resolveAgainst({ place: null, statement: null, view: null }, count).problems).toEqual([]);
  });
});

describe('serializeState', () => {
  const view = { zoom: 6.923, lat: 39.78312, lng: 48.30944, bearing: 0, pitch: 0 };

  it('writes place, statement and view in MapLibre hash format', () => {
    expect(serializeState({ place: 'khojaly', statement: 2, view }, BASE)).toBe(`${BASE}?place=khojaly&s=2#map=6.92/39.783/48.309`);
  });
  it('keeps other query parameters and hash parts', () => {
    const out = serializeState({ place: 'baku', statement: null, view }, `${BASE}?utm_source=mail&place=x&s=3#article=abc&map=1/2/3`);
    const url = new URL(out);
    expect(url.searchParams.get('utm_source')).toBe('mail');
    expect(url.searchParams.get('place')).toBe('baku');
    expect(url.searchParams.has('s')).toBe(false);
    expect(url.hash).toBe('#map=6.92/39.783/48.309&article=abc');
  });
  it('removes place, statement and view when there are none', () => {
    expect(serializeState({ place: null, statement: 2, view: null }, `${BASE}?place=baku&s=1&lang=en#map=1/2/3`)).toBe(`${BASE}?lang=en`);
  });
  it('escapes ids', () => {
    const out = serializeState({ place: 'a&b c', statement: null, view: null }, BASE);
    expect(parseLocation(out).state.place).toBe('a&b c');
  });
  it('round-trips through parseLocation', () => {
    const state: UrlState = { place: 'khankendi', statement: 1, view: { zoom: 9, lat: 39.8153, lng: 46.7519, bearing: 0, pitch: 0 } };
    expect(parseLocation(serializeState(state, BASE)).state).toEqual(state);
  });
  it('wraps longitudes beyond the antimeridian', () => {
    expect(formatView({ zoom: 2, lat: 10, lng: 190, bearing: 0, pitch: 0 })).toBe('2/10.00/-170.00');
  });
  it('adds bearing and pitch only when set', () => {
    expect(formatView({ zoom: 5, lat: 40, lng: 49, bearing: 15, pitch: 0 })).toBe('5/40.00/49.00/15');
    expect(formatView({ zoom: 5, lat: 40, lng: 49, bearing: 0, pitch: 30 })).toBe('5/40.00/49.00/0/30');
  });
});
