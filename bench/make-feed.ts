/**
 * Feeds of realistic items for the ingest benchmarks: ~600-word bodies with names and quotes.
 * Each item is a story of its own, told in words drawn from an English vocabulary for that
 * story, as a real feed's items are; every tenth item is another version of the story before
 * it (the same words in another order), so the store also joins versions to stories.
 */
import nlp from 'compromise';

const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
/** About 4,000 English nouns, verbs and adjectives from compromise's lexicon, in a fixed order. */
const vocabulary = Object.entries(lexicon)
  .filter(([w, tags]) => /^[a-z]{4,10}$/.test(w) && (Array.isArray(tags) ? tags : [tags]).some((t) => t === 'Singular' || t === 'Noun' || t === 'Infinitive' || t === 'Adjective'))
  .map(([w]) => w)
  .sort();
const names = ['Mark Rutte', 'Anna Berg', 'the European Commission', 'NATO', 'Brussels', 'Lisbon', 'Rotterdam', 'Maria Lopez'];
const WORDS_PER_STORY = 40;

/** The story item n tells: its own, or for every tenth item the one before it. */
const storyOf = (n: number) => (n % 10 === 9 ? n - 1 : n);

/** A story's words: a fixed pseudo-random pick from the vocabulary. */
function storyWords(story: number): string[] {
  let seed = (story * 2654435761 + 97) >>> 0;
  return Array.from({ length: WORDS_PER_STORY }, () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return vocabulary[seed % vocabulary.length]!;
  });
}

/** One ~`wordCount`-word body in paragraphs of about 75 words, different for each n. */
export function articleBody(n: number, wordCount = 600): string {
  const words = storyWords(storyOf(n));
  const paragraphs: string[] = [];
  for (let p = 0, total = 0; total < wordCount; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 5; s++) {
      const length = 12 + ((n + p + s) % 5);
      const text = Array.from({ length }, (_, i) => words[(n * 7 + p * 11 + s * 3 + i * 5) % words.length]).join(' ');
      sentences.push(s === 2 ? `“${text},” ${names[(n + p) % names.length]} said on Monday` : `${names[(n + s + p) % names.length]} ${text} ${n}-${p}-${s}`);
      total += length + 3;
    }
    paragraphs.push(`<p>${sentences.join('. ')}.</p>`);
  }
  return paragraphs.join('');
}

/** An RSS 2.0 feed of `items` items: content:encoded bodies, categories, authors. */
export function makeFeed(items: number, options: { prefix?: string; wordCount?: number; startAt?: number } = {}): Buffer {
  const prefix = options.prefix ?? 'bench';
  const start = options.startAt ?? 0;
  const entries = Array.from({ length: items }, (_, k) => {
    const n = start + k;
    const words = storyWords(storyOf(n));
    return `<item><title>Story ${n}: ${words[n % 7]} ${words[(n * 3) % 11]} in ${names[n % names.length]}</title><link>https://bench.example/${prefix}/${n}</link>
<guid>${prefix}-${n}</guid><pubDate>${new Date(Date.UTC(2025, 0, 1) + n * 60_000).toUTCString()}</pubDate>
<dc:creator>Reporter ${n % 17}</dc:creator><category>${n % 2 ? 'Business' : 'Sport'}</category>
<content:encoded><![CDATA[${articleBody(n, options.wordCount)}]]></content:encoded></item>`;
  });
  return Buffer.from(`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Bench</title><link>https://bench.example/</link>${entries.join('\n')}</channel></rss>`);
}
