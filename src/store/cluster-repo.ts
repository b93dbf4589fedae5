import { CompiledQuery, sql, type Compilable, type Kysely } from 'kysely';
import { docsKeyOf, docsKeys } from '../cluster/event-profile.js';
import type { ClusterIndex, ClusterMatch, ClusterMembership, EventIndexEntry, StoredEventCandidate } from '../cluster/cluster-index.js';
import type { OtherVersion } from '../domain/article.js';
import { toDate, toTimestamp } from './map-rows.js';
import { reclusterAround } from './cluster-split.js';
import { insertRows } from './insert-rows.js';
import { insertTogether } from './insert-together.js';
import type { Writer, WriteEffects } from './kysely-store.js';
import type { Counts, DocumentCounts } from './document-counts.js';
import type { Database } from './schema.js';
import type { Engine } from './store.js';

const docsKeySet = new Set(docsKeys);

/** Keys per statement when reading or adding document frequencies (well under both engines' parameter limits). */
const KEYS_PER_QUERY = 500;

/** Story clusters: membership per article, the LSH band index and the event index. */
export interface ClusterRepo extends ClusterIndex {
  membershipOf(articleId: number): Promise<ClusterMembership | undefined>;
  /** The other published versions in the article's cluster, in the order Gazette received them (at most 50). */
  otherVersions(articleId: number): Promise<OtherVersion[]>;
}

/** The cluster repository over any engine; run its writes in the article's transaction. */
export function clusterRepo(
  db: Kysely<Database>,
  engine: Engine,
  write: Writer,
  /** This process's document counts: what it counted and has not written, and table values it read (document-counts.ts). */
  counts: DocumentCounts,
  /** What the current transaction counted, if any. */
  counting?: Counts,
): ClusterRepo {
  return {
    async findExact(contentHash, exceptArticleId) {
      const row = await db
        .selectFrom('articles')
        .leftJoin('article_clusters', 'article_clusters.article_id', 'articles.id')
        .select(['articles.id', 'article_clusters.cluster_id'])
        .where('articles.content_hash', '=', contentHash)
        .where('articles.id', '!=', exceptArticleId)
        .orderBy('articles.id')
        .limit(1)
        .executeTakeFirst();
      return row ? { articleId: row.id, clusterId: row.cluster_id } : undefined;
    },

    async candidates(bandKeys, from, to, exceptArticleId) {
      if (bandKeys.length === 0) return [];
      const rows = await db
        .selectFrom('lsh_bands')
        .innerJoin('article_clusters', 'article_clusters.article_id', 'lsh_bands.article_id')
        .select(['lsh_bands.article_id', 'article_clusters.cluster_id', 'article_clusters.signature'])
        .distinct()
        .where('lsh_bands.band_key', 'in', bandKeys)
        .where('lsh_bands.published_at', '>=', toTimestamp(from))
        .where('lsh_bands.published_at', '<=', toTimestamp(to))
        .where('lsh_bands.article_id', '!=', exceptArticleId)
        .execute();
      return rows.map((r) => ({ articleId: r.article_id, clusterId: r.cluster_id, signature: r.signature }));
    },

    assign(m) {
      return write(async (tx, effects) => {
        // A fresh article (created in this transaction) has nothing to look up or replace.
        const before = m.fresh ? undefined : await tx.selectFrom('article_clusters').select('cluster_id').where('article_id', '=', m.articleId).executeTakeFirst();
        // Leaving a story changes the story left behind (its head, its listings) as well.
        if (before && before.cluster_id !== m.clusterId) effects.touchStory(before.cluster_id);
        if (!m.fresh) {
          await tx.deleteFrom('lsh_bands').where('article_id', '=', m.articleId).execute();
          await tx.deleteFrom('article_clusters').where('article_id', '=', m.articleId).execute();
        }
        effects.touchArticle(m.articleId, m.clusterId);
        // Everything of the article is looked up and removed first, then its rows are inserted
        // together: one statement on PostgreSQL (insert-together.ts).
        const inserts: Compilable[] = [
          tx
            .insertInto('article_clusters')
            .values({ article_id: m.articleId, cluster_id: m.clusterId, match: m.match, similarity: m.similarity, signature: m.signature }),
        ];
        if (m.event) inserts.push(...(await saveEvent(tx, engine, effects, m.articleId, m.publishedAt, m.event, m.fresh ?? false)));
        // Placed without links, a version is linked to its story's first version.
        const given = m.links ?? (m.clusterId === m.articleId ? [] : [{ articleId: m.clusterId, similarity: m.similarity }]);
        // A version clustered again is judged afresh: links to it made with its old text go too.
        if (before) {
          await tx.deleteFrom('cluster_links').where('article_id', '=', m.articleId).execute();
          await tx.deleteFrom('cluster_links').where('linked_id', '=', m.articleId).execute();
        }
        const links = [...new Map(given.filter((l) => l.articleId !== m.articleId).map((l) => [l.articleId, l.similarity])).entries()];
        if (links.length > 0) {
          inserts.push(tx.insertInto('cluster_links').values(links.map(([linked_id, similarity]) => ({ article_id: m.articleId, linked_id, similarity }))));
        }
        const keys = [...new Set(m.bandKeys)];
        if (keys.length > 0) {
          const publishedAt = toTimestamp(m.publishedAt);
          const rows = keys.map((key) => [key, m.articleId, publishedAt]);
          inserts.push(insertRows(tx, engine, 'lsh_bands', { band_key: 'text', article_id: 'integer', published_at: 'timestamptz' }, rows));
        }
        await insertTogether(tx, engine, inserts);
        // A new published version only joins (or merges) stories; a version clustered again,
        // or one not shown, may leave its story in parts.
        const shown = m.fresh && m.published !== undefined ? m.published : (await tx.selectFrom('articles').select('id').where('id', '=', m.articleId).where('status', '=', 'published').executeTakeFirst()) !== undefined;
        if (!before && shown) return m.clusterId;
        await reclusterAround(tx, effects, [m.articleId], before ? [before.cluster_id] : []);
        const after = await tx.selectFrom('article_clusters').select('cluster_id').where('article_id', '=', m.articleId).executeTakeFirstOrThrow();
        return after.cluster_id;
      });
    },

    async documentFrequencies(keys) {
      const df = new Map<string, number>();
      let docs = 0;
      // A key's frequency: its table value, what this process counted and has not written,
      // and what this transaction counted. One pass per key (about 300 per article).
      const add = (key: string, tableValue: number) => {
        const n = tableValue + counts.of(key) + (counting?.of(key) ?? 0);
        if (docsKeySet.has(key)) docs += n;
        else if (n !== 0) df.set(key, n);
      };
      const known = counts.known();
      const generation = counts.generation;
      const unknown: string[] = [];
      for (const key of new Set([...docsKeys, ...keys])) {
        const n = known.get(key);
        if (n === undefined) unknown.push(key);
        else add(key, n);
      }
      for (let i = 0; i < unknown.length; i += KEYS_PER_QUERY) {
        const part = unknown.slice(i, i + KEYS_PER_QUERY);
        const rows = await db.selectFrom('event_term_docs').select(['key', 'docs']).where(oneOf(engine, 'key', part, 'text')).execute();
        const found = new Map(rows.map((r) => [r.key, Number(r.docs)]));
        const values = part.map((key): [string, number] => [key, found.get(key) ?? 0]);
        counts.remember(generation, values);
        for (const [key, n] of values) add(key, n);
      }
      return { docs, df };
    },

    async eventCandidates(keys, from, to, exceptArticleId, perKey, minShared = 1) {
      const unique = [...new Set(keys)];
      if (unique.length === 0 || perKey <= 0) return [];
      // One range per key, newest first and at most perKey rows: a common key costs no more
      // than a rare one, whatever the size of the store.
      if (engine === 'postgres') return lateralCandidates(db, unique, from, to, perKey, exceptArticleId, minShared);
      const hits = await unionLookup(db, unique, from, to, perKey);
      // (Each key's range lists an article once, so its count is the keys it shares.)
      const shared = new Map<number, number>();
      for (const h of hits) shared.set(h.article_id, (shared.get(h.article_id) ?? 0) + 1);
      const ids = [...shared].filter(([id, n]) => id !== exceptArticleId && n >= minShared).map(([id]) => id);
      const out: { articleId: number; clusterId: number; profile: string }[] = [];
      for (let i = 0; i < ids.length; i += KEYS_PER_QUERY) {
        const part = ids.slice(i, i + KEYS_PER_QUERY);
        const rows = await db
          .selectFrom('event_profiles')
          .innerJoin('article_clusters', 'article_clusters.article_id', 'event_profiles.article_id')
          .select(['event_profiles.article_id', 'article_clusters.cluster_id', 'event_profiles.profile'])
          .where(oneOf(engine, 'event_profiles.article_id', part, 'integer'))
          .execute();
        out.push(...rows.map((r) => ({ articleId: r.article_id, clusterId: r.cluster_id, profile: r.profile })));
      }
      return out.sort((a, b) => a.articleId - b.articleId);
    },

    mergeClusters(from, into) {
      return write(async (tx, effects) => {
        if (from === into) return;
        const moved = await tx.selectFrom('article_clusters').select('article_id').where('cluster_id', '=', from).orderBy('cluster_id').orderBy('article_id').execute();
        if (moved.length === 0) return;
        await tx.updateTable('article_clusters').set({ cluster_id: into }).where('cluster_id', '=', from).execute();
        // Both stories are rewritten at commit (the one left empty loses its listing entries),
        // and each moved version's page, whose "also reported by" changed, is dropped from caches.
        effects.touchStory(from);
        effects.touchStory(into);
        for (const { article_id } of moved) effects.touchArticle(article_id);
      });
    },

    async membershipOf(articleId) {
      const row = await db.selectFrom('article_clusters').select(['article_id', 'cluster_id', 'match', 'similarity']).where('article_id', '=', articleId).executeTakeFirst();
      return row ? { articleId: row.article_id, clusterId: row.cluster_id, match: row.match as ClusterMatch, similarity: Number(row.similarity) } : undefined;
    },

    async otherVersions(articleId) {
      // The story first, then its versions by the (cluster_id, article_id) index in one range:
      // with the cluster id a constant, no engine sorts, however many versions the story has.
      const mine = await db.selectFrom('article_clusters').select('cluster_id').where('article_id', '=', articleId).executeTakeFirst();
      if (!mine) return [];
      const rows = await db
        .selectFrom('article_clusters as other')
        .innerJoin('articles', 'articles.id', 'other.article_id')
        .innerJoin('providers', 'providers.id', 'articles.provider_id')
        .select(['articles.id', 'articles.slug', 'articles.headline', 'articles.published_at', 'providers.slug as p_slug', 'providers.name as p_name'])
        .where('other.cluster_id', '=', mine.cluster_id)
        .where('other.article_id', '!=', articleId)
        .where('articles.status', '=', 'published')
        .orderBy('other.cluster_id')
        .orderBy('other.article_id')
        .limit(50)
        .execute();
      return rows.map((r) => ({ id: r.id, slug: r.slug, headline: r.headline, publishedAt: toDate(r.published_at), provider: { slug: r.p_slug, name: r.p_name } }));
    },
  };
}

/**
 * `column` is one of `values`. On PostgreSQL the values go as one array parameter, not an IN
 * list of up to 500 for the server to parse and plan (measured, per article: the frequency
 * read took 3.9 ms with the list, 3.4 with the array); SQLite gets the IN list.
 */
function oneOf(engine: Engine, column: string, values: readonly (string | number)[], type: 'text' | 'integer') {
  return engine === 'postgres' ? sql<boolean>`${sql.ref(column)} = any(${values}::${sql.raw(type)}[])` : sql<boolean>`${sql.ref(column)} in (${sql.join(values)})`;
}

/**
 * At most `perKey` articles under each key within [from, to], newest first: one range per
 * key, so a common key costs no more than a rare one, whatever the size of the store. SQLite:
 * a union of one bounded subquery per key (only SQLite runs it: its tables have no schema to
 * name). Its text depends only on the number of keys, so
 * it is written once per count and sent as it is: building and compiling the union of 18
 * subqueries through the query builder cost more than SQLite took to run it.
 */
async function unionLookup(db: Kysely<Database>, keys: string[], from: Date, to: Date, perKey: number): Promise<{ article_id: number }[]> {
  const parameters = keys.flatMap((key) => [key, from.getTime(), to.getTime(), perKey]);
  const { rows } = await db.executeQuery<{ article_id: number }>(CompiledQuery.raw(unionText(keys.length), parameters));
  return rows;
}

const unionTexts = new Map<number, string>();

function unionText(keyCount: number): string {
  let text = unionTexts.get(keyCount);
  if (text === undefined) {
    const arm = (i: number) => `select "article_id" from (select "article_id" from "event_keys" where "key" = ? and "at" >= ? and "at" <= ? order by "at" desc limit ?) as "k${i}"`;
    text = Array.from({ length: keyCount }, (_, i) => arm(i)).join(' union all ');
    unionTexts.set(keyCount, text);
  }
  return text;
}

/**
 * The same on PostgreSQL, with the candidates' profiles and clusters, in one statement (one
 * round trip; the keys' hits were read first and the profiles in a second statement). The
 * keys go as one array to a lateral subquery: the union's text grows with the keys, and
 * PostgreSQL parses and plans every statement it is sent (measured, per article: 2.0 ms for
 * the union of about 18 keys, 1.1 ms for the lateral lookup). Each candidate's profile and
 * cluster are read by primary key, one lookup each (`limit 1` keeps the planner from turning
 * them into a join it could choose to run by scanning the tables).
 */
async function lateralCandidates(db: Kysely<Database>, keys: string[], from: Date, to: Date, perKey: number, exceptArticleId: number, minShared: number): Promise<StoredEventCandidate[]> {
  const { rows } = await sql<{ article_id: number; cluster_id: number; profile: string }>`
    with shared as (
      select k.article_id from unnest(${keys}::text[]) as q(key)
      cross join lateral (
        select article_id from event_keys
        where event_keys.key = q.key and at >= ${from.getTime()} and at <= ${to.getTime()}
        order by at desc limit ${perKey}
      ) k
      group by k.article_id
      having k.article_id <> ${exceptArticleId} and count(*) >= ${minShared}
    )
    select shared.article_id, c.cluster_id, p.profile from shared
    cross join lateral (select profile from event_profiles where event_profiles.article_id = shared.article_id limit 1) p
    cross join lateral (select cluster_id from article_clusters where article_clusters.article_id = shared.article_id limit 1) c
    order by shared.article_id`.execute(db);
  return rows.map((r) => ({ articleId: r.article_id, clusterId: r.cluster_id, profile: r.profile }));
}

/**
 * An article's event profile and index keys: the inserts to run with its other cluster rows,
 * once its old keys are removed and an old profile updated here. Its terms count once in the
 * document frequencies: on its first profile, not when it is reprocessed (the counts are a
 * guide to rarity, and a re-sent text rarely changes its vocabulary much). The store writes
 * the counts in batches (document-counts.ts).
 */
async function saveEvent(tx: Kysely<Database>, engine: Engine, effects: WriteEffects, articleId: number, publishedAt: Date, event: EventIndexEntry, fresh: boolean): Promise<Compilable[]> {
  const had = fresh ? undefined : await tx.selectFrom('event_profiles').select('article_id').where('article_id', '=', articleId).executeTakeFirst();
  if (!fresh) await tx.deleteFrom('event_keys').where('article_id', '=', articleId).execute();
  const inserts: Compilable[] = [];
  if (had) {
    await tx.updateTable('event_profiles').set({ profile: event.profile }).where('article_id', '=', articleId).execute();
  } else {
    inserts.push(tx.insertInto('event_profiles').values({ article_id: articleId, profile: event.profile }));
    effects.countDocument([docsKeyOf(articleId), ...new Set(event.frequencyKeys)]);
  }
  const keys = [...new Set(event.indexKeys)];
  if (keys.length > 0) {
    const at = publishedAt.getTime();
    inserts.push(insertRows(tx, engine, 'event_keys', { key: 'text', at: 'bigint', article_id: 'integer' }, keys.map((key) => [key, at, articleId])));
  }
  return inserts;
}
