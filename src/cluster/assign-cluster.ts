import type { ClusterCandidate, ClusterIndex, ClusterMembership } from './cluster-index.js';
import type { ClusterOptions } from './cluster-options.js';
import { fingerprint, type Fingerprint } from './fingerprint.js';
import { decodeSignature, estimateSimilarity } from './minhash.js';

/** What clustering needs to know of a stored article. */
export interface ClusterableArticle {
  id: number;
  headline: string;
  bodyText: string;
  contentHash: string;
  publishedAt: Date;
}

/**
 * The best candidate to join, pure: the most similar one at or above the threshold
 * (ties go to the older cluster, so a cluster's id is stable), or undefined.
 */
export function chooseCluster(
  signature: Uint32Array,
  candidates: ClusterCandidate[],
  options: Pick<ClusterOptions, 'similarity'>,
): { clusterId: number; similarity: number } | undefined {
  let best: { clusterId: number; similarity: number } | undefined;
  for (const c of candidates) {
    const similarity = estimateSimilarity(signature, decodeSignature(c.signature));
    if (similarity < options.similarity) continue;
    if (!best || similarity > best.similarity || (similarity === best.similarity && c.clusterId < best.clusterId)) {
      best = { clusterId: c.clusterId, similarity };
    }
  }
  return best;
}

/**
 * Puts a stored article into its story cluster: the cluster of an earlier article with the
 * same content hash (an exact duplicate), else of the most similar version published within
 * the time window (found through LSH band keys, so the cost does not grow with the store),
 * else a new cluster of its own. Run it in the article's transaction.
 */
export async function assignCluster(
  clusters: ClusterIndex,
  article: ClusterableArticle,
  options: ClusterOptions,
  print: Fingerprint = fingerprint(article.headline, article.bodyText, options),
): Promise<ClusterMembership> {
  const base = { articleId: article.id, signature: print.encoded, bandKeys: print.bandKeys, publishedAt: article.publishedAt };
  const exact = await clusters.findExact(article.contentHash, article.id);
  if (exact) {
    let clusterId = exact.clusterId;
    if (clusterId === null) {
      // The earlier copy was stored before clustering existed: it founds the cluster now.
      clusterId = exact.articleId;
      await clusters.assign({ ...base, articleId: exact.articleId, clusterId, match: 'first', similarity: 1 });
    }
    // Reprocessing a cluster's first article finds its own copies: it stays the first.
    const membership: ClusterMembership = { articleId: article.id, clusterId, match: clusterId === article.id ? 'first' : 'exact', similarity: 1 };
    await clusters.assign({ ...base, ...membership });
    return membership;
  }
  const windowMs = options.windowHours * 3_600_000;
  const t = article.publishedAt.getTime();
  const candidates = await clusters.candidates(print.bandKeys, new Date(t - windowMs), new Date(t + windowMs), article.id);
  const best = chooseCluster(print.signature, candidates, options);
  const membership: ClusterMembership = best && best.clusterId !== article.id
    ? { articleId: article.id, clusterId: best.clusterId, match: 'near', similarity: best.similarity }
    : { articleId: article.id, clusterId: article.id, match: 'first', similarity: 1 };
  await clusters.assign({ ...base, ...membership });
  return membership;
}
