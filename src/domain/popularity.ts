/**
 * "Most popular": views with exponential time decay. A view at time t weighs
 * 2^(-(now - t) / halfLife) at time `now`. Every story's decayed sum shrinks by the same
 * factor as time passes, so the order of stories never needs recomputing: the store keeps,
 * per story, log2 of Σ 2^((t - EPOCH) / halfLife) (a "score"), which only grows as views
 * arrive, and ranks by it. log2 keeps it a small number (about days since 2020 / half-life
 * in days) where the sum itself would overflow a double within years.
 */

/** The fixed origin of scores (2020-01-01T00:00:00Z). */
export const SCORE_EPOCH_MS = Date.UTC(2020, 0, 1);

/** Views counted for one article in one flush: how many, and when (their flush time). */
export interface ViewCount {
  articleId: number;
  views: number;
  at: Date;
}

/** The windows "Most popular" is shown for: stories listed in the last 24 hours, or 7 days. */
export const popularWindows = { '24h': 24 * 3_600_000, '7d': 7 * 24 * 3_600_000 } as const;
export type PopularWindow = keyof typeof popularWindows;

/** log2 of the weight of `views` views at `at`. */
export function scoreOf(views: number, at: number, halfLifeHours: number): number {
  return (at - SCORE_EPOCH_MS) / (halfLifeHours * 3_600_000) + Math.log2(views);
}

/** log2(2^a + 2^b), without overflow: the score of two sets of views together. */
export function addScores(a: number, b: number): number {
  const high = Math.max(a, b);
  return high + Math.log2(1 + 2 ** -Math.abs(a - b));
}

/** The decayed number of views a score stands for at `now` (for display and tests). */
export function decayedViews(score: number, now: number, halfLifeHours: number): number {
  return 2 ** (score - (now - SCORE_EPOCH_MS) / (halfLifeHours * 3_600_000));
}

/** How much a story's readership lifts it among top stories against its age (see rankTopStories). */
const HOURS_PER_DOUBLING = 6;

/**
 * Orders recent stories for the front page's top stories: newest first, lifted by
 * popularity. Each doubling of a story's decayed views counts as much as being 6 hours
 * newer, so a story many read stays up for most of a day while one nobody opens sinks
 * under the news that follows it. Pure: the caller gives the scores it read.
 */
export function rankTopStories<T extends { storyId: number; publishedAt: Date }>(
  stories: readonly T[],
  scores: ReadonlyMap<number, number>,
  now: number,
  halfLifeHours: number,
): T[] {
  const value = (s: T) => {
    const ageHours = Math.max(0, now - s.publishedAt.getTime()) / 3_600_000;
    const score = scores.get(s.storyId);
    const views = score === undefined ? 0 : decayedViews(score, now, halfLifeHours);
    return Math.log2(1 + views) * HOURS_PER_DOUBLING - ageHours;
  };
  return stories
    .map((s, i) => ({ s, v: value(s), i }))
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .map((x) => x.s);
}
