/**
 * What clustering needs from storage, as an interface the store implements (so this stage
 * stays free of storage code): exact matches by content hash, candidates by LSH band key,
 * and recording membership.
 */

/** How an article joined its story cluster. */
/** 'event': a rewritten report of the same event (TF-IDF terms, rare entities, place, time). */
export type ClusterMatch = 'first' | 'exact' | 'near' | 'event';

/** One article's place in a story cluster. */
export interface ClusterMembership {
  articleId: number;
  /** The id of the cluster's first article. */
  clusterId: number;
  match: ClusterMatch;
  /** Estimated similarity to the version it matched (1 for exact and first). */
  similarity: number;
}

/** A stored version an article was matched to: a link of its story (see cluster-split.ts). */
export interface ClusterLink {
  articleId: number;
  similarity: number;
}

/** A stored version that shares an LSH band with a new one. */
export interface ClusterCandidate {
  articleId: number;
  clusterId: number;
  /** Its MinHash signature, as stored. */
  signature: string;
}

/** What the event-level index keeps of an article (see event-profile.ts). */
export interface EventIndexEntry {
  /** The profile as stored text. */
  profile: string;
  /** Keys it is found under. */
  indexKeys: string[];
  /** Every term and entity key it holds: counted once in the document frequencies. */
  frequencyKeys: string[];
}

/** A stored version found under an event key, with its current cluster. */
export interface StoredEventCandidate {
  articleId: number;
  clusterId: number;
  profile: string;
}

/** The storage side of clustering. */
export interface ClusterIndex {
  /** The earliest other article with this content hash, with its cluster if it has one. */
  findExact(contentHash: string, exceptArticleId: number): Promise<{ articleId: number; clusterId: number | null } | undefined>;
  /** Articles sharing any band key, published within [from, to], other than the given one. */
  candidates(bandKeys: string[], from: Date, to: Date, exceptArticleId: number): Promise<ClusterCandidate[]>;
  /**
   * Records (or replaces) an article's membership, its band keys and its links (the versions
   * it matched; without, the story's first version), which replace every link the article had,
   * both ways. When it was clustered before or is not published, its story and the one it left
   * are then recomputed from their links and may split. Resolves to the story it ends in.
   * `fresh`: the article was created in this transaction, so there is nothing of it to look up
   * or replace; `published`, given with it, is whether it is published (not read back).
   */
  assign(membership: ClusterMembership & { signature: string; bandKeys: string[]; publishedAt: Date; event?: EventIndexEntry; links?: ClusterLink[]; fresh?: boolean; published?: boolean }): Promise<number>;
  /** How many profiled articles there are, and how many hold each key (absent keys: none). */
  documentFrequencies(keys: string[]): Promise<{ docs: number; df: Map<string, number> }>;
  /**
   * Articles under any of the keys published within [from, to], other than the given one:
   * at most `perKey` per key, newest first, so a common key costs no more than a rare one;
   * of those, only the ones found under at least `minShared` of the keys (1 when not given).
   */
  eventCandidates(keys: string[], from: Date, to: Date, exceptArticleId: number, perKey: number, minShared?: number): Promise<StoredEventCandidate[]>;
  /** Moves every member of cluster `from` into cluster `into` (listings and pages follow). */
  mergeClusters(from: number, into: number): Promise<void>;
}
