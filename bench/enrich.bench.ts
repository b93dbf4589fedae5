/**
 * Enrichment and clustering speed.
 * 1. Articles enriched per second, the whole stage and each step, against a plain
 *    tokenisation pass over the same texts measured in the same run (the baseline).
 * 2. Clustering time per new article on SQLite as the store grows from 1,000 to 100,000
 *    articles: LSH band lookups are index range scans, so it should stay roughly flat.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { assignCluster } from '../src/cluster/assign-cluster.js';
import { clusterOptions } from '../src/cluster/cluster-options.js';
import { fingerprint } from '../src/cluster/fingerprint.js';
import { categorize } from '../src/enrich/categorize.js';
import { detectLanguage } from '../src/enrich/detect-language.js';
import { enrichArticle } from '../src/enrich/enrich-article.js';
import { extractQuotes } from '../src/enrich/extract-quotes.js';
import { summarize } from '../src/enrich/summarize.js';
import { tagEntities } from '../src/enrich/tag-entities.js';
import { contentHash } from '../src/pipeline/process-item.js';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.js';
import type { Benchmark, BenchRow } from './benchmark.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = resolve(here, '..', '..', 'shared', 'corpus', 'extraction', 'ground-truth.json');

function texts(): { source: string; items: { headline: string; text: string }[] } {
  if (existsSync(corpus)) {
    const truth = JSON.parse(readFileSync(corpus, 'utf8')) as Record<string, { articleBody: string }>;
    const items = Object.values(truth).map((t) => ({ headline: t.articleBody.split(/[.\n]/)[0]!.slice(0, 120), text: t.articleBody }));
    return { source: `${items.length} corpus article bodies (median ~580 words)`, items };
  }
  const data = JSON.parse(readFileSync(join(here, 'testdata', 'enrich-eval.json'), 'utf8')) as { texts: { text: string }[] };
  return { source: `${data.texts.length} evaluation texts (corpus not found)`, items: data.texts.map((t) => ({ headline: '', text: t.text })) };
}

/** Articles per second of `work` over all items, repeated for at least `ms` milliseconds. */
function perSecond(items: { headline: string; text: string }[], work: (item: { headline: string; text: string }) => unknown, ms = 1500): number {
  for (const item of items.slice(0, 5)) work(item); // warm up
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) for (const item of items) (work(item), n++);
  return n / ((performance.now() - start) / 1000);
}

async function enrichSpeed(): Promise<{ rows: BenchRow[]; note: string }> {
  const { source, items } = texts();
  const tagged = new Map(items.map((i) => [i, tagEntities(`${i.headline}\n\n${i.text}`)]));
  const options = clusterOptions();
  const measures: [string, (i: { headline: string; text: string }) => unknown][] = [
    ['baseline: tokenise (\\p{L}+ words)', (i) => i.text.match(/[\p{L}\p{N}]+/gu)],
    ['summarize', (i) => summarize(i.text)],
    ['detect language', (i) => detectLanguage(i.text)],
    ['tag entities', (i) => tagEntities(`${i.headline}\n\n${i.text}`)],
    ['extract quotes', (i) => extractQuotes(`${i.headline}\n\n${i.text}`, tagged.get(i)!.mentions, tagged.get(i)!.entities)],
    ['categorize', (i) => categorize({ headline: i.headline, text: i.text, declared: [], entities: tagged.get(i)!.entities })],
    ['whole enrich stage', (i) => enrichArticle({ headline: i.headline, text: i.text })],
    ['cluster fingerprint (MinHash + bands)', (i) => fingerprint(i.headline, i.text, options)],
  ];
  const rates = measures.map(([name, work]) => [name, perSecond(items, work)] as const);
  const baseline = rates[0]![1];
  return {
    rows: rates.map(([step, rate]) => ({ step, 'articles/s': Math.round(rate), 'time vs baseline': baseline / rate })),
    note: `Texts: ${source}. "time vs baseline" = how many times longer than tokenising the same text.`,
  };
}

/** Synthetic articles: 200 words drawn from a 5,000-word vocabulary (distinct stories). */
function syntheticText(seed: number): string {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: 200 }, () => `w${Math.floor(next() * 5000).toString(36)}`).join(' ');
}

/**
 * 3. Long bodies built to make name rules slow (a list of thousands of names, the same
 * pairs over and over): the enrich stage's time per kilobyte at 200 KB against the same
 * text at 20 KB, measured in the same run. A rule that compares every name with every other
 * shows as a ratio near 10; linear work stays near 1.
 */
function hostileScaling(): { rows: BenchRow[]; note: string } {
  const shapes: [string, string][] = [
    ['one name listed thousands of times', 'Aaaa Bbbb, '],
    ['lists of names with "and"', 'Alpha, Beta Gamma, Delta and Epsilon '],
    ['the same two people over and over', 'Anna Berg met Tom Hale in Paris. '],
    ['plurals after "the"', 'the Bidens and the Lakers met the Chiefs. '],
    ['the same quote and speaker', 'John Smith said "we will do this again soon." '],
  ];
  const msFor = (text: string) => {
    enrichArticle({ headline: '', text: text.slice(0, 2000) }); // warm up
    const start = performance.now();
    enrichArticle({ headline: '', text });
    return performance.now() - start;
  };
  const rows = shapes.map(([input, unit]) => {
    const small = unit.repeat(Math.ceil(20_000 / unit.length));
    const large = unit.repeat(Math.ceil(200_000 / unit.length));
    const smallMs = msFor(small);
    const largeMs = msFor(large);
    return { step: `hostile body: ${input}`, 'ms at 20 KB': smallMs, 'ms at 200 KB': largeMs, 'per-KB time, 200 KB vs 20 KB': largeMs / 10 / smallMs };
  });
  return { rows, note: 'Hostile bodies: one repeated sentence shape at 20 KB and at 200 KB; the last column is time per kilobyte at 200 KB over that at 20 KB (1 = linear).' };
}

async function clusterGrowth(): Promise<{ rows: BenchRow[]; note: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-bench-'));
  const store = openSqliteStore(join(dir, 'bench.sqlite'));
  const options = clusterOptions();
  const rows: BenchRow[] = [];
  try {
    await store.migrate();
    const provider = await store.providers.create({ slug: 'bench', name: 'Bench' });
    const yearStart = Date.UTC(2025, 0, 1);
    const at = (i: number) => new Date(yearStart + ((i * 7919) % 365) * 86_400_000 + (i % 86_400) * 1000);
    let stored = 0;
    const fillTo = async (target: number) => {
      while (stored < target) {
        const batch = Math.min(500, target - stored);
        await store.db.transaction().execute(async (trx) => {
          const docs = Array.from({ length: batch }, (_, k) => stored + k + 1).map((i) => ({ i, text: syntheticText(i), publishedAt: at(i) }));
          const inserted = await trx
            .insertInto('articles')
            .values(
              docs.map((d) => ({
                provider_id: provider.id, guid: `fill-${d.i}`, slug: `fill-${d.i}`, source_url: null, headline: `Filler ${d.i}`, summary: '',
                body_html: '', body_text: d.text, byline: null, dateline: null, language: 'en', published_at: d.publishedAt.toISOString(),
                updated_at: d.publishedAt.toISOString(), ingested_at: d.publishedAt.toISOString(), status: 'published', content_hash: contentHash(d.text), source_hash: '',
              })),
            )
            .returning('id')
            .execute();
          const prints = docs.map((d) => fingerprint('', d.text, options));
          await trx.insertInto('article_clusters').values(inserted.map((r, k) => ({ article_id: r.id, cluster_id: r.id, match: 'first', similarity: 1, signature: prints[k]!.encoded }))).execute();
          const bandRows = inserted.flatMap((r, k) => prints[k]!.bandKeys.map((band_key) => ({ band_key, article_id: r.id, published_at: docs[k]!.publishedAt.toISOString() })));
          // SQLite binds at most 32,766 values per statement.
          for (let b = 0; b < bandRows.length; b += 5000) await trx.insertInto('lsh_bands').values(bandRows.slice(b, b + 5000)).execute();
        });
        stored += batch;
      }
    };
    let probe = 0;
    for (const size of [1_000, 10_000, 100_000]) {
      await fillTo(size);
      // 200 new articles: half re-sends of stored ones (4% of words dropped), half new stories.
      const timings: number[] = [];
      let joined = 0;
      for (let k = 0; k < 200; k++) {
        probe++;
        const source = 1 + ((probe * 104729) % size);
        const text = k % 2 === 0 ? syntheticText(source).split(' ').filter((_, w) => w % 25 !== 3).join(' ') : syntheticText(10_000_000 + probe);
        const publishedAt = k % 2 === 0 ? at(source) : at(probe);
        const { article } = await store.articles.upsert({
          providerId: provider.id, guid: `probe-${probe}`, sourceUrl: null, headline: `Probe ${probe}`, summary: '', bodyHtml: '' as never, bodyText: text,
          byline: null, dateline: null, language: 'en', publishedAt, updatedAt: publishedAt, categories: [], status: 'published', contentHash: contentHash(text), sourceHash: '',
        });
        const start = performance.now();
        const membership = await store.transaction((tx) => assignCluster(tx.clusters, article, options));
        timings.push(performance.now() - start);
        if (membership.match === 'near') joined++;
      }
      timings.sort((a, b) => a - b);
      const mean = timings.reduce((a, b) => a + b, 0) / timings.length;
      rows.push({ 'stored articles': size + probe, 'ms per new article (mean)': mean, 'ms (median)': timings[100]!, 'ms (p95)': timings[190]!, 're-sends joined': `${joined}/100` });
    }
    const base = Number(rows[0]!['ms per new article (mean)']);
    for (const r of rows) r['vs 1k'] = Number(r['ms per new article (mean)']) / base;
    return { rows, note: 'Clustering = exact-hash lookup + LSH candidate lookup + similarity check + writing membership and 25 band keys, in a transaction, on a SQLite file (WAL). "vs 1k" is the ratio to the 1,000-article store measured in the same run.' };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const benchmark: Benchmark = {
  name: 'Enrichment and clustering speed',
  group: 'speed',
  async run() {
    const enrich = await enrichSpeed();
    const hostile = hostileScaling();
    const growth = await clusterGrowth();
    return { rows: [...enrich.rows, ...hostile.rows, ...growth.rows], notes: [enrich.note, hostile.note, growth.note] };
  },
};

export default benchmark;
