/**
 * Near-duplicate settings. Two versions of a story are the same story when the estimated
 * Jaccard similarity of their word 4-gram shingles is at least `similarity` and they were
 * published within `windowHours` of each other. LSH with `bands` × `rows` MinHash values
 * makes a pair a candidate with probability 1 − (1 − J^rows)^bands: with 25 × 4 that is
 * 0.80 at J = 0.5, 0.98 at J = 0.6 and 0.18 at J = 0.3 (candidates are then checked
 * against `similarity`, so the bands only decide what is looked at, never what joins).
 */
export interface ClusterOptions {
  /** Minimum estimated Jaccard similarity to join a cluster (0–1). */
  similarity: number;
  /** Only versions published within this many hours of each other are compared. */
  windowHours: number;
  /** Words per shingle. */
  shingleSize: number;
  /** LSH bands and rows per band; bands × rows MinHash values are kept per article. */
  bands: number;
  rows: number;
  /** Bodies with fewer words are only matched exactly (by content hash). */
  minWords: number;
  /** Event-level matching of reports that were rewritten, not copied. */
  event: EventOptions;
}

/**
 * Event-level similarity (see event-similarity.ts): score = (termWeight × TF-IDF cosine +
 * entityWeight × shared rare entities − placePenalty when the places differ) ÷ (1 +
 * (hours apart / timeScaleHours)²). Tuned on the tune half of bench/testdata/cluster-dev.json.
 */
export interface EventOptions {
  /** Minimum score to join a cluster. */
  threshold: number;
  /** A second cluster scoring this much is merged into the joined one (the article links them). */
  mergeThreshold: number;
  termWeight: number;
  entityWeight: number;
  placePenalty: number;
  /** Hours apart at which the score halves. */
  timeScaleHours: number;
  /** Terms kept in a stored profile. */
  vectorSize: number;
  /** Index keys stored per article (its heaviest terms, its rarest entities)… */
  indexTerms: number;
  indexEntities: number;
  /** …and looked up for a new one. */
  queryTerms: number;
  queryEntities: number;
  /** Index entries read per key, newest first: bounds the cost of a common key. */
  perKey: number;
  /**
   * Keys a stored version must share with the new one to be scored: one shared term or entity
   * never brings a pair to the threshold, and in a large store most versions found share one.
   */
  minSharedKeys: number;
}

/** The documented defaults (README, "Enrichment and clustering"). */
export const defaultClusterOptions: Readonly<ClusterOptions> = Object.freeze({
  similarity: 0.5,
  windowHours: 72,
  shingleSize: 4,
  bands: 25,
  rows: 4,
  minWords: 25,
  event: Object.freeze({
    threshold: 0.42,
    mergeThreshold: 0.55,
    termWeight: 1,
    entityWeight: 0.2,
    placePenalty: 0.05,
    timeScaleHours: 24,
    vectorSize: 60,
    indexTerms: 16,
    indexEntities: 8,
    queryTerms: 12,
    queryEntities: 6,
    perKey: 20,
    minSharedKeys: 2,
  }),
});

/** Defaults overridden by whatever the caller gives. */
export function clusterOptions(overrides: Partial<ClusterOptions> = {}): ClusterOptions {
  const o = { ...defaultClusterOptions, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) } as ClusterOptions;
  o.event = { ...defaultClusterOptions.event, ...overrides.event };
  if (!(o.event.threshold > 0 && o.event.mergeThreshold >= o.event.threshold)) throw new RangeError('event threshold must be positive and no more than the merge threshold');
  if (!(o.similarity > 0 && o.similarity <= 1)) throw new RangeError('similarity must be in (0, 1]');
  if (!(o.windowHours > 0)) throw new RangeError('windowHours must be positive');
  if (!(Number.isInteger(o.bands) && o.bands > 0 && Number.isInteger(o.rows) && o.rows > 0)) throw new RangeError('bands and rows must be positive integers');
  return o;
}
