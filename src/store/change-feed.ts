import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { ChangeFeed } from './store.js';

/** How one engine tells other processes what changed, and hears what they changed. */
export interface ChangeSource {
  /** Records the tags inside the committing transaction, so they travel only if it commits. */
  record(db: Kysely<Database>, tags: readonly string[]): Promise<void>;
  /** Starts hearing other processes' changes. */
  start(onTags: (tags: readonly string[]) => void): void;
  stop(): Promise<void>;
}

type Listener = (tags: readonly string[]) => void;

/**
 * The store's change feed: this process's own commits are announced at once; other
 * processes' arrive through the engine's source (SQLite's change log, PostgreSQL's NOTIFY),
 * which only runs while someone listens, so one-shot commands never start it.
 */
export class ChangeHub implements ChangeFeed {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly source: ChangeSource) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.source.start((tags) => this.emit(tags));
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) void this.source.stop();
    };
  }

  /** Announces a commit of this process to its listeners. */
  emit(tags: readonly string[]): void {
    for (const listener of this.listeners) listener(tags);
  }

  record(db: Kysely<Database>, tags: readonly string[]): Promise<void> {
    return this.source.record(db, tags);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.source.stop();
  }
}
