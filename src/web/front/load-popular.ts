import type { PopularList } from '../../domain/front-page.js';
import { popularWindows } from '../../domain/popularity.js';
import type { ArticleTeaser, ListingScope } from '../../domain/listing.js';
import type { Store } from '../../store/store.js';


/** Fewer stories than this in a day's ranking, and the week's is shown instead (a quiet day, a new site). */
const ENOUGH = 3;

/**
 * The most popular stories of a listing scope: of the last 24 hours, or of the last 7 days
 * when the day has too few; one or two index range scans of the ranking.
 */
export async function loadPopular(store: Store, scope: ListingScope, now: number, limit = 8, exceptStoryId?: number): Promise<PopularList> {
  const pick = (stories: ArticleTeaser[]) => stories.filter((s) => s.storyId !== exceptStoryId).slice(0, limit);
  const day = pick(await store.listings.popular(scope, now - popularWindows['24h'], limit + 1));
  if (day.length >= ENOUGH) return { window: '24h', stories: day };
  return { window: '7d', stories: pick(await store.listings.popular(scope, now - popularWindows['7d'], limit + 1)) };
}
