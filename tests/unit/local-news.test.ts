// What local and regional news asks of recognition and resolution (issue 8), one behaviour a
// row: streets are not places, towns the tagger calls people are, a local article's places pull
// each other, one name can mean two places when the text says so, and "no answer" is an answer.
import { describe, expect, it } from 'vitest';
import { parse } from './geo-helpers.ts';
import type { PlaceCollection } from '../../geo/types.ts';

const places = (c: PlaceCollection) => c.features.map((f) => f.properties);
const named = (c: PlaceCollection, name: string) => places(c).filter((p) => p.mentions.some((m) => m.text === name));

describe('recognition in local news', () => {
  it.each([
    ['Crews answered calls on Washington Drive and North Cooper Street, near Green Oaks Boulevard and City Hall.', ['Washington', 'Cooper', 'Green', 'North', 'City Hall']],
    ['Martha Rose May Martin spoke to the council in Arlington, Texas. Martin told the council it was overdue.', ['Martin']],
    ['Parents at Franklin Elementary in Santa Ana, California, said the air near Franklin was bad.', ['Franklin']],
    ['Jordan Henderson scored for Liverpool in the match against Chelsea in London.', ['Jordan', 'Jordan Henderson']],
    ['Cases of Ebola rose in Guinea and Liberia, health officials in Conakry said.', ['Ebola']],
    ['Reporters asked the Federal Minister for Agriculture about the outbreak in Sydney.', ['Federal']],
  ])('finds no place in the words it should not: %s', (text, absent) => {
    const found = places(parse(text)).flatMap((p) => p.mentions.map((m) => m.text));
    for (const name of absent) expect(found, text).not.toContain(name);
  });

  it.each([
    ["Douma's fall would end the rebellion near Damascus. Jaish al-Islam controls Douma, and Douma is besieged.", 'Douma', 3],
    ['Residents fled El Fasher in North Darfur as the siege of the city tightened.', 'El Fasher', 1],
    ['Crews from Grand Prairie and Pantego answered calls in Arlington, Texas.', 'Pantego', 1],
    ['Mansfield and Kennedale are expected to join the plan, officials in Arlington, Texas, said.', 'Mansfield', 1],
    ['Residents in Upton-upon-Severn were told to prepare for flooding in Worcestershire.', 'Upton-upon-Severn', 1],
    ['Tankers avoided the Strait of Hormuz after Iran seized a ship.', 'Strait of Hormuz', 1],
    ['The United States Department of Agriculture recalled beef sold in Texas.', 'United States', 1],
    ['Smog covered Eastern China and Beijing for a week.', 'China', 1],
    ['The Himalayas, the Andes and the Rocky Mountains all saw record snow.', 'Andes', 1],
    ['The Himalayas, the Andes and the Rocky Mountains all saw record snow.', 'Rocky Mountains', 1],
    ['Snow closed roads across the Rocky Mountains on Monday.', 'Rocky Mountains', 1],
    ['Fishermen from Kollam were asked not to venture into the Arabian Sea until Friday.', 'Arabian Sea', 1],
    ['Rescuers in Canoas, São Leopoldo and Eldorado do Sul searched rooftops.', 'Eldorado do Sul', 1],
    ['The road to Santa Cruz do Sul was closed after the Taquari rose.', 'Santa Cruz do Sul', 1],
    ['Neighbouring Uruguay sent helicopters, and aid arrived from Montevideo.', 'Uruguay', 1],
  ])('finds %s', (text, name, count) => {
    expect(named(parse(text), name).flatMap((p) => p.mentions).filter((m) => m.text === name), text).toHaveLength(count);
  });
});

describe('resolution in local news', () => {
  it('leaves a river the gazetteer lacks unplaced, not the town or district of its name', () => {
    const c = parse('Heavy rain lashed central Kerala and the Periyar river rose above the danger mark at Aluva.');
    expect(named(c, 'Periyar')).toEqual([]);
    expect(c.unresolved?.map((u) => u.name)).toContain('Periyar');
    expect(named(parse('Boats sailed up the Nile river to Aswan.'), 'Nile')[0]?.kind).toBe('water');
  });

  it('reads a list of regions as regions, even across countries and against a nearby namesake', () => {
    // Crete, Nebraska (8,000 people) lies 80 km from Omaha, which the text names first.
    const text = 'Floods along the Mississippi River forced evacuations in Louisiana, while the Missouri River crested near Omaha. Tourists flocked to Crete, Sicily and the Canary Islands.';
    const [crete] = named(parse(text), 'Crete');
    expect(crete?.country).toBe('GR');
    expect(named(parse(text), 'Canary Islands')[0]?.country).toBe('ES');
  });

  it("reads Arlington as the city in Texas when its council, its streets and its neighbours are Texan, with its divisions", () => {
    const text = 'The Arlington City Council voted on Tuesday to build a fire station on North Cooper Street. Crews from Grand Prairie, Pantego and Fort Worth have answered calls in Arlington.';
    const [arlington] = named(parse(text), 'Arlington');
    expect(arlington).toMatchObject({ country: 'US', admin1: 'Texas', admin2: 'Tarrant County' });
    expect(arlington.alternatives.some((a) => a.admin1 === 'Virginia'), 'Arlington, Virginia is offered as another reading').toBe(true);
  });

  it('keeps two places of one name apart when the text places them apart', () => {
    const c = parse('Officials in Columbus, Ohio, and Columbus, Ga., said shelters were ready.');
    const columbuses = named(c, 'Columbus');
    expect(columbuses.map((p) => p.admin1).sort()).toEqual(['Georgia', 'Ohio']);
  });

  it('leaves a small namesake far away unplaced, with its readings, rather than move the story', () => {
    const c = parse('Rain flooded Mumbai. Trains between Dadar and Kurla stopped, and schools in Thane, Palghar and Pune closed.');
    expect(named(c, 'Kurla')).toEqual([]);
    const kurla = c.unresolved?.find((u) => u.name === 'Kurla');
    expect(kurla?.readings?.length).toBeGreaterThan(0);
  });

  it('gives an area the extent a reader expects to see', () => {
    const [france] = named(parse('Strikes spread across France.'), 'France');
    expect(france.country).toBe('FR');
    const feature = parse('Strikes spread across France.').features.find((f) => f.properties.country === 'FR')!;
    const [west, south, east, north] = feature.bbox!;
    expect(west).toBeGreaterThan(-6);
    expect(east).toBeLessThan(10);
    expect(south).toBeGreaterThan(41);
    expect(north).toBeLessThan(52);
  });

  it('names the water body, not the state named after it, after "on the"', () => {
    const c = parse('The army moved the government to Port Sudan on the Red Sea after fighting engulfed Khartoum.');
    expect(named(c, 'Red Sea')[0]?.kind).toBe('water');
  });
});
