import { sql, type Kysely } from 'kysely';
import { spaceCjkWords } from '../../domain/cjk-words.js';
import type { SearchClause } from '../../domain/search.js';
import type { Database } from '../schema.js';
import type { CandidateSource } from './search-repo.js';
import { sqliteTagToken } from './search-tags.js';

/** An FTS5 string: every query word is quoted, so no text is ever read as FTS5 syntax. */
const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** A clause as FTS5 text; a CJK word split as the index splits it becomes a phrase of its words. */
function clause(c: SearchClause): string {
  return c.kind === 'phrase' ? quote(spaceCjkWords(c.words.join(' '))) : `${quote(spaceCjkWords(c.text))}${c.prefix ? ' *' : ''}`;
}

const TEXT_COLUMNS = '{headline summary body}';

/** Relevance on SQLite: a match in the headline counts most, then the summary, then the body. */
const HEADLINE_WEIGHT = 8;
const SUMMARY_WEIGHT = 3;

/**
 * SQLite's candidates: an FTS5 MATCH (the reader's clauses on the text columns, the filters
 * as tag tokens), walked newest first by rowid (the search key) within the key range; FTS5
 * reads its doclists in that order and stops at the limit. Relevance is where the reader's
 * words are: two more MATCHes restricted to the headline and the summary, over the window's
 * rowid range only. (FTS5's bm25() is not used: its IDF reads the whole doclist of every
 * term, so a common word would cost as much as the archive is large.) Story heads are
 * checked on the joined entry, not matched as a tag: nearly every entry is one, and walking
 * that doclist beside the reader's words doubled the lookup's cost.
 */
export function sqliteCandidates(db: Kysely<Database>): CandidateSource {
  return async ({ query, tags, headsOnly, maxKey, minKey, limit }) => {
    const positive = query.include.map(clause).join(' AND ');
    let expression = `${TEXT_COLUMNS} : (${positive})`;
    for (const c of query.exclude) expression = `(${expression}) NOT (${TEXT_COLUMNS} : ${clause(c)})`;
    for (const tag of tags) expression = `(${expression}) AND (tags : ${quote(sqliteTagToken(tag))})`;
    const rows = (
      await sql<{ article_id: number; story_id: number; key: string; sort_at: number }>`
      select se.article_id, se.story_id, cast(se.key as text) as key, se.sort_at
      from search_fts join search_entries se on se.key = search_fts.rowid
      where search_fts match ${expression} and search_fts.rowid <= ${BigInt(maxKey)} and search_fts.rowid >= ${BigInt(minKey)}${headsOnly ? sql` and se.head = 1` : sql``}
      order by search_fts.rowid desc
      ${limit === undefined ? sql`` : sql`limit ${limit}`}`.execute(db)
    ).rows;
    if (rows.length === 0) return [];
    const low = BigInt(rows.at(-1)!.key);
    const high = BigInt(rows[0]!.key);
    const inColumn = async (column: string) =>
      new Set(
        (
          await sql<{ key: string }>`select cast(rowid as text) as key from search_fts
          where search_fts match ${`{${column}} : (${positive})`} and rowid <= ${high} and rowid >= ${low}`.execute(db)
        ).rows.map((r) => r.key),
      );
    const [headline, summary] = await Promise.all([inColumn('headline'), inColumn('summary')]);
    return rows.map((r) => ({
      articleId: r.article_id,
      storyId: r.story_id,
      key: r.key,
      sortAt: Number(r.sort_at),
      relevance: 1 + (headline.has(r.key) ? HEADLINE_WEIGHT : 0) + (summary.has(r.key) ? SUMMARY_WEIGHT : 0),
    }));
  };
}
