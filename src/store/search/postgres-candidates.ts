import { sql, type Kysely, type RawBuilder } from 'kysely';
import { spaceCjkWords } from '../../domain/cjk-words.js';
import type { ParsedSearch, SearchClause } from '../../domain/search.js';
import type { Database } from '../schema.js';
import type { CandidateSource } from './search-repo.js';
import { SEARCH_KEY_SPAN } from './search-index-writer.js';
import { postgresTagLexeme } from './search-tags.js';
import { TIMED_DOCUMENT, timeBucketsQuery } from './search-time-buckets.js';
import { textSearchConfig } from './text-search-config.js';

/**
 * One clause as a tsquery under one configuration. The text only ever reaches
 * phraseto_tsquery (which reads any text as words) or, for `word*`, to_tsquery with the
 * letters and digits of the word alone: no input can be tsquery syntax.
 */
function underConfig(c: SearchClause, config: string): RawBuilder<unknown> {
  // A CJK word is split as the index split it, and becomes a phrase of its words.
  if (c.kind === 'phrase') return sql`phraseto_tsquery(${config}::regconfig, ${spaceCjkWords(c.words.join(' '))})`;
  const text = spaceCjkWords(c.text);
  const letters = text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (c.prefix && letters && !letters.includes(' ')) return sql`to_tsquery(${config}::regconfig, ${`${letters}:*`})`;
  return sql`phraseto_tsquery(${config}::regconfig, ${text})`;
}

/**
 * The reader's query: each clause matches in any of the configurations in use (a story's
 * words are stemmed by its own language's), every included clause must match and no
 * excluded one may, in any configuration — so an exclusion cannot slip through another
 * language's stemming.
 */
function readerQuery(query: ParsedSearch, configs: readonly string[]): { reader: RawBuilder<unknown>; included: RawBuilder<unknown> } {
  const across = (c: SearchClause) => sql`(${sql.join(configs.map((config) => underConfig(c, config)), sql` || `)})`;
  const included = sql`(${sql.join(query.include.map(across), sql` && `)})`;
  const reader = query.exclude.length === 0 ? included : sql`(${included} && ${sql.join(query.exclude.map((c) => sql`!!${across(c)}`), sql` && `)})`;
  return { reader, included };
}

/** A tag as a one-lexeme tsquery literal. */
const tagQuery = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The first window a search looks in: the last hour (keys are sort_at·2²¹, see search-index-writer.ts). */
const FIRST_WINDOW_KEYS = 3_600_000n * BigInt(SEARCH_KEY_SPAN);
/** Each further window is this many times as long as the one before: 1 hour, 8, 64, 21 days, 170, 3.7 years, … */
const WIDENING = 8n;

type Row = { article_id: number; story_id: number; key_text: string; sort_at: string; relevance: number };

/**
 * PostgreSQL's candidates: the GIN index finds the documents matching the query (under each
 * language configuration in use, or the filtered language's), the filter tags and the time
 * buckets of a window of keys (see search-time-buckets.ts).
 *
 * GIN returns its matches in no order, so "the newest N matches" of a word in a few percent
 * of stories would read every match in the archive and sort them. Instead the range is
 * searched newest first in widening key windows — the last hour, then the 8 hours before,
 * then 64, … — each asking the index for the word AND the window's few time buckets, so a
 * window reads its own matches only (or, for a word in most stories, PostgreSQL walks the
 * key's b-tree backwards with the match as a filter). The windows are the branches of one
 * UNION ALL under the limit, which PostgreSQL runs in order and stops as soon as the limit
 * is met: a common word reads the first window or two, a rare one every window, each cheap
 * as its bitmap is small — in one round trip either way. Without a limit (a known window
 * again) the range is one window.
 * Story heads are a column, not an index term: nearly every entry is one, so as a term it
 * would add a posting list of the whole archive to every lookup.
 * Relevance is ts_rank_cd over the reader's clauses only, headline weight A, summary B, body
 * D, computed for the rows returned alone.
 */
export function postgresCandidates(db: Kysely<Database>): CandidateSource {
  let available: Promise<Set<string>> | undefined;
  return async ({ query, tags, headsOnly, language, maxKey, minKey, limit }) => {
    available ??= sql<{ cfgname: string }>`select cfgname from pg_ts_config`.execute(db).then((r) => new Set(r.rows.map((c) => c.cfgname)));
    // The range's newest and oldest entries (one step each down the key's index) and the
    // configurations in use, in one round trip: the windows start at the newest entry, not
    // at the range's top, which for an unfiltered search lies at the end of time.
    const range = (
      await sql<{ newest: string | null; oldest: string | null; configs: string[] }>`
      select (select max(key) from search_entries where key <= ${maxKey}::bigint and key >= ${minKey}::bigint)::text as newest,
        (select min(key) from search_entries where key <= ${maxKey}::bigint and key >= ${minKey}::bigint)::text as oldest,
        array(select config from search_configs) as configs`.execute(db)
    ).rows[0]!;
    const configs = language !== undefined ? [textSearchConfig(language, await available)] : range.configs;
    if (configs.length === 0 || range.newest === null || range.oldest === null) return [];
    // Stop words drop out of a tsquery; when nothing of the included clauses is left, the
    // query would be the filters (or an exclusion) alone and match everything.
    // The reader's tsquery as a subquery: PostgreSQL builds it once per statement, where as
    // an expression it would be parsed again for every row ranked or rechecked (30 ms for 300).
    const parts = readerQuery(query, configs);
    const reader = sql`(select ${parts.reader})`;
    const included = parts.included;
    const filter = tags.length > 0 ? sql` && ${sql.join(tags.map((t) => sql`${tagQuery(postgresTagLexeme(t))}::tsquery`), sql` && `)}` : sql``;
    const heads = headsOnly ? sql` and head = 1` : sql``;
    // The key goes out as text (it passes 2⁵³) under another name: ordering by an output
    // column named "key" would sort the text, not walk the key's index.
    const window = (top: bigint, bottom: bigint, take: number | undefined) => {
      const buckets = timeBucketsQuery(top, bottom);
      const inTime = buckets === undefined ? sql`` : sql` && ${buckets}::tsquery`;
      // With buckets, the GIN lookup is bounded already and the key range only trims the
      // buckets' edges, row by row: as an index condition (key + 0 is none) PostgreSQL would
      // AND the few matches with a bitmap of every key in the window (243,000 keys, 240 ms,
      // for a rare word's fifth window at 1,000,000 stories).
      const keyOf = buckets === undefined ? sql`key` : sql`(key + 0)`;
      return sql`(select article_id, story_id, key, key::text as key_text, sort_at, document
        from search_entries
        where numnode(${included}) > 0 and ${sql.raw(TIMED_DOCUMENT)} @@ (${reader}${filter}${inTime})${heads}
          and ${keyOf} <= ${top.toString()}::bigint and ${keyOf} >= ${bottom.toString()}::bigint
        order by key desc${take === undefined ? sql`` : sql` limit ${take}`})`;
    };
    const ranked = async (windows: RawBuilder<unknown>) =>
      (
        await sql<Row>`select article_id, story_id, key_text, sort_at, ts_rank_cd(document, ${reader}, 1) as relevance from (${windows}) w`.execute(db)
      ).rows.map((r) => ({ articleId: r.article_id, storyId: r.story_id, key: r.key_text, sortAt: Number(r.sort_at), relevance: Number(r.relevance) }));

    const newest = BigInt(range.newest);
    const oldest = BigInt(range.oldest);
    if (limit === undefined) return ranked(window(newest, oldest, undefined));
    const windows: RawBuilder<unknown>[] = [];
    let top = newest;
    for (let width = FIRST_WINDOW_KEYS; top >= oldest; width *= WIDENING) {
      const bottom = top - width + 1n > oldest ? top - width + 1n : oldest;
      windows.push(window(top, bottom, limit));
      top = bottom - 1n;
    }
    return ranked(sql`select * from (${sql.join(windows, sql` union all `)}) u limit ${limit}`);
  };
}
