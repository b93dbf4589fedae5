import { Kysely, Migrator, sql } from 'kysely';
import { migrationsFor } from './migrations/index.js';
import { apiKeyRepo } from './api-key-repo.js';
import { partnerKeyRepo, type PartnerKeyRepo } from './partner-key-repo.js';
import { superdeskDestinationRepo, type SuperdeskDestinationRepo } from './superdesk-destination-repo.js';
import { articleRepo } from './article-repo.js';
import { categoryRepo } from './category-repo.js';
import type { ChangeHub } from './change-feed.js';
import { clusterRepo, type ClusterRepo } from './cluster-repo.js';
import { Counts, DocumentCounts, writeCounts } from './document-counts.js';
import { commentRepo, type CommentRepo } from './comment-repo.js';
import { complaintRepo, type ComplaintRepo } from './complaint-repo.js';
import { entityRepo, type EntityRepo } from './entity-repo.js';
import { feedRepo, type FeedRepo } from './feed-repo.js';
import { listingRepo, type ListingRepo } from './listing-repo.js';
import { appendVersions, listNewStories, refreshStories, storiesOf, type IndexedText, type ListedStory } from './story-listings.js';
import { popularityRepo, type PopularityRepo } from './popularity-repo.js';
import { providerRepo } from './provider-repo.js';
import { auditRepo, type AuditRepo } from './audit-repo.js';
import { sessionRepo, type SessionRepo } from './session-repo.js';
import { statsRepo, type StatsRepo } from './stats-repo.js';
import { userRepo, type UserRepo } from './user-repo.js';
import { refreshStoriesSearch, type StoryListing } from './search/search-index-writer.js';
import { searchRepo, type SearchRepo } from './search/search-repo.js';
import { webhookRepo, type WebhookRepo } from './webhook-repo.js';
import { toTimestamp } from './map-rows.js';
import type { WebhookEventKind } from '../domain/webhook.js';
import type { Database } from './schema.js';
import type { ApiKeyRepo, ArticleRepo, CategoryRepo, ChangeFeed, Engine, PoolStats, ProviderRepo, Store } from './store.js';

/** What a write tells the store, so listings and caches follow it at commit. */
export interface WriteEffects {
  /**
   * The article's story gets its listing entries rewritten before commit. A writer that has
   * just put the article in a story names it, so the store need not look it up.
   */
  touchArticle(articleId: number, storyId?: number): void;
  /** This story too (an article left it). */
  touchStory(storyId: number): void;
  /** Cached pages with these tags are dropped after commit. */
  tag(...tags: string[]): void;
  /** Partners hear of this change: an outbox row is written in the same transaction (webhooks). */
  event(articleId: number, kind: WebhookEventKind): void;
  /** One new article's document-frequency keys (event clustering), written in batches (see document-counts.ts). */
  countDocument(keys: readonly string[]): void;
}

/** Runs a write in the current transaction, or in a new one of its own. */
export type Writer = <T>(work: (db: Kysely<Database>, effects: WriteEffects) => Promise<T>) => Promise<T>;

/** What settle() leaves for after the commit: tags for caches, and the document counts. */
interface Settled {
  tags: string[];
  /** What the transaction counted. */
  counted: Counts;
  /** When it wrote the unwritten counts: what it took of them. */
  wrote?: Counts;
}

/** A story's listing as settle() wrote it, with the text of a story begun by a new article. */
type NewlyListed = ListedStory & { text?: IndexedText };

interface Pending {
  /** Touched articles, with their story when the writer named it. */
  articles: Map<number, number | undefined>;
  stories: Set<number>;
  tags: Set<string>;
  /** Article changes for the webhook outbox, one per article (the first kind wins: created stays created). */
  events: Map<number, WebhookEventKind>;
  /** Document-frequency keys of the articles this transaction profiled, one list per article, and their sum. */
  counted: (readonly string[])[];
  counts: Counts;
}

const newPending = (): Pending => ({ articles: new Map(), stories: new Set(), tags: new Set(), events: new Map(), counted: [], counts: new Counts() });

/** What a savepoint restores if its part fails (`counts` is taken back by `counted`: see savepoint()). */
function copyPending(p: Pending): Pending {
  return { articles: new Map(p.articles), stories: new Set(p.stories), tags: new Set(p.tags), events: new Map(p.events), counted: [...p.counted], counts: p.counts };
}

/**
 * The one Store implementation: portable SQL through Kysely. The engine modules
 * (`sqlite/`, `postgres/`) open the connection and give the engine's change source.
 *
 * Every write goes through a transaction that, before it commits, rewrites the listing
 * entries of each story it touched and records what changed (so listings never disagree
 * with articles, and caches here and on other nodes drop exactly what changed).
 */
export class KyselyStore implements Store {
  readonly providers: ProviderRepo;
  readonly categories: CategoryRepo;
  readonly articles: ArticleRepo;
  readonly feeds: FeedRepo;
  readonly apiKeys: ApiKeyRepo;
  readonly partnerKeys: PartnerKeyRepo;
  readonly superdeskDestinations: SuperdeskDestinationRepo;
  readonly entities: EntityRepo;
  readonly clusters: ClusterRepo;
  readonly listings: ListingRepo;
  readonly popularity: PopularityRepo;
  readonly comments: CommentRepo;
  readonly complaints: ComplaintRepo;
  readonly users: UserRepo;
  readonly sessions: SessionRepo;
  readonly audit: AuditRepo;
  readonly stats: StatsRepo;
  readonly search: SearchRepo;
  readonly webhooks: WebhookRepo;
  /** The connection pool's counters, set by the PostgreSQL opener (SQLite has one connection). */
  pool?: { totalCount: number; idleCount: number; waitingCount: number };

  constructor(
    readonly db: Kysely<Database>,
    readonly engine: Engine,
    private readonly hub: ChangeHub,
    /** The PostgreSQL schema holding Gazette's tables, when not the default one. */
    private readonly schema?: string,
    /** Set on the store a transaction hands out: what its writes touched so far. */
    private readonly pending?: Pending,
    /** This process's document frequencies not yet written and those it read lately (document-counts.ts), shared with its transactions. */
    private readonly documentCounts = new DocumentCounts(),
  ) {
    const write: Writer = (work) =>
      this.pending ? work(this.db, this.effects(this.pending)) : this.transaction((tx) => (tx as KyselyStore).write(work));
    this.write = write;
    this.providers = providerRepo(db, write);
    this.categories = categoryRepo(db, write);
    this.feeds = feedRepo(db, engine);
    this.apiKeys = apiKeyRepo(db);
    this.partnerKeys = partnerKeyRepo(db);
    this.superdeskDestinations = superdeskDestinationRepo(db);
    this.entities = entityRepo(db, engine, write);
    this.clusters = clusterRepo(db, engine, write, documentCounts, pending?.counts);
    this.articles = articleRepo(db, engine, write);
    this.listings = listingRepo(db);
    this.popularity = popularityRepo(db);
    this.comments = commentRepo(db, write);
    this.complaints = complaintRepo(db);
    this.users = userRepo(db);
    this.sessions = sessionRepo(db);
    this.audit = auditRepo(db);
    this.stats = statsRepo(db, engine);
    this.search = searchRepo(db, engine);
    this.webhooks = webhookRepo(db, engine);
  }

  private readonly write: Writer;
  /** Savepoints opened on this transaction so far, for their names. */
  private savepoints = 0;
  /**
   * PostgreSQL: a savepoint whose part succeeded, not released yet. Its release goes in the
   * same round trip as the next savepoint (two statements without parameters are one simple
   * query), which saves one round trip per stored item; commit releases the last one.
   */
  private unreleased?: string;

  get changes(): ChangeFeed {
    return this.hub;
  }

  async transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    // A transaction inside a transaction joins the outer one: it commits or rolls back with it.
    if (this.pending) return work(this);
    let settled: Settled | undefined;
    try {
      const result = await this.db.transaction().execute(async (trx) => {
        const tx = new KyselyStore(trx, this.engine, this.hub, this.schema, newPending(), this.documentCounts);
        const value = await work(tx);
        settled = await tx.settle();
        return value;
      });
      const { tags, counted, wrote } = settled!;
      if (wrote) this.documentCounts.written(wrote, counted);
      else this.documentCounts.keep(counted);
      if (tags.length > 0) this.hub.emit(tags);
      return result;
    } finally {
      if (settled?.wrote) this.documentCounts.writing = false;
      // better-sqlite3 runs each statement synchronously and Kysely chains them with promises,
      // so transactions run back to back (a 500-article push commits 500) would hold the event
      // loop for seconds: no request is answered until the last one commits. One turn of the
      // loop after each SQLite transaction lets waiting requests in between. (PostgreSQL's
      // queries are real I/O, so the loop turns between them anyway.)
      if (this.engine === 'sqlite') await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async savepoint<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    const pending = this.pending;
    if (!pending) return this.transaction(work);
    const name = `sp_${++this.savepoints}`;
    // What the part wrote is undone in the database and in what the commit will rewrite.
    const before = copyPending(pending);
    await this.run(`${this.takeUnreleased()}savepoint ${name}`);
    try {
      const value = await work(this);
      // A savepoint left open inside this one is released with it.
      if (this.engine === 'postgres') this.unreleased = name;
      else await this.run(`release savepoint ${name}`);
      return value;
    } catch (error) {
      // (Rolling back to this savepoint also drops any left open inside it.)
      this.unreleased = undefined;
      await this.run(`rollback to savepoint ${name}; release savepoint ${name}`);
      for (const keys of pending.counted.slice(before.counted.length)) pending.counts.add(keys, -1);
      Object.assign(pending, before);
      throw error;
    }
  }

  /** `release savepoint …; ` for a savepoint left open (PostgreSQL), once. */
  private takeUnreleased(): string {
    const name = this.unreleased;
    this.unreleased = undefined;
    return name ? `release savepoint ${name}; ` : '';
  }

  /**
   * Runs statements without parameters. On PostgreSQL several go as one simple query, one
   * round trip; SQLite runs one statement per call, so they are split.
   */
  private async run(statements: string): Promise<void> {
    if (this.engine === 'postgres') {
      await sql.raw(statements).execute(this.db);
      return;
    }
    for (const statement of statements.split('; ')) await sql.raw(statement).execute(this.db);
  }

  /**
   * Before commit: rewrites the touched stories' listings and records the change; writes the
   * document frequencies counted so far when a batch is due.
   */
  private async settle(): Promise<Settled> {
    const pending = this.pending!;
    // Stories named by a writer (an article left them, they split or merged) are rebuilt.
    const named = new Set(pending.stories);
    const unknown = [...pending.articles].filter(([, story]) => story === undefined).map(([id]) => id);
    const looked = unknown.length > 0 ? await storiesOf(this.db, unknown) : new Map<number, number>();
    const touchedIn = new Map<number, number[]>();
    for (const [id, story] of pending.articles) {
      const storyId = story ?? looked.get(id)!;
      pending.stories.add(storyId);
      const ids = touchedIn.get(storyId);
      if (ids) ids.push(id);
      else touchedIn.set(storyId, [id]);
      pending.tags.add(`article:${id}`);
    }
    // A story that only gained versions created here (ingest's common case; the outbox events
    // record which articles this transaction created) keeps its other entries; the others are
    // rebuilt from their versions, together (an unpublished head can split a story into thousands).
    const createdIn = (story: number) => {
      const touched = named.has(story) ? undefined : touchedIn.get(story);
      return touched?.every((id) => pending.events.get(id) === 'created') ? touched : undefined;
    };
    // (A story begun here by one new article, the story that bears its id, is listed from that
    // article alone; all such stories together.)
    const begun = [...pending.stories].filter((story) => {
      const created = createdIn(story);
      return created?.length === 1 && created[0] === story;
    });
    const listed: Map<number, NewlyListed> = begun.length > 0 ? await listNewStories(this.db, begun) : new Map();
    for (const story of pending.stories) {
      const created = listed.has(story) ? undefined : createdIn(story);
      const kept = created ? await appendVersions(this.db, story, created) : null;
      if (kept) listed.set(story, kept);
    }
    const rebuilt = await refreshStories(this.db, [...pending.stories].filter((story) => !listed.has(story)));
    const stories: StoryListing[] = [];
    for (const story of pending.stories) {
      const { tags, entries, text }: NewlyListed = listed.get(story) ?? rebuilt.get(story)!;
      for (const tag of tags) pending.tags.add(tag);
      stories.push({ storyId: story, entries, ...(text && { newStory: text }) });
    }
    await refreshStoriesSearch(this.db, this.engine, stories);
    if (pending.events.size > 0) {
      const at = toTimestamp(new Date());
      await this.db
        .insertInto('webhook_outbox')
        .values([...pending.events].map(([article_id, kind]) => ({ article_id, kind, at })))
        .execute();
    }
    const tags = [...pending.tags];
    if (tags.length > 0) await this.hub.record(this.db, tags);
    if (!this.documentCounts.due(pending.counts)) return { tags, counted: pending.counts };
    return { tags, counted: pending.counts, wrote: await this.writeUnwritten(pending.counts) };
  }

  /**
   * Writes this process's unwritten counts, with `more` of the current transaction, in this
   * transaction. Resolves to what it took of the unwritten ones: the caller takes them off
   * once committed, and clears `writing`.
   */
  private async writeUnwritten(more?: Counts): Promise<Counts> {
    const taken = new Counts();
    taken.merge(this.documentCounts);
    this.documentCounts.beginWriting();
    try {
      await writeCounts(this.db, this.engine, taken, more);
    } catch (error) {
      this.documentCounts.writing = false;
      throw error;
    }
    return taken;
  }

  private effects(pending: Pending): WriteEffects {
    return {
      // Only the cluster repo names a story, and it is the one place that moves an article
      // between stories: the story it names last is the article's story at commit.
      touchArticle: (id, story) => {
        if (story !== undefined || !pending.articles.has(id)) pending.articles.set(id, story ?? pending.articles.get(id));
      },
      touchStory: (id) => pending.stories.add(id),
      tag: (...tags) => tags.forEach((t) => pending.tags.add(t)),
      event: (id, kind) => {
        if (!pending.events.has(id)) pending.events.set(id, kind);
      },
      countDocument: (keys) => {
        pending.counted.push(keys);
        pending.counts.add(keys);
      },
    };
  }

  /** Writes the unwritten document counts in a transaction of their own. */
  private async writeCountsNow(): Promise<void> {
    try {
      const taken = await this.db.transaction().execute((trx) => new KyselyStore(trx, this.engine, this.hub, this.schema, newPending(), this.documentCounts).writeUnwritten());
      this.documentCounts.written(taken);
    } finally {
      this.documentCounts.writing = false;
    }
  }

  async migrate(): Promise<string[]> {
    const { error, results } = await this.withTempFiles(() => this.migrator().migrateToLatest());
    if (error) throw error;
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }

  /** Migrates up to and including `name` only (the upgrade test builds each earlier schema). */
  async migrateTo(name: string): Promise<void> {
    const { error } = await this.withTempFiles(() => this.migrator().migrateTo(name));
    if (error) throw error;
  }

  /**
   * SQLite keeps temporary data in memory (open-sqlite-store.ts), but a migration that builds
   * an index over a million articles sorts more than memory should hold: it sorts in files.
   */
  private async withTempFiles<T>(work: () => Promise<T>): Promise<T> {
    if (this.engine !== 'sqlite') return work();
    const [{ temp_store: before } = { temp_store: 0 }] = (await sql<{ temp_store: number }>`pragma temp_store`.execute(this.db)).rows;
    await sql`pragma temp_store = FILE`.execute(this.db);
    try {
      return await work();
    } finally {
      await sql.raw(`pragma temp_store = ${Number(before)}`).execute(this.db);
    }
  }

  async pendingMigrations(): Promise<string[]> {
    const migrations = await this.migrator().getMigrations();
    return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
  }

  poolStats(): PoolStats | null {
    const pool = this.pool;
    return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
  }

  private migrator(): Migrator {
    return new Migrator({
      db: this.db,
      provider: { getMigrations: async () => migrationsFor(this.engine) },
      // Kysely looks for its bookkeeping tables across all schemas unless told which one.
      ...(this.schema && { migrationTableSchema: this.schema }),
    });
  }

  async optimize(): Promise<void> {
    if (this.engine === 'sqlite') await sql`pragma optimize`.execute(this.db);
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
    try {
      // Counts not written yet would be lost with the process (see document-counts.ts).
      if (!this.pending && this.documentCounts.byKey.size > 0 && !this.documentCounts.writing) await this.writeCountsNow();
    } finally {
      await this.hub.close();
      await this.db.destroy();
    }
  }
}
