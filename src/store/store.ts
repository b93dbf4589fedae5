import type { ApiKey } from '../domain/api-key.js';
import type { Article, ArticleDraft, ArticleStatus, ArticleWithProvider } from '../domain/article.js';
import type { Category } from '../domain/category.js';
import type { Provider, ProviderInput } from '../domain/provider.js';
import type { ClusterRepo } from './cluster-repo.js';
import type { CommentRepo } from './comment-repo.js';
import type { ComplaintRepo } from './complaint-repo.js';
import type { EntityRepo } from './entity-repo.js';
import type { FeedRepo } from './feed-repo.js';
import type { ListingRepo } from './listing-repo.js';
import type { PartnerKeyRepo } from './partner-key-repo.js';
import type { SuperdeskDestinationRepo } from './superdesk-destination-repo.js';
import type { PopularityRepo } from './popularity-repo.js';
import type { AuditRepo } from './audit-repo.js';
import type { ArticleModeration } from './article-moderation.js';
import type { SessionRepo } from './session-repo.js';
import type { StatsRepo } from './stats-repo.js';
import type { UserRepo } from './user-repo.js';
import type { SearchRepo } from './search/search-repo.js';
import type { WebhookRepo } from './webhook-repo.js';

/**
 * Committed changes as cache tags: `article:<id>`, `story:<id>`, `scope:<listing scope>`,
 * or `*` for "anything may have changed" (a provider renamed, a missed notification).
 */
export interface ChangeFeed {
  /** Calls `listener` after every commit, here or in another process; returns an unsubscribe. */
  subscribe(listener: (tags: readonly string[]) => void): () => void;
}

/** A connection pool's counters (PostgreSQL), for /metrics. */
export interface PoolStats {
  total: number;
  idle: number;
  /** Queries waiting for a free connection. */
  waiting: number;
}

/** Which database engine a store runs on. */
export type Engine = 'sqlite' | 'postgres';

/** The result of an idempotent upsert by (provider, guid). */
export interface UpsertResult {
  article: Article;
  outcome: 'created' | 'updated' | 'unchanged';
}

/** What the ingest repeat check needs of a stored article, without its body. */
export interface ArticleStamp {
  id: number;
  guid: string;
  sourceHash: string;
  publishedAt: Date;
  updatedAt: Date;
}

/** Providers: the accounts that deliver articles. */
export interface ProviderRepo {
  create(input: ProviderInput): Promise<Provider>;
  update(id: number, input: Partial<ProviderInput>): Promise<Provider>;
  /**
   * Sets the provider's logo to these checked picture bytes and their size, or removes it
   * (null), in one transaction; the replaced picture is deleted when no provider shows it.
   */
  setLogo(id: number, logo: { bytes: Uint8Array; width: number; height: number } | null): Promise<Provider>;
  /** The bytes of a logo kept under `source` (`asset:logo-…`), or undefined: what the image endpoint serves on any node. */
  logoBytes(source: string): Promise<Uint8Array | undefined>;
  findById(id: number): Promise<Provider | undefined>;
  findBySlug(slug: string): Promise<Provider | undefined>;
  list(): Promise<Provider[]>;
}

/** The category taxonomy. */
export interface CategoryRepo {
  /** Creates the category or renames it when the slug exists. */
  upsert(category: Category): Promise<Category>;
  findBySlug(slug: string): Promise<Category | undefined>;
  list(): Promise<Category[]>;
}

/** Articles and their categories, and editors' changes to them (article-moderation.ts). */
export interface ArticleRepo extends ArticleModeration {
  /** Inserts, or updates the article with the same (providerId, guid), keeping its id. */
  upsert(draft: ArticleDraft): Promise<UpsertResult>;
  findById(id: number): Promise<ArticleWithProvider | undefined>;
  findByGuid(providerId: number, guid: string): Promise<Article | undefined>;
  /**
   * Up to `limit` articles of any status with ids below `beforeId` (all when undefined),
   * newest first: for maintenance that walks the whole archive (reprocess) in batches
   * that cost the same at any depth.
   */
  batchBefore(beforeId: number | undefined, limit: number): Promise<ArticleWithProvider[]>;
  /** The stamps of those of the provider's articles stored under these guids, by guid (one query). */
  findStamps(providerId: number, guids: string[]): Promise<Map<string, ArticleStamp>>;
  /** Sets an article's status (an editor's decision, a takedown); it ends any embargo. */
  setStatus(id: number, status: ArticleStatus): Promise<void>;
  /** Articles whose lead image waits to be fetched and measured, newest first (a partial index). */
  pendingLeadImages(limit: number): Promise<{ articleId: number; url: string }[]>;
  /**
   * Records what fetching an article's lead image found: its pixel size (ready), or null
   * (failed: the story shows no picture). Ignored, returning false, when the article names
   * another picture by now.
   */
  recordLeadImage(id: number, url: string, measured: { width: number; height: number } | null): Promise<boolean>;
  /**
   * Publishes up to `limit` articles held for an embargo that ended at or before `now`, each
   * in its own transaction with its listings; returns their ids.
   */
  releaseEmbargoes(now: Date, limit?: number): Promise<number[]>;
  count(): Promise<number>;
}

/** An API key with the hash of its secret, for checking a presented token. */
export interface StoredApiKey extends ApiKey {
  secretHash: string;
}

/** Providers' API keys for the push API: only hashes of secrets are stored. */
export interface ApiKeyRepo {
  create(input: { providerId: number; keyId: string; secretHash: string }): Promise<ApiKey>;
  findByKeyId(keyId: string): Promise<StoredApiKey | undefined>;
  /** A provider's keys, revoked ones included, oldest first. */
  listByProvider(providerId: number): Promise<ApiKey[]>;
  /** Revokes one of the provider's keys; NOT_FOUND when the provider has no such key. */
  revoke(providerId: number, keyId: string, at?: Date): Promise<ApiKey>;
  markUsed(id: number, at: Date): Promise<void>;
}

/**
 * Gazette's one storage interface, split by aggregate. SQLite and PostgreSQL implement it
 * with the same portable SQL; `store.contract.ts` is the suite both must pass.
 */
export interface Store {
  readonly engine: Engine;
  readonly providers: ProviderRepo;
  readonly categories: CategoryRepo;
  readonly articles: ArticleRepo;
  readonly feeds: FeedRepo;
  readonly apiKeys: ApiKeyRepo;
  /** Partners' read keys for the JSON API, with their rate limits. */
  readonly partnerKeys: PartnerKeyRepo;
  /** Providers' Superdesk "HTTP Push" destinations, their tokens sealed (see `superdesk-destination-repo.ts`). */
  readonly superdeskDestinations: SuperdeskDestinationRepo;
  readonly entities: EntityRepo;
  readonly clusters: ClusterRepo;
  /** Every list of stories: latest, category, provider, entity (see `listing-repo.ts`). */
  readonly listings: ListingRepo;
  /** Story scores from counted views, for "Most popular" (see `popularity-repo.ts`). */
  readonly popularity: PopularityRepo;
  /** Readers' comments, their moderation and settings (see `comment-repo.ts`). */
  readonly comments: CommentRepo;
  /** Readers' reports about stories, and their answers. */
  readonly complaints: ComplaintRepo;
  /** Admin-area accounts, their sessions, and the audit log of editorial actions. */
  readonly users: UserRepo;
  readonly sessions: SessionRepo;
  readonly audit: AuditRepo;
  /** The admin dashboard's figures. */
  readonly stats: StatsRepo;
  /** Full-text search over published stories, one result per story (see `search/search-repo.ts`). */
  readonly search: SearchRepo;
  /** Partners' webhook endpoints, the outbox of article changes and the delivery queue. */
  readonly webhooks: WebhookRepo;
  /** What changed, as cache tags, from this process and every other one on the database. */
  readonly changes: ChangeFeed;
  /** Runs `work` in one transaction: everything it wrote is committed, or nothing is. */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
  /**
   * Inside a transaction: runs `work` so that, if it throws, what it wrote is undone and the
   * transaction goes on without it (a savepoint); the error is thrown again. Outside one,
   * the same as `transaction`. Several items commit in one transaction this way, each kept
   * or refused on its own.
   */
  savepoint<T>(work: (tx: Store) => Promise<T>): Promise<T>;
  /** Applies pending schema migrations; returns the names of those it applied. */
  migrate(): Promise<string[]>;
  /** Names of migrations not yet applied (gazette doctor). */
  pendingMigrations(): Promise<string[]>;
  /** The connection pool's counters, or null where there is no pool (SQLite). */
  poolStats(): PoolStats | null;
  /** Keeps query plans sound as the data grows (SQLite's PRAGMA optimize; PostgreSQL autovacuums). */
  optimize(): Promise<void>;
  /** Answers whether the database responds (for /healthz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
