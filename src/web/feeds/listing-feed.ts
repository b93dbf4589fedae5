import type { Context } from 'hono';
import { scopeKey } from '../../domain/listing.js';
import { buildFeedDocument } from '../../publish/feed-document.js';
import { renderAtom } from '../../publish/atom.js';
import { renderJsonFeed } from '../../publish/json-feed.js';
import { renderRss } from '../../publish/rss.js';
import { imagesOf, type AppDeps } from '../deps.js';
import { publishedImage } from '../images/published-image.js';
import { apiError } from '../errors.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { feedFormats, feedPaths, type FeedFormatName } from './feed-links.js';
import { findFeedListing, type FeedListingKind } from './feed-listing.js';

/** Entries per feed: the newest page of the listing, as readers poll often. */
export const FEED_SIZE = 50;

const renderers: Record<FeedFormatName, typeof renderRss> = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };

/**
 * GET /feeds/latest.<rss|atom|json> and /feeds/<category|provider|entity|lang>/<slug>.<rss|atom|json> — a listing's
 * newest stories as a feed: the same listing query as its HTML page, then one read of the
 * bodies by primary key.
 */
export function listingFeed(deps: AppDeps, kind: FeedListingKind) {
  return async (c: Context) => {
    const match = /^(.+)\.(rss|atom|json)$/.exec(c.req.param('file') ?? '');
    if (!match || (kind === 'latest' && match[1] !== 'latest')) return apiError(c, 404, 'NOT_FOUND', 'No such feed: feeds end in .rss, .atom or .json.');
    const format = match[2] as FeedFormatName;
    const listing = await findFeedListing(deps, kind, kind === 'latest' ? '' : match[1]!);
    if (!listing) return apiError(c, 404, 'NOT_FOUND', kind === 'lang' ? 'A language feed is named by a BCP 47 tag, e.g. /feeds/lang/en.rss.' : `There is no such ${kind}.`);
    const page = await deps.store.listings.page(listing.scope, {}, FEED_SIZE);
    const details = await deps.store.listings.details(page.items.map((i) => i.id));
    const base = deps.config.publicUrl;
    const paths = feedPaths(listing.feedBase);
    const document = buildFeedDocument(
      base,
      {
        title: listing.title,
        description: listing.description,
        homePageUrl: `${base}${listing.pagePath}`,
        selfUrls: { rss: `${base}${paths.rss}`, atom: `${base}${paths.atom}`, json: `${base}${paths.json}` },
        ...(deps.config.websubHub && { hubUrl: deps.config.websubHub }),
        ...(listing.language && { language: listing.language }),
      },
      page.items,
      details,
      (image) => publishedImage(image, imagesOf(deps), base),
    );
    cacheAs(c, 'listing', [`scope:${scopeKey(listing.scope)}`]);
    return c.body(renderers[format](document), 200, { 'Content-Type': `${feedFormats[format].type}; charset=utf-8` });
  };
}
