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
}

/** The documented defaults (README, "Enrichment and clustering"). */
export const defaultClusterOptions: Readonly<ClusterOptions> = Object.freeze({
  similarity: 0.5,
  windowHours: 72,
  shingleSize: 4,
  bands: 25,
  rows: 4,
  minWords: 25,
});

/** Defaults overridden by whatever the caller gives. */
export function clusterOptions(overrides: Partial<ClusterOptions> = {}): ClusterOptions {
  const o = { ...defaultClusterOptions, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
  if (!(o.similarity > 0 && o.similarity <= 1)) throw new RangeError('similarity must be in (0, 1]');
  if (!(o.windowHours > 0)) throw new RangeError('windowHours must be positive');
  if (!(Number.isInteger(o.bands) && o.bands > 0 && Number.isInteger(o.rows) && o.rows > 0)) throw new RangeError('bands and rows must be positive integers');
  return o;
}
