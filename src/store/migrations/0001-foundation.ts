import type { Kysely } from 'kysely';
import type { Engine } from '../store.js';
import { timestampType, withIdColumn } from './column-types.js';

/** Providers, categories, articles and their categories. */
export async function foundation(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = timestampType(engine);

  await withIdColumn(db.schema.createTable('providers'), engine)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('homepage', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('disclaimer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('categories')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('iptc_code', 'text')
    .execute();

  await withIdColumn(db.schema.createTable('articles'), engine)
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('providers.id'))
    .addColumn('guid', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('byline', 'text')
    .addColumn('dateline', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('published_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('ingested_at', ts, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('articles_provider_guid_unique', ['provider_id', 'guid'])
    .execute();

  // Listings read "newest published first", overall and per provider.
  await db.schema.createIndex('articles_status_published_idx').on('articles').columns(['status', 'published_at']).execute();
  await db.schema
    .createIndex('articles_provider_published_idx')
    .on('articles')
    .columns(['provider_id', 'published_at'])
    .execute();
  await db.schema.createIndex('articles_content_hash_idx').on('articles').column('content_hash').execute();

  await db.schema
    .createTable('article_categories')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('category_slug', 'text', (c) => c.notNull().references('categories.slug'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_categories_pk', ['article_id', 'category_slug'])
    .execute();
  await db.schema
    .createIndex('article_categories_slug_idx')
    .on('article_categories')
    .columns(['category_slug', 'article_id'])
    .execute();
}
