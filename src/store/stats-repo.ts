import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Engine } from './store.js';

/** One count per key (an hour, a provider). */
export interface Count<K> {
  key: K;
  count: number;
}

/** The figures the admin dashboard draws. */
export interface StatsRepo {
  /**
   * Published articles per UTC hour (`2026-11-28T06`) since `since`, one provider's or all:
   * a range of the (status, published_at) or (provider_id, published_at) index.
   */
  articlesPerHour(since: Date, providerId?: number): Promise<Count<string>[]>;
  /** Published articles per provider id since `since`. */
  articlesPerProvider(since: Date): Promise<Count<number>[]>;
  /** Ids of feeds whose last poll failed (consecutive failures > 0), one provider's or all. */
  failingFeedIds(providerId?: number): Promise<number[]>;
}

/** Dashboard figures on any engine; the hour of a time is the one thing the engines spell differently. */
export function statsRepo(db: Kysely<Database>, engine: Engine): StatsRepo {
  // SQLite keeps ISO-8601 text, whose first 13 characters are the UTC hour.
  const hour =
    engine === 'sqlite'
      ? sql<string>`substr(published_at, 1, 13)`
      : sql<string>`to_char(published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24')`;
  const since = (d: Date) => d.toISOString();
  return {
    async articlesPerHour(from, providerId) {
      let query = db
        .selectFrom('articles')
        .select([hour.as('bucket'), (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('published_at', '>=', since(from))
        .where('published_at', '<=', since(new Date()));
      query = providerId === undefined ? query.where('status', '=', 'published') : query.where('provider_id', '=', providerId).where('status', '=', 'published');
      const rows = await query.groupBy(hour).execute();
      return rows.map((r) => ({ key: r.bucket, count: Number(r.n) })).sort((a, b) => a.key.localeCompare(b.key));
    },

    async articlesPerProvider(from) {
      const rows = await db
        .selectFrom('articles')
        .select(['provider_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('status', '=', 'published')
        .where('published_at', '>=', since(from))
        .where('published_at', '<=', since(new Date()))
        .groupBy('provider_id')
        .execute();
      return rows.map((r) => ({ key: r.provider_id, count: Number(r.n) })).sort((a, b) => b.count - a.count);
    },

    async failingFeedIds(providerId) {
      let query = db.selectFrom('feeds').select('id').where('consecutive_failures', '>', 0);
      if (providerId !== undefined) query = query.where('provider_id', '=', providerId);
      return (await query.orderBy('id').execute()).map((r) => r.id);
    },
  };
}
