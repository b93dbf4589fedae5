import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openTestSqliteStore } from '../../test/support/sqlite.js';
import { defaultClusterOptions } from '../cluster/cluster-options.js';
import { parseTextArticle } from '../ingest/parse-text-article.js';
import { createProcessPool } from '../pipeline/process-pool.js';
import { createIngestService, ingestItems } from '../pipeline/run-ingest.js';
import { seedTaxonomy } from '../store/seed-taxonomy.js';
import type { Store } from '../store/store.js';
import { reprocessArticles } from './reprocess.js';

const page = parseTextArticle(readFileSync(new URL('../enrich/testdata/menafn-nato-article.txt', import.meta.url), 'utf8'));
const paragraphs = (page.text ?? '').split('\n').filter((p) => p.trim()).slice(0, 5);

describe('reprocessArticles (SQLite)', () => {
  let store: Store;
  let drop: () => Promise<void>;
  before(async () => ({ store, drop } = await openTestSqliteStore()));
  after(async () => drop());

  it('re-enriches and re-clusters stored articles, keeping their status', async () => {
    await seedTaxonomy(store);
    const a = await store.providers.create({ slug: 'a', name: 'A' });
    const b = await store.providers.create({ slug: 'b', name: 'B' });
    const at = new Date('2025-09-12T09:30:00Z');
    const base = { ...page, guid: 'x', categories: [], publishedAt: at };
    // Kept apart at first: near-copies only at 0.99, and no event-level matching.
    const strict = { cluster: { similarity: 0.99, event: { ...defaultClusterOptions.event, threshold: 10, mergeThreshold: 10 } } };
    const [first] = (await ingestItems(store, a, [{ ...base, text: paragraphs.join('\n\n') }], strict)).articleIds;
    const [second] = (
      await ingestItems(store, b, [{ ...base, headline: 'Rutte says NATO never promised Ukraine membership', text: [...paragraphs.slice(0, 4), 'Read more stories on our website.'].join('\n\n') }], strict)
    ).articleIds;
    assert.notEqual((await store.clusters.membershipOf(second!))?.clusterId, (await store.clusters.membershipOf(first!))?.clusterId);
    // Entities lost (say, stored before the tagger existed), and an unpublished story.
    await store.entities.saveForArticle(first!, [], []);
    await store.articles.setStatus(second!, 'unpublished');

    const progress: number[] = [];
    // Reprocessed on a real worker-thread pool, as `gazette reprocess` does.
    const processor = createProcessPool({ threads: 2 });
    const ingest = createIngestService({ store, cluster: { similarity: 0.5 }, processor });
    const summary = await reprocessArticles(store, ingest, { batchSize: 1, onProgress: (done) => progress.push(done) }).finally(() => processor.close());
    assert.equal(summary.reprocessed, 2);
    assert.deepEqual(progress, [1, 2]);
    assert.equal((await store.clusters.membershipOf(second!))?.clusterId, (await store.clusters.membershipOf(first!))?.clusterId);
    assert.equal((await store.clusters.membershipOf(first!))?.match, 'first', 'the earliest version stays the first');
    assert.equal((await store.clusters.membershipOf(second!))?.match, 'near');
    assert.ok((await store.entities.ofArticle(first!)).some((e) => e.name === 'Mark Rutte'));
    assert.equal((await store.articles.findById(second!))?.status, 'unpublished');
    assert.equal((await store.entities.quotesOfArticle(first!))[0]?.speaker?.name, 'Mark Rutte');
  });
});
