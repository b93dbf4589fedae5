import type { Category } from './category.js';
import type { ArticleTeaser } from './listing.js';

/** The "most popular" rankings to show: of the last 24 hours and of the last 7 days. */
export interface PopularList {
  day: ArticleTeaser[];
  week: ArticleTeaser[];
}

/** A block of the front page for one section (a category). */
export interface SectionBlock {
  category: Category;
  stories: ArticleTeaser[];
}

/** A provider's latest stories. */
export interface ProviderBlock {
  provider: { slug: string; name: string };
  stories: ArticleTeaser[];
}

/** Everything the front page shows. */
export interface FrontPage {
  lead: ArticleTeaser | undefined;
  top: ArticleTeaser[];
  popular: PopularList;
  sections: SectionBlock[];
  providers: ProviderBlock[];
  /** Languages of recent stories other than the page's own, for links to their front pages. */
  languages: string[];
}
