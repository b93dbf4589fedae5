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
  const language = detectLanguage(`${input.headline}\n${input.text}`, { declared: input.declaredLanguage });
  const full = `${input.headline}\n\n${input.text}`;
  const { entities, mentions } = tagEntities(full, { minMentions: options.minEntityMentions, language });
  const quotes = extractQuotes(full, mentions, entities);
  const categories = categorize(
    { headline: input.headline, text: input.text, declared: input.declaredCategories ?? [], entities, language },
    { ...options.categories, defaultCategories: options.defaultCategories },
  );
  const summary = summarize(input.summary?.trim() ? input.summary : input.text, { language });
  return { language, categories, summary, entities, quotes };
}
