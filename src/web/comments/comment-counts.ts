import type { ListingPage } from '../../domain/listing.js';
import type { AppDeps } from '../deps.js';

/**
 * A listing page with each teaser's approved-comment count, read in one grouped query for
 * the page's ids. Listing pages are not dropped from the cache by a new comment (only its
 * article's page is), so a cached listing may show a count a little behind.
 */
export async function withCommentCounts(deps: AppDeps, page: ListingPage): Promise<ListingPage> {
  if (page.items.length === 0) return page;
  const counts = await deps.store.comments.countApproved(page.items.map((a) => a.id));
  return { ...page, items: page.items.map((a) => ({ ...a, commentCount: counts.get(a.id) ?? 0 })) };
}
