/**
 * Document frequencies are counted in memory and written in batches (document-counts.ts):
 * two stores on one database, as two processes would be, on SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { articleDraft } from '../../test/support/article-draft.js';
import { openTestPostgresStore, skipPostgres, testDatabaseUrl } from '../../test/support/postgres.js';
import { openTestSqliteStore } from '../../test/support/sqlite.js';
import { Counts, DocumentCounts, FLUSH_ARTICLES, FLUSH_MS } from './document-counts.js';
import type { KyselyStore } from './kysely-store.js';
import { openPostgresStore } from './postgres/open-postgres-store.js';
import { openSqliteStore } from './sqlite/open-sqlite-store.js';

const at = new Date('2024-03-01T12:00:00Z');
const key = 't:harbourmaster';

/** Stores a new article and clusters it with `key` among its document-frequency keys; `fail` rolls its part back. */
async function profiled(store: KyselyStore, providerId: number, n: number, fail = false): Promise<void> {
  await store
    .transaction((tx) =>
      tx.savepoint(async (sp) => {
        const { article } = await sp.articles.upsert(articleDraft({ providerId, guid: `counted-${n}-${fail}`, publishedAt: at }));
        const profile = JSON.stringify({ terms: [], entities: [], places: [], at: at.getTime() });
        const event = { profile, indexKeys: [key], frequencyKeys: [key, 't:quay'] };
        await sp.clusters.assign({ articleId: article.id, clusterId: article.id, match: 'first', similarity: 1, signature: 'AAAA', bandKeys: [], publishedAt: at, event, fresh: true });
        if (fail) throw new Error('refused after clustering');
      }),
    )
    .catch((error: Error) => {
      if (!fail) throw error;
    });
}

const docsOf = async (store: KyselyStore) => (await store.clusters.documentFrequencies([key])).df.get(key) ?? 0;

function describeEngine(name: string, open: () => Promise<{ writer: KyselyStore; reader: () => Promise<KyselyStore>; drop: () => Promise<void> }>, skip: string | false) {
  describe(`document counts in batches: ${name}`, { skip }, () => {
    it('are read at once by the process that counted them, by others once a batch is written, and on close', async () => {
      const { writer, reader, drop } = await open();
      // Another process, started for each look (a running one may reuse what it read for FLUSH_MS).
      const seenElsewhere = async () => {
        const other = await reader();
        try {
          return { docs: (await other.clusters.documentFrequencies([])).docs, key: await docsOf(other) };
        } finally {
          await other.close();
        }
      };
      try {
        const providerId = (await writer.providers.create({ slug: 'wire', name: 'Wire' })).id;
        await profiled(writer, providerId, 0);
        assert.equal(await docsOf(writer), 1, 'the counting process reads its own count before it is written');
        assert.deepEqual(await seenElsewhere(), { docs: 0, key: 0 }, 'another process reads it only once written');

        await profiled(writer, providerId, 1, true);
        assert.equal(await docsOf(writer), 1, 'an article whose part was rolled back is not counted');

        for (let n = 1; n < FLUSH_ARTICLES; n++) await profiled(writer, providerId, n);
        assert.deepEqual(await seenElsewhere(), { docs: FLUSH_ARTICLES, key: FLUSH_ARTICLES }, 'the commit that completes a batch writes it, the count of articles with it');

        await profiled(writer, providerId, FLUSH_ARTICLES);
        assert.equal((await seenElsewhere()).key, FLUSH_ARTICLES);
        assert.equal(await docsOf(writer), FLUSH_ARTICLES + 1);
        await writer.close();
        assert.equal((await seenElsewhere()).key, FLUSH_ARTICLES + 1, 'closing the store writes what it had not');
      } finally {
        await drop();
      }
    });
  });
}

describe('table values a process read', () => {
  it('are reused for FLUSH_MS, brought up to date when it writes a batch, and a read that may have missed the batch is not kept', () => {
    const counts = new DocumentCounts();
    counts.remember(counts.generation, [['t:quay', 4]], 0);
    assert.equal(counts.known(FLUSH_MS - 1).get('t:quay'), 4);
    assert.equal(counts.known(FLUSH_MS).get('t:quay'), undefined, 'forgotten FLUSH_MS after the first was read');

    const before = counts.generation;
    counts.remember(before, [['t:quay', 5], ['t:pier', 0]], FLUSH_MS);
    const unwritten = new Counts();
    unwritten.add(['t:quay', 't:pier', '#docs:1']);
    counts.keep(unwritten);
    const own = new Counts();
    own.add(['t:quay', 't:harbour', '#docs:2']);
    counts.beginWriting();
    counts.remember(counts.generation, [['t:harbour', 9]], FLUSH_MS);
    counts.written(unwritten, own);
    counts.writing = false;
    const known = counts.known(FLUSH_MS);
    assert.equal(known.get('t:quay'), 7, 'what this process wrote, the batch and the committing transaction, is added to what it read');
    assert.equal(known.get('t:pier'), 1, 'a key read as absent has the batch\'s count');
    assert.equal(known.get('t:harbour'), undefined, 'a read made while the batch was written is not kept');
    assert.equal(counts.of('t:quay'), 0, 'the written counts are no longer unwritten');
    counts.remember(before, [['t:quay', 5]], FLUSH_MS);
    assert.equal(counts.known(FLUSH_MS).get('t:quay'), 7, 'a read begun before the batch was written is not kept');
    assert.equal(counts.known(2 * FLUSH_MS).get('t:quay'), undefined, 'another process\'s batches are seen at most FLUSH_MS later');
  });
});

describeEngine(
  'SQLite',
  async () => {
    const { store, dir, drop } = await openTestSqliteStore();
    return { writer: store, reader: async () => openSqliteStore(join(dir, 'gazette.sqlite')), drop };
  },
  false,
);

describeEngine(
  'PostgreSQL',
  async () => {
    const { store, schema, drop } = await openTestPostgresStore();
    return { writer: store, reader: () => openPostgresStore(testDatabaseUrl!, { schema, maxConnections: 2 }), drop };
  },
  skipPostgres,
);
