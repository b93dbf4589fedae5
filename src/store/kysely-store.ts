import { Kysely, Migrator, sql } from 'kysely';
import { migrationsFor } from './migrations/index.js';
import { apiKeyRepo } from './api-key-repo.js';
import { articleRepo } from './article-repo.js';
import { categoryRepo } from './category-repo.js';
import { clusterRepo, type ClusterRepo } from './cluster-repo.js';
import { entityRepo, type EntityRepo } from './entity-repo.js';
import { feedRepo, type FeedRepo } from './feed-repo.js';
import { providerRepo } from './provider-repo.js';
import type { Database } from './schema.js';
import type { ApiKeyRepo, ArticleRepo, CategoryRepo, Engine, ProviderRepo, Store } from './store.js';

/**
 * The one Store implementation: portable SQL through Kysely. The engine modules
 * (`sqlite/`, `postgres/`) only open the connection and say which engine it is.
 */
export class KyselyStore implements Store {
  readonly providers: ProviderRepo;
  readonly categories: CategoryRepo;
  readonly articles: ArticleRepo;
  readonly feeds: FeedRepo;
  readonly apiKeys: ApiKeyRepo;
  readonly entities: EntityRepo;
  readonly clusters: ClusterRepo;

  constructor(
    readonly db: Kysely<Database>,
    readonly engine: Engine,
    /** The PostgreSQL schema holding Gazette's tables, when not the default one. */
    private readonly schema?: string,
    private readonly inTransaction = false,
  ) {
    this.providers = providerRepo(db);
    this.categories = categoryRepo(db);
    this.feeds = feedRepo(db, engine);
    this.apiKeys = apiKeyRepo(db);
    this.entities = entityRepo(db);
    this.clusters = clusterRepo(db);
    this.articles = articleRepo(db, (work) => (this.inTransaction ? work(db) : db.transaction().execute(work)));
  }

  async transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    // A transaction inside a transaction joins the outer one: it commits or rolls back with it.
    if (this.inTransaction) return work(this);
    return this.db.transaction().execute((trx) => work(new KyselyStore(trx, this.engine, this.schema, true)));
  }

  async migrate(): Promise<string[]> {
    const migrator = new Migrator({
      db: this.db,
      provider: { getMigrations: async () => migrationsFor(this.engine) },
      // Kysely looks for its bookkeeping tables across all schemas unless told which one.
      ...(this.schema && { migrationTableSchema: this.schema }),
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error;
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }

  async ping(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
