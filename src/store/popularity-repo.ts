import { sql, type Kysely } from 'kysely';
import { addScores, scoreOf, type ViewCount } from '../domain/popularity.js';
import type { Database } from './schema.js';

/** Counted views in, story scores out: the storage side of "Most popular". */
export interface PopularityRepo {
  /**
   * Adds one flush of counted views to their stories' scores and "most popular" rankings,
   * in one transaction. Nodes add, never overwrite, so the counts of every node add up.
   */
  record(counts: readonly ViewCount[], halfLifeHours: number): Promise<void>;
  /** The scores of these stories (see domain/popularity.ts); a story never viewed is absent. */
  scores(storyIds: readonly number[]): Promise<Map<number, number>>;
  /**
   * Views per UTC day from `since` on, oldest first, of one provider's articles or of all;
   * days without views are absent.
   */
  viewsPerDay(since: Date, providerId?: number): Promise<{ day: Date; views: number }[]>;
  /** Drops ranking entries of stories listed before `before` (ms): older than every window. */
  prune(before: number): Promise<number>;
}

/** Rows per statement: well under both engines' bound-parameter limits. */
const CHUNK = 500;

/** The listings a story's popularity ranks in: the ones its head is listed under. */
const RANKED_SCOPES = (eb: any) => eb.or([eb('scope', '=', 'latest'), eb('scope', 'like', 'category:%'), eb('scope', 'like', 'lang:%')]);

/** log2(2^a + 2^b) in SQL, the same on both engines (see addScores). */
const addedScore = (existing: string) =>
  sql<number>`(case when ${sql.ref(existing)} > excluded.score then ${sql.ref(existing)} else excluded.score end)
    + ln(1 + power(2.0, -abs(${sql.ref(existing)} - excluded.score))) / ln(2.0)`;

const DAY_MS = 86_400_000;

/** Adds a flush's views to their (UTC day, provider) rows, in ascending key order (no deadlock between nodes). */
async function addDailyViews(tx: Kysely<Database>, counts: readonly ViewCount[], articleIds: number[]): Promise<void> {
  const providerOf = new Map<number, number>();
  for (let i = 0; i < articleIds.length; i += CHUNK) {
    const rows = await tx.selectFrom('articles').select(['id', 'provider_id']).where('id', 'in', articleIds.slice(i, i + CHUNK)).execute();
    for (const r of rows) providerOf.set(r.id, r.provider_id);
  }
  const sums = new Map<string, { day: number; provider_id: number; views: number }>();
  for (const c of counts) {
    const provider = providerOf.get(c.articleId);
    if (provider === undefined) continue; // an article deleted since it was viewed
    const day = Math.floor(c.at.getTime() / DAY_MS);
    const key = `${day}:${provider}`;
    const row = sums.get(key) ?? { day, provider_id: provider, views: 0 };
    row.views += c.views;
    sums.set(key, row);
  }
  const rows = [...sums.values()].sort((a, b) => a.day - b.day || a.provider_id - b.provider_id);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insertInto('daily_views')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['day', 'provider_id']).doUpdateSet({ views: sql<number>`daily_views.views + excluded.views` }))
      .execute();
  }
}

/** Popularity on any engine. */
export function popularityRepo(db: Kysely<Database>): PopularityRepo {
  return {
    async record(counts, halfLifeHours) {
      const valid = counts.filter((c) => Number.isSafeInteger(c.articleId) && c.articleId > 0 && c.articleId <= 2_147_483_647 && c.views > 0);
      if (valid.length === 0) return;
      const articleIds = [...new Set(valid.map((c) => c.articleId))];
      await db.transaction().execute(async (tx) => {
        await addDailyViews(tx, valid, articleIds);
        const storyOf = new Map<number, number>(articleIds.map((id) => [id, id]));
        for (let i = 0; i < articleIds.length; i += CHUNK) {
          const rows = await tx.selectFrom('article_clusters').select(['article_id', 'cluster_id']).where('article_id', 'in', articleIds.slice(i, i + CHUNK)).execute();
          for (const r of rows) storyOf.set(r.article_id, r.cluster_id);
        }
        // One score per story for this flush: the upsert may touch each row once.
        const added = new Map<number, number>();
        for (const c of valid) {
          const story = storyOf.get(c.articleId)!;
          const s = scoreOf(c.views, c.at.getTime(), halfLifeHours);
          const before = added.get(story);
          added.set(story, before === undefined ? s : addScores(before, s));
        }
        // Ascending story order: two nodes flushing at once lock rows in the same order, never a deadlock.
        const stories = [...added.keys()].sort((a, b) => a - b);
        const total = new Map<number, number>();
        for (let i = 0; i < stories.length; i += CHUNK) {
          const rows = await tx
            .insertInto('story_popularity')
            .values(stories.slice(i, i + CHUNK).map((id) => ({ story_id: id, score: added.get(id)! })))
            .onConflict((oc) => oc.column('story_id').doUpdateSet({ score: addedScore('story_popularity.score') }))
            .returning(['story_id', 'score'])
            .execute();
          for (const r of rows) total.set(r.story_id, Number(r.score));
        }
        for (let i = 0; i < stories.length; i += CHUNK) {
          const heads = await tx
            .selectFrom('listing_entries')
            .select(['scope', 'story_id', 'article_id', 'sort_at'])
            .where('story_id', 'in', stories.slice(i, i + CHUNK))
            .where(RANKED_SCOPES)
            .execute();
          // An entry per (scope, story): a provider's own entries share the story id but are not ranked.
          const entries = heads
            .filter((h) => total.has(h.story_id))
            .map((h) => ({ scope: h.scope, story_id: h.story_id, article_id: h.article_id, listed_at: Number(h.sort_at), score: total.get(h.story_id)! }))
            .sort((a, b) => a.story_id - b.story_id || (a.scope < b.scope ? -1 : 1));
          for (let j = 0; j < entries.length; j += CHUNK) {
            await tx
              .insertInto('popular_entries')
              .values(entries.slice(j, j + CHUNK))
              .onConflict((oc) =>
                oc.columns(['scope', 'story_id']).doUpdateSet((eb) => ({
                  score: eb.ref('excluded.score'),
                  article_id: eb.ref('excluded.article_id'),
                  listed_at: eb.ref('excluded.listed_at'),
                })),
              )
              .execute();
          }
        }
      });
    },

    async viewsPerDay(since, providerId) {
      // The rows of the range as they are, summed here: an index range with no sort or
      // aggregate on either engine (PostgreSQL sorts the range to group it in SQL), and a
      // week is 7 rows per provider.
      let q = db.selectFrom('daily_views').select(['day', 'views']).where('day', '>=', Math.floor(since.getTime() / DAY_MS));
      if (providerId !== undefined) q = q.where('provider_id', '=', providerId);
      const sums = new Map<number, number>();
      for (const r of await q.execute()) sums.set(r.day, (sums.get(r.day) ?? 0) + Number(r.views));
      return [...sums].sort(([a], [b]) => a - b).map(([day, views]) => ({ day: new Date(day * DAY_MS), views }));
    },

    async scores(storyIds) {
      const found = new Map<number, number>();
      const ids = [...new Set(storyIds)];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const rows = await db.selectFrom('story_popularity').select(['story_id', 'score']).where('story_id', 'in', ids.slice(i, i + CHUNK)).execute();
        for (const r of rows) found.set(r.story_id, Number(r.score));
      }
      return found;
    },

    async prune(before) {
      const result = await db.deleteFrom('popular_entries').where('listed_at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
