import { z } from 'zod';
import type { SafeHtml } from './safe-html.js';
import { slugSchema } from './provider.js';

/** Where an article stands for readers. */
export const articleStatuses = ['published', 'unpublished', 'taken_down'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

/**
 * An article ready to be stored: the output of the pipeline. The store assigns `id` and
 * keeps (providerId, guid) unique, so ingesting the same item twice updates one article.
 */
export interface ArticleDraft {
  providerId: number;
  /** The provider's own id for the item (guid, atom:id, ninjs uri, or the canonical URL). */
  guid: string;
  sourceUrl: string | null;
  headline: string;
  summary: string;
  bodyHtml: SafeHtml;
  bodyText: string;
  byline: string | null;
  dateline: string | null;
  /** BCP 47 language tag, e.g. "en", "ar". */
  language: string;
  publishedAt: Date;
  updatedAt: Date;
  /** Category slugs, primary first. */
  categories: string[];
  status: ArticleStatus;
  /** Hash of the normalized body text, for exact-duplicate detection. */
  contentHash: string;
  /**
   * Hash of the item exactly as the provider sent it: the same item seen again (every poll of
   * a feed repeats most items) is recognised before the pipeline runs.
   */
  sourceHash: string;
}

/** A stored article. */
export interface Article extends ArticleDraft {
  id: number;
  /** URL slug derived from the headline; the id alone identifies the article. */
  slug: string;
  ingestedAt: Date;
}

/** An article joined with what listings and pages show of its provider. */
export interface ArticleWithProvider extends Article {
  provider: { id: number; slug: string; name: string; disclaimer: string };
}

/** Validates a draft at the store boundary (the pipeline builds drafts; this catches bugs). */
export const articleDraftSchema = z.object({
  providerId: z.number().int().positive(),
  guid: z.string().min(1).max(2048),
  sourceUrl: z.string().url().nullable(),
  headline: z.string().trim().min(1).max(1000),
  summary: z.string().max(5000),
  bodyHtml: z.string().max(5_000_000),
  bodyText: z.string().max(5_000_000),
  byline: z.string().max(500).nullable(),
  dateline: z.string().max(500).nullable(),
  language: z.string().min(2).max(35),
  publishedAt: z.date(),
  updatedAt: z.date(),
  categories: z.array(slugSchema).max(20),
  status: z.enum(articleStatuses),
  contentHash: z.string().min(1).max(128),
  sourceHash: z.string().max(128),
});

/** Turns a headline into a URL slug: ASCII-folded, dashes, at most 80 characters. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'article';
}

/** Another provider's (or the same provider's) version of a story, for "Also reported by". */
export interface OtherVersion {
  id: number;
  slug: string;
  headline: string;
  publishedAt: Date;
  provider: { slug: string; name: string };
}
