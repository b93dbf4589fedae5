import { sql, type Kysely } from 'kysely';
import type { Engine } from '../store.js';
import { indexLeftovers, SEARCH_KEY_SPAN } from '../search/search-index-writer.js';
import { LANGUAGE_CODES, textSearchConfig } from '../search/text-search-config.js';

/**
 * Full-text search, in each engine's own index. What is indexed is what listings show: each
 * story's head (its `latest` entry) and each provider's first version of it (its
 * `provider:<id>` entry), so a search returns one result per story and a provider filter
 * still finds the provider's own copy. The store keeps the index in step in the same
 * transaction as every write (see `search-index-writer.ts`).
 *
 * `search_entries` maps an article to its search key, sort_at·2²¹ + (id mod 2²¹): keys
 * order matches newest first, and a date range is a key range.
 * - SQLite: an FTS5 table without a copy of the text (contentless, with delete), rowid =
 *   key, porter stemming over unicode61 with diacritics folded, prefix indexes for `word*`.
 * - PostgreSQL: a tsvector per entry, built with the text-search configuration of the
 *   article's language (simple where the server has none), under a GIN index.
 * Filters are tokens in the same index (see `search-tags.ts`).
 *
 * The backfill is set-based (one INSERT … SELECT per table), and PostgreSQL builds its GIN
 * index after the rows are in, which is several times faster than maintaining it row by row.
 */
export async function searchIndex(db: Kysely<any>, engine: Engine): Promise<void> {
  const pg = engine === 'postgres';
  await db.schema
    .createTable('search_entries')
    .$call((t) =>
      pg
        ? t.addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade')).addColumn('key', 'bigint', (c) => c.notNull().unique())
        : // The key is the rowid, shared with the FTS5 row: a hit joins back by rowid.
          t.addColumn('key', 'integer', (c) => c.primaryKey()).addColumn('article_id', 'integer', (c) => c.notNull().unique().references('articles.id').onDelete('cascade')),
    )
    .addColumn('story_id', 'integer', (c) => c.notNull())
    .addColumn('sort_at', 'bigint', (c) => c.notNull())
    .addColumn('head', 'integer', (c) => c.notNull())
    // A hash of what was indexed, so a write that changes nothing searchable costs no re-index.
    .addColumn('signature', 'text', (c) => c.notNull())
    .$call((t) => (pg ? t.addColumn('config', 'text', (c) => c.notNull()).addColumn('document', sql`tsvector`, (c) => c.notNull()) : t))
    .execute();
  await db.schema.createIndex('search_entries_story_idx').on('search_entries').column('story_id').execute();

  const key = sql`le.sort_at * ${sql.lit(SEARCH_KEY_SPAN)} + le.article_id % ${sql.lit(SEARCH_KEY_SPAN)}`;
  // A story's entries to index: its head and each provider's first version (an article listed
  // under both is one entry). A key taken twice (same millisecond, ids 2²¹ apart) is
  // skipped here and placed by indexLeftovers.
  const entries = sql`
    select le.article_id, le.story_id, le.sort_at, max(case when le.scope = 'latest' then 1 else 0 end) as head
    from listing_entries le
    where le.scope = 'latest' or substr(le.scope, 1, 9) = 'provider:'
    group by le.article_id, le.story_id, le.sort_at`;

  if (!pg) {
    await sql`create virtual table search_fts using fts5(headline, summary, body, tags, content='', contentless_delete=1,
      tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')`.execute(db);
    await sql`insert or ignore into search_entries (key, article_id, story_id, sort_at, head, signature)
      select ${key}, le.article_id, le.story_id, le.sort_at, le.head, '' from (${entries}) le`.execute(db);
    // Tags as search-tags.ts writes them: hex of the language and slugs, a final 0.
    await sql`insert into search_fts (rowid, headline, summary, body, tags)
      select se.key, a.headline, a.summary, a.body_text,
        case when se.head = 1 then 'qh0 ' else '' end || 'ql' || lower(hex(lower(a.language))) || '0 qp' || a.provider_id || '0'
          || coalesce((select ' ' || group_concat('qc' || lower(hex(ac.category_slug)) || '0', ' ') from article_categories ac where ac.article_id = a.id), '')
      from search_entries se join articles a on a.id = se.article_id`.execute(db);
    // One b-tree per term instead of many segments: the first searches are as fast as later ones.
    await sql`insert into search_fts (search_fts) values ('optimize')`.execute(db);
  } else {
    await db.schema.createTable('search_configs').addColumn('config', 'text', (c) => c.primaryKey()).execute();
    const available = new Set((await sql<{ cfgname: string }>`select cfgname from pg_ts_config`.execute(db)).rows.map((r) => r.cfgname));
    const configOf = sql`(case split_part(lower(a.language), '-', 1) ${sql.join(
      languageCodes(available).map(([code, config]) => sql`when ${sql.lit(code)} then ${sql.lit(config)}`),
      sql` `,
    )} else 'simple' end)`;
    await sql`set local maintenance_work_mem = '256MB'`.execute(db);
    await sql`insert into search_entries (article_id, key, story_id, sort_at, head, signature, config, document)
      select le.article_id, ${key}, le.story_id, le.sort_at, le.head, '', d.config,
        setweight(to_tsvector(d.config::regconfig, a.headline), 'A') || setweight(to_tsvector(d.config::regconfig, a.summary), 'B')
          || to_tsvector(d.config::regconfig, a.body_text)
          || array_to_tsvector(array_remove(array[case when le.head = 1 then ' head' end, ' lang ' || lower(a.language), ' provider ' || a.provider_id], null)
            || coalesce((select array_agg(' category ' || ac.category_slug) from article_categories ac where ac.article_id = a.id), '{}'))
      from (${entries}) le join articles a on a.id = le.article_id
        cross join lateral (select ${configOf} as config) d
      on conflict do nothing`.execute(db);
    await sql`create index search_entries_document_idx on search_entries using gin (document)`.execute(db);
    await sql`insert into search_configs (config) select distinct config from search_entries`.execute(db);
  }
  await indexLeftovers(db, engine);
}

/** Language codes and the configuration each maps to, among those the server has. */
function languageCodes(available: ReadonlySet<string>): [string, string][] {
  return LANGUAGE_CODES.map((code) => [code, textSearchConfig(code, available)]);
}
