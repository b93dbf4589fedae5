import { sql, type Kysely } from 'kysely';
import { insertRows } from './insert-rows.js';
import type { Database } from './schema.js';
import type { Engine } from './store.js';

/**
 * Document frequencies for event clustering (`event_term_docs`), counted in memory and
 * written in batches.
 *
 * Why: each new article adds one to the count of every distinct term and entity it holds,
 * about 300 for a 600-word story, scattered over the whole table. Written with each article,
 * every commit rewrote pages all over the table: on a feed of distinct stories that was 38 %
 * of all the pages SQLite wrote. Written once per batch, a page is written once for many
 * articles.
 *
 * What a reader sees: the counts in the table plus those this process has counted and not yet
 * written, so one process reads exactly the counts it would with a write per article (the
 * clusters it makes are the same). Another process sees them once the next batch is written
 * (at most FLUSH_ARTICLES articles or FLUSH_MS later) and its own remembered table values
 * expire (at most FLUSH_MS later; see DocumentCounts). A process that dies without closing its
 * store loses the counts of its last batch: they are a guide to how rare a term is, and a few
 * hundred articles more or less in millions do not change which terms are rare.
 */
export const FLUSH_ARTICLES = 200;
/** Counts are written at the first commit after this long, however few articles they hold. */
export const FLUSH_MS = 30_000;
/** Rows per statement when writing counts (they go as one parameter: see insert-rows.ts). */
const ROWS_PER_STATEMENT = 5_000;
/** Most table values kept from reads (about 100 bytes each); more, and they are forgotten. */
const MAX_READ_VALUES = 200_000;

/** Counts per key, added and taken away by whole articles. */
export class Counts {
  readonly byKey = new Map<string, number>();
  articles = 0;

  /** One article's keys, counted (`sign` 1) or uncounted (-1). */
  add(keys: readonly string[], sign: 1 | -1 = 1): void {
    for (const key of keys) {
      const n = (this.byKey.get(key) ?? 0) + sign;
      if (n === 0) this.byKey.delete(key);
      else this.byKey.set(key, n);
    }
    this.articles += sign;
  }

  /** Another set of counts, added (`sign` 1) or taken away (-1). */
  merge(other: Counts, sign: 1 | -1 = 1): void {
    for (const [key, n] of other.byKey) {
      const sum = (this.byKey.get(key) ?? 0) + sign * n;
      if (sum === 0) this.byKey.delete(key);
      else this.byKey.set(key, sum);
    }
    this.articles += sign * other.articles;
  }

  of(key: string): number {
    return this.byKey.get(key) ?? 0;
  }
}

/**
 * A process's document counts: what its committed transactions counted and it has not written
 * yet (the counts themselves), and table values it read since it last wrote.
 */
export class DocumentCounts extends Counts {
  /** When the oldest unwritten count was made (ms), or null when there is none. */
  private since: number | null = null;
  /** A batch is being written: no other transaction writes one until it ends. */
  writing = false;
  /**
   * Table values read lately, so an article looks up only the keys no article shortly before
   * it held. They change only when some process writes a batch: when this one does, it adds
   * what it wrote to them; they are forgotten FLUSH_MS after the first was read, so another
   * process's batch is seen at most that much later.
   */
  private readonly tableValues = new Map<string, number>();
  private readSince: number | null = null;
  /** Counts how often the table values were forgotten: a read begun before may not keep what it read. */
  generation = 0;

  /** The table values to reuse now. */
  known(now = Date.now()): ReadonlyMap<string, number> {
    if (this.readSince !== null && now - this.readSince >= FLUSH_MS) this.forget();
    return this.tableValues;
  }

  /**
   * What a read that began in `generation` found in the table, kept for later reads unless it
   * is out of date: begun before a batch of this process's was written, or read while one is
   * (whether it saw the batch is not known).
   */
  remember(generation: number, values: Iterable<[string, number]>, now = Date.now()): void {
    if (this.writing || generation !== this.generation) return;
    if (this.tableValues.size > MAX_READ_VALUES) this.forget();
    this.readSince ??= now;
    for (const [key, n] of values) this.tableValues.set(key, n);
  }

  private forget(): void {
    this.tableValues.clear();
    this.readSince = null;
    this.generation++;
  }

  /** Whether the next commit should write them, with what it counts itself. */
  due(more: Counts, now = Date.now()): boolean {
    if (this.writing) return false;
    const articles = this.articles + more.articles;
    return articles >= FLUSH_ARTICLES || (articles > 0 && now - (this.since ?? now) >= FLUSH_MS);
  }

  /** A committed transaction's counts, kept until a later commit writes them. */
  keep(counts: Counts): void {
    if (counts.byKey.size === 0) return;
    if (this.since === null) this.since = Date.now();
    this.merge(counts);
  }

  /** A batch is about to be written: reads begun before it may miss it. */
  beginWriting(): void {
    this.writing = true;
    this.generation++;
  }

  /**
   * After a commit wrote `written` (a copy of the counts here when it began) and `alsoWritten`
   * (the committing transaction's own): they are in the table now, and in the values read
   * from it before.
   */
  written(written: Counts, alsoWritten?: Counts): void {
    this.merge(written, -1);
    this.generation++;
    for (const batch of [written, alsoWritten]) {
      for (const [key, n] of batch?.byKey ?? []) {
        const before = this.tableValues.get(key);
        if (before !== undefined) this.tableValues.set(key, before + n);
      }
    }
    // What is left was kept while the batch was written: its time starts now.
    this.since = this.byKey.size === 0 ? null : Date.now();
  }
}

/** Adds `counts` and `more` to the table, in key order (concurrent writers lock rows in one order and never deadlock). */
export async function writeCounts(db: Kysely<Database>, engine: Engine, counts: Counts, more?: Counts): Promise<void> {
  const docs = new Map(counts.byKey);
  for (const [key, n] of more?.byKey ?? []) docs.set(key, (docs.get(key) ?? 0) + n);
  // The default sort compares UTF-16 code units, as `<` does, and is much faster than a comparator.
  const keys = [...docs.keys()].filter((key) => docs.get(key) !== 0).sort();
  for (let i = 0; i < keys.length; i += ROWS_PER_STATEMENT) {
    const rows = keys.slice(i, i + ROWS_PER_STATEMENT).map((key) => [key, docs.get(key)!]);
    await insertRows(db, engine, 'event_term_docs', { key: 'text', docs: 'bigint' }, rows)
      .onConflict((oc) => oc.column('key').doUpdateSet({ docs: sql`event_term_docs.docs + excluded.docs` }))
      .execute();
  }
}
