/**
 * Row types: how tables look to Kysely. They stay apart from the domain types in
 * `src/domain`, and `map-rows.ts` converts between the two at the store's edge.
 * Times are ISO-8601 text in SQLite and timestamptz in PostgreSQL: both bind an ISO string,
 * and reading accepts a Date or a string.
 */
import type { Generated } from 'kysely';

export type Timestamp = string | Date;

export interface ProvidersTable {
  id: Generated<number>;
  slug: string;
  name: string;
  homepage: string | null;
  contact_email: string | null;
  disclaimer: string;
  created_at: Timestamp;
}

export interface CategoriesTable {
  slug: string;
  name: string;
  iptc_code: string | null;
}

export interface ArticlesTable {
  id: Generated<number>;
  provider_id: number;
  guid: string;
  slug: string;
  source_url: string | null;
  headline: string;
  summary: string;
  body_html: string;
  body_text: string;
  byline: string | null;
  dateline: string | null;
  language: string;
  published_at: Timestamp;
  updated_at: Timestamp;
  ingested_at: Timestamp;
  status: string;
  content_hash: string;
}

export interface ArticleCategoriesTable {
  article_id: number;
  category_slug: string;
  /** 0 is the primary category. */
  position: number;
}

/** The whole database as Kysely sees it. Later migrations add their tables here. */
export interface Database {
  providers: ProvidersTable;
  categories: CategoriesTable;
  articles: ArticlesTable;
  article_categories: ArticleCategoriesTable;
}
