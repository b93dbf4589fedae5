/**
 * A synthetic event index built in bulk SQL, for the clustering cost benchmark and the
 * event-index query-plan test: `n` clustered articles a minute apart, each with a profile,
 * 16 term keys over a 50,000-word vocabulary, 8 entity keys over 20,000 entities, and one
 * hot entity in every tenth article (a "United States"). Only the clustering tables are
 * filled (foreign keys to articles are off for the build): the clustering statements read
 * nothing else.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { KyselyStore } from '../../src/store/kysely-store.js';

export const VOCABULARY = 50_000;
const ENTITIES = 20_000;
const TERM_KEYS = 16;
export const ENTITY_KEYS = 8;
const PROFILE_TERMS = 20;
export const BASE = Date.UTC(2020, 0, 1);
export const MINUTE = 60_000;
const PRIMES = [7919, 104729, 1299709, 15485863, 179424673, 2147483629, 1000003, 999983, 314159, 271829, 161803, 141421, 173205, 223606, 244949, 264575, 282843, 300007, 316621, 331663, 346399, 360541, 374177, 387433];

export const termOf = (i: number, k: number) => (i * PRIMES[k % PRIMES.length]! + k * 7) % VOCABULARY;
export const entityOf = (i: number, k: number) => (i * PRIMES[(k + 8) % PRIMES.length]! + k * 13) % ENTITIES;

/** Fills the clustering tables of a migrated store with `n` synthetic articles, ids from `firstId`. */
export async function buildEventIndex(store: KyselyStore, n: number, firstId = 1): Promise<void> {
  const pgEngine = store.engine === 'postgres';
  const db: Kysely<any> = store.db;
  const seq: RawBuilder<unknown> = pgEngine
    ? sql`with seq(i) as (select generate_series(${sql.lit(firstId)}, ${sql.lit(firstId + n - 1)}))`
    : sql`with recursive seq(i) as (select ${sql.lit(firstId)} union all select i + 1 from seq where i < ${sql.lit(firstId + n - 1)})`;
  // The same arithmetic as termOf/entityOf, in SQL (bigint: i × prime overflows 32 bits).
  const big = pgEngine ? '::bigint' : '';
  const term2 = (k: number) => sql.raw(`((i * ${PRIMES[k % PRIMES.length]}${big} + ${k * 7}) % ${VOCABULARY})`);
  const entity2 = (k: number) => sql.raw(`((i * ${PRIMES[(k + 8) % PRIMES.length]}${big} + ${k * 13}) % ${ENTITIES})`);
  const cast = pgEngine ? (x: RawBuilder<unknown>) => sql`(${x})::text` : (x: RawBuilder<unknown>) => sql`cast(${x} as text)`;
  const at = sql.raw(`(${BASE} + i${big} * ${MINUTE})`);
  // SQLite has one connection: foreign keys go off for the build and back on after it, and
  // its page cache grows for the build only (the index inserts land all over the B-trees;
  // with the default cache a 1M build takes most of an hour) and is set back before measuring.
  const cache = pgEngine ? undefined : (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]?.cache_size;
  if (!pgEngine) {
    await sql`pragma foreign_keys = off`.execute(db);
    await sql`pragma cache_size = -1000000`.execute(db);
  }
  await db.transaction().execute(async (tx) => {
    if (pgEngine) await sql`set local session_replication_role = replica`.execute(tx);
    await sql`${seq} insert into article_clusters (article_id, cluster_id, match, similarity, signature) select i, i, 'first', 1, 'AAAA' from seq`.execute(tx);
    const termsJson = Array.from({ length: PROFILE_TERMS }, (_, k) => sql`'["w' || ${cast(term2(k))} || '",0.22]'`);
    const entitiesJson = Array.from({ length: ENTITY_KEYS }, (_, k) => sql`'["p' || ${cast(entity2(k))} || '",6]'`);
    const profile = sql.join([sql`'{"terms":['`, sql.join(termsJson, sql` || ',' || `), sql`'],"entities":['`, sql.join(entitiesJson, sql` || ',' || `), sql`'],"places":[],"at":' || ${cast(at)} || '}'`], sql` || `);
    await sql`${seq} insert into event_profiles (article_id, profile) select i, ${profile} from seq`.execute(tx);
    for (let k = 0; k < TERM_KEYS; k++) {
      await sql`${seq} insert into event_keys (key, at, article_id) select 't:w' || ${cast(term2(k))}, ${at}, i from seq where true on conflict do nothing`.execute(tx);
    }
    for (let k = 0; k < ENTITY_KEYS; k++) {
      await sql`${seq} insert into event_keys (key, at, article_id) select 'e:p' || ${cast(entity2(k))}, ${at}, i from seq where true on conflict do nothing`.execute(tx);
    }
    await sql`${seq} insert into event_keys (key, at, article_id) select 'e:hot', ${at}, i from seq where i % 10 = 0`.execute(tx);
    // Document frequencies as the uniform draws give them.
    const termDocs = Math.max(1, Math.round((n * TERM_KEYS * 6) / VOCABULARY));
    const entityDocs = Math.max(1, Math.round((n * ENTITY_KEYS) / ENTITIES));
    const vocab = pgEngine
      ? sql`with seq(i) as (select generate_series(0, ${sql.lit(VOCABULARY - 1)}))`
      : sql`with recursive seq(i) as (select 0 union all select i + 1 from seq where i < ${sql.lit(VOCABULARY - 1)})`;
    await sql`${vocab} insert into event_term_docs (key, docs) select 't:w' || ${cast(sql.raw('i'))}, ${termDocs} from seq`.execute(tx);
    await sql`${vocab} insert into event_term_docs (key, docs) select 'e:p' || ${cast(sql.raw('i'))}, ${entityDocs} from seq where i < ${ENTITIES}`.execute(tx);
    await sql`insert into event_term_docs (key, docs) values ('#docs:0', ${n}), ('e:hot', ${Math.floor(n / 10)})`.execute(tx);
  });
  if (pgEngine) await sql`analyze`.execute(db);
  else {
    await sql`pragma foreign_keys = on`.execute(db);
    await sql.raw(`pragma cache_size = ${Number(cache)}`).execute(db);
  }
}

