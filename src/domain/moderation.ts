import { z } from 'zod';
import type { ArticleStatus } from './article.js';
import { slugSchema } from './provider.js';
import { hasUnsafeText } from './text-safety.js';

/** A takedown or unpublication on record: why, who and when, until it is restored. */
export interface Takedown {
  id: number;
  articleId: number;
  status: Exclude<ArticleStatus, 'published'>;
  reason: string;
  actorLabel: string;
  at: Date;
  restoredAt: Date | null;
  restoredBy: string | null;
}

const plainText = (max: number, what: string) =>
  z
    .string()
    .max(max, `${what} has at most ${max} characters.`)
    .refine((v) => !hasUnsafeText(v), `${what} contains control, bidi-override or zero-width characters.`);

/** A takedown reason: required, one short paragraph. */
export const takedownReasonSchema = plainText(1000, 'The reason').pipe(z.string().trim().min(1, 'Give a reason.'));

/** What an editor may change of an article; its id, slug and URL stay as they are. */
export const articleEditSchema = z.object({
  headline: plainText(1000, 'The headline').pipe(z.string().trim().min(1, 'The headline cannot be empty.')),
  summary: plainText(5000, 'The summary').transform((s) => s.trim()),
  categories: z.array(slugSchema).max(20, 'At most 20 categories.'),
  /**
   * The lead picture: its http(s) URL ("" removes it) with alt text, caption and credit.
   * Absent: the picture stays as it is. A new URL is fetched and measured like a provider's.
   */
  image: z
    .object({
      url: plainText(8192, 'The picture URL')
        .transform((s) => s.trim())
        .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), 'The picture URL must start with http:// or https://.'),
      alt: plainText(1000, 'The alt text').transform((s) => s.trim()),
      caption: plainText(2000, 'The caption').transform((s) => s.trim()),
      credit: plainText(500, 'The credit').transform((s) => s.trim()),
    })
    .optional(),
});
export type ArticleEdit = z.input<typeof articleEditSchema>;

/** The admin article list's filters: a status always (each is an index range), a provider, a headline prefix. */
export interface ArticleAdminFilter {
  status: ArticleStatus;
  providerId?: number;
  headlinePrefix?: string;
}

/** A position in the admin article list: below this id, or after this (headline, id) with a prefix. */
export interface ArticleAdminCursor {
  id: number;
  headline?: string;
}

/** One row of the admin article list. */
export interface ArticleAdminRow {
  id: number;
  slug: string;
  headline: string;
  status: ArticleStatus;
  publishedAt: Date;
  provider: { id: number; slug: string; name: string };
}
