import { sql, type Kysely } from 'kysely';

/**
 * A listing per language (`lang:<tag>`), for language feeds and the API's `lang` filter:
 * a story's head is listed under its language as under latest, so the entries are the
 * latest entries relabelled, in one statement.
 */
export async function languageListings(db: Kysely<any>): Promise<void> {
  await sql`
    insert into listing_entries (scope, sort_at, article_id, story_id)
    select 'lang:' || lower(a.language), le.sort_at, le.article_id, le.story_id
    from listing_entries le join articles a on a.id = le.article_id
    where le.scope = 'latest'
  `.execute(db);
}
