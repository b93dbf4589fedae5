import type { Context } from 'hono';
import type { ListingCursor } from '../../domain/listing.js';
import { newsUrlEntry, renderSitemapIndex, URLSET_CLOSING, urlEntry, urlsetOpening } from '../../publish/sitemap.js';
import { imagesOf, type AppDeps } from '../deps.js';
import { publishedImageUrl } from '../images/published-image.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { articlePath } from '../views/format.js';

const LATEST = { kind: 'latest' } as const;
/** Rows read per step while writing a sitemap: memory holds one batch, whatever the archive. */
const BATCH = 100;
/** Google News sitemaps hold stories of the last two days, at most 1,000 (Google's limits). */
const NEWS_WINDOW_MS = 48 * 3600_000;
const NEWS_MAX_URLS = 1_000;
const XML = { 'Content-Type': 'application/xml; charset=utf-8' };

/** The UTC month [start, end) of "YYYY-MM". */
function monthRange(year: number, month: number): [number, number] {
  return [Date.UTC(year, month - 1, 1), Date.UTC(year, month, 1)];
}

const monthName = (t: number) => new Date(t).toISOString().slice(0, 7);

/** A text stream of the chunks `produce` yields, pulled one at a time. */
function streamOf(produce: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await produce.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}

/**
 * GET /sitemap.xml — an index of monthly sitemaps of every story (its head's article page),
 * a month split into parts of at most `sitemapMaxUrls`, plus the Google News sitemap. Each
 * month costs one count over an index range.
 */
export function sitemapIndex(deps: AppDeps) {
  return async (c: Context) => {
    const base = deps.config.publicUrl;
    const max = deps.config.sitemapMaxUrls;
    const span = await deps.store.listings.span(LATEST);
    const sitemaps: { loc: string }[] = [{ loc: `${base}/sitemaps/news.xml` }];
    if (span) {
      const last = new Date(span.newest);
      for (let d = new Date(span.oldest); d.getUTCFullYear() * 12 + d.getUTCMonth() <= last.getUTCFullYear() * 12 + last.getUTCMonth(); d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
        const [from, to] = monthRange(d.getUTCFullYear(), d.getUTCMonth() + 1);
        const count = await deps.store.listings.countBetween(LATEST, from, to);
        for (let part = 1; (part - 1) * max < count; part++) {
          sitemaps.push({ loc: `${base}/sitemaps/${monthName(from)}${part > 1 ? `-${part}` : ''}.xml` });
        }
      }
    }
    cacheAs(c, 'listing', ['scope:latest']);
    return c.body(renderSitemapIndex(sitemaps), 200, XML);
  };
}

/** GET /sitemaps/<YYYY-MM>[-<part>].xml — one month's stories, newest first, streamed in batches. */
export function monthlySitemap(deps: AppDeps) {
  return async (c: Context) => {
    const match = /^(\d{4})-(0[1-9]|1[0-2])(?:-([2-9]|[1-9]\d{1,4}))?\.xml$/.exec(c.req.param('file') ?? '');
    if (!match) return c.text('No such sitemap.', 404);
    const [from, to] = monthRange(Number(match[1]), Number(match[2]));
    const part = Number(match[3] ?? 1);
    const max = deps.config.sitemapMaxUrls;
    const start = await deps.store.listings.cursorAt(LATEST, (part - 1) * max, { sortAt: to, articleId: 0 });
    if (!start || start.sortAt < from) return c.text('No such sitemap.', 404);
    const base = deps.config.publicUrl;
    const urls = imagesOf(deps);
    async function* write(): AsyncGenerator<string> {
      yield urlsetOpening();
      let cursor: ListingCursor | null = start!;
      for (let written = 0; cursor && written < max; ) {
        const page = await deps.store.listings.page(LATEST, { before: cursor, since: from }, Math.min(BATCH, max - written));
        yield page.items.map((a) => urlEntry(`${base}${articlePath(a)}`, a.publishedAt, publishedImageUrl(a.image, urls, base))).join('');
        written += page.items.length;
        cursor = page.older;
      }
      yield URLSET_CLOSING;
    }
    cacheAs(c, 'listing', ['scope:latest']);
    return c.body(streamOf(write()), 200, XML);
  };
}

/** GET /sitemaps/news.xml — the Google News sitemap: stories of the last 48 hours. */
export function newsSitemap(deps: AppDeps) {
  return async (c: Context) => {
    const since = Date.now() - NEWS_WINDOW_MS;
    const page = await deps.store.listings.page(LATEST, { since }, BATCH);
    const base = deps.config.publicUrl;
    const site = deps.config.siteName;
    const urls = imagesOf(deps);
    async function* write(): AsyncGenerator<string> {
      yield urlsetOpening(true);
      let current = page;
      for (let written = 0; ; ) {
        yield current.items.map((a) => newsUrlEntry(`${base}${articlePath(a)}`, { publication: site, language: a.language, publishedAt: a.publishedAt, title: a.headline }, publishedImageUrl(a.image, urls, base))).join('');
        written += current.items.length;
        if (!current.older || written >= NEWS_MAX_URLS) break;
        current = await deps.store.listings.page(LATEST, { before: current.older, since }, Math.min(BATCH, NEWS_MAX_URLS - written));
      }
      yield URLSET_CLOSING;
    }
    cacheAs(c, 'listing', ['scope:latest']);
    return c.body(streamOf(write()), 200, XML);
  };
}

/** GET /robots.txt — everything may be crawled; the sitemaps are named. */
export function robotsTxt(deps: AppDeps) {
  return (c: Context) => {
    c.header('Cache-Control', 'public, max-age=3600');
    const base = deps.config.publicUrl;
    return c.text(`User-agent: *\nAllow: /\n\nSitemap: ${base}/sitemap.xml\nSitemap: ${base}/sitemaps/news.xml\n`);
  };
}
