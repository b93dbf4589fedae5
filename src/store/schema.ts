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
  source_hash: string;
}

export interface ArticleCategoriesTable {
  article_id: number;
  category_slug: string;
  /** 0 is the primary category. */
  position: number;
}

export interface ApiKeysTable {
  id: Generated<number>;
  provider_id: number;
  key_id: string;
  secret_hash: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

/** Feeds Gazette pulls (migration 0002-feeds). */
export interface FeedsTable {
  id: Generated<number>;
  provider_id: number;
  url: string;
  title: string | null;
  allow_private: Generated<number>;
  full_text: Generated<number>;
  poll_interval_seconds: number;
  next_poll_at: Timestamp;
  etag: string | null;
  last_modified: string | null;
  last_fetch_at: Timestamp | null;
  last_success_at: Timestamp | null;
  last_status: number | null;
  consecutive_failures: Generated<number>;
  last_error: string | null;
  items_seen: Generated<number>;
  items_new: Generated<number>;
  items_updated: Generated<number>;
  last_new_item_at: Timestamp | null;
  typical_interval_seconds: number | null;
  quiet_since: Timestamp | null;
  websub_hub: string | null;
  websub_topic: string | null;
  websub_secret: string | null;
  websub_lease_until: Timestamp | null;
  /** Added by 0010: the secret path segment of the WebSub callback URL. */
  websub_token: string | null;
  claimed_by: string | null;
  claimed_until: Timestamp | null;
  created_at: Timestamp;
}

/** Entities shared across articles (migration 0004-enrichment). */
export interface EntitiesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  type: string;
}

export interface ArticleEntitiesTable {
  article_id: number;
  entity_id: number;
  mentions: number;
  role: string | null;
}

export interface QuotesTable {
  id: Generated<number>;
  article_id: number;
  position: number;
  text: string;
  speaker_entity_id: number | null;
  speaker_name: string | null;
}

/** Story-cluster membership; cluster_id is the id of the cluster's first article. */
export interface ArticleClustersTable {
  article_id: number;
  cluster_id: number;
  /** 'first', 'exact' (same content hash) or 'near' (MinHash similarity). */
  match: string;
  similarity: number;
  /** MinHash signature, base64. */
  signature: string;
}

export interface LshBandsTable {
  band_key: string;
  article_id: number;
  published_at: Timestamp;
}

/** One story in one listing (migration 0006-listings); see `listing-repo.ts`. */
export interface ListingEntriesTable {
  scope: string;
  /** Milliseconds since 1970; PostgreSQL's bigint arrives as a string. */
  sort_at: number | string;
  article_id: number;
  story_id: number;
}

/** SQLite only: the change log other processes read to drop cached pages. */
export interface ContentChangesTable {
  id: Generated<number>;
  at: Timestamp;
  tags: string;
}

/** The whole database as Kysely sees it. Later migrations add their tables here. */
export interface PartnerKeysTable {
  id: Generated<number>;
  name: string;
  key_id: string;
  secret_hash: string;
  per_minute: number;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

/** Article changes waiting to become webhook deliveries (migration 0021-webhooks). */
export interface WebhookOutboxTable {
  id: Generated<number>;
  article_id: number;
  kind: string;
  at: Timestamp;
}

/** Partners' webhook endpoints (migration 0021-webhooks). */
export interface WebhooksTable {
  id: Generated<number>;
  partner_key_id: number;
  url: string;
  secret: string;
  category: string | null;
  provider: string | null;
  entity: string | null;
  language: string | null;
  allow_private: Generated<number>;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
  disabled_reason: string | null;
}

/** The durable delivery queue and log (migration 0021-webhooks). */
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: number;
  event_id: string;
  event_type: string;
  article_id: number;
  payload: string;
  status: string;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  claimed_by: string | null;
  claimed_until: Timestamp | null;
  last_status: number | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface Database {
  providers: ProvidersTable;
  categories: CategoriesTable;
  articles: ArticlesTable;
  article_categories: ArticleCategoriesTable;
  feeds: FeedsTable;
  api_keys: ApiKeysTable;
  entities: EntitiesTable;
  article_entities: ArticleEntitiesTable;
  quotes: QuotesTable;
  article_clusters: ArticleClustersTable;
  partner_keys: PartnerKeysTable;
  lsh_bands: LshBandsTable;
  listing_entries: ListingEntriesTable;
  content_changes: ContentChangesTable;
  webhook_outbox: WebhookOutboxTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
