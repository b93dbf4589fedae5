import { sql, type Kysely, type RawBuilder } from 'kysely';
import { spaceCjkWords } from '../../domain/cjk-words.js';
import type { ParsedSearch, SearchClause } from '../../domain/search.js';
import type { Database } from '../schema.js';
import type { Candidate, CandidateSource } from './search-repo.js';
import { SEARCH_KEY_SPAN } from './search-index-writer.js';
import { postgresTagLexeme } from './search-tags.js';
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
/** Each further window is this many times as long as the one before. */
const WIDENING = 4n;

/**
 * PostgreSQL's candidates: the GIN index finds the documents matching the query (under each
 * language configuration in use, or the filtered language's) and the filter tags.
 *
 * GIN returns its matches in no order, so "the newest N matches" of a word in a few percent
 * of stories would read every match in the archive and sort them. Instead the range is
 * searched newest first in widening key windows — the last hour, then the 4 hours before,
 * then 16, … — each a bounded range of the key's b-tree that PostgreSQL ANDs with the GIN
 * bitmap (or, for a word in most stories, walks backwards with the match as a filter). A
 * common word stops in the first windows, a middling one after a few, and a rare one reaches
 * the archive's start in about a dozen cheap steps, since its GIN bitmap is small. Without
 * a limit (a known window again) the range is read in one statement.
 * Relevance is ts_rank_cd over the reader's clauses only, headline weight A, summary B, body D.
 */
export function postgresCandidates(db: Kysely<Database>): CandidateSource {
  let available: Promise<Set<string>> | undefined;
  return async ({ query, tags, language, maxKey, minKey, limit }) => {
    available ??= sql<{ cfgname: string }>`select cfgname from pg_ts_config`.execute(db).then((r) => new Set(r.rows.map((c) => c.cfgname)));
    const configs =
      language !== undefined
        ? [textSearchConfig(language, await available)]
        : (await sql<{ config: string }>`select config from search_configs`.execute(db)).rows.map((r) => r.config);
    if (configs.length === 0) return [];
    // Stop words drop out of a tsquery; when nothing of the included clauses is left, the
    // query would be the filters (or an exclusion) alone and match everything.
    const { reader, included } = readerQuery(query, configs);
    const filter = tags.length > 0 ? sql` && ${sql.join(tags.map((t) => sql`${tagQuery(postgresTagLexeme(t))}::tsquery`), sql` && `)}` : sql``;
    // The key goes out as text (it passes 2⁵³) under another name: ordering by an output
    // column named "key" would sort the text, not walk the key's index.
    const inRange = async (top: bigint, bottom: bigint, take?: number) =>
      (
        await sql<{ article_id: number; story_id: number; key_text: string; sort_at: string; relevance: number }>`
      select article_id, story_id, key::text as key_text, sort_at, ts_rank_cd(document, ${reader}, 1) as relevance
      from search_entries
      where numnode(${included}) > 0 and document @@ (${reader}${filter}) and key <= ${top.toString()}::bigint and key >= ${bottom.toString()}::bigint
      order by search_entries.key desc
      ${take === undefined ? sql`` : sql`limit ${take}`}`.execute(db)
      ).rows.map((r) => ({ articleId: r.article_id, storyId: r.story_id, key: r.key_text, sortAt: Number(r.sort_at), relevance: Number(r.relevance) }));

    const min = BigInt(minKey);
    if (limit === undefined) return inRange(BigInt(maxKey), min);
    const found: Candidate[] = [];
    // The windows start at the newest entry in range (one step down the key's index), not at
    // the range's top, which for an unfiltered search lies at the end of time.
    const newest = (await sql<{ k: string | null }>`select max(key)::text as k from search_entries where key <= ${maxKey}::bigint`.execute(db)).rows[0]?.k;
    if (newest === null || newest === undefined) return [];
    let top = BigInt(newest);
    let width = FIRST_WINDOW_KEYS;
    while (found.length < limit && top >= min) {
      const bottom = top - width + 1n > min ? top - width + 1n : min;
      found.push(...(await inRange(top, bottom, limit - found.length)));
      top = bottom - 1n;
      width *= WIDENING;
    }
    return found;
  };
}
