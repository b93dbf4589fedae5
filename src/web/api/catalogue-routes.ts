import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { imagesOf, type AppDeps } from '../deps.js';
import { providerLogoJson } from './image-json.js';
import type { ApiEnv } from './api-env.js';
import { apiError } from '../errors.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { feedBaseOf, feedPaths } from '../feeds/feed-links.js';
import { categoriesOf } from '../page-context.js';
import { categorySchema, entitySchema, errorSchema, providerSchema, storySchema } from './api-schemas.js';
import { idParamSchema, versionJson } from './article-json.js';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const notFound = json(errorSchema, 'No such thing.');

/** Absolute URLs of a listing's feeds. */
function feedUrls(publicUrl: string, base: string) {
  const p = feedPaths(base);
  return { rss: `${publicUrl}${p.rss}`, atom: `${publicUrl}${p.atom}`, json: `${publicUrl}${p.json}` };
}

export const listCategoriesRoute = createRoute({
  method: 'get',
  path: '/categories',
  tags: ['Catalogue'],
  summary: 'The category taxonomy',
  responses: { 200: json(z.object({ data: z.array(categorySchema) }), 'Every category, with its page and feeds.') },
});

/** GET /api/v1/categories */
export function listCategories(deps: AppDeps): RouteHandler<typeof listCategoriesRoute, ApiEnv> {
  return async (c) => {
    const base = deps.config.publicUrl;
    const data = (await categoriesOf(deps)).map((cat) => ({
      slug: cat.slug,
      name: cat.name,
      iptcCode: cat.iptcCode,
      url: `${base}/category/${cat.slug}`,
      feeds: feedUrls(base, feedBaseOf('category', cat.slug)),
    }));
    return c.json({ data }, 200);
  };
}

export const listProvidersRoute = createRoute({
  method: 'get',
  path: '/providers',
  tags: ['Catalogue'],
  summary: 'Every provider',
  responses: { 200: json(z.object({ data: z.array(providerSchema) }), 'Every provider, with its page and feeds.') },
});

/** GET /api/v1/providers */
export function listProviders(deps: AppDeps): RouteHandler<typeof listProvidersRoute, ApiEnv> {
  return async (c) => {
    const base = deps.config.publicUrl;
    const data = (await deps.store.providers.list()).map((p) => ({
      slug: p.slug,
      name: p.name,
      homepage: p.homepage,
      logo: providerLogoJson(p.logo, imagesOf(deps), base),
      url: `${base}/provider/${p.slug}`,
      feeds: feedUrls(base, feedBaseOf('provider', p.slug)),
    }));
    return c.json({ data }, 200);
  };
}

const slugParamSchema = z.object({ slug: z.string().min(1).max(200).openapi({ param: { name: 'slug', in: 'path' }, example: 'mark-rutte' }) });

export const getEntityRoute = createRoute({
  method: 'get',
  path: '/entities/{slug}',
  tags: ['Catalogue'],
  summary: 'A person, organisation or place',
  description: 'List its stories with `GET /articles?entity={slug}`.',
  request: { params: slugParamSchema },
  responses: { 200: json(entitySchema, 'The entity, with its page and feeds.'), 404: notFound },
});

/** GET /api/v1/entities/{slug} */
export function getEntity(deps: AppDeps): RouteHandler<typeof getEntityRoute, ApiEnv> {
  return async (c) => {
    const entity = await deps.store.entities.findBySlug(c.req.valid('param').slug);
    if (!entity) return apiError(c, 404, 'NOT_FOUND', 'There is no such person, organisation or place.') as never;
    const base = deps.config.publicUrl;
    cacheAs(c, 'listing', [`scope:entity:${entity.id}`]);
    return c.json({ slug: entity.slug, name: entity.name, type: entity.type, url: `${base}/entity/${entity.slug}`, feeds: feedUrls(base, feedBaseOf('entity', entity.slug)) }, 200);
  };
}

export const getStoryRoute = createRoute({
  method: 'get',
  path: '/stories/{id}',
  tags: ['Articles'],
  summary: 'A story: every published version of one event',
  description: 'A story’s id is `story.id` of any of its articles.',
  request: { params: idParamSchema },
  responses: { 200: json(storySchema, 'The story.'), 400: json(errorSchema, 'A malformed id.'), 404: notFound },
});

/** GET /api/v1/stories/{id} */
export function getStory(deps: AppDeps): RouteHandler<typeof getStoryRoute, ApiEnv> {
  return async (c) => {
    const id = Number(c.req.valid('param').id);
    // A story's id is its first article's; an article that joined another story is not one.
    const membership = await deps.store.clusters.membershipOf(id);
    if (membership && membership.clusterId !== id) return apiError(c, 404, 'NOT_FOUND', 'There is no such story.') as never;
    const [head, others, sizes] = await Promise.all([
      deps.store.articles.findById(id),
      deps.store.clusters.otherVersions(id),
      deps.store.listings.storySizes([id]),
    ]);
    const versions = [...(head && head.status === 'published' ? [head] : []), ...others];
    if (versions.length === 0) return apiError(c, 404, 'NOT_FOUND', 'There is no such story.') as never;
    cacheAs(c, 'article', [`story:${id}`]);
    return c.json({ id, size: sizes.get(id) ?? 1, versions: versions.map((v) => versionJson(v, deps.config.publicUrl)) }, 200);
  };
}
