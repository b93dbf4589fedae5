/** Feeds of realistic items for the ingest benchmarks: ~600-word bodies with names and quotes. */
const words = (
  'port council budget harbour minister talks market shares election storm ferry school rail energy price court ' +
  'workers union contract weather river bridge village farmers harvest exports factory plans hospital doctors'
).split(' ');
const names = ['Mark Rutte', 'Anna Berg', 'the European Commission', 'NATO', 'Brussels', 'Lisbon', 'Rotterdam', 'Maria Lopez'];

/** One ~`wordCount`-word body in paragraphs of about 75 words, different for each n. */
export function articleBody(n: number, wordCount = 600): string {
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
    return `<item><title>Story ${n}: ${words[n % words.length]} ${words[(n * 3) % words.length]} in ${names[n % names.length]}</title><link>https://bench.example/${prefix}/${n}</link>
<guid>${prefix}-${n}</guid><pubDate>${new Date(Date.UTC(2025, 0, 1) + n * 60_000).toUTCString()}</pubDate>
<dc:creator>Reporter ${n % 17}</dc:creator><category>${n % 2 ? 'Business' : 'Sport'}</category>
<content:encoded><![CDATA[${articleBody(n, options.wordCount)}]]></content:encoded></item>`;
  });
  return Buffer.from(`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Bench</title><link>https://bench.example/</link>${entries.join('\n')}</channel></rss>`);
}
