/**
 * Gazette's own JSON article format for the push API: the schema providers write to, and
 * its reading into a RawItem with field-by-field messages. Field names are snake_case, as
 * in ninjs and most news APIs.
 */
import { z } from 'zod';
import { slugSchema } from '../domain/provider.js';
import { emptyRawItem, rawImage, type RawItem } from '../domain/raw-item.js';
import type { FieldIssue } from './field-issue.js';
import { plainTextItem } from './plain-text-item.js';

const httpUrl = z
  .string()
  .max(2048)
  .url('must be an absolute URL')
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http or https URL');

// RFC 3339 date-time with a zone (or Z): a time without a zone means nothing on a wire.
const dateTime = z.string().datetime({ offset: true, message: 'must be an RFC 3339 date-time with a time zone, e.g. 2026-01-31T09:30:00Z' });

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** One article in Gazette's push format. `guid` or `url` identifies it; a body is required. */
export const pushArticleSchema = z
  .object({
    /** Names this format explicitly; optional, see README "Push API". */
    format: z.literal('gazette').optional(),
    /** Gazette's id of an article this provider pushed before: the item updates it. */
    id: z.number().int().positive().max(2_147_483_647).nullish(),
    /** The provider's slug: optional; when present it must be the API key's provider. */
    provider: slugSchema.nullish(),
    guid: z.string().trim().min(1, 'must not be empty').max(2048, 'must be at most 2048 characters').nullish(),
    url: httpUrl.nullish(),
    headline: z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters'),
    body_html: text(5_000_000).nullish(),
    body_text: text(5_000_000).nullish(),
    summary: text(5000).nullish(),
    byline: text(500).nullish(),
    dateline: text(500).nullish(),
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag, e.g. "en" or "ar-AE"')
      .nullish(),
    published_at: dateTime.nullish(),
    updated_at: dateTime.nullish(),
    categories: z.array(z.string().trim().min(1, 'must not be empty').max(100)).max(20, 'must list at most 20 categories').nullish(),
    /** The lead picture's URL alone (the older field; `image` says more). */
    image_url: httpUrl.nullish(),
    /** The lead picture with its texts. */
    image: z
      .object({
        url: httpUrl,
        alt: text(1000).nullish(),
        caption: text(2000).nullish(),
        credit: text(500).nullish(),
      })
      .strict()
      .nullish(),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (!a.guid && !a.url && !a.id) {
      ctx.addIssue({ code: 'custom', path: ['guid'], message: 'is required when there is no url: it identifies the article for updates' });
    }
    if (!a.body_html?.trim() && !a.body_text?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['body_html'], message: 'is required unless body_text is given: an article needs a body' });
    }
    if (a.image && a.image_url && a.image.url !== a.image_url) {
      ctx.addIssue({ code: 'custom', path: ['image_url'], message: 'names another picture than image.url; send one of them' });
    }
    if (a.published_at && a.updated_at && Date.parse(a.updated_at) < Date.parse(a.published_at)) {
      ctx.addIssue({ code: 'custom', path: ['updated_at'], message: 'must not be earlier than published_at' });
    }
  });

/** An article as a provider sends it in Gazette's format. */
export type PushArticle = z.infer<typeof pushArticleSchema>;

/** A pushed article read for the pipeline, with what the API must check against the store. */
export interface PushedItem {
  item: RawItem;
  /** The Gazette article id the provider says it updates, if any. */
  articleId: number | null;
  /** The provider slug the item names, if any. */
  provider: string | null;
}

/** Reads one article in Gazette's format, or lists every field that is wrong. */
export function readPushArticle(value: unknown): { kind: 'accepted'; pushed: PushedItem } | { kind: 'rejected'; issues: FieldIssue[] } {
  const parsed = pushArticleSchema.safeParse(value);
  if (!parsed.success) return { kind: 'rejected', issues: parsed.error.issues.flatMap(toFieldIssues) };
  const a = parsed.data;
  return {
    kind: 'accepted',
    pushed: {
      articleId: a.id ?? null,
      provider: a.provider ?? null,
      item: plainTextItem({
        ...emptyRawItem(a.headline),
        guid: a.guid ?? null,
        url: a.url ?? null,
        html: a.body_html?.trim() ? a.body_html : null,
        text: a.body_text?.trim() ? a.body_text : null,
        summary: a.summary?.trim() || null,
        byline: a.byline?.trim() || null,
        dateline: a.dateline?.trim() || null,
        language: a.language ?? null,
        publishedAt: a.published_at ? new Date(a.published_at) : null,
        updatedAt: a.updated_at ? new Date(a.updated_at) : null,
        categories: a.categories ?? [],
        image: a.image
          ? rawImage(a.image.url, { alt: a.image.alt?.trim() || null, caption: a.image.caption?.trim() || null, credit: a.image.credit?.trim() || null })
          : rawImage(a.image_url),
      }),
    },
  };
}

/** Zod's issues in the words the API answers with: one per field. */
function toFieldIssues(issue: z.ZodIssue): FieldIssue[] {
  if (issue.code === 'unrecognized_keys') {
    // A nested object's unknown key is named with its path ("image.colour").
    return issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: "is not a field of Gazette's article format (see README, Push API)" }));
  }
  const field = issue.path.length > 0 ? issue.path.join('.') : '(item)';
  if (issue.code === 'invalid_type') {
    if (issue.received === 'undefined') return [{ field, message: 'is required' }];
    return [{ field, message: `must be ${article(issue.expected)}, not ${issue.received}` }];
  }
  return [{ field, message: issue.message }];
}

function article(type: string): string {
  if (type === 'object') return 'a JSON object';
  if (type === 'array') return 'a JSON array';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
