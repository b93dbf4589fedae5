import type { PopularList } from '../../domain/front-page.js';
import { popularWindows } from '../../domain/popularity.js';
import type { ArticleTeaser, ListingScope } from '../../domain/listing.js';
import type { Store } from '../../store/store.js';

/**
 * The most popular stories of a listing scope, of the last 24 hours and of the last 7 days:
 * two index range scans of the ranking, side by side on the page.
 */
export async function loadPopular(store: Store, scope: ListingScope, now: number, limit = 5, exceptStoryId?: number): Promise<PopularList> {
  const pick = (stories: ArticleTeaser[]) => stories.filter((s) => s.storyId !== exceptStoryId).slice(0, limit);
  const [day, week] = await Promise.all([
    store.listings.popular(scope, now - popularWindows['24h'], limit + 1),
    store.listings.popular(scope, now - popularWindows['7d'], limit + 1),
  ]);
  return { day: pick(day), week: pick(week) };
}
