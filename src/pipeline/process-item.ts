import { createHash } from 'node:crypto';
import type { ArticleDraft } from '../domain/article.js';
import { categoryForTerm } from '../domain/taxonomy.js';
import { cleanBody } from '../clean/clean-body.js';
import { normalizeText, paragraphKey } from '../clean/normalize-text.js';
import { summarize } from '../enrich/summarize.js';
import type { RawItem } from './raw-item.js';

/** What the pipeline needs to know besides the item itself. */
export interface ProcessContext {
  providerId: number;
  /** When the item is processed; the published time of an undated item. */
  now: Date;
  /** Category slugs to use when neither the provider nor the rules give one. */
  defaultCategories?: string[];
}

/** The pipeline's answer for one item: an article to store, or why not. */
export type ProcessResult =
  | { kind: 'accepted'; draft: ArticleDraft; disclaimer: string | null }
  | { kind: 'rejected'; reason: string };

/**
 * The whole pipeline for one item, without I/O: normalize → clean → enrich. Expected
 * failures (no headline, no body) come back as `rejected` with a reason people can read.
 */
export function processItem(item: RawItem, ctx: ProcessContext): ProcessResult {
  const headline = normalizeText(item.headline ?? '');
  if (!headline) return { kind: 'rejected', reason: 'The item has no headline.' };
  const guid = item.guid?.trim() || item.url?.trim();
  if (!guid) return { kind: 'rejected', reason: 'The item has neither a guid nor a link to identify it.' };

  const body = cleanBody({ html: item.html, text: item.text ?? item.summary, baseUrl: item.url });
  if (!body.text) return { kind: 'rejected', reason: 'The item has no body text after cleaning.' };

  const publishedAt = validDate(item.publishedAt) ?? validDate(item.updatedAt) ?? ctx.now;
  const declared = item.categories.map(categoryForTerm).filter((c): c is string => c !== undefined);
  const categories = declared.length > 0 ? declared : (ctx.defaultCategories ?? []);

  return {
    kind: 'accepted',
    disclaimer: body.disclaimer,
    draft: {
      providerId: ctx.providerId,
      guid,
      sourceUrl: httpUrlOrNull(item.url),
      headline,
      summary: item.summary ? summarize(normalizeText(item.summary)) : summarize(body.text),
      bodyHtml: body.html,
      bodyText: body.text,
      byline: item.byline ? normalizeText(item.byline) || null : null,
      dateline: item.dateline ? normalizeText(item.dateline) || null : null,
      language: item.language?.trim().toLowerCase().split(/[-_]/)[0] || 'en',
      publishedAt,
      updatedAt: validDate(item.updatedAt) ?? publishedAt,
      categories: [...new Set(categories)],
      status: 'published',
      contentHash: contentHash(body.text),
    },
  };
}

/** Hash of the body as a reader sees it: equal for bodies that differ only in markup or spacing. */
export function contentHash(text: string): string {
  return createHash('sha256').update(paragraphKey(text)).digest('hex');
}

function validDate(date: Date | null): Date | null {
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

function httpUrlOrNull(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
