import type { EntityMention } from '../domain/entity.js';
import { categoryForTerm, taxonomy } from '../domain/taxonomy.js';
import { keywordsFor, normalizeToken } from './category-keywords.js';
import { categorySynonyms, iptcDetail, iptcTopLevel, internationalBodies } from './category-rules.js';

/** What categorisation looks at. */
export interface CategorizeInput {
  headline: string;
  text: string;
  /** Terms the provider declared: names, slugs, synonyms, IPTC codes or ninjs subject URIs. */
  declared: string[];
  entities: EntityMention[];
  /** The article's language (BCP 47): the keyword rules are that language's. */
  language?: string | null;
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
 * Categories of an article, primary first. Provider-declared categories (subjects, IPTC
 * codes, an agency's own names) come first; the keyword and entity rules of the article's
 * language add what the text says strongly besides (twice the minimum score), or decide
 * alone when nothing declared maps. Text in a language without rules gets none from the text.
 */
export function categorize(input: CategorizeInput, options: CategorizeOptions = {}): string[] {
  const max = options.max ?? 3;
  const declared = unique(input.declared.map(mapTerm).filter((s): s is string => s !== undefined));
  const scored = scoreText(input);
  const minScore = options.minScore ?? 3;
  if (declared.length > 0) {
    const strong = scored.filter(([, score]) => score >= 2 * minScore).map(([slug]) => slug);
    return unique([...declared.slice(0, max), ...strong]).slice(0, max);
  }
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
  // "medtop:11000000", "subj:11000000", "http://cv.iptc.org/newscodes/mediatopic/11000000",
  // a bare Subject Code literal ("04011000", NTB) or an agency URI ending in one (TT's subref).
  const code = /(?:^|[/:])(\d{8})$/.exec(t)?.[1];
  if (code) return iptcDetail[code] ?? iptcTopLevel[code.slice(0, 2)];
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

/** Scores every category by the language's keyword matches and entity signals, best first. */
function scoreText(input: CategorizeInput): [string, number][] {
  const scores = new Map<string, number>();
  const rules = keywordsFor(input.language);
  if (rules) {
    const headline = ngramCounts(input.headline, input.language);
    const body = ngramCounts(input.text, input.language);
    for (const [slug, keywords] of Object.entries(rules)) {
      let score = 0;
      for (const k of keywords ?? []) score += 3 * matches(headline, k, input.language) + Math.min(5, matches(body, k, input.language));
      if (score > 0) scores.set(slug, score);
    }
  }
  // A story about several countries, or naming an international body, is world news. The
  // counts of places and officials trust the entity tagger, which reads English capitals and
  // titles; in German every noun is capitalised ("Dezember" becomes a place), so elsewhere
  // only the international bodies vote.
  const english = (input.language ?? 'en').toLowerCase().startsWith('en');
  const places = english ? input.entities.filter((e) => e.type === 'place').length : 0;
  const bodies = input.entities.filter((e) => internationalBodies.has(e.slug)).length;
  const world = (places >= 3 ? 3 : places >= 2 ? 1 : 0) + 3 * bodies;
  if (world > 0) scores.set('world', (scores.get('world') ?? 0) + world);
  // People with political titles make it politics.
  const officials = !english ? 0 : input.entities.filter((e) => e.type === 'person' && /president|minister|chancellor|senator|secretary/i.test(e.role ?? '')).length;
  if (officials > 0) scores.set('politics', (scores.get('politics') ?? 0) + 2 * officials);
  return [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** How often a keyword occurs: an exact n-gram, or (ending in `*`) any word starting with it. */
function matches(counts: Map<string, number>, keyword: string, language: string | null | undefined): number {
  const key = keyword.endsWith('*') ? keyword : keyword.split(' ').map((w) => normalizeToken(w, language)).join(' ');
  if (!key.endsWith('*')) return counts.get(key) ?? 0;
  const prefix = key.slice(0, -1);
  let n = 0;
  for (const [gram, count] of counts) if (!gram.includes(' ') && gram.startsWith(prefix)) n += count;
  return n;
}

/** Counts of the text's normalized word 1- to 4-grams (keywords have at most four words). */
function ngramCounts(text: string, language?: string | null): Map<string, number> {
  const tokens = (text.match(/[\p{L}\p{M}\p{N}&+]+/gu) ?? []).map((t) => normalizeToken(t, language));
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
