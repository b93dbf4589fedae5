import type { z } from '@hono/zod-openapi';
import type { ArticleTeaser } from '../../domain/listing.js';
import { imagesOf, type AppDeps } from '../deps.js';
import { leadImageJson } from './image-json.js';
import { articlePath } from '../views/format.js';
import type { articleSummarySchema } from './api-schemas.js';

/** An article as the API lists it. */
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

/**
 * Turns one listing page into API articles: the teasers, then their details by primary key
 * and their stories' sizes by the cluster index (two reads, whatever the page's depth). A
 * teaser whose article was taken down between the reads is left out.
 */
export async function summarize(deps: AppDeps, items: ArticleTeaser[]): Promise<ArticleSummary[]> {
  const [details, sizes] = await Promise.all([
    deps.store.listings.details(items.map((i) => i.id)),
    deps.store.listings.storySizes(items.map((i) => i.storyId)),
  ]);
  const base = deps.config.publicUrl;
  return items.flatMap((item) => {
    const detail = details.get(item.id);
    if (!detail) return [];
    return [
      {
        id: item.id,
        url: `${base}${articlePath(item)}`,
        guid: detail.guid,
        headline: item.headline,
        summary: item.summary,
        provider: item.provider,
        publishedAt: item.publishedAt.toISOString(),
        updatedAt: detail.updatedAt.toISOString(),
        language: item.language,
        categories: detail.categories,
        image: leadImageJson(detail.leadImage, imagesOf(deps), base),
        story: { id: item.storyId, size: sizes.get(item.storyId) ?? 1 },
      },
    ];
  });
}
