// Recognition and resolution rules, one behaviour per case, the text in every message.
import { describe, expect, it } from 'vitest';
import { parse } from './geo-helpers.ts';

const places = (text: string) => parse(text).features.map((f) => ({ id: f.id, kind: f.properties.kind, country: f.properties.country }));
const find = (text: string, id: string) => places(text).find((p) => p.id === id);

describe('resolution in context', () => {
  it.each([
    ['Storms hit Atlanta, Georgia, on Monday.', 'georgia', 'admin1', 'US'],
    ['Protests filled Tbilisi, Georgia, on Monday.', 'georgia', 'country', 'GE'],
    ['A tornado struck Paris, Texas, overnight.', 'paris', 'town', 'US'],
    ['Strikes closed schools in Paris and Lyon.', 'paris', 'city', 'FR'],
    ['Cases rose in Georgia, Oklahoma and California.', 'georgia', 'admin1', 'US'],
    ['Fighting continued in the Jabrayil region.', 'jabrayil', 'district', 'AZ'],
    ['Officials met in the city of Khojaly.', 'khojaly', 'city', 'AZ'],
    ['Officials in Xankəndi and Stepanakert met.', 'xankandi', 'town', 'AZ'],
    ['GENEVA (Reuters) - Flights from Miami and Panama City to Pensacola were cancelled.', 'geneva', 'city', 'CH'],
    ['Aid flights left Miami and Panama City.', 'panama-city', 'city', 'PA'],
  ])('%s → %s is a %s in %s', (text, id, kind, country) => {
    expect(find(text, id), `${text}: ${JSON.stringify(places(text))}`).toEqual({ id, kind, country });
  });

  it('knows one place by two names', () => {
    const text = 'Officials in Xankəndi, which Armenians call Stepanakert, met.';
    expect(places(text).filter((p) => p.country === 'AZ'), text).toHaveLength(1);
  });
});

describe('what is not a place', () => {
  it.each([
    ['a currency prefix', 'The fund gave US$460 million to Kenya.', ['kenya']],
    ['a disease named after a river', 'The Ebola virus spread. Ebola kills half of those infected in Guinea.', ['guinea']],
    ['a compass word before a demonym', 'South African officials met in Pretoria.', ['pretoria']],
    ['a building', "She was taken to Children's Hospital in Boston.", ['boston']],
    ['a person, one sense per document', 'Ramin Mammadov met residents in Shusha. Mammadov said talks went well.', ['shusha']],
    ['demonyms', 'Azerbaijani and Armenian officials met in Baku.', ['baku']],
  ])('%s', (_, text, expected) => {
    expect(places(text).map((p) => p.id), text).toEqual(expected);
  });
});

describe('recognition', () => {
  it.each([
    ['an upper-case dateline', 'ISTANBUL (AA) – Talks began.', 'istanbul'],
    ['a possessive', "Azerbaijan's Defense Ministry said so.", 'azerbaijan'],
    ['a hyphenated compound', 'The war ended with a Russia-brokered cease-fire.', 'russia'],
    ['an abbreviation', 'The U.S. and the UK agreed.', 'united-states'],
    ['a multi-word name with a possessive', "The People's Republic of China objected.", 'peoples-republic-of-china'],
  ])('%s', (_, text, id) => {
    expect(places(text).map((p) => p.id), text).toContain(id);
  });

  it('reads the whole name, not the country inside it', () => {
    const text = "The People's Republic of China objected.";
    expect(places(text), text).toEqual([{ id: 'peoples-republic-of-china', kind: 'country', country: 'CN' }]);
  });

  it('makes a named road a route through the towns it names', () => {
    const text = 'A mine exploded on the Ahmadbayli-Fuzuli-Shusha highway.';
    const route = parse(text).features.find((f) => f.properties.kind === 'route');
    expect(route?.properties.joins, text).toEqual(['ahmadbayli', 'fuzuli', 'shusha']);
  });
});
