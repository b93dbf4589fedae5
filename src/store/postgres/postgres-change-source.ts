import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type pg from 'pg';
import type { ChangeSource } from '../change-feed.js';
import type { Database } from '../schema.js';

// NOTIFY payloads must stay under 8,000 bytes; a bigger change says "anything may have changed".
const MAX_PAYLOAD = 7_900;
const RECONNECT_MS = 1_000;

/**
 * PostgreSQL's change feed: a write transaction calls pg_notify with its tags, which the
 * server delivers at commit, in commit order, to every node LISTENing on the channel. The
 * channel is per schema, so several Gazettes (and test suites) share a server safely.
 */
export function postgresChangeSource(pool: pg.Pool, schema: string | undefined): ChangeSource {
  const channel = schema ? `gazette_changes_${schema}` : 'gazette_changes';
  let client: pg.PoolClient | undefined;
  let stopped = true;
  let retry: NodeJS.Timeout | undefined;

  async function listen(onTags: (tags: readonly string[]) => void): Promise<void> {
    try {
      const c = await pool.connect();
      if (stopped) return c.release();
      client = c;
      c.on('notification', (msg) => {
        if (msg.channel === channel) onTags((msg.payload ?? '*').split(' '));
      });
      c.on('error', () => reconnect(onTags));
      await c.query(`listen ${channel}`);
    } catch {
      reconnect(onTags);
    }
  }

  function reconnect(onTags: (tags: readonly string[]) => void): void {
    const dead = client;
    client = undefined;
    dead?.release(true);
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      // Notifications sent while we were away are lost: drop everything once we are back.
      void listen(onTags).then(() => onTags(['*']));
    }, RECONNECT_MS);
    retry.unref();
  }

  return {
    async record(tx: Kysely<Database>, tags) {
      let payload = tags.join(' ');
      if (Buffer.byteLength(payload) > MAX_PAYLOAD) payload = '*';
      await sql`select pg_notify(${channel}, ${payload})`.execute(tx);
    },
    start(onTags) {
      stopped = false;
      void listen(onTags);
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      retry = undefined;
      const c = client;
      client = undefined;
      if (c) {
        await c.query(`unlisten ${channel}`).catch(() => {});
        c.release();
      }
    },
  };
}
