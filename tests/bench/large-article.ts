// A long reader's article for the large-article test and benchmark, made the same way every
// time: the repository's own news texts (the default article, the golden inputs) cut into
// sentences, mixed with sentences written from templates about a fixed list of world places,
// in a seeded order and in paragraphs, up to a given length. Nothing is read from outside the
// repository.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../browser/server.ts';

/** Unambiguous places from every continent (no Paris, no Georgia: one sense per document would pick one). */
const PLACES = [
  'Nairobi', 'Lagos', 'Accra', 'Addis Ababa', 'Kinshasa', 'Dakar', 'Casablanca', 'Johannesburg', 'Kampala', 'Khartoum',
  'Tokyo', 'Osaka', 'Seoul', 'Jakarta', 'Manila', 'Hanoi', 'Bangkok', 'Karachi', 'Lahore', 'Dhaka', 'Kathmandu', 'Tashkent',
  'Almaty', 'Tehran', 'Baghdad', 'Riyadh', 'Doha', 'Beirut', 'Ankara', 'Yerevan', 'Tbilisi', 'Baku', 'Ganja', 'Shusha',
  'Madrid', 'Lisbon', 'Warsaw', 'Prague', 'Vienna', 'Budapest', 'Bucharest', 'Sofia', 'Athens', 'Helsinki', 'Oslo', 'Dublin',
  'Toronto', 'Vancouver', 'Chicago', 'Houston', 'Seattle', 'Denver', 'Montreal', 'Havana', 'Bogota', 'Lima', 'Santiago',
  'Buenos Aires', 'Montevideo', 'Quito', 'Caracas', 'Sydney', 'Melbourne', 'Auckland', 'Wellington', 'Perth', 'Brisbane',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TEMPLATES: ((a: string, b: string, day: string, n: number) => string)[] = [
  (a, b, day, n) => `Officials in ${a} said on ${day} that ${n} families had been moved to shelters near ${b}.`,
  (a, b, day) => `Trains between ${a} and ${b} were cancelled on ${day} after heavy rain.`,
  (a, b, _day, n) => `The mayor of ${a} met a delegation from ${b} to discuss ${n} new bus routes.`,
  (a, b, day) => `Flights from ${a} to ${b} resumed on ${day}, the airport said.`,
  (a, _b, _day, n) => `Prices in ${a} rose by ${n / 10} percent last month, the statistics office reported.`,
  (a, b, day, n) => `Farmers from ${b} drove ${n} tractors into ${a} on ${day} to protest against new taxes.`,
  (a, b) => `A festival in ${a} drew visitors from as far as ${b}.`,
];

/** A small seeded generator (mulberry32), so every run gets the same article. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences of the repository's own news texts (a plain split; the app has its own). */
function repositorySentences(): string[] {
  const golden = join(repoRoot, 'tests', 'golden', 'in');
  const files = [join(repoRoot, 'geo', 'data', 'default-article.txt'), ...readdirSync(golden).filter((f) => f.endsWith('.txt')).map((f) => join(golden, f))];
  return files
    .flatMap((file) => readFileSync(file, 'utf8').split(/\n+/).slice(1)) // the first line is a title
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z"“])/))
    .map((s) => s.trim())
    .filter((s) => s.length > 30);
}

export interface LargeArticle {
  text: string;
  /** How many sentences were put in (the app's splitter may count a few differently). */
  sentences: number;
}

/**
 * An article of at most `chars` characters (and within a paragraph of it): a title line, then
 * paragraphs of three to six sentences, about one in two from the repository's texts.
 */
export function largeArticle(chars: number, seed = 2026): LargeArticle {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const own = repositorySentences();
  const title = 'A long week of news from around the world';
  const paragraphs: string[] = [];
  let length = title.length;
  let sentences = 0;
  for (;;) {
    const count = 3 + Math.floor(next() * 4);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      if (next() < 0.5) parts.push(pick(own));
      else parts.push(pick(TEMPLATES)(pick(PLACES), pick(PLACES), pick(DAYS), 10 + Math.floor(next() * 990)));
    }
    const paragraph = parts.join(' ');
    if (length + 1 + paragraph.length > chars) break;
    paragraphs.push(paragraph);
    length += 1 + paragraph.length;
    sentences += count;
  }
  return { text: [title, ...paragraphs].join('\n'), sentences };
}
