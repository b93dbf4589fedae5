import type { EntityMention } from '../domain/entity.js';
import { categoryForTerm, taxonomy } from '../domain/taxonomy.js';
import { categoryKeywords, categorySynonyms, iptcTopLevel, internationalBodies } from './category-rules.js';

/** What categorisation looks at. */
export interface CategorizeInput {
  headline: string;
  text: string;
  /** Terms the provider declared: names, slugs, synonyms, IPTC codes or ninjs subject URIs. */
  declared: string[];
  entities: EntityMention[];
}

/** Options of categorisation. */
export interface CategorizeOptions {
  /** Used when neither the provider nor the rules give a category. */
  defaultCategories?: string[];
  /** At most this many categories per article (the primary one first). */
  max?: number;
  /** A rule-based category needs at least this score (body match 1, headline match 3). */
  minScore?: number;
}

const known = new Set(taxonomy.map((c) => c.slug));

/**
 * Categories of an article, primary first. Provider-declared categories come first when
 * any of them maps to the taxonomy; otherwise keyword and entity rules decide.
 */
export function categorize(input: CategorizeInput, options: CategorizeOptions = {}): string[] {
  const max = options.max ?? 3;
  const declared = unique(input.declared.map(mapTerm).filter((s): s is string => s !== undefined));
  if (declared.length > 0) return declared.slice(0, max);
  const scored = scoreText(input);
  const minScore = options.minScore ?? 3;
  const picked = scored.filter(([, score]) => score >= minScore).map(([slug]) => slug);
  if (picked.length > 0) return picked.slice(0, max);
  return unique((options.defaultCategories ?? []).filter((s) => known.has(s))).slice(0, max);
}

/** One provider term → a taxonomy slug: name or slug, synonym, or IPTC Media Topic code. */
export function mapTerm(term: string): string | undefined {
  const t = term.trim().toLowerCase();
  if (!t) return undefined;
  const direct = categoryForTerm(t) ?? categorySynonyms[t];
  if (direct) return direct;
  // "medtop:11000000", "subj:11000000", "http://cv.iptc.org/newscodes/mediatopic/11000000"
  const code = /(?:mediatopic\/|medtop:|subj:|subjectcode\/|^)(\d{8})$/.exec(t)?.[1];
  if (code) return iptcTopLevel[code.slice(0, 2)];
  // "Business > Markets", "world/europe": the most specific part that maps wins.
  const parts = t.split(/\s*[>/|,]\s*/).filter(Boolean);
  if (parts.length > 1) {
    for (const part of parts.reverse()) {
      const mapped = categoryForTerm(part) ?? categorySynonyms[part];
      if (mapped) return mapped;
    }
  }
  return undefined;
}

/** Scores every category by keyword matches and entity signals, best first. */
function scoreText(input: CategorizeInput): [string, number][] {
  const headline = ngramCounts(input.headline);
  const body = ngramCounts(input.text);
  const scores = new Map<string, number>();
  for (const [slug, keywords] of Object.entries(categoryKeywords)) {
    let score = 0;
    for (const k of keywords) score += 3 * (headline.get(k) ?? 0) + Math.min(5, body.get(k) ?? 0);
    if (score > 0) scores.set(slug, score);
  }
  // A story about several countries, or naming an international body, is world news.
  const places = input.entities.filter((e) => e.type === 'place').length;
  const bodies = input.entities.filter((e) => internationalBodies.has(e.slug)).length;
  const world = (places >= 3 ? 3 : places >= 2 ? 1 : 0) + 3 * bodies;
  if (world > 0) scores.set('world', (scores.get('world') ?? 0) + world);
  // People with political titles make it politics.
  const officials = input.entities.filter((e) => e.type === 'person' && /president|minister|chancellor|senator|secretary/i.test(e.role ?? '')).length;
  if (officials > 0) scores.set('politics', (scores.get('politics') ?? 0) + 2 * officials);
  return [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Counts of the text's lower-case word 1- to 4-grams (keywords have at most four words). */
function ngramCounts(text: string): Map<string, number> {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}&+]+/gu) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    let gram = '';
    for (let n = 0; n < 4 && i + n < tokens.length; n++) {
      gram = n === 0 ? tokens[i]! : `${gram} ${tokens[i + n]}`;
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
  return counts;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
