import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { IndexedText, ListingEntry } from '../listing-repo.js';
import { spaceCjkWords } from '../../domain/cjk-words.js';
import type { Database } from '../schema.js';
import type { Engine } from '../store.js';
import { factsOf, postgresTagLexeme, sqliteTagToken, type SearchTag } from './search-tags.js';
import { textSearchConfig } from './text-search-config.js';

/** Search keys are sort_at·SPAN + (article id mod SPAN): 2²¹ leaves room for ms times to year 2100 in 63 bits. */
export const SEARCH_KEY_SPAN = 2_097_152;

/** One article a story wants in the index. */
interface WantedEntry {
  articleId: number;
  storyId: number;
  sortAt: number;
  head: boolean;
}

/**
 * Brings one story's search entries in line with its listing entries (`listed`: all of the
 * story's rows, as `refreshStory` just wrote them in the same transaction): its head and each
 * provider's first version are indexed, every other version of it is not, and an entry whose
 * text, tags or place did not change is left alone. Called by the store for every story a
 * transaction touched, so a takedown, an unpublish, a correction or a reprocess changes search
 * in the same commit.
 */
export async function refreshStorySearch(db: Kysely<Database>, engine: Engine, storyId: number, listed: readonly ListingEntry[], newStory?: IndexedText): Promise<void> {
  const wanted = new Map<number, WantedEntry>();
  for (const row of listed) {
    if (row.story_id !== storyId || (row.scope !== 'latest' && !row.scope.startsWith('provider:'))) continue;
    const entry = wanted.get(row.article_id) ?? { articleId: row.article_id, storyId, sortAt: Number(row.sort_at), head: false };
    if (row.scope === 'latest') entry.head = true;
    wanted.set(row.article_id, entry);
  }
  const ids = [...wanted.keys()];
  // (A story begun in this transaction by a new article has no entries yet, and its text is known.)
  const existing = newStory
    ? []
    : await db
        .selectFrom('search_entries')
        .select(['article_id', 'signature'])
        .where((eb) => (ids.length > 0 ? eb.or([eb('story_id', '=', storyId), eb('article_id', 'in', ids)]) : eb('story_id', '=', storyId)))
        .execute();
  const stale = existing.filter((e) => !wanted.has(e.article_id));
  for (const e of stale) await removeEntry(db, engine, e.article_id);
  if (ids.length === 0) return;
  const signatures = new Map(existing.map((e) => [e.article_id, e.signature]));
  for (const entry of wanted.values()) await indexEntry(db, engine, entry, signatures.get(entry.articleId), newStory);
}

async function removeEntry(db: Kysely<Database>, engine: Engine, articleId: number): Promise<void> {
  // The FTS5 row goes first, found by the entry's key (its rowid).
  if (engine === 'sqlite') await sql`delete from search_fts where rowid = (select key from search_entries where article_id = ${articleId})`.execute(db);
  await db.deleteFrom('search_entries').where('article_id', '=', articleId).execute();
}

/** (Re)indexes one article unless what would be indexed has the signature already stored. */
async function indexEntry(db: Kysely<Database>, engine: Engine, entry: WantedEntry, storedSignature: string | undefined, known?: IndexedText): Promise<void> {
  const [article, categories] = known
    ? [known, [...known.categories]]
    : await Promise.all([
        db.selectFrom('articles').select(['headline', 'summary', 'body_text', 'language', 'provider_id']).where('id', '=', entry.articleId).executeTakeFirst(),
        db.selectFrom('article_categories').select(['category_slug', 'position']).where('article_id', '=', entry.articleId).execute(),
      ]);
  if (!article) return;
  // Chinese and Japanese runs are split into words first: neither engine's tokenizer can.
  const text = { headline: spaceCjkWords(article.headline), summary: spaceCjkWords(article.summary), body: spaceCjkWords(article.body_text) };
  categories.sort((x, y) => x.position - y.position);
  const facts = factsOf({ head: entry.head, language: article.language, providerId: article.provider_id, categories: categories.map((c) => c.category_slug) });
  const signature = createHash('sha256')
    .update(JSON.stringify([entry.storyId, entry.sortAt, facts, article.headline, article.summary, article.body_text]))
    .digest('base64url');
  if (signature === storedSignature) return;
  // The head is a column, not a token (see search-tags.ts).
  const tags = facts.filter((f): f is SearchTag => f.kind !== 'head');
  if (storedSignature !== undefined) await removeEntry(db, engine, entry.articleId);
  const config = engine === 'postgres' ? textSearchConfig(article.language, await availableConfigs(db)) : '';
  // The entry's key, or the next free one below it when another article holds it (two
  // articles of the same millisecond whose ids are 2²¹ apart; the key passes 2⁵³, so a
  // bigint): the insert itself tells, so a free key costs no lookup first.
  const row = { article_id: entry.articleId, story_id: entry.storyId, sort_at: entry.sortAt, head: entry.head ? 1 : 0, signature };
  for (let key = BigInt(entry.sortAt) * BigInt(SEARCH_KEY_SPAN) + BigInt(entry.articleId % SEARCH_KEY_SPAN); ; key -= 1n) {
    const k = keyParameter(engine, key);
    if (engine === 'sqlite') {
      const added = await sql`insert into search_entries (key, article_id, story_id, sort_at, head, signature)
        values (${k}, ${row.article_id}, ${row.story_id}, ${row.sort_at}, ${row.head}, ${row.signature})
        on conflict (key) do nothing returning key`.execute(db);
      if (added.rows.length === 0) continue;
      await sql`insert into search_fts (rowid, headline, summary, body, tags)
        values (${k}, ${text.headline}, ${text.summary}, ${text.body}, ${tags.map(sqliteTagToken).join(' ')})`.execute(db);
      return;
    }
    // (The configuration is recorded in the same round trip: search reads which ones are in use.)
    const added = await sql`with recorded as (insert into search_configs (config) values (${config}) on conflict do nothing)
      insert into search_entries (article_id, key, story_id, sort_at, head, signature, config, document)
      values (${row.article_id}, ${k}, ${row.story_id}, ${row.sort_at}, ${row.head}, ${row.signature}, ${config},
        setweight(to_tsvector(${config}::regconfig, ${text.headline}), 'A') || setweight(to_tsvector(${config}::regconfig, ${text.summary}), 'B')
          || to_tsvector(${config}::regconfig, ${text.body}) || array_to_tsvector(${tags.map(postgresTagLexeme)}::text[]))
      on conflict (key) do nothing returning article_id`.execute(db);
    if (added.rows.length > 0) return;
  }
}

/**
 * A key as a bound parameter, so each statement is compiled once and reused (written into
 * the SQL, every article made three new statements to compile). better-sqlite3 binds a
 * bigint as a 64-bit integer; pg takes it as decimal text, which PostgreSQL reads as bigint.
 */
function keyParameter(engine: Engine, key: bigint): bigint | string {
  return engine === 'sqlite' ? key : key.toString();
}

let configs: Promise<Set<string>> | undefined;

/** The text-search configurations the server has (read once per process). */
async function availableConfigs(db: Kysely<Database>): Promise<Set<string>> {
  configs ??= sql<{ cfgname: string }>`select cfgname from pg_ts_config`
    .execute(db)
    .then((r) => new Set(r.rows.map((c) => c.cfgname)))
    .catch((err: unknown) => {
      configs = undefined;
      throw err;
    });
  return configs;
}

/**
 * After a set-based backfill: indexes the listed entries it skipped because their key was
 * taken (same millisecond, ids 2²¹ apart), one by one with a free key.
 */
export async function indexLeftovers(db: Kysely<any>, engine: Engine): Promise<void> {
  const missing = await sql<{ article_id: number; story_id: number; sort_at: number | string; head: number }>`
    select le.article_id, le.story_id, le.sort_at, max(case when le.scope = 'latest' then 1 else 0 end) as head
    from listing_entries le
    where (le.scope = 'latest' or substr(le.scope, 1, 9) = 'provider:')
      and not exists (select 1 from search_entries se where se.article_id = le.article_id)
    group by le.article_id, le.story_id, le.sort_at`.execute(db);
  for (const m of missing.rows) {
    await indexEntry(db, engine, { articleId: m.article_id, storyId: m.story_id, sortAt: Number(m.sort_at), head: Number(m.head) === 1 }, undefined);
  }
}

/**
 * Indexes again, with their CJK runs split into words, the entries of articles written in
 * Chinese, Japanese or Korean or with such letters in the headline or summary (found by
 * the language tag and a pattern on those two short fields, so an archive in other
 * languages costs one pass over them and no re-index).
 */
export async function reindexCjkEntries(db: Kysely<any>, engine: Engine): Promise<number> {
  // Han, kana and Hangul syllables, as code point ranges both engines' patterns accept.
  const ranges = '\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af';
  const cjkText =
    engine === 'sqlite'
      ? sql`(a.headline glob ${`*[${ranges}]*`} or a.summary glob ${`*[${ranges}]*`})`
      : sql`(a.headline ~ ${`[${ranges}]`} or a.summary ~ ${`[${ranges}]`})`;
  const rows = await sql<{ article_id: number; story_id: number; sort_at: number | string; head: number }>`
    select se.article_id, se.story_id, se.sort_at, se.head from search_entries se join articles a on a.id = se.article_id
    where lower(substr(a.language, 1, 2)) in ('zh', 'ja', 'ko') or ${cjkText}`.execute(db);
  for (const r of rows.rows) {
    await indexEntry(db, engine, { articleId: r.article_id, storyId: r.story_id, sortAt: Number(r.sort_at), head: Number(r.head) === 1 }, 'reindex');
  }
  return rows.rows.length;
}
