import type { Kysely } from 'kysely';
import type { Engine } from '../store.js';
import { timestampType, withIdColumn } from './column-types.js';

/**
 * Enrichment and clustering: entities shared across articles, their per-article mentions,
 * quotes with speakers, story-cluster membership and the LSH band index that finds
 * near-duplicate candidates without scanning every stored article.
 */
export async function enrichment(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = timestampType(engine);

  await withIdColumn(db.schema.createTable('entities'), engine)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('article_entities')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('mentions', 'integer', (c) => c.notNull())
    .addColumn('role', 'text')
    .addPrimaryKeyConstraint('article_entities_pk', ['article_id', 'entity_id'])
    .execute();
  // Entity pages list an entity's articles.
  await db.schema.createIndex('article_entities_entity_idx').on('article_entities').columns(['entity_id', 'article_id']).execute();

  await withIdColumn(db.schema.createTable('quotes'), engine)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('speaker_entity_id', 'integer', (c) => c.references('entities.id').onDelete('set null'))
    .addColumn('speaker_name', 'text')
    .execute();
  await db.schema.createIndex('quotes_article_idx').on('quotes').columns(['article_id', 'position']).execute();
  await db.schema.createIndex('quotes_speaker_idx').on('quotes').columns(['speaker_entity_id', 'article_id']).execute();

  // cluster_id is the id of the cluster's first article; `match` says how a member joined.
  await db.schema
    .createTable('article_clusters')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('cluster_id', 'integer', (c) => c.notNull())
    .addColumn('match', 'text', (c) => c.notNull())
    .addColumn('similarity', 'real', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_clusters_cluster_idx').on('article_clusters').columns(['cluster_id', 'article_id']).execute();

  // One row per (LSH band key, article): a lookup by band key is an index range scan.
  await db.schema
    .createTable('lsh_bands')
    .addColumn('band_key', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('published_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('lsh_bands_pk', ['band_key', 'article_id'])
    .execute();
  await db.schema.createIndex('lsh_bands_article_idx').on('lsh_bands').column('article_id').execute();
}
