/**
 * The clustering dev set (bench/testdata/cluster-dev.json) and its scoring: real stories
 * with hand-written rewrites and hard negatives, each article's half fixed by sha256 of its
 * topic before anything was run on it. Clustering goes through the ingest service on a real
 * SQLite store, exactly as on ingest; pairs are scored against the true story groups.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClusterOptions } from '../src/cluster/cluster-options.js';
import type { RawItem } from '../src/domain/raw-item.js';
import { createIngestService } from '../src/pipeline/run-ingest.js';
import { seedTaxonomy } from '../src/store/seed-taxonomy.js';
import { onSqlite } from './bench-stores.js';

const here = dirname(fileURLToPath(import.meta.url));

export interface DevArticle {
  id: string;
  story: string;
  topic: string;
  kind: 'original' | 'rewrite' | 'negative';
  headline: string;
  publishedAt: string;
  body: string;
  half: 'tune' | 'test';
}

/** The half of a topic: the first byte of its sha256, even for tune, odd for test. */
export function halfOf(topic: string): 'tune' | 'test' {
  return createHash('sha256').update(topic).digest()[0]! % 2 === 0 ? 'tune' : 'test';
}

export function loadDevSet(): DevArticle[] {
  const doc = JSON.parse(readFileSync(join(here, 'testdata', 'cluster-dev.json'), 'utf8')) as { articles: DevArticle[] };
  for (const a of doc.articles) if (halfOf(a.topic) !== a.half) throw new Error(`${a.id}: the stored half disagrees with the hash`);
  return doc.articles;
}

/**
 * Corpus articles the dev set does not use, dated two months earlier (outside every time
 * window): they only give the document frequencies a background, as an archive would.
 */
export function backgroundArticles(used: Set<string>): { headline: string; body: string }[] {
  const corpus = resolve(here, '..', '..', 'shared', 'corpus', 'extraction', 'ground-truth.json');
  if (!existsSync(corpus)) return [];
  const truth = JSON.parse(readFileSync(corpus, 'utf8')) as Record<string, { articleBody: string; url: string }>;
  return Object.keys(truth)
    .sort()
    .filter((k) => !used.has(k.slice(0, 8)))
    .map((k) => ({ headline: truth[k]!.url.split('/').filter(Boolean).pop()!.replace(/[-_]/g, ' ').slice(0, 120), body: truth[k]!.articleBody }));
}

function item(guid: string, headline: string, body: string, at: Date): RawItem {
  return { guid, url: null, headline, html: null, text: body, summary: null, byline: null, dateline: null, language: 'en', publishedAt: at, updatedAt: at, categories: [], image: null };
}

/** Ingests the articles in order of publication and returns each one's cluster id. */
export async function clusterDevArticles(articles: DevArticle[], background: { headline: string; body: string }[], cluster: Partial<ClusterOptions>): Promise<Map<string, number>> {
  return onSqlite(async (store) => {
    await seedTaxonomy(store);
    const providers = await Promise.all(['a', 'b', 'c', 'd'].map((p) => store.providers.create({ slug: `wire-${p}`, name: `Wire ${p.toUpperCase()}` })));
    const ingest = createIngestService({ store, cluster });
    const old = new Date('2019-09-01T00:00:00Z').getTime();
    await ingest.ingest(providers[3]!, background.map((b, i) => item(`bg-${i}`, b.headline, b.body, new Date(old + i * 3_600_000))));
    const ids = new Map<string, number>();
    const ordered = articles.slice().sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
    const seen = new Map<string, number>();
    for (const a of ordered) {
      // Each version of a story comes from another agency.
      const n = seen.get(a.story) ?? 0;
      seen.set(a.story, n + 1);
      const summary = await ingest.ingest(providers[n % 3]!, [item(a.id, a.headline, a.body, new Date(a.publishedAt))]);
      const articleId = summary.articleIds[0];
      if (articleId === undefined) throw new Error(`${a.id} was not stored: ${JSON.stringify(summary.rejected)}`);
      ids.set(a.id, articleId);
    }
    const clusters = new Map<string, number>();
    for (const [id, articleId] of ids) clusters.set(id, (await store.clusters.membershipOf(articleId))?.clusterId ?? articleId);
    return clusters;
  });
}

export interface PairScore {
  pairs: number;
  found: number;
  falsePairs: number;
  missed: number;
  precision: number;
  recall: number;
  /** The pairs that went wrong, for reading (tune half only). */
  wrong: string[];
}

/** Pairwise precision and recall of predicted clusters against the true stories. */
export function scorePairs(articles: DevArticle[], predicted: Map<string, number>): PairScore {
  let found = 0;
  let falsePairs = 0;
  let missed = 0;
  const wrong: string[] = [];
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const a = articles[i]!;
      const b = articles[j]!;
      const same = a.story === b.story;
      const together = predicted.get(a.id) === predicted.get(b.id);
      if (same && together) found++;
      else if (together) (falsePairs++, wrong.push(`joined ${a.id} + ${b.id}`));
      else if (same) (missed++, wrong.push(`missed ${a.id} + ${b.id}`));
    }
  }
  const pairs = found + missed;
  return { pairs, found, falsePairs, missed, precision: found + falsePairs === 0 ? 1 : found / (found + falsePairs), recall: pairs === 0 ? 1 : found / pairs, wrong };
}
