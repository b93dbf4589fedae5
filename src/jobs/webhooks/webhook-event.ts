import { randomUUID } from 'node:crypto';
import type { ArticleWithProvider } from '../../domain/article.js';
import type { OutboxEvent, WebhookFilter } from '../../domain/webhook.js';

/** The event types partners receive (the `type` field of a delivery). */
export const eventTypes = {
  created: 'article.created',
  updated: 'article.updated',
  restored: 'article.restored',
  taken_down: 'article.taken_down',
} as const;

/** What a filter is matched against: the article and the slugs of the entities it mentions. */
export interface MatchSubject {
  article: Pick<ArticleWithProvider, 'categories' | 'language' | 'provider'>;
  entitySlugs: readonly string[];
}

/** Whether an endpoint's filter takes this article; every field given must match. */
export function matchesFilter(filter: WebhookFilter, { article, entitySlugs }: MatchSubject): boolean {
  if (filter.provider !== undefined && filter.provider !== article.provider.slug) return false;
  if (filter.category !== undefined && !article.categories.includes(filter.category)) return false;
  if (filter.language !== undefined && filter.language.toLowerCase() !== article.language.toLowerCase()) return false;
  if (filter.entity !== undefined && !entitySlugs.includes(filter.entity)) return false;
  return true;
}

/**
 * The JSON body of one event. Built once when the event is queued, so every attempt sends
 * the same bytes (and the same event id, which receivers use to drop repeats: delivery is
 * at least once). A taken-down story carries only what identifies it. Text fields are plain text.
 */
export function webhookEventBody(event: OutboxEvent, article: ArticleWithProvider, story: { id: number }, publicUrl: string): { id: string; type: string; body: string } {
  const id = randomUUID();
  const type = eventTypes[event.kind];
  const url = `${publicUrl}/article/${article.id}/${encodeURIComponent(article.slug)}`;
  const identity = { id: article.id, url, guid: article.guid, provider: { slug: article.provider.slug, name: article.provider.name } };
  const full =
    event.kind === 'taken_down'
      ? { ...identity, status: article.status }
      : {
          ...identity,
          headline: article.headline,
          summary: article.summary,
          publishedAt: article.publishedAt.toISOString(),
          updatedAt: article.updatedAt.toISOString(),
          language: article.language,
          categories: article.categories,
          story: { id: story.id },
          status: article.status,
        };
  return { id, type, body: JSON.stringify({ id, type, occurredAt: event.at.toISOString(), article: full }) };
}
