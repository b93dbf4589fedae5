import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import type { ArticleWithProvider } from '../../domain/article.js';
import type { OtherVersion } from '../../domain/article.js';
import { imagesOf, type AppDeps } from '../deps.js';
import { leadImageJson, providerLogoJson } from './image-json.js';
import type { ApiEnv } from './api-env.js';
import { apiError } from '../errors.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { articlePath } from '../views/format.js';
import { articleDetailSchema, errorSchema, ninjsItemSchema } from './api-schemas.js';
import { NINJS_MEDIA_TYPE, ninjsItem, wantsNinjs } from './response-format.js';

/** An article as `GET /api/v1/articles/{id}` shows it. */
export type ArticleDetail = z.infer<typeof articleDetailSchema>;

/** A numeric id in a path: 1 to 2^31 − 1. */
export const idParamSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'must be a positive whole number')
    .refine((v) => Number(v) <= 2_147_483_647, 'is too large')
    .openapi({ param: { name: 'id', in: 'path' }, example: '42' }),
});

/** GET /api/v1/articles/{id}, as the OpenAPI document describes it. */
export const getArticleRoute = createRoute({
  method: 'get',
  path: '/articles/{id}',
  tags: ['Articles'],
  summary: 'One published article in full',
  description: 'The article with its cleaned body, entities, quotes and the story’s other versions. A taken-down article is 410 (the provider or an editor removed it); an unpublished or unknown one is 404.',
  request: { params: idParamSchema, query: z.object({ format: z.enum(['gazette', 'ninjs']).optional() }).strict() },
  responses: {
    200: { description: 'The article.', content: { 'application/json': { schema: articleDetailSchema }, [NINJS_MEDIA_TYPE]: { schema: ninjsItemSchema } } },
    400: { description: 'A malformed id.', content: { 'application/json': { schema: errorSchema } } },
    404: { description: 'No such published article.', content: { 'application/json': { schema: errorSchema } } },
    410: { description: 'The article was taken down.', content: { 'application/json': { schema: errorSchema } } },
  },
});

/** Another version of a story, as the API shows it. */
export function versionJson(v: OtherVersion, publicUrl: string) {
  return { id: v.id, url: `${publicUrl}${articlePath(v)}`, headline: v.headline, publishedAt: v.publishedAt.toISOString(), provider: v.provider };
}

/** Reads one published article with everything the detail shows; undefined when there is none. */
export async function loadArticleDetail(deps: AppDeps, id: number): Promise<ArticleDetail | undefined> {
  const article = await deps.store.articles.findById(id);
  if (!article || article.status !== 'published') return undefined;
  const [entities, quotes, others, membership] = await Promise.all([
    deps.store.entities.ofArticle(id),
    deps.store.entities.quotesOfArticle(id),
    deps.store.clusters.otherVersions(id),
    deps.store.clusters.membershipOf(id),
  ]);
  const storyId = membership?.clusterId ?? id;
  const size = (await deps.store.listings.storySizes([storyId])).get(storyId) ?? 1;
  return articleDetail(article, { entities, quotes, others, story: { id: storyId, size }, image: leadImageJson(article.leadImage, imagesOf(deps), deps.config.publicUrl), providerLogo: providerLogoJson(article.provider.logo, imagesOf(deps), deps.config.publicUrl) }, deps.config.publicUrl);
}

function articleDetail(
  article: ArticleWithProvider,
  extra: {
    entities: Awaited<ReturnType<AppDeps['store']['entities']['ofArticle']>>;
    quotes: Awaited<ReturnType<AppDeps['store']['entities']['quotesOfArticle']>>;
    others: OtherVersion[];
    story: { id: number; size: number };
    image: ArticleDetail['image'];
    providerLogo: ArticleDetail['providerLogo'];
  },
  publicUrl: string,
): ArticleDetail {
  return {
    id: article.id,
    url: `${publicUrl}${articlePath(article)}`,
    guid: article.guid,
    headline: article.headline,
    summary: article.summary,
    provider: { slug: article.provider.slug, name: article.provider.name },
    publishedAt: article.publishedAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
    language: article.language,
    categories: article.categories,
    image: extra.image,
    story: extra.story,
    bodyHtml: article.bodyHtml,
    byline: article.byline,
    dateline: article.dateline,
    sourceUrl: article.sourceUrl,
    disclaimer: article.provider.disclaimer,
    providerLogo: extra.providerLogo,
    entities: extra.entities.map((e) => ({ slug: e.slug, name: e.name, type: e.type, mentions: e.mentions, role: e.role })),
    quotes: extra.quotes.map((q) => ({
      text: q.text,
      speaker: q.speaker ? { slug: q.speaker.slug, name: q.speaker.name } : q.speakerName ? { slug: null, name: q.speakerName } : null,
    })),
    otherVersions: extra.others.map((v) => versionJson(v, publicUrl)),
  };
}

/** GET /api/v1/articles/{id} — one published article; 410 when taken down, 404 otherwise. */
export function getArticle(deps: AppDeps): RouteHandler<typeof getArticleRoute, ApiEnv> {
  return async (c) => {
    const id = Number(c.req.valid('param').id);
    const detail = await loadArticleDetail(deps, id);
    if (!detail) {
      // Partners that stored the article learn it was removed, as readers do from the page's 410.
      if ((await deps.store.articles.findById(id))?.status === 'taken_down') return apiError(c, 410, 'GONE', 'This article was taken down by its provider or an editor.') as never;
      return apiError(c, 404, 'NOT_FOUND', 'There is no such published article.');
    }
    // The article, and its story: another version arriving changes `otherVersions`.
    cacheAs(c, 'article', [`article:${id}`, `story:${detail.story.id}`]);
    if (wantsNinjs(c, c.req.valid('query').format)) {
      // ninjs is documented as its own media type; the route's typed JSON answer is Gazette's.
      return c.body(JSON.stringify(ninjsItem(deps, detail)), 200, { 'Content-Type': `${NINJS_MEDIA_TYPE}; charset=utf-8` }) as never;
    }
    // Typed by the schema it was built to; the checker cannot intersect it with ninjs's open object.
    return c.json(detail, 200) as never;
  };
}
