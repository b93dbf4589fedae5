import type { Category } from '../../domain/category.js';
import { LISTING_PAGE_SIZE, type ArticleTeaser, type ListingScope } from '../../domain/listing.js';
import { rankTopStories } from '../../domain/popularity.js';
import type { AppDeps } from '../deps.js';
import type { FrontPage } from '../../domain/front-page.js';
import { loadPopular } from './load-popular.js';

/**
 * The sections with a block of their own, in the order an editor would run them; "Market
 * Research" and "Press Releases" close the page, as on syndication sites. A section with no
 * story yet has no block.
 */
export const FRONT_PAGE_SECTIONS = ['world', 'politics', 'business', 'markets', 'technology', 'energy', 'health', 'science', 'sport', 'market-research', 'press-releases'];

const RECENT = 40;
const TOP_STORIES = 7;
const PER_SECTION = 4;
const PROVIDER_BLOCKS = 4;
const PER_PROVIDER = 4;

/**
 * Reads the front page of a scope (the whole site, or a language): the recent stories
 * ranked by `rankTopStories` give the lead and the top stories; then the popular ranking,
 * one listing page per section and per provider of recent stories. About fifteen index
 * range scans in all, whatever the archive's size; a story appears on the page once.
 */
export async function loadFrontPage(deps: AppDeps, scope: ListingScope, categories: Category[]): Promise<FrontPage> {
  const { store } = deps;
  const now = Date.now();
  const recent = (await store.listings.page(scope, {}, RECENT)).items;
  const [scores, popular] = await Promise.all([store.popularity.scores(recent.map((s) => s.storyId)), loadPopular(store, scope, now)]);
  const ranked = rankTopStories(recent, scores, now, deps.config.popularity.halfLifeHours);
  const [lead, ...top] = ranked.slice(0, TOP_STORIES + 1);
  const shown = new Set(ranked.slice(0, TOP_STORIES + 1).map((s) => s.storyId));
  const unseen = (stories: ArticleTeaser[], n: number) => {
    const kept = stories.filter((s) => !shown.has(s.storyId)).slice(0, n);
    for (const s of kept) shown.add(s.storyId);
    return kept;
  };

  const sectionCategories = scope.kind === 'latest' ? FRONT_PAGE_SECTIONS.flatMap((slug) => categories.find((c) => c.slug === slug) ?? []) : [];
  const sectionPages = await Promise.all(sectionCategories.map((category) => store.listings.page({ kind: 'category', slug: category.slug }, {}, PER_SECTION + TOP_STORIES)));
  const sections = sectionCategories
    .map((category, i) => ({ category, stories: unseen(sectionPages[i]!.items, PER_SECTION) }))
    .filter((block) => block.stories.length > 0);

  // The providers of the most recent stories, newest first: the wires that are busy now.
  // A language's front page has none: a provider's listing holds all its languages.
  const providerSlugs = scope.kind === 'latest' ? [...new Set(recent.map((s) => s.provider.slug))].slice(0, PROVIDER_BLOCKS) : [];
  const providers = (await Promise.all(providerSlugs.map((slug) => store.providers.findBySlug(slug)))).filter((p) => p !== undefined);
  const providerPages = await Promise.all(providers.map((p) => store.listings.page({ kind: 'provider', providerId: p.id }, {}, PER_PROVIDER + LISTING_PAGE_SIZE / 2)));
  const providerBlocks = providers
    .map((p, i) => ({ provider: { slug: p.slug, name: p.name }, stories: unseen(providerPages[i]!.items, PER_PROVIDER) }))
    .filter((block) => block.stories.length > 0);

  const own = scope.kind === 'language' ? scope.language : deps.config.site.locale.split('-')[0]!.toLowerCase();
  const languages = [...new Set(recent.map((s) => s.language.toLowerCase()))].filter((l) => l !== own).sort();
  // Comment counts of every teaser shown, in one grouped read.
  const shownTeasers = [...(lead ? [lead] : []), ...top, ...sections.flatMap((b) => b.stories), ...providerBlocks.flatMap((b) => b.stories)];
  const counts = await store.comments.countApproved(shownTeasers.map((t) => t.id));
  const counted = (t: ArticleTeaser): ArticleTeaser => ({ ...t, commentCount: counts.get(t.id) ?? 0 });
  return {
    lead: lead && counted(lead),
    top: top.map(counted),
    popular,
    sections: sections.map((b) => ({ ...b, stories: b.stories.map(counted) })),
    providers: providerBlocks.map((b) => ({ ...b, stories: b.stories.map(counted) })),
    languages,
  };
}
