import type { ArticleEntity } from '../../domain/entity.js';
import type { ArticleTeaser } from '../../domain/listing.js';
import type { Store } from '../../store/store.js';

/** Stories further apart than this (either way) are not "related": they are background. */
const WINDOW_MS = 3 * 86_400_000;
/** The entities of an article looked at: its most mentioned ones. */
const ENTITIES = 5;
/** Stories read per entity and for the category: a full page means the entity is common. */
const PER_LISTING = 30;
const MAX_ID = 2_147_483_647;

/**
 * Stories related to an article: ones that share its rarer people, organisations and places
 * within three days of it, lifted when they share its category too, never a version of its
 * own story. Rarity is measured on the way: an entity whose window fills a whole page
 * ("United States") weighs little, one with two stories ("Wiesbaden") weighs much. Each
 * entity and the category is one range of its listing, bounded by the window and a page.
 */
export async function loadRelated(
  store: Store,
  article: { storyId: number; sortAt: number; category: string | undefined },
  entities: readonly ArticleEntity[],
  limit = 4,
): Promise<ArticleTeaser[]> {
  const around = { since: article.sortAt - WINDOW_MS, before: { sortAt: article.sortAt + WINDOW_MS, articleId: MAX_ID } };
  const chosen = [...entities].sort((a, b) => b.mentions - a.mentions).slice(0, ENTITIES);
  const [byEntity, inCategory] = await Promise.all([
    Promise.all(chosen.map((e) => store.listings.page({ kind: 'entity', entityId: e.id }, around, PER_LISTING))),
    article.category ? store.listings.page({ kind: 'category', slug: article.category }, around, PER_LISTING) : undefined,
  ]);
  const sameCategory = new Set(inCategory?.items.map((s) => s.storyId));
  const candidates = new Map<number, { story: ArticleTeaser; score: number }>();
  for (const page of byEntity) {
    // log-rarity: an entity in 2 stories of the window weighs 1, in 30 about 0.2.
    const weight = 1 / Math.log2(page.items.length + 1);
    for (const story of page.items) {
      if (story.storyId === article.storyId) continue;
      const c = candidates.get(story.storyId) ?? { story, score: sameCategory.has(story.storyId) ? 0.5 : 0 };
      c.score += weight;
      candidates.set(story.storyId, c);
    }
  }
  const closeness = (s: ArticleTeaser) => -Math.abs(s.publishedAt.getTime() - article.sortAt);
  return [...candidates.values()]
    .sort((a, b) => b.score - a.score || closeness(b.story) - closeness(a.story))
    .slice(0, limit)
    .map((c) => c.story);
}
