/**
 * Feeds of realistic items for the ingest benchmarks: ~600-word bodies of distinct stories,
 * with names, places, organisations and quotes, and some second versions of a story.
 *
 * Why not one fixed vocabulary: when every item uses the same few words, every item joins
 * one story, and a store that rewrites one story per group, or an event index whose keys all
 * point at that story, looks faster or slower than it is on a real feed. Here words are drawn
 * as in real text: a Zipf-like background (few words very common, a long tail of rare ones)
 * plus each story's own rare terms and names, which is what clustering keys on. Every tenth
 * item is a second version of a story a few items before it, as another agency would send it.
 * Deterministic: the same `n` gives the same item.
 */

/** Common English words, most frequent first (a Zipf background's head). */
const COMMON = (
  'the of and to a in that is for on it with as was he said be by at from his an have has but are not they ' +
  'this had were which or their been one who will would we its after also more than two new about up year ' +
  'people there over first last when into other some could out government time percent only years three like ' +
  'can while all country week before most officials market police city told state under since including ' +
  'against during where million minister president group many between report company day told months week ' +
  'public national security billion political party local health energy prices workers court water plan ' +
  'early world support leaders talks election budget vote region service power border trade rates bank ' +
  'school children hospital growth economy agency statement ministry deal council forces'
).split(' ').filter((word, i, all) => all.indexOf(word) === i);
/** Syllables for the long tail: rare content words no story list names, shared by few stories. */
const SYLLABLES = 'ba ce di fo gu ha ke li mo nu pa re si to vu la me ni ro su ta ve wi za ko ri an el in or us er'.split(' ');
const FIRST = 'Anna Mark Maria David Sofia Omar Lena Jonas Priya Chen Amina Pedro Elena Tomas Yuki Fatima Lucas Nora Ivan Grace Samir Ines Pavel Hana Diego Clara Ahmed Marta Felix Leila'.split(' ');
const LAST = 'Berg Lopez Rutte Okafor Novak Haddad Silva Tanaka Kowalski Dubois Moreau Fischer Jensen Rossi Petrov Khan Mensah Costa Weber Lindqvist Santos Ibrahim Varga Murphy Nakamura Alvarez Schmidt Hansen Ortiz Cohen'.split(' ');
const PLACES = 'Brussels Lisbon Rotterdam Nairobi Lagos Jakarta Manila Lyon Porto Gdansk Tallinn Seville Bergen Accra Dakar Hanoi Quito Lima Tunis Oslo Riga Vilnius Krakow Turin Antwerp Malmo Aarhus Ghent Split Varna'.split(' ');
const ORG_HEADS = 'Ministry of Transport|Port Authority|Central Bank|Workers Union|Health Service|Energy Agency|Supreme Court|Chamber of Commerce|Rail Company|Water Board'.split('|');

/** mulberry32: a small seeded generator, so a feed is the same in every run. */
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

const TAIL_SIZE = 30_000;
/** The tail's k-th word, pronounceable and unique for each k. */
function tailWord(k: number): string {
  let word = '';
  for (let v = k + SYLLABLES.length; v > 0; v = Math.floor(v / SYLLABLES.length)) word += SYLLABLES[v % SYLLABLES.length];
  return word;
}

/** A rank from 0 to size-1, Zipf-like (frequency about 1/rank), from a uniform draw. */
function zipfRank(u: number, size: number): number {
  return Math.min(size - 1, Math.floor(Math.exp(u * Math.log(size + 1)) - 1));
}

/** The background word for one uniform draw: the common head most of the time, the tail otherwise. */
function backgroundWord(u: number, v: number): string {
  const rank = zipfRank(u, COMMON.length + TAIL_SIZE);
  return rank < COMMON.length ? COMMON[rank]! : tailWord(Math.floor(v * TAIL_SIZE));
}

/** What stays the same across the versions of one story: its people, place, organisation and terms. */
interface Story {
  people: string[];
  place: string;
  organisation: string;
  terms: string[];
}

function story(s: number): Story {
  const next = random(s * 7919 + 17);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const people = [0, 1, 2].map(() => `${pick(FIRST)} ${pick(LAST)}`);
  const place = pick(PLACES);
  return {
    people,
    place,
    organisation: `${place} ${pick(ORG_HEADS)}`,
    terms: Array.from({ length: 12 }, () => tailWord(Math.floor(next() * TAIL_SIZE))),
  };
}

/** Which story item n tells: its own, or for every tenth item, the story of the item five before. */
export function storyOf(n: number): number {
  return n % 10 === 9 ? n - 5 : n;
}

/** One ~`wordCount`-word body in paragraphs of about 75 words, different for each n; versions of a story share its names and terms. */
export function articleBody(n: number, wordCount = 600): string {
  const told = story(storyOf(n));
  const next = random(n * 104729 + 3);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const words = (length: number) =>
    Array.from({ length }, () => (next() < 0.12 ? pick(told.terms) : backgroundWord(next(), next()))).join(' ');
  const paragraphs: string[] = [];
  for (let p = 0, total = 0; total < wordCount; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 5; s++) {
      const length = 10 + Math.floor(next() * 10);
      const roll = next();
      if (roll < 0.2) sentences.push(`“${words(length)},” ${pick(told.people)} said on Monday`);
      else if (roll < 0.35) sentences.push(`In ${told.place}, the ${told.organisation} ${words(length)}`);
      else if (roll < 0.5) sentences.push(`${pick(told.people)} ${words(length)}`);
      else sentences.push(capitalise(words(length)));
      total += length + 3;
    }
    paragraphs.push(`<p>${sentences.join('. ')}.</p>`);
  }
  return paragraphs.join('');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A headline for item n: the story's place and two of its terms, worded per version. */
function headline(n: number): string {
  const told = story(storyOf(n));
  const [a, b] = n === storyOf(n) ? [0, 1] : [2, 0];
  return `${told.place}: ${capitalise(told.terms[a]!)} ${n === storyOf(n) ? 'plan' : 'row'} over ${told.terms[b]}, ${told.people[0]} says`;
}

/** An RSS 2.0 feed of `items` items: content:encoded bodies, categories, authors. */
export function makeFeed(items: number, options: { prefix?: string; wordCount?: number; startAt?: number } = {}): Buffer {
  const prefix = options.prefix ?? 'bench';
  const start = options.startAt ?? 0;
  const entries = Array.from({ length: items }, (_, k) => {
    const n = start + k;
    return `<item><title>${headline(n)}</title><link>https://bench.example/${prefix}/${n}</link>
<guid>${prefix}-${n}</guid><pubDate>${new Date(Date.UTC(2025, 0, 1) + n * 60_000).toUTCString()}</pubDate>
<dc:creator>Reporter ${n % 17}</dc:creator><category>${n % 2 ? 'Business' : 'Sport'}</category>
<content:encoded><![CDATA[${articleBody(n, options.wordCount)}]]></content:encoded></item>`;
  });
  return Buffer.from(`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Bench</title><link>https://bench.example/</link>${entries.join('\n')}</channel></rss>`);
}
