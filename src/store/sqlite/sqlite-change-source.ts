import { sql, type Kysely } from 'kysely';
import type { ChangeSource } from '../change-feed.js';
import { toTimestamp } from '../map-rows.js';
import type { Database } from '../schema.js';

/** How often a listening process looks for other processes' commits. */
const POLL_MS = 200;
/** Changes stay in the log this long: every listener reads them within a poll or two. */
const KEEP_MS = 10 * 60_000;
const PRUNE_EVERY_MS = 60_000;

/**
 * SQLite's change feed: each write transaction appends its tags to `content_changes`;
 * a listening process checks `PRAGMA data_version` (which moves only when another
 * connection commits, so an idle poll is one cheap statement) and reads the new rows.
 */
export function sqliteChangeSource(db: Kysely<Database>): ChangeSource {
  let timer: NodeJS.Timeout | undefined;
  let lastId = 0;
  let dataVersion = -1;
  let lastPrune = 0;
  let polling = false;

  async function poll(onTags: (tags: readonly string[]) => void): Promise<void> {
    if (polling) return;
    polling = true;
    try {
      const version = Number((await sql<{ data_version: number }>`pragma data_version`.execute(db)).rows[0]?.data_version);
      if (version === dataVersion) return;
      dataVersion = version;
      const rows = await db.selectFrom('content_changes').select(['id', 'tags']).where('id', '>', lastId).orderBy('id').execute();
      if (rows.length === 0) return;
      lastId = rows.at(-1)!.id;
      onTags(rows.flatMap((r) => r.tags.split(' ')));
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        await db.deleteFrom('content_changes').where('at', '<', toTimestamp(new Date(Date.now() - KEEP_MS))).execute();
      }
    } catch {
      // The database may be closing or busy; the next poll tries again.
    } finally {
      polling = false;
    }
  }

  return {
    async record(tx, tags) {
      await tx.insertInto('content_changes').values({ at: toTimestamp(new Date()), tags: tags.join(' ') }).execute();
    },
    start(onTags) {
      void db
        .selectFrom('content_changes')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst()
        .then((row) => {
          lastId = Math.max(lastId, Number(row?.id ?? 0));
          timer = setInterval(() => void poll(onTags), POLL_MS);
          timer.unref();
        })
        .catch(() => {});
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
