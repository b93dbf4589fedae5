import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { IndexedText, ListingEntry } from '../story-listings.js';
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

/** A story whose search entries follow its listing entries. */
export interface StoryListing {
  storyId: number;
  /** All of the story's listing rows, as the listing side just wrote them in the same transaction. */
  entries: readonly ListingEntry[];
  /** For a story begun in this transaction by a new article: that article's text (it has no entries yet). */
  newStory?: IndexedText;
}

/**
 * Stories whose entries are read together, and entries indexed together (one read of their
 * articles' text and categories, one insert of their rows): each id of an `in (…)` list is
 * an index descent, and fifty keep PostgreSQL's planner on the indexes of small tables too
 * (see STORIES_PER_CHUNK in story-listings.ts).
 */
const STORIES_PER_CHUNK = 50;
const ENTRIES_PER_CHUNK = 50;

/** What the search index holds of a story: its head and each provider's first version (an article listed under both is one entry). */
function wantedEntries(storyId: number, listed: readonly ListingEntry[]): WantedEntry[] {
  const wanted = new Map<number, WantedEntry>();
  for (const row of listed) {
    if (row.story_id !== storyId || (row.scope !== 'latest' && !row.scope.startsWith('provider:'))) continue;
    const entry = wanted.get(row.article_id) ?? { articleId: row.article_id, storyId, sortAt: Number(row.sort_at), head: false };
    if (row.scope === 'latest') entry.head = true;
    wanted.set(row.article_id, entry);
  }
  return [...wanted.values()];
}

/**
 * Brings these stories' search entries in line with their listing entries: each story's head
 * and each provider's first version are indexed, every other version of it is not, and an
 * entry whose text, tags or place did not change is left alone. Called by the store for every
 * story a transaction touched, so a takedown, an unpublish, a correction or a reprocess
 * changes search in the same commit. Stories are taken STORIES_PER_CHUNK at a time (and
 * fewer when they index many articles), each chunk's entries read in one statement and
 * their articles' text in bulk: a story split into thousands cost thousands of statements.
 */
export async function refreshStoriesSearch(db: Kysely<Database>, engine: Engine, stories: readonly StoryListing[]): Promise<void> {
  let chunk: { story: StoryListing; wanted: WantedEntry[] }[] = [];
  let entries = 0;
  for (const story of stories) {
    const wanted = wantedEntries(story.storyId, story.entries);
    if (chunk.length > 0 && (chunk.length === STORIES_PER_CHUNK || entries + wanted.length > ENTRIES_PER_CHUNK)) {
      await refreshChunk(db, engine, chunk);
      [chunk, entries] = [[], 0];
    }
    chunk.push({ story, wanted });
    entries += wanted.length;
  }
  if (chunk.length > 0) await refreshChunk(db, engine, chunk);
}

async function refreshChunk(db: Kysely<Database>, engine: Engine, chunk: readonly { story: StoryListing; wanted: WantedEntry[] }[]): Promise<void> {
  const wanted = chunk.flatMap((c) => c.wanted);
  const known = new Map(chunk.flatMap((c) => (c.story.newStory ? c.wanted.map((w) => [w.articleId, c.story.newStory!] as const) : [])));
  // (A story begun in this transaction by a new article has no entries yet, and its text is known.)
  const read = chunk.filter((c) => !c.story.newStory);
  const storyIds = read.map((c) => c.story.storyId);
  const ids = read.flatMap((c) => c.wanted.map((w) => w.articleId));
  const existing =
    storyIds.length === 0
      ? []
      : await db
          .selectFrom('search_entries')
          .select(['article_id', 'signature'])
          .where((eb) => (ids.length > 0 ? eb.or([eb('story_id', 'in', storyIds), eb('article_id', 'in', ids)]) : eb('story_id', 'in', storyIds)))
          .execute();
  // An entry none of the chunk's stories wants any more goes; one still wanted is compared by signature.
  const indexed = new Set(wanted.map((w) => w.articleId));
  await removeEntries(db, engine, existing.filter((e) => !indexed.has(e.article_id)).map((e) => e.article_id));
  await indexEntries(db, engine, wanted, new Map(existing.map((e) => [e.article_id, e.signature])), known);
}

/** Removes these articles' entries: their FTS5 rows first, found by the entries' keys (their rowids). */
async function removeEntries(db: Kysely<Database>, engine: Engine, articleIds: readonly number[]): Promise<void> {
  for (let i = 0; i < articleIds.length; i += ENTRIES_PER_CHUNK) {
    const chunk = articleIds.slice(i, i + ENTRIES_PER_CHUNK);
    if (engine === 'sqlite') await sql`delete from search_fts where rowid in (select key from search_entries where article_id in (${sql.join(chunk)}))`.execute(db);
    await db.deleteFrom('search_entries').where('article_id', 'in', chunk).execute();
  }
}

/** An entry as it is written: the search_entries row, and the text and tags of its full-text document. */
interface EntryRow {
  article_id: number;
  story_id: number;
  sort_at: number;
  head: number;
  signature: string;
  /** The key it takes unless another article holds it: sort_at·SPAN + (article id mod SPAN). */
  key: bigint;
  headline: string;
  summary: string;
  body: string;
  tags: SearchTag[];
  /** PostgreSQL's text-search configuration (SQLite has one tokenizer). */
  config: string;
}

/** What an entry indexes of its article, and the signature of all that. */
function entryRow(entry: WantedEntry, article: IndexedText, configs: ReadonlySet<string> | undefined): EntryRow {
  const categories = [...article.categories].sort((x, y) => x.position - y.position);
  const facts = factsOf({ head: entry.head, language: article.language, providerId: article.provider_id, categories: categories.map((c) => c.category_slug) });
  const signature = createHash('sha256')
    .update(JSON.stringify([entry.storyId, entry.sortAt, facts, article.headline, article.summary, article.body_text]))
    .digest('base64url');
  return {
    article_id: entry.articleId,
    story_id: entry.storyId,
    sort_at: entry.sortAt,
    head: entry.head ? 1 : 0,
    signature,
    key: BigInt(entry.sortAt) * BigInt(SEARCH_KEY_SPAN) + BigInt(entry.articleId % SEARCH_KEY_SPAN),
    // Chinese and Japanese runs are split into words first: neither engine's tokenizer can.
    headline: spaceCjkWords(article.headline),
    summary: spaceCjkWords(article.summary),
    body: spaceCjkWords(article.body_text),
    // The head is a column, not a token (see search-tags.ts).
    tags: facts.filter((f): f is SearchTag => f.kind !== 'head'),
    config: configs ? textSearchConfig(article.language, configs) : '',
  };
}

/**
 * (Re)indexes these entries, except those whose signature is the one stored (`stored`, by
 * article; an entry with one is replaced), ENTRIES_PER_CHUNK at a time: their articles'
 * text and categories in two reads by key (unless `known`), the changed entries removed, the
 * new rows written in one insert per table.
 */
async function indexEntries(
  db: Kysely<Database>,
  engine: Engine,
  entries: readonly WantedEntry[],
  stored: ReadonlyMap<number, string>,
  known: ReadonlyMap<number, IndexedText> = new Map(),
): Promise<void> {
  const configs = engine === 'postgres' && entries.length > 0 ? await availableConfigs(db) : undefined;
  for (let i = 0; i < entries.length; i += ENTRIES_PER_CHUNK) {
    const chunk = entries.slice(i, i + ENTRIES_PER_CHUNK);
    const texts = await textsOf(db, chunk.filter((e) => !known.has(e.articleId)).map((e) => e.articleId));
    for (const [id, text] of known) texts.set(id, text);
    const rows: EntryRow[] = [];
    const replaced: number[] = [];
    for (const entry of chunk) {
      const article = texts.get(entry.articleId);
      if (!article) continue;
      const row = entryRow(entry, article, configs);
      const signature = stored.get(entry.articleId);
      if (row.signature === signature) continue;
      if (signature !== undefined) replaced.push(entry.articleId);
      rows.push(row);
    }
    await removeEntries(db, engine, replaced);
    await insertEntries(db, engine, rows);
  }
}

/** The indexed text of these articles: two reads by key. */
async function textsOf(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, IndexedText>> {
  if (ids.length === 0) return new Map();
  const [articles, categories] = await Promise.all([
    db.selectFrom('articles').select(['id', 'headline', 'summary', 'body_text', 'language', 'provider_id']).where('id', 'in', [...ids]).execute(),
    db.selectFrom('article_categories').select(['article_id', 'category_slug', 'position']).where('article_id', 'in', [...ids]).execute(),
  ]);
  const texts = new Map(articles.map(({ id, ...text }) => [id, { ...text, categories: [] as IndexedText['categories'] }]));
  for (const { article_id, ...c } of categories) texts.get(article_id)?.categories.push(c);
  return texts;
}

/**
 * Writes new entries in one statement per table, each at its key; an entry whose key another
 * article holds (two articles of the same millisecond whose ids are 2²¹ apart; the key passes
 * 2⁵³, so a bigint) then takes the next free key below it, one by one: the insert itself
 * tells, so a free key costs no lookup first.
 */
async function insertEntries(db: Kysely<Database>, engine: Engine, rows: readonly EntryRow[]): Promise<void> {
  if (rows.length === 0) return;
  const added = new Set((await insertRows(db, engine, rows)).map((r) => r.article_id));
  for (const row of rows) {
    if (added.has(row.article_id)) continue;
    let key = row.key - 1n;
    while ((await insertRows(db, engine, [{ ...row, key }])).length === 0) key -= 1n;
  }
}

/** Inserts rows at their keys, skipping those whose key is taken; returns the articles written. */
async function insertRows(db: Kysely<Database>, engine: Engine, rows: readonly EntryRow[]): Promise<{ article_id: number }[]> {
  if (engine === 'sqlite') {
    const added = await sql<{ article_id: number }>`insert into search_entries (key, article_id, story_id, sort_at, head, signature)
      values ${sql.join(rows.map((r) => sql`(${keyParameter(engine, r.key)}, ${r.article_id}, ${r.story_id}, ${r.sort_at}, ${r.head}, ${r.signature})`))}
      on conflict (key) do nothing returning article_id`.execute(db);
    const written = new Set(added.rows.map((r) => r.article_id));
    const fts = rows.filter((r) => written.has(r.article_id));
    if (fts.length > 0) {
      await sql`insert into search_fts (rowid, headline, summary, body, tags)
        values ${sql.join(fts.map((r) => sql`(${keyParameter(engine, r.key)}, ${r.headline}, ${r.summary}, ${r.body}, ${r.tags.map(sqliteTagToken).join(' ')})`))}`.execute(db);
    }
    return added.rows;
  }
  // (The configurations are recorded in the same round trip: search reads which ones are in use.)
  const configs = [...new Set(rows.map((r) => r.config))];
  const added = await sql<{ article_id: number }>`with recorded as (insert into search_configs (config) values ${sql.join(configs.map((c) => sql`(${c})`))} on conflict do nothing)
    insert into search_entries (article_id, key, story_id, sort_at, head, signature, config, document)
    values ${sql.join(
      rows.map(
        (r) => sql`(${r.article_id}, ${keyParameter(engine, r.key)}, ${r.story_id}, ${r.sort_at}, ${r.head}, ${r.signature}, ${r.config},
          setweight(to_tsvector(${r.config}::regconfig, ${r.headline}), 'A') || setweight(to_tsvector(${r.config}::regconfig, ${r.summary}), 'B')
            || to_tsvector(${r.config}::regconfig, ${r.body}) || array_to_tsvector(${r.tags.map(postgresTagLexeme)}::text[]))`,
      ),
    )}
    on conflict (key) do nothing returning article_id`.execute(db);
  return added.rows;
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
 * taken (same millisecond, ids 2²¹ apart), each at the next free key below its own.
 */
export async function indexLeftovers(db: Kysely<any>, engine: Engine): Promise<void> {
  const missing = await sql<{ article_id: number; story_id: number; sort_at: number | string; head: number }>`
    select le.article_id, le.story_id, le.sort_at, max(case when le.scope = 'latest' then 1 else 0 end) as head
    from listing_entries le
    where (le.scope = 'latest' or substr(le.scope, 1, 9) = 'provider:')
      and not exists (select 1 from search_entries se where se.article_id = le.article_id)
    group by le.article_id, le.story_id, le.sort_at`.execute(db);
  const entries = missing.rows.map((m) => ({ articleId: m.article_id, storyId: m.story_id, sortAt: Number(m.sort_at), head: Number(m.head) === 1 }));
  await indexEntries(db, engine, entries, new Map());
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
  // Every entry is written again, as if its stored signature were another.
  const entries = rows.rows.map((r) => ({ articleId: r.article_id, storyId: r.story_id, sortAt: Number(r.sort_at), head: Number(r.head) === 1 }));
  await indexEntries(db, engine, entries, new Map(entries.map((e) => [e.articleId, 'reindex'])));
  return rows.rows.length;
}
