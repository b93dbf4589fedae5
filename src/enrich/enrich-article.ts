import type { EntityMention, Quote } from '../domain/entity.js';
import { categorize, type CategorizeOptions } from './categorize.js';
import { detectLanguage } from './detect-language.js';
import { extractQuotes } from './extract-quotes.js';
import { summarize } from './summarize.js';
import { tagEntities } from './tag-entities.js';

/** What the enrich stage reads: a cleaned article and what its provider declared. */
export interface EnrichInput {
  headline: string;
  /** The cleaned plain-text body. */
  text: string;
  /** The provider's own summary, if it sent one (used instead of the body's first sentence). */
  summary?: string | null;
  declaredLanguage?: string | null;
  declaredCategories?: string[];
}

/** Options of the enrich stage (the pipeline passes them; nothing here reads config). */
export interface EnrichOptions {
  defaultCategories?: string[];
  categories?: Omit<CategorizeOptions, 'defaultCategories'>;
  /** Entities mentioned fewer times are dropped. */
  minEntityMentions?: number;
}

/** Everything the enrich stage adds to an article. */
export interface Enrichment {
  language: string;
  categories: string[];
  summary: string;
  entities: EntityMention[];
  quotes: Quote[];
}

/**
 * The enrich stage, pure: language, people/organisations/places, quotes with speakers,
 * categories and a summary. Entities are tagged over headline and body together, so a
 * name in the headline counts, and quotes resolve speakers through the same mentions.
 */
export function enrichArticle(input: EnrichInput, options: EnrichOptions = {}): Enrichment {
  const text = enrichedPart(input.text);
  const language = detectLanguage(`${input.headline}\n${text}`, { declared: input.declaredLanguage });
  const full = `${input.headline}\n\n${text}`;
  const tagged = tagEntities(full, { minMentions: options.minEntityMentions, language });
  const quotes = extractQuotes(full, tagged.mentions, tagged.entities).slice(0, MAX_QUOTES);
  // (Most mentioned first, as tagEntities sorts them.)
  const entities = tagged.entities.slice(0, MAX_ENTITIES);
  const kept = new Set(entities.map((e) => e.slug));
  for (const quote of quotes) if (quote.speakerSlug && !kept.has(quote.speakerSlug)) quote.speakerSlug = null;
  const categories = categorize(
    { headline: input.headline, text, declared: input.declaredCategories ?? [], entities, language },
    { ...options.categories, defaultCategories: options.defaultCategories },
  );
  const summary = summarize(input.summary?.trim() ? input.summary : text, { language });
  return { language, categories, summary, entities, quotes };
}

/**
 * Characters of a body the enrich stage reads: about 15,000 words, five times the longest
 * article of the extraction corpus. Matching a name's later mentions to its first grows
 * faster than the text, so a body of two megabytes packed with names (the push API's limit)
 * took minutes of a pool thread; a longer body is enriched from its first part, cut at a
 * paragraph or sentence end.
 */
export const MAX_ENRICHED_CHARS = 100_000;
/** Entities and quotes one article keeps: a long article names a few dozen; each entity becomes a listing entry of its story. */
export const MAX_ENTITIES = 200;
export const MAX_QUOTES = 200;

function enrichedPart(text: string): string {
  if (text.length <= MAX_ENRICHED_CHARS) return text;
  const head = text.slice(0, MAX_ENRICHED_CHARS);
  const end = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('. '));
  return end > MAX_ENRICHED_CHARS / 2 ? head.slice(0, end + 1) : head;
}
