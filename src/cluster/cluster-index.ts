/**
 * What clustering needs from storage, as an interface the store implements (so this stage
 * stays free of storage code): exact matches by content hash, candidates by LSH band key,
 * and recording membership.
 */

/** How an article joined its story cluster. */
export type ClusterMatch = 'first' | 'exact' | 'near';

/** One article's place in a story cluster. */
export interface ClusterMembership {
  articleId: number;
  /** The id of the cluster's first article. */
  clusterId: number;
  match: ClusterMatch;
  /** Estimated similarity to the version it matched (1 for exact and first). */
  similarity: number;
}

/** A stored version that shares an LSH band with a new one. */
export interface ClusterCandidate {
  articleId: number;
  clusterId: number;
  /** Its MinHash signature, as stored. */
  signature: string;
}

/** The storage side of clustering. */
export interface ClusterIndex {
  /** The earliest other article with this content hash, with its cluster if it has one. */
  findExact(contentHash: string, exceptArticleId: number): Promise<{ articleId: number; clusterId: number | null } | undefined>;
  /** Articles sharing any band key, published within [from, to], other than the given one. */
  candidates(bandKeys: string[], from: Date, to: Date, exceptArticleId: number): Promise<ClusterCandidate[]>;
  /** Records (or replaces) an article's membership and its band keys. */
  assign(membership: ClusterMembership & { signature: string; bandKeys: string[]; publishedAt: Date }): Promise<void>;
}
