import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { adminApp } from './admin/admin-app.js';
import { apiRoutes } from './api/api-routes.js';
import { postComment, postReport, replyForm } from './comments/discussion-routes.js';
import { openApiConfig } from './api/openapi-document.js';
import type { AppDeps } from './deps.js';
import { handleError } from './errors.js';
import { imageRoute } from './images/image-route.js';
import { listingFeed } from './feeds/listing-feed.js';
import { searchFeed } from './feeds/search-feed.js';
import { httpCaching } from './http-cache/http-caching.js';
import { connectPageCache } from './http-cache/page-cache.js';
import { answerWrongMethods } from './middleware/method-not-allowed.js';
import { securityHeaders } from './middleware/security-headers.js';
import { monthlySitemap, newsSitemap, robotsTxt, sitemapIndex } from './sitemaps/sitemap-routes.js';
import { apiDocsPage } from './pages/api-docs-page.js';
import { articlePage } from './pages/article-page.js';
import { categoryPage } from './pages/category-page.js';
import { entityPage } from './pages/entity-page.js';
import { homePage, latestPage } from './pages/home-page.js';
import { languagePage } from './pages/language-page.js';
import { siteIcon, webManifest } from './assets/site-assets.js';
import { notFound } from './pages/not-found-page.js';
import { providerPage } from './pages/provider-page.js';
import { searchPage } from './pages/search-page.js';
import { superdeskRoutes } from './superdesk/superdesk-routes.js';
import { websubRoutes } from './websub/websub-routes.js';
import { metricsRoute } from './observe/metrics-route.js';
import { requestContext } from './observe/request-context.js';

/** Static files ship in the repository's public/ folder (two levels up from src/web and dist/web). */
const stylesheet = readFileSync(new URL('../../public/site.css', import.meta.url), 'utf8');

/**
 * Builds the web app: every route of the site, the API and the admin area, listed here in
 * one place. Handlers are thin: validate, call one function, render.
 */
export function buildApp(deps: AppDeps): Hono {
  const app = new Hono();
  // Outermost, so a cached page keeps every header the inner layers set.
  const pageCache = deps.pageCache ?? connectPageCache(deps.store.changes, deps.config.pageCacheBytes);
  // First of all: the request id every log line of the request carries (see README, Operating Gazette).
  app.use('*', requestContext());
  app.use('*', httpCaching(pageCache, deps.config.httpCache, deps.metrics?.pageCache));
  app.use('*', securityHeaders());

  app.get('/healthz', async (c) => {
    const ok = await deps.store.ping();
    c.header('Cache-Control', 'no-store');
    return c.json({ status: ok ? 'ok' : 'unavailable', engine: deps.store.engine }, ok ? 200 : 503);
  });
  // Prometheus metrics on this port only with a token (else on METRICS_PORT, or not at all).
  if (deps.metrics && deps.config.metrics.token) app.get('/metrics', metricsRoute(deps.metrics, deps.config.metrics.token));
  app.get('/assets/site.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(stylesheet, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  // Pictures, resized and signed (see README, Images): readers' browsers never contact providers.
  if (deps.images) app.get('/img/:signature/:width/:source', imageRoute({ images: deps.images.service, secret: deps.images.secret, logger: deps.logger }));
  // Icons and the web app manifest.
  for (const path of ['/favicon.svg', '/favicon.ico', '/icons/:file']) app.get(path, siteIcon());
  app.get('/manifest.webmanifest', webManifest(deps));

  // Reader pages.
  app.get('/', homePage(deps));
  app.get('/latest', latestPage(deps));
  app.get('/lang/:tag', languagePage(deps));
  app.get('/article/:id/:slug?', articlePage(deps));
  app.get('/category/:slug', categoryPage(deps));
  app.get('/provider/:slug', providerPage(deps));
  app.get('/entity/:slug', entityPage(deps));
  // Readers' comments and reports under each article (see README, Comments and complaints).
  app.post('/article/:id/:slug/comments', postComment(deps));
  app.get('/article/:id/:slug/reply', replyForm(deps));
  app.post('/article/:id/:slug/report', postReport(deps));
  app.get('/search', searchPage(deps));

  // Outbound feeds of every listing, in RSS 2.0, Atom 1.0 and JSON Feed 1.1 (see README, Outbound feeds).
  for (const format of ['rss', 'atom', 'json'] as const) app.get(`/feeds/search.${format}`, searchFeed(deps, format));
  app.get('/feeds/:file', listingFeed(deps, 'latest'));
  app.get('/feeds/category/:file', listingFeed(deps, 'category'));
  app.get('/feeds/provider/:file', listingFeed(deps, 'provider'));
  app.get('/feeds/entity/:file', listingFeed(deps, 'entity'));
  app.get('/feeds/lang/:file', listingFeed(deps, 'lang'));

  // Sitemaps for search engines, streamed from the latest listing (see README, Sitemaps).
  app.get('/robots.txt', robotsTxt(deps));
  app.get('/sitemap.xml', sitemapIndex(deps));
  app.get('/sitemaps/news.xml', newsSitemap(deps));
  app.get('/sitemaps/:file', monthlySitemap(deps));

  // JSON API: provider push and public reads (see README, Push API and JSON API), and its reference.
  const api = apiRoutes(deps);
  app.route('/api/v1', api);
  app.get('/api/docs', apiDocsPage(deps, api.getOpenAPI31Document(openApiConfig(deps))));

  // The admin area: accounts, editorial tools, queues (see admin/admin-app.tsx for its contract).
  app.route('/admin', adminApp(deps));

  // WebSub subscriber callbacks: hub verification and pushed feed content.
  app.route('/websub', websubRoutes(deps));
  // Superdesk's "HTTP Push" destination, per provider (see README, Publishing from Superdesk).
  app.route('/superdesk', superdeskRoutes(deps));
  answerWrongMethods(app);

  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: { code: 'NOT_FOUND', message: 'No such endpoint.' } }, 404) : notFound(deps, c)));
  app.onError(handleError(deps));
  return app;
}
