import type { Context } from 'hono';
import { z } from 'zod';
import { formatCursor, LISTING_PAGE_SIZE, parseCursor, type ListingPage, type ListingScope } from '../domain/listing.js';
import type { AppDeps } from './deps.js';
import { withCommentCounts } from './comments/comment-counts.js';
import { badRequest } from './pages/bad-request-page.js';
import { notFound } from './pages/not-found-page.js';

/** Old `?page=N` links are honoured this deep (each walks N × 20 index entries once, then redirects). */
const MAX_LEGACY_PAGE = 10_000;
const legacyPage = z.coerce.number().int().min(1).max(MAX_LEGACY_PAGE);

/** A listing page to render, or the response that replaces it (a redirect, a 400, a 404). */
export type ListingRequest = { page: ListingPage; canonicalQuery: string } | { response: Response };

/**
 * Reads a listing's position from the URL and loads that page through the one listing
 * module: `?before=<cursor>` (older stories), `?after=<cursor>` (newer stories), or the
 * newest. Old `?page=N` links redirect to the cursor they stood for. A malformed cursor is
 * a 400; a cursor with nothing beyond it (forged, or from a page that has since moved)
 * goes back to the first page.
 */
export async function loadListing(deps: AppDeps, c: Context, scope: ListingScope, basePath: string): Promise<ListingRequest> {
  const { page: pageParam, before: beforeParam, after: afterParam } = c.req.query();
  if (pageParam !== undefined) {
    const n = legacyPage.safeParse(pageParam);
    if (!n.success) return { response: await badRequest(deps, c, 'The page number is not valid.') };
    if (n.data === 1) return { response: c.redirect(basePath, 301) };
    const cursor = await deps.store.listings.cursorAt(scope, (n.data - 1) * LISTING_PAGE_SIZE);
    if (!cursor) return { response: await notFound(deps, c, 'This listing has fewer pages.') };
    return { response: c.redirect(`${basePath}?before=${formatCursor(cursor)}`, 301) };
  }
  if (beforeParam !== undefined && afterParam !== undefined) {
    return { response: await badRequest(deps, c, 'A listing page starts either before or after a story, not both.') };
  }
  const raw = beforeParam ?? afterParam;
  if (raw === undefined) return { page: await withCommentCounts(deps, await deps.store.listings.page(scope)), canonicalQuery: '' };
  const cursor = parseCursor(raw);
  if (!cursor) return { response: await badRequest(deps, c, 'The link to this listing page is malformed.') };
  const page = await deps.store.listings.page(scope, beforeParam !== undefined ? { before: cursor } : { after: cursor });
  // Nothing older (a forged or stale cursor), or we are back at the newest stories: the first page says it best.
  if (page.items.length === 0 || (afterParam !== undefined && page.newer === null)) return { response: c.redirect(basePath, 302) };
  return { page: await withCommentCounts(deps, page), canonicalQuery: `?${beforeParam !== undefined ? 'before' : 'after'}=${formatCursor(cursor)}` };
}
