import { processItem, type ProcessResult } from './process-item.js';
import type { RawItem } from '../domain/raw-item.js';

/** One line of `gazette analyze`: what the pipeline made of one article, nothing stored. */
export interface AnalyzedItem {
  file: string;
  /** The item's guid or link, when it has one. */
  id: string | null;
  headline: string | null;
  byline: string | null;
  dateline: string | null;
  /** ISO 8601, or null when the item carried no date. */
  published: string | null;
  /** The cleaned plain-text body. */
  text: string | null;
  /** The cleaned, sanitized HTML body. */
  html: string | null;
  /** A legal disclaimer found in the body and moved out of it. */
  disclaimer: string | null;
  language: string | null;
  categories: string[];
  summary: string | null;
  entities: { name: string; type: string; slug: string; mentions: number }[];
  quotes: { text: string; speaker: string | null }[];
  /** Why the pipeline refused the item, when it did. */
  rejected: string | null;
}

/**
 * Runs one item through the pipeline (normalize → clean → enrich) without a store and shapes
 * the result as a flat JSON object, the same for accepted and rejected items.
 */
export function analyzeItem(item: RawItem, file: string, options: { now?: Date } = {}): AnalyzedItem {
  const now = options.now ?? new Date();
  const result: ProcessResult = processItem(item, { providerId: 0, now });
  const id = item.guid ?? item.url ?? null;
  if (result.kind === 'rejected') {
    return {
      file, id, headline: item.headline || null, byline: item.byline, dateline: item.dateline,
      published: item.publishedAt && !Number.isNaN(item.publishedAt.getTime()) ? item.publishedAt.toISOString() : null,
      text: null, html: null, disclaimer: null, language: null, categories: [], summary: null, entities: [], quotes: [],
      rejected: result.reason,
    };
  }
  const { draft } = result;
  return {
    file,
    id,
    headline: draft.headline,
    byline: draft.byline,
    dateline: draft.dateline,
    // An undated item gets "now" in the pipeline; analyze shows that it had none.
    published: item.publishedAt || item.updatedAt ? draft.publishedAt.toISOString() : null,
    text: draft.bodyText,
    html: draft.bodyHtml,
    disclaimer: result.disclaimer,
    language: draft.language,
    categories: draft.categories,
    summary: draft.summary,
    entities: result.enrichment.entities.map(({ name, type, slug, mentions }) => ({ name, type, slug, mentions })),
    quotes: result.enrichment.quotes.map((q) => ({ text: q.text, speaker: q.speakerName })),
    rejected: null,
  };
}
