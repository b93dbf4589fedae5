import type { ListingScope } from '../../domain/listing.js';
import type { AppDeps } from '../deps.js';
import { feedBaseOf } from './feed-links.js';

/** A listing a feed can be made of, with what its feed says about itself. */
export interface FeedListing {
  scope: ListingScope;
  title: string;
  description: string;
  /** The HTML page of the listing, site-relative. */
  pagePath: string;
  /** The feed's path without its extension, site-relative. */
  feedBase: string;
  /** The language every story in it is in, when the listing is one language's. */
  language?: string;
}

/** The kinds of listing that have feeds, as they appear in a feed URL. */
export type FeedListingKind = 'latest' | 'category' | 'provider' | 'entity' | 'lang';

/** A BCP 47 tag as Gazette stores languages: a primary subtag and optional subtags. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

/** Finds the listing a feed URL names; undefined when there is no such category, provider or entity. */
export async function findFeedListing(deps: AppDeps, kind: FeedListingKind, slug: string): Promise<FeedListing | undefined> {
  const site = deps.config.siteName;
  switch (kind) {
    case 'latest':
      return { scope: { kind: 'latest' }, title: `${site}: latest stories`, description: 'The latest stories from our providers.', pagePath: '/', feedBase: feedBaseOf('latest') };
    case 'category': {
      const category = await deps.store.categories.findBySlug(slug);
      return (
        category && {
          scope: { kind: 'category', slug: category.slug },
          title: `${site}: ${category.name}`,
          description: `Latest ${category.name} stories.`,
          pagePath: `/category/${category.slug}`,
          feedBase: feedBaseOf('category', category.slug),
        }
      );
    }
    case 'provider': {
      const provider = await deps.store.providers.findBySlug(slug);
      return (
        provider && {
          scope: { kind: 'provider', providerId: provider.id },
          title: `${site}: ${provider.name}`,
          description: `Stories from ${provider.name}.`,
          pagePath: `/provider/${provider.slug}`,
          feedBase: feedBaseOf('provider', provider.slug),
        }
      );
    }
    case 'entity': {
      const entity = await deps.store.entities.findBySlug(slug);
      return (
        entity && {
          scope: { kind: 'entity', entityId: entity.id },
          title: `${site}: ${entity.name}`,
          description: `Stories about ${entity.name}.`,
          pagePath: `/entity/${entity.slug}`,
          feedBase: feedBaseOf('entity', entity.slug),
        }
      );
    }
    case 'lang': {
      // Any well-formed tag has a feed; one no story is in is simply empty.
      if (!LANGUAGE_TAG.test(slug)) return undefined;
      const language = slug.toLowerCase();
      return {
        scope: { kind: 'language', language },
        title: `${site}: stories in ${language}`,
        description: `The latest stories in the language ${language}.`,
        pagePath: '/',
        feedBase: feedBaseOf('lang', language),
        language,
      };
    }
  }
}
