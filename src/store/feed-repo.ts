import type { Kysely, Selectable, Updateable } from 'kysely';
import { GazetteError } from '../domain/errors.js';
import { stripUnsafeText } from '../domain/text-safety.js';
import { toDate, toTimestamp } from './map-rows.js';
import type { Feed, FeedInput, FeedPatch } from '../domain/feed.js';
import type { Database, FeedsTable } from './schema.js';
import type { Engine } from './store.js';

/** Feeds: registration, the scheduler's claims, and the health each poll records. */
export interface FeedRepo {
  /** Registers a feed; BAD_REQUEST when the provider already has this URL. */
  create(input: FeedInput): Promise<Feed>;
  findById(id: number): Promise<Feed | undefined>;
  /** Every feed, or one provider's, oldest first. */
  list(providerId?: number): Promise<Feed[]>;
  /**
   * Claims up to `limit` feeds that are due at `now` and not claimed by anyone else, for
   * `owner` until `until`, and returns them. Two nodes never get the same feed.
   */
  claimDue(owner: string, now: Date, until: Date, limit: number): Promise<Feed[]>;
  /** Claims one feed whether due or not, unless another owner holds a live claim. */
  claim(id: number, owner: string, now: Date, until: Date): Promise<Feed | undefined>;
  /** Applies a patch; NOT_FOUND for an unknown id. */
  update(id: number, patch: FeedPatch): Promise<Feed>;
  remove(id: number): Promise<void>;
  /** How many feeds there are, and how many failed their last poll (/metrics, gazette doctor). */
  health(): Promise<{ total: number; failing: number }>;
}

/** Feeds on any engine; `engine` decides only how due feeds are locked while claimed. */
export function feedRepo(db: Kysely<Database>, engine: Engine): FeedRepo {
  const findById = async (id: number) => {
    const row = await db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toFeed(row);
  };
  return {
    async create(input) {
      const existing = await db
        .selectFrom('feeds')
        .select('id')
        .where('provider_id', '=', input.providerId)
        .where('url', '=', input.url)
        .executeTakeFirst();
      if (existing) throw new GazetteError('BAD_REQUEST', `This provider already has the feed ${input.url} (feed ${existing.id}).`);
      const now = new Date();
      const row = await db
        .insertInto('feeds')
        .values({
          provider_id: input.providerId,
          url: input.url,
          allow_private: input.allowPrivate ? 1 : 0,
          full_text: input.fullText ? 1 : 0,
          poll_interval_seconds: input.pollIntervalSeconds,
          next_poll_at: toTimestamp(input.nextPollAt ?? now),
          created_at: toTimestamp(now),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toFeed(row);
    },
    findById,
    async list(providerId) {
      let q = db.selectFrom('feeds').selectAll().orderBy('id');
      if (providerId !== undefined) q = q.where('provider_id', '=', providerId);
      return (await q.execute()).map(toFeed);
    },
    async claimDue(owner, now, until, limit) {
      const at = toTimestamp(now);
      let due = db
        .selectFrom('feeds')
        .select('id')
        .where('next_poll_at', '<=', at)
        .where('paused_at', 'is', null)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
        .orderBy('next_poll_at')
        .limit(limit);
      // PostgreSQL: rows another node is claiming right now are skipped, not waited for.
      // SQLite has one writer at a time, so the single UPDATE is already exclusive.
      if (engine === 'postgres') due = due.forUpdate().skipLocked();
      const rows = await db
        .updateTable('feeds')
        .set({ claimed_by: owner, claimed_until: toTimestamp(until) })
        .where('id', 'in', due)
        .returningAll()
        .execute();
      return rows.map(toFeed).sort((a, b) => a.nextPollAt.getTime() - b.nextPollAt.getTime() || a.id - b.id);
    },
    async claim(id, owner, now, until) {
      const at = toTimestamp(now);
      const row = await db
        .updateTable('feeds')
        .set({ claimed_by: owner, claimed_until: toTimestamp(until) })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at), eb('claimed_by', '=', owner)]))
        .returningAll()
        .executeTakeFirst();
      return row && toFeed(row);
    },
    async update(id, patch) {
      const set = toRowPatch(patch);
      if (Object.keys(set).length > 0) await db.updateTable('feeds').set(set).where('id', '=', id).execute();
      const feed = await findById(id);
      if (!feed) throw new GazetteError('NOT_FOUND', `No feed with id ${id}.`);
      return feed;
    },
    async remove(id) {
      await db.deleteFrom('feeds').where('id', '=', id).execute();
    },
    async health() {
      const row = await db
        .selectFrom('feeds')
        .select((eb) => [eb.fn.countAll<number | string>().as('total'), eb.fn.sum<number | string | null>(eb.case().when('consecutive_failures', '>', 0).then(1).else(0).end()).as('failing')])
        .executeTakeFirstOrThrow();
      return { total: Number(row.total), failing: Number(row.failing ?? 0) };
    },
  };
}

const ts = (d: Date | null | undefined) => (d === undefined ? undefined : d === null ? null : toTimestamp(d));
const tsOrNull = (v: FeedsTable['last_fetch_at']) => (v === null ? null : toDate(v));
/**
 * Text a feed or a server sent (its title, an error quoting it) loses control characters on
 * the way in: PostgreSQL refuses NUL outright, and one such title would fail every poll.
 */
const safe = (v: string | null | undefined) => (typeof v === 'string' ? stripUnsafeText(v) : v);

function toRowPatch(p: FeedPatch): Updateable<FeedsTable> {
  const row: Partial<Record<keyof FeedsTable, unknown>> = {
    url: p.url,
    title: safe(p.title),
    allow_private: p.allowPrivate === undefined ? undefined : p.allowPrivate ? 1 : 0,
    full_text: p.fullText === undefined ? undefined : p.fullText ? 1 : 0,
    poll_interval_seconds: p.pollIntervalSeconds,
    next_poll_at: ts(p.nextPollAt),
    etag: p.etag,
    last_modified: p.lastModified,
    body_hash: p.bodyHash,
    last_fetch_at: ts(p.lastFetchAt),
    last_success_at: ts(p.lastSuccessAt),
    last_status: p.lastStatus,
    consecutive_failures: p.consecutiveFailures,
    last_error: safe(p.lastError),
    items_seen: p.itemsSeen,
    items_new: p.itemsNew,
    items_updated: p.itemsUpdated,
    last_new_item_at: ts(p.lastNewItemAt),
    typical_interval_seconds: p.typicalIntervalSeconds,
    quiet_since: ts(p.quietSince),
    websub_hub: p.websubHub,
    websub_topic: p.websubTopic,
    websub_secret: p.websubSecret,
    websub_lease_until: ts(p.websubLeaseUntil),
    websub_token: p.websubToken,
    claimed_by: p.claimedBy,
    claimed_until: ts(p.claimedUntil),
    paused_at: ts(p.pausedAt),
  };
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as Updateable<FeedsTable>;
}

function toFeed(row: Selectable<FeedsTable>): Feed {
  return {
    id: row.id,
    providerId: row.provider_id,
    url: row.url,
    title: row.title,
    allowPrivate: Number(row.allow_private) === 1,
    fullText: Number(row.full_text) === 1,
    pollIntervalSeconds: row.poll_interval_seconds,
    nextPollAt: toDate(row.next_poll_at),
    etag: row.etag,
    lastModified: row.last_modified,
    bodyHash: row.body_hash ?? null,
    lastFetchAt: tsOrNull(row.last_fetch_at),
    lastSuccessAt: tsOrNull(row.last_success_at),
    lastStatus: row.last_status,
    consecutiveFailures: row.consecutive_failures,
    lastError: row.last_error,
    itemsSeen: row.items_seen,
    itemsNew: row.items_new,
    itemsUpdated: row.items_updated,
    lastNewItemAt: tsOrNull(row.last_new_item_at),
    typicalIntervalSeconds: row.typical_interval_seconds,
    quietSince: tsOrNull(row.quiet_since),
    websubHub: row.websub_hub,
    websubTopic: row.websub_topic,
    websubSecret: row.websub_secret,
    websubLeaseUntil: tsOrNull(row.websub_lease_until),
    websubToken: row.websub_token ?? null,
    claimedBy: row.claimed_by,
    claimedUntil: tsOrNull(row.claimed_until),
    createdAt: toDate(row.created_at),
    pausedAt: row.paused_at == null ? null : toDate(row.paused_at),
  };
}
