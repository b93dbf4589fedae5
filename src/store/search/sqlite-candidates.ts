import { sql, type Kysely } from 'kysely';
import type { SearchClause } from '../../domain/search.js';
import type { Database } from '../schema.js';
import type { CandidateSource } from './search-repo.js';
import { sqliteTagToken } from './search-tags.js';

/** An FTS5 string: every query word is quoted, so no text is ever read as FTS5 syntax. */
const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

function clause(c: SearchClause): string {
  return c.kind === 'phrase' ? quote(c.words.join(' ')) : `${quote(c.text)}${c.prefix ? ' *' : ''}`;
}

const TEXT_COLUMNS = '{headline summary body}';

/**
 * SQLite's candidates: an FTS5 MATCH (the reader's clauses on the text columns, the filters
 * as tag tokens), walked newest first by rowid (the search key) within the key range; FTS5
 * reads its doclists in that order and stops at the limit. Relevance is BM25 with the
 * headline weighted 8, the summary 3 and the body 1.
 */
export function sqliteCandidates(db: Kysely<Database>): CandidateSource {
  return async ({ query, tags, maxKey, minKey, limit }) => {
    let expression = `${TEXT_COLUMNS} : (${query.include.map(clause).join(' AND ')})`;
    for (const c of query.exclude) expression = `(${expression}) NOT (${TEXT_COLUMNS} : ${clause(c)})`;
    for (const tag of tags) expression = `(${expression}) AND (tags : ${quote(sqliteTagToken(tag))})`;
    const rows = await sql<{ article_id: number; story_id: number; key: string; sort_at: number; relevance: number }>`
      select se.article_id, se.story_id, cast(se.key as text) as key, se.sort_at, -bm25(search_fts, 8.0, 3.0, 1.0, 0.0) as relevance
      from search_fts join search_entries se on se.key = search_fts.rowid
      where search_fts match ${expression} and search_fts.rowid <= ${BigInt(maxKey)} and search_fts.rowid >= ${BigInt(minKey)}
      order by search_fts.rowid desc
      ${limit === undefined ? sql`` : sql`limit ${limit}`}`.execute(db);
    return rows.rows.map((r) => ({ articleId: r.article_id, storyId: r.story_id, key: r.key, sortAt: Number(r.sort_at), relevance: Number(r.relevance) }));
  };
}
