import type { ProviderLogo } from './provider.js';
import { z } from 'zod';
import type { AgencyMeta } from './raw-item.js';
import type { SafeHtml } from './safe-html.js';
import { slugSchema } from './provider.js';
import { hasUnsafeText, isStorableDate } from './text-safety.js';
import { leadImageSourceSchema, type LeadImage, type LeadImageSource } from './lead-image.js';

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
  /** The lead picture the provider named, if any (absent: none). */
  leadImage?: LeadImageSource | null;
  /** The agency's copyright line, shown with the story (ninjs `copyrightnotice`, NewsML `copyrightNotice`). */
  copyrightNotice?: string | null;
  /** The agency's usage terms, shown with the story. */
  usageTerms?: string | null;
  /** An embargoed item is stored unpublished and published at this time (by the embargo job). */
  embargoedUntil?: Date | null;
  /** The agency newsroom's labels for the story (slugline, priority, urgency, extra …), kept as sent. */
  agencyMeta?: AgencyMeta | null;
}

/** A stored article. */
export interface Article extends ArticleDraft {
  id: number;
  /** The lead picture with what Gazette measured of it; null when the provider named none. */
  leadImage: LeadImage | null;
  /** URL slug derived from the headline; the id alone identifies the article. */
  slug: string;
  ingestedAt: Date;
}

/** An article joined with what listings and pages show of its provider. */
export interface ArticleWithProvider extends Article {
  provider: { id: number; slug: string; name: string; disclaimer: string; logo: ProviderLogo | null };
}

/** The most agency metadata kept with one story, as JSON. */
export const MAX_AGENCY_META_CHARS = 16_384;

/** Text the store accepts: no NUL, control, bidi-override or zero-width characters (the pipeline strips them). */
const safeText = (max: number) => z.string().max(max).refine((v) => !hasUnsafeText(v), 'contains control, bidi-override or zero-width characters');
/** A date both engines store: 1970 to the year 9999 (PostgreSQL refuses year 0000). */
const storableDate = z.date().refine(isStorableDate, 'must be a real date from 1970-01-01 to the year 9999');

/**
 * Validates a draft at the store boundary (the pipeline builds drafts; this catches bugs and
 * keeps input one engine would refuse, such as NUL, out of both).
 */
export const articleDraftSchema = z.object({
  providerId: z.number().int().positive(),
  guid: safeText(2048).pipe(z.string().min(1)),
  sourceUrl: safeText(8192).pipe(z.string().url()).nullable(),
  headline: safeText(1000).pipe(z.string().trim().min(1)),
  summary: safeText(5000),
  bodyHtml: safeText(5_000_000),
  bodyText: safeText(5_000_000),
  byline: safeText(500).nullable(),
  dateline: safeText(500).nullable(),
  language: safeText(35).pipe(z.string().min(2)),
  publishedAt: storableDate,
  updatedAt: storableDate,
  categories: z.array(slugSchema).max(20),
  status: z.enum(articleStatuses),
  contentHash: z.string().min(1).max(128),
  sourceHash: z.string().max(128),
  leadImage: leadImageSourceSchema.nullish(),
  copyrightNotice: safeText(2000).nullish(),
  usageTerms: safeText(2000).nullish(),
  embargoedUntil: storableDate.nullish(),
  agencyMeta: z
    .object({
      slugline: safeText(500).optional(),
      priority: z.number().int().min(0).max(9).optional(),
      urgency: z.number().int().min(0).max(9).optional(),
      keywords: z.array(safeText(200)).max(50).optional(),
      places: z.array(safeText(200)).max(50).optional(),
      extra: z.record(z.unknown()).optional(),
    })
    .strict()
    .refine((meta) => JSON.stringify(meta).length <= MAX_AGENCY_META_CHARS, `is larger than ${MAX_AGENCY_META_CHARS} characters as JSON`)
    .nullish(),
});

const MAX_SLUG_LENGTH = 80;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Turns a headline into a URL slug: lower case, words joined by dashes, at most 80
 * characters, with whole letters in every script. Only Latin letters lose their accents
 * ("Crème" → "creme"); a mark elsewhere is part of the letter (Arabic hamza "أ", Cyrillic
 * "й", Devanagari vowel signs), so it stays, in its composed (NFC) form.
 */
export function slugify(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Cut at a grapheme boundary, so a letter never loses its marks at the end. In ASCII every
  // character is a grapheme: most headlines skip the (slow) segmenter.
  let slug = '';
  if (/^[\x21-\x7e]*$/.test(words)) slug = words.slice(0, MAX_SLUG_LENGTH);
  else {
    for (const { segment } of graphemes.segment(words)) {
      if (slug.length + segment.length > MAX_SLUG_LENGTH) break;
      slug += segment;
    }
  }
  slug = slug.replace(/-+$/, '');
  // A slug of marks alone (a stray combining character) is no word.
  return /[\p{L}\p{N}]/u.test(slug) ? slug : 'article';
}

/** Another provider's (or the same provider's) version of a story, for "Also reported by". */
export interface OtherVersion {
  id: number;
  slug: string;
  headline: string;
  publishedAt: Date;
  provider: { slug: string; name: string };
}
