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
  /** The logo's `image_assets` id and measured size (migration 0025), or null. */
  logo_asset: string | null;
  logo_width: number | null;
  logo_height: number | null;
}

/** Uploaded pictures kept in the database, by content hash (migration 0025). */
export interface ImageAssetsTable {
  id: string;
  bytes: Uint8Array;
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
  /** The lead image (migration 0015-lead-images); status: pending, ready or failed. */
  lead_image_url: string | null;
  lead_image_alt: string | null;
  lead_image_caption: string | null;
  lead_image_credit: string | null;
  lead_image_status: string | null;
  lead_image_width: number | null;
  lead_image_height: number | null;
  /** Migration 0018: the agency's copyright line and usage terms. */
  copyright_notice: string | null;
  usage_terms: string | null;
  /** Migration 0018: held until this time (an embargoed agency item), else null. */
  embargoed_until: Timestamp | null;
  /** The agency newsroom's labels as JSON (migration 0023-superdesk-destinations-and-agency-meta), or null. */
  agency_meta: string | null;
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
  body_hash: string | null;
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
  /** Added by 0019: set while an editor has paused the feed. */
  paused_at: Timestamp | null;
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
  /** 'first', 'exact' (same content hash), 'near' (MinHash similarity) or 'event' (the same event, rewritten). */
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

/** The event index (migration 0029): one row per (key, article), a key being a rare term or entity. */
export interface EventKeysTable {
  key: string;
  /** Publication time, ms since 1970; PostgreSQL's bigint arrives as a string. */
  at: number | string;
  article_id: number;
}

/** An article's event profile (term vector, entities, places, time) as JSON. */
export interface EventProfilesTable {
  article_id: number;
  profile: string;
}

/** A link a version was clustered by (migration 0032): `article_id` matched `linked_id`. */
export interface ClusterLinksTable {
  article_id: number;
  linked_id: number;
  similarity: number;
}

/** Document frequencies of event terms and entities; the keys '#docs:0'…'#docs:15' count the profiled articles. */
export interface EventTermDocsTable {
  key: string;
  docs: number | string;
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

/** A story's popularity score (log2 of its decayed views; see domain/popularity.ts). */
export interface StoryPopularityTable {
  story_id: number;
  score: number;
}

/** A story's place in a "most popular" ranking: one row per listing scope it heads. */
export interface PopularEntriesTable {
  scope: string;
  story_id: number;
  article_id: number;
  listed_at: number | string;
  score: number;
}

/** Readers' comments (migration 0020-comments-and-complaints). */
export interface CommentsTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  author_name: string;
  author_email: string | null;
  body: string;
  status: string;
  held_reason: string | null;
  commenter_key: string;
  visitor_hash: string;
  submission_key: string;
  created_at: Timestamp;
  moderated_at: Timestamp | null;
  moderated_by: string | null;
}

export interface CommentBlocksTable {
  block_key: string;
  created_at: Timestamp;
  blocked_by: string;
}

/** One row per scope ('site', 'provider:<id>'); null inherits. Booleans are 0/1. */
export interface CommentSettingsTable {
  scope: string;
  enabled: number | null;
  require_approval: number | null;
  auto_approve_after: number | null;
  updated_at: Timestamp;
}

/** Readers' reports about stories (migration 0020-comments-and-complaints). */
export interface ComplaintsTable {
  id: Generated<number>;
  article_id: number;
  provider_id: number;
  kind: string;
  message: string;
  contact_email: string | null;
  status: string;
  note: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  visitor_hash: string;
  submission_key: string;
  created_at: Timestamp;
}

export interface SiteSecretsTable {
  name: string;
  value: string;
}

/** Admin-area accounts (migration 0019-accounts-and-takedowns). */
export interface UsersTable {
  id: Generated<number>;
  email: string;
  password_hash: string | null;
  role: string;
  provider_id: number | null;
  failed_signins: Generated<number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  last_signin_at: Timestamp | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface SigninLinksTable {
  token_hash: string;
  user_id: number;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface FormSubmissionsTable {
  nonce: string;
  user_id: number;
  at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string;
  provider_id: number | null;
  summary: string;
  before_json: string | null;
  after_json: string | null;
}

export interface ArticleTakedownsTable {
  id: Generated<number>;
  article_id: number;
  status: string;
  reason: string;
  actor_label: string;
  at: Timestamp;
  restored_at: Timestamp | null;
  restored_by: string | null;
}

/** Full-text search entries (migration 0016-search-index); see `search/search-index-writer.ts`. */
export interface SearchEntriesTable {
  /** sort_at·2²¹ + (article_id mod 2²¹); past 2⁵³, so it is written and compared in SQL. */
  key: number | string | bigint;
  article_id: number;
  story_id: number;
  sort_at: number | string;
  head: number;
  signature: string;
}

/** Views per UTC day (days since 1970) and provider (migration 0022-daily-views). */
export interface DailyViewsTable {
  day: number;
  provider_id: number;
  views: number | string;
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
  /** The secret before the last rotation, still signing until `previous_secret_until` (0024). */
  previous_secret: string | null;
  previous_secret_until: Timestamp | null;
  secret_rotated_at: Timestamp | null;
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

/** Providers' Superdesk "HTTP Push" destinations (migration 0023-superdesk-destinations-and-agency-meta): the secret token, sealed. */
export interface SuperdeskDestinationsTable {
  provider_id: number;
  sealed_token: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
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
  event_keys: EventKeysTable;
  event_profiles: EventProfilesTable;
  event_term_docs: EventTermDocsTable;
  cluster_links: ClusterLinksTable;
  listing_entries: ListingEntriesTable;
  content_changes: ContentChangesTable;
  story_popularity: StoryPopularityTable;
  popular_entries: PopularEntriesTable;
  comments: CommentsTable;
  comment_blocks: CommentBlocksTable;
  comment_settings: CommentSettingsTable;
  complaints: ComplaintsTable;
  site_secrets: SiteSecretsTable;
  users: UsersTable;
  sessions: SessionsTable;
  signin_links: SigninLinksTable;
  form_submissions: FormSubmissionsTable;
  audit_log: AuditLogTable;
  article_takedowns: ArticleTakedownsTable;
  search_entries: SearchEntriesTable;
  webhook_outbox: WebhookOutboxTable;
  daily_views: DailyViewsTable;
  superdesk_destinations: SuperdeskDestinationsTable;
  image_assets: ImageAssetsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
