import { sql, type Kysely } from 'kysely';
import type { Engine } from '../store.js';

/**
 * Story clusters that can split (issue 13): each link a version was clustered by (an exact
 * copy, a near-copy, a report of the same event) is kept, so a cluster can be recomputed as
 * the connected components of its members' links when a version is corrected, reprocessed,
 * taken down or restored.
 * - `cluster_links (article_id, linked_id, similarity)`: `article_id` was matched to
 *   `linked_id` when it was clustered; links count both ways. Read by article in either
 *   column (the primary key, and the `(linked_id, article_id)` index).
 * Clusters formed before this migration get one link from each member to its cluster's
 * first version, which keeps them whole until their versions are clustered again.
 */
export async function clusterLinks(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('cluster_links')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('linked_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('similarity', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('cluster_links_pk', ['article_id', 'linked_id'])
    .$call((t) => (engine === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
    .execute();
  await db.schema.createIndex('cluster_links_linked_idx').on('cluster_links').columns(['linked_id', 'article_id']).execute();
  await sql`
    insert into cluster_links (article_id, linked_id, similarity)
    select c.article_id, c.cluster_id, c.similarity from article_clusters c
    where c.cluster_id <> c.article_id and exists (select 1 from articles a where a.id = c.cluster_id)
  `.execute(db);
}
