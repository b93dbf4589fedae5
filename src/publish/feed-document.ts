import type { ArticleTeaser, ListedArticleDetail } from '../domain/listing.js';
import type { LeadImage } from '../domain/lead-image.js';
import type { SafeHtml } from '../domain/safe-html.js';
import type { PublishedImage } from './published-image.js';

/** One entry of an outbound feed: a listed story with what a feed reader shows. */
export interface FeedEntry {
  /** Stable and dereferenceable: the article's id URL, which never changes with its headline. */
  id: string;
  url: string;
  title: string;
  summary: string;
  contentHtml: SafeHtml;
  author: { name: string; url: string };
  /** Category slugs with their absolute page URLs. */
  categories: { term: string; url: string }[];
  language: string;
  publishedAt: Date;
  updatedAt: Date;
  /** The lead picture, once measured (RSS enclosure and media:content, Atom enclosure, JSON Feed image). */
  image: PublishedImage | null;
}

/** A whole outbound feed, format-neutral: every serializer renders this and nothing else. */
export interface FeedDocument {
  title: string;
  description: string;
  /** The HTML page of the same listing. */
  homePageUrl: string;
  /** The feed's own URL in each format (rel="self" and the alternates). */
  selfUrls: { rss: string; atom: string; json: string };
  /** A WebSub hub, when one is configured. */
  hubUrl?: string;
  language?: string;
  /** The newest entry's update time; the epoch for an empty feed, so the output stays deterministic. */
  updatedAt: Date;
  entries: FeedEntry[];
}

/** What a listing's feed says about itself. */
export interface FeedMeta {
  title: string;
  description: string;
  homePageUrl: string;
  selfUrls: FeedDocument['selfUrls'];
  hubUrl?: string;
  language?: string;
}

/** How the site publishes a lead picture: its own copy's URLs, or null when it shows none. */
export type PublishImage = (image: LeadImage | null | undefined) => PublishedImage | null;

/**
 * Builds a feed from one listing page and the details read for its ids. A teaser without
 * details (taken down between the two reads) is left out.
 */
export function buildFeedDocument(
  publicUrl: string,
  meta: FeedMeta,
  items: ArticleTeaser[],
  details: Map<number, ListedArticleDetail>,
  publishImage: PublishImage = () => null,
): FeedDocument {
  const entries: FeedEntry[] = [];
  for (const item of items) {
    const detail = details.get(item.id);
    if (!detail) continue;
    entries.push({
      id: `${publicUrl}/article/${item.id}`,
      url: `${publicUrl}/article/${item.id}/${encodeURIComponent(item.slug)}`,
      title: item.headline,
      summary: item.summary,
      contentHtml: detail.bodyHtml,
      author: { name: item.provider.name, url: `${publicUrl}/provider/${encodeURIComponent(item.provider.slug)}` },
      categories: detail.categories.map((slug) => ({ term: slug, url: `${publicUrl}/category/${encodeURIComponent(slug)}` })),
      language: item.language,
      publishedAt: item.publishedAt,
      // A correction never predates publication, whatever the provider sent.
      updatedAt: new Date(Math.max(detail.updatedAt.getTime(), item.publishedAt.getTime())),
      image: publishImage(detail.leadImage),
    });
  }
  const newest = Math.max(0, ...entries.map((e) => e.updatedAt.getTime()));
  return { ...meta, updatedAt: new Date(newest), entries };
}
