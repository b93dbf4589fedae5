import { createHash } from 'node:crypto';
import { itemKey, sourceHash } from './item-identity.js';
import type { ArticleDraft } from '../domain/article.js';
import type { EntityMention, Quote } from '../domain/entity.js';
import { cleanBody } from '../clean/clean-body.js';
import { cleanLeadImage } from '../clean/clean-lead-image.js';
import { normalizeText, paragraphKey } from '../clean/normalize-text.js';
import { enrichArticle, type EnrichOptions } from '../enrich/enrich-article.js';
import type { RawItem } from '../domain/raw-item.js';
import { normalizeRawItem } from '../ingest/normalize-raw-item.js';

/** What the pipeline needs to know besides the item itself. */
export interface ProcessContext {
  providerId: number;
  /** When the item is processed; the published time of an undated item. */
  now: Date;
  /** Category slugs to use when neither the provider nor the rules give one. */
  defaultCategories?: string[];
  /** Options of the enrich stage (entities, categories). */
  enrich?: Omit<EnrichOptions, 'defaultCategories'>;
}

/** The pipeline's answer for one item: an article to store, or why not. */
export type ProcessResult =
  | {
      kind: 'accepted';
      draft: ArticleDraft;
      disclaimer: string | null;
      enrichment: { entities: EntityMention[]; quotes: Quote[] };
      /** The item carried no usable date: `publishedAt` is the processing time. */
      undated: boolean;
      /** What normalizing changed (characters removed, dates out of range); shown to the provider. */
      notes: string[];
      /** Milliseconds each stage took (/metrics). */
      stageMs: Record<string, number>;
    }
  | { kind: 'rejected'; reason: string };

/**
 * The whole pipeline for one item, without I/O: normalize → clean → enrich. Expected
 * failures (no headline, no body) come back as `rejected` with a reason people can read.
 */
export function processItem(raw: RawItem, ctx: ProcessContext): ProcessResult {
  const t0 = performance.now();
  const { item, notes } = normalizeRawItem(raw, ctx.now);
  const headline = normalizeText(item.headline ?? '');
  if (!headline) return { kind: 'rejected', reason: 'The item has no headline.' };
  const guid = itemKey(item);
  if (!guid) return { kind: 'rejected', reason: 'The item has neither a guid nor a link to identify it.' };

  const t1 = performance.now();
  const body = cleanBody({ html: item.html, text: item.text ?? item.summary, baseUrl: item.url });
  const t2 = performance.now();
  if (body.refused) return { kind: 'rejected', reason: `The body was not cleaned: ${body.refused}` };
  if (!body.text) return { kind: 'rejected', reason: 'The item has no body text after cleaning.' };

  const sourceDate = validDate(item.publishedAt) ?? validDate(item.updatedAt);
  const embargo = embargoOf(item, ctx.now);
  if (embargo.kind === 'rejected') return embargo;
  // An embargoed story is held, and goes out at the embargo time: that is its publication.
  const publishedAt = embargo.until && embargo.until > (sourceDate ?? ctx.now) ? embargo.until : (sourceDate ?? ctx.now);
  const enriched = enrichArticle(
    { headline, text: body.text, summary: item.summary ? normalizeText(item.summary) : null, declaredLanguage: item.language, declaredCategories: item.categories },
    { ...ctx.enrich, defaultCategories: ctx.defaultCategories },
  );

  const t3 = performance.now();
  return {
    kind: 'accepted',
    stageMs: { normalize: t1 - t0, clean: t2 - t1, enrich: t3 - t2 },
    disclaimer: body.disclaimer,
    enrichment: { entities: enriched.entities, quotes: enriched.quotes },
    undated: sourceDate === null,
    notes,
    draft: {
      providerId: ctx.providerId,
      guid,
      sourceUrl: httpUrlOrNull(item.url),
      headline,
      summary: enriched.summary,
      bodyHtml: body.html,
      bodyText: body.text,
      byline: item.byline ? normalizeText(item.byline) || null : null,
      dateline: item.dateline ? normalizeText(item.dateline) || null : null,
      language: enriched.language,
      publishedAt,
      updatedAt: validDate(item.updatedAt) ?? publishedAt,
      categories: enriched.categories,
      status: embargo.until ? 'unpublished' : 'published',
      contentHash: contentHash(body.text),
      sourceHash: sourceHash(raw),
      leadImage: cleanLeadImage(item.image),
      copyrightNotice: item.rights?.copyrightNotice ? normalizeText(item.rights.copyrightNotice).slice(0, 2000) || null : null,
      usageTerms: item.rights?.usageTerms ? normalizeText(item.rights.usageTerms).slice(0, 2000) || null : null,
      embargoedUntil: embargo.until,
      agencyMeta: item.agencyMeta ?? null,
    },
  };
}

/** Embargoes further ahead than this are taken for a mistake, not held for years. */
const MAX_EMBARGO_MS = 366 * 24 * 3_600_000;

/**
 * Whether the item is held: an embargo time still ahead (whatever `pubStatus` says; an
 * `embargoed` item whose time has passed is published at once).
 */
function embargoOf(item: RawItem, now: Date): { kind: 'held'; until: Date | null } | { kind: 'rejected'; reason: string } {
  const until = validDate(item.embargoedUntil ?? null);
  if (!until || until.getTime() <= now.getTime()) {
    if (item.pubStatus === 'embargoed' && !until) return { kind: 'rejected', reason: 'The item is embargoed but says not until when; send it again when it is usable.' };
    return { kind: 'held', until: null };
  }
  if (until.getTime() - now.getTime() > MAX_EMBARGO_MS) {
    return { kind: 'rejected', reason: `The embargo ${until.toISOString()} is more than a year ahead; it looks like a mistake, so the item was not stored.` };
  }
  return { kind: 'held', until };
}

/** Hash of the body as a reader sees it: equal for bodies that differ only in markup or spacing. */
export function contentHash(text: string): string {
  return createHash('sha256').update(paragraphKey(text)).digest('hex');
}

function validDate(date: Date | null | undefined): Date | null {
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
