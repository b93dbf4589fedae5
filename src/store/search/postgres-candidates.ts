import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ParsedSearch, SearchClause } from '../../domain/search.js';
import type { Database } from '../schema.js';
import type { CandidateSource } from './search-repo.js';
import { postgresTagLexeme } from './search-tags.js';
import { textSearchConfig } from './text-search-config.js';

/**
 * One clause as a tsquery under one configuration. The text only ever reaches
 * phraseto_tsquery (which reads any text as words) or, for `word*`, to_tsquery with the
 * letters and digits of the word alone: no input can be tsquery syntax.
 */
function underConfig(c: SearchClause, config: string): RawBuilder<unknown> {
  if (c.kind === 'phrase') return sql`phraseto_tsquery(${config}::regconfig, ${c.words.join(' ')})`;
  const letters = c.text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (c.prefix && letters && !letters.includes(' ')) return sql`to_tsquery(${config}::regconfig, ${`${letters}:*`})`;
  return sql`phraseto_tsquery(${config}::regconfig, ${c.text})`;
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

/**
 * PostgreSQL's candidates: the GIN index finds the documents matching the query (under each
 * language configuration in use, or the filtered language's) and the filter tags; they are
 * taken newest first by search key within the range. Relevance is ts_rank_cd over the
 * reader's clauses only, headline weight A, summary B, body D.
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
    const rows = await sql<{ article_id: number; story_id: number; key_text: string; sort_at: string; relevance: number }>`
      select article_id, story_id, key::text as key_text, sort_at, ts_rank_cd(document, ${reader}, 1) as relevance
      from search_entries
      where numnode(${included}) > 0 and document @@ (${reader}${filter}) and key <= ${maxKey}::bigint and key >= ${minKey}::bigint
      order by search_entries.key desc
      ${limit === undefined ? sql`` : sql`limit ${limit}`}`.execute(db);
    return rows.rows.map((r) => ({ articleId: r.article_id, storyId: r.story_id, key: r.key_text, sortAt: Number(r.sort_at), relevance: Number(r.relevance) }));
  };
}
