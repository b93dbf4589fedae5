import type { EntityMention } from '../domain/entity.js';
import type { ClusterCandidate, ClusterIndex, ClusterLink, ClusterMembership, EventIndexEntry } from './cluster-index.js';
import type { ClusterOptions } from './cluster-options.js';
import { buildEventProfile, decodeStoredProfile, encodeProfile, frequencyKeys, type EventProfile } from './event-profile.js';
import { chooseEventCluster } from './event-similarity.js';
import { fingerprint, type Fingerprint } from './fingerprint.js';
import { decodeSignature, estimateSimilarity } from './minhash.js';

/** What clustering needs to know of a stored article. */
export interface ClusterableArticle {
  id: number;
  headline: string;
  bodyText: string;
  contentHash: string;
  publishedAt: Date;
  /** Its language (BCP 47), for stemming its terms. */
  language?: string;
}

/**
 * The best candidate to join, pure: the most similar one at or above the threshold
 * (ties go to the older cluster, so a cluster's id is stable), or undefined; with `links`,
 * every version of that cluster at or above the threshold.
 */
export function chooseCluster(
  signature: Uint32Array,
  candidates: ClusterCandidate[],
  options: Pick<ClusterOptions, 'similarity'>,
): { clusterId: number; similarity: number; links: ClusterLink[] } | undefined {
  let best: { clusterId: number; similarity: number } | undefined;
  const close: (ClusterLink & { clusterId: number })[] = [];
  for (const c of candidates) {
    const similarity = estimateSimilarity(signature, decodeSignature(c.signature));
    if (similarity < options.similarity) continue;
    close.push({ articleId: c.articleId, clusterId: c.clusterId, similarity });
    if (!best || similarity > best.similarity || (similarity === best.similarity && c.clusterId < best.clusterId)) {
      best = { clusterId: c.clusterId, similarity };
    }
  }
  if (!best) return undefined;
  const links = close.filter((c) => c.clusterId === best.clusterId).map(({ articleId, similarity }) => ({ articleId, similarity }));
  return { ...best, links };
}

/**
 * Puts a stored article into its story cluster: the cluster of an earlier article with the
 * same content hash (an exact duplicate), else of the most similar copy published within
 * the time window (MinHash, found through LSH band keys), else of the report of the same
 * event that scores best (TF-IDF terms, rare entities, place, time; found through the
 * event index on rare terms and entities), else a new cluster of its own. When the article
 * also scores high with a second cluster, it links the two: the younger merges into the
 * older. Every lookup is bounded per key, so the cost does not grow with the store. Run it
 * in the article's transaction.
 */
export async function assignCluster(
  clusters: ClusterIndex,
  article: ClusterableArticle,
  options: ClusterOptions,
  print: Fingerprint = fingerprint(article.headline, article.bodyText, options, article.language),
  entities: readonly EntityMention[] = [],
  /** The article was created in this transaction, and whether it is published (see ClusterIndex.assign). */
  { fresh = false, published }: { fresh?: boolean; published?: boolean } = {},
): Promise<ClusterMembership> {
  const keysToCount = frequencyKeys(print.terms, entities);
  const frequencies = await clusters.documentFrequencies(keysToCount);
  const built = buildEventProfile(print.terms, entities, article.publishedAt, frequencies, options.event);
  // A body too short to compare (a few words, which unrelated briefs share by chance) is
  // matched by content hash only, for events as for near-copies: it is neither looked up
  // nor findable by its terms.
  const comparable = print.bandKeys.length > 0;
  const event: EventIndexEntry = { profile: encodeProfile(built.profile), indexKeys: comparable ? built.indexKeys : [], frequencyKeys: keysToCount };
  const base = { articleId: article.id, signature: print.encoded, bandKeys: print.bandKeys, publishedAt: article.publishedAt, event };
  const exact = await clusters.findExact(article.contentHash, article.id);
  if (exact) {
    let clusterId = exact.clusterId;
    if (clusterId === null) {
      // The earlier copy was stored before clustering existed: it founds the cluster now.
      clusterId = exact.articleId;
      const { event: _none, ...withoutEvent } = base;
      await clusters.assign({ ...withoutEvent, articleId: exact.articleId, clusterId, match: 'first', similarity: 1 });
    }
    // Reprocessing a cluster's first article finds its own copies: it stays the first.
    const membership: ClusterMembership = { articleId: article.id, clusterId, match: clusterId === article.id ? 'first' : 'exact', similarity: 1 };
    return settled(clusters, { ...base, ...membership, links: [{ articleId: exact.articleId, similarity: 1 }], fresh, published });
  }
  const windowMs = options.windowHours * 3_600_000;
  const t = article.publishedAt.getTime();
  const from = new Date(t - windowMs);
  const to = new Date(t + windowMs);
  const candidates = await clusters.candidates(print.bandKeys, from, to, article.id);
  const near = chooseCluster(print.signature, candidates, options);
  if (near && near.clusterId !== article.id) {
    const membership: ClusterMembership = { articleId: article.id, clusterId: near.clusterId, match: 'near', similarity: near.similarity };
    return settled(clusters, { ...base, ...membership, links: near.links, fresh, published });
  }
  // A cluster's first article, reprocessed, finds its own copies: they stay linked to it.
  const ownCopies = near?.links ?? [];
  const joined = comparable
    ? await joinEvent(clusters, article.id, built.profile, built.queryKeys, from, to, options)
    : { membership: { articleId: article.id, clusterId: article.id, match: 'first' as const, similarity: 1 }, links: [] };
  return settled(clusters, { ...base, ...joined.membership, links: [...ownCopies, ...joined.links], fresh, published });
}

/** Records the membership with its links; the story it ends in may differ once a reprocessed version's story is recomputed. */
async function settled(clusters: ClusterIndex, entry: Parameters<ClusterIndex['assign']>[0]): Promise<ClusterMembership> {
  const clusterId = await clusters.assign(entry);
  return { articleId: entry.articleId, clusterId, match: entry.match, similarity: entry.similarity };
}

/** The event-level step: the best-scoring cluster of another report of the event, merging any it links. */
async function joinEvent(
  clusters: ClusterIndex,
  articleId: number,
  profile: EventProfile,
  queryKeys: string[],
  from: Date,
  to: Date,
  options: ClusterOptions,
): Promise<{ membership: ClusterMembership; links: ClusterLink[] }> {
  const found = await clusters.eventCandidates(queryKeys, from, to, articleId, options.event.perKey, options.event.minSharedKeys);
  const scored = found.map((c) => ({ articleId: c.articleId, clusterId: c.clusterId, profile: decodeStoredProfile(c.articleId, c.profile) }));
  const best = chooseEventCluster(profile, scored, { ...options.event, windowHours: options.windowHours });
  // Reprocessing a cluster's first article finds its own cluster: it stays the first.
  if (!best || best.clusterId === articleId) return { membership: { articleId, clusterId: articleId, match: 'first', similarity: 1 }, links: best?.links ?? [] };
  // The older cluster keeps its id (the id of its first article): the others merge into it.
  const into = Math.min(best.clusterId, ...best.linked);
  for (const id of [best.clusterId, ...best.linked]) if (id !== into) await clusters.mergeClusters(id, into);
  return { membership: { articleId, clusterId: into, match: 'event', similarity: Math.round(best.similarity * 1000) / 1000 }, links: best.links };
}
