/**
 * Upgrading works from every earlier schema, on both engines:
 * - a database built at each landed migration and migrated to the latest has the same schema
 *   (columns, indexes, constraints, triggers, functions) as a database migrated from empty;
 * - a database upgraded from the first migration passes the whole storage contract;
 * - the databases made while 0001 and 0002 had been edited in place (so they already hold
 *   `source_hash` and `full_text`) upgrade too, and keep their stories.
 *
 * The schema comparison checks what could make an upgraded database differ from a new one.
 * Both are made by the same migrations, so the storage contract run on every upgraded step
 * (46 runs, the longest work of the test suite) checked the same schema again and again.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestPostgresStore, skipPostgres } from '../../../test/support/postgres.js';
import { schemaShape } from '../../../test/support/schema-shape.js';
import { openTestSqliteStore } from '../../../test/support/sqlite.js';
import type { KyselyStore } from '../kysely-store.js';
import { runStoreContract } from '../store.contract.js';
import { migrationNames } from './index.js';

const engines = {
  SQLite: { open: openTestSqliteStore, skip: false as const },
  PostgreSQL: { open: openTestPostgresStore, skip: skipPostgres },
};

/** Every step a database can be upgraded from: all but the latest. */
export const upgradeSteps: readonly string[] = migrationNames.slice(0, -1);

/** On `engine`: the schema after upgrading from each earlier step, and the contract after upgrading from the first. */
export function describeUpgrades(name: keyof typeof engines): void {
  const engine = engines[name];
  describe(`upgrading from every earlier schema: ${name}`, { skip: engine.skip }, () => {
    let fresh: string[];
    before(async () => {
      const { store, drop } = await engine.open();
      try {
        fresh = await schemaShape(store);
      } finally {
        await drop();
      }
    });

    for (const step of upgradeSteps) {
      it(`from ${step} gives the schema of a new database`, async () => {
        const { store, drop } = await engine.open({ migratedTo: step });
        try {
          await store.migrate();
          assert.deepEqual(await schemaShape(store), fresh);
        } finally {
          await drop();
        }
      });
    }

    it('tells a schema that lacks an index or a column from the new one', async () => {
      const { store, drop } = await engine.open();
      try {
        await sql.raw(`drop index ${await anyArticleIndex(store)}`).execute(store.db);
        assert.notDeepEqual(await schemaShape(store), fresh, 'a missing index shows');
      } finally {
        await drop();
      }
      const other = await engine.open();
      try {
        await sql`alter table articles add column stray text`.execute(other.store.db);
        assert.notDeepEqual(await schemaShape(other.store), fresh, 'an extra column shows');
      } finally {
        await other.drop();
      }
    });
  });

  runStoreContract({
    name: `${name} upgraded from ${upgradeSteps[0]}`,
    skip: engine.skip,
    // A copy of the database as the first migration left it, then the real upgrade.
    createStore: async () => {
      const opened = await engine.open({ migratedTo: upgradeSteps[0] });
      await opened.store.migrate();
      return opened;
    },
  });
}

/** The name of one index on the articles table that no key or constraint stands on. */
async function anyArticleIndex(store: KyselyStore): Promise<string> {
  const rows =
    store.engine === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'articles' and sql is not null`.execute(store.db)
      : await sql<{ name: string }>`
          select i.relname as name from pg_index x
          join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
          join pg_namespace n on n.oid = t.relnamespace
          where n.nspname = current_schema() and t.relname = 'articles'
            and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`.execute(store.db);
  return rows.rows[0]!.name;
}

/** A database of the edited 0001 and 0002, holding stories, upgrades on `engine`. */
export function describeEditedMigrationsUpgrade(name: keyof typeof engines): void {
  const engine = engines[name];
  describe(`upgrading a database of the edited migrations: ${name}`, { skip: engine.skip }, () => {
    it('adds nothing twice and lists the stories it already held', async () => {
      const { store, drop } = await engine.open({ migratedTo: '0004-enrichment' });
      try {
        // What the edited 0001 and 0002 created.
        await sql`alter table articles add column source_hash text not null default ''`.execute(store.db);
        await sql`alter table feeds add column full_text integer not null default 0`.execute(store.db);
        const { first, second } = await seedOldRows(store);
        await store.migrate();
        const latest = await store.listings.page({ kind: 'latest' });
        assert.deepEqual(latest.items.map((a) => a.id), [first], 'one story, under the version received first');
        const other = await store.listings.page({ kind: 'provider', providerId: 2 });
        assert.deepEqual(other.items.map((a) => a.id), [second], 'each provider lists its own version');
        const english = await store.listings.page({ kind: 'language', language: 'en' });
        assert.deepEqual(english.items.map((a) => a.id), [first], 'the story is listed under its language');
        assert.equal((await store.articles.findById(first))?.sourceHash, '');
        // The story held before 0032 got a link from its second version to its first: taking
        // the first down leaves the second a story of its own, restoring it joins them again.
        await store.articles.setStatus(first, 'taken_down');
        assert.equal((await store.clusters.membershipOf(second))?.clusterId, second);
        await store.articles.setStatus(first, 'published');
        assert.equal((await store.clusters.membershipOf(second))?.clusterId, first, 'the kept link joins them again');
        assert.deepEqual((await store.listings.page({ kind: 'latest' })).items.map((a) => a.id), [first]);
      } finally {
        await drop();
      }
    });
  });
}

/** Two providers' versions of one story, written as an older Gazette wrote them. */
async function seedOldRows(store: KyselyStore): Promise<{ first: number; second: number }> {
  const db = store.db;
  const now = store.engine === 'postgres' ? new Date() : new Date().toISOString();
  for (const slug of ['one', 'two']) {
    await db.insertInto('providers').values({ slug, name: slug, homepage: null, contact_email: null, disclaimer: '', created_at: now }).execute();
  }
  const insert = async (providerId: number, guid: string) =>
    (
      await db
        .insertInto('articles')
        .values({
          provider_id: providerId, guid, slug: guid, source_url: null, headline: guid, summary: '', body_html: '<p>x</p>', body_text: 'x',
          byline: null, dateline: null, language: 'en', published_at: now, updated_at: now, ingested_at: now, status: 'published',
          content_hash: guid, source_hash: '',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const first = await insert(1, 'old-first');
  const second = await insert(2, 'old-second');
  for (const [articleId, match] of [[first, 'first'], [second, 'near']] as const) {
    await db.insertInto('article_clusters').values({ article_id: articleId, cluster_id: first, match, similarity: 1, signature: '' }).execute();
  }
  return { first, second };
}
