import type { Kysely } from 'kysely';
import type { ClusterIndex, ClusterMatch, ClusterMembership } from '../cluster/cluster-index.js';
import type { OtherVersion } from '../domain/article.js';
import { toDate, toTimestamp } from './map-rows.js';
import type { Writer } from './kysely-store.js';
import type { Database } from './schema.js';

/** Story clusters: membership per article and the LSH band index. */
export interface ClusterRepo extends ClusterIndex {
  membershipOf(articleId: number): Promise<ClusterMembership | undefined>;
  /** The other published versions in the article's cluster, in the order Gazette received them (at most 50). */
  otherVersions(articleId: number): Promise<OtherVersion[]>;
}

/** The cluster repository over any engine; run its writes in the article's transaction. */
export function clusterRepo(db: Kysely<Database>, write: Writer): ClusterRepo {
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
        const before = await tx.selectFrom('article_clusters').select('cluster_id').where('article_id', '=', m.articleId).executeTakeFirst();
        // Leaving a story changes the story left behind (its head, its listings) as well.
        if (before && before.cluster_id !== m.clusterId) effects.touchStory(before.cluster_id);
        effects.touchArticle(m.articleId, m.clusterId);
        await tx.deleteFrom('lsh_bands').where('article_id', '=', m.articleId).execute();
        await tx.deleteFrom('article_clusters').where('article_id', '=', m.articleId).execute();
        await tx
          .insertInto('article_clusters')
          .values({ article_id: m.articleId, cluster_id: m.clusterId, match: m.match, similarity: m.similarity, signature: m.signature })
          .execute();
        const keys = [...new Set(m.bandKeys)];
        if (keys.length > 0) {
          const publishedAt = toTimestamp(m.publishedAt);
          await tx
            .insertInto('lsh_bands')
            .values(keys.map((band_key) => ({ band_key, article_id: m.articleId, published_at: publishedAt })))
            .execute();
        }
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
