import type { EntityMention } from '../domain/entity.js';
import { categoryForTerm, taxonomy } from '../domain/taxonomy.js';
import { keywordsFor, tokenNormalizer } from './category-keywords.js';
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
  const rules = compiledRules(input.language);
  if (rules) {
    const headline = ngramCounts(input.headline, rules);
    const body = ngramCounts(input.text, rules);
    for (const [slug, keywords] of rules.bySlug) {
      let score = 0;
      for (const k of keywords) score += 3 * matches(headline, k) + Math.min(5, matches(body, k));
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

/**
 * A keyword as the text is searched for it: an exact normalized n-gram (its words joined by
 * one space), or (ending in `*`) the start of a single word.
 */
type CompiledKeyword = { exact: string; prefix?: undefined } | { exact?: undefined; prefix: string };

/** One language's keyword rules, prepared once per process instead of once per article. */
interface CompiledRules {
  bySlug: [string, CompiledKeyword[]][];
  /** How the language compares a lower-cased word. */
  normalize: (token: string) => string;
  /** Exact keywords of two or more words: the only longer n-grams worth counting. */
  phrases: Set<string>;
  /** The first one, two or three words of those phrases: n-grams worth extending. */
  phraseStarts: Set<string>;
}

/** Rules by the language value categorize was given (a few tags in practice; bounded all the same). */
const compiled = new Map<string | null | undefined, CompiledRules | null>();
const MAX_COMPILED = 256;

function compiledRules(language: string | null | undefined): CompiledRules | null {
  if (compiled.has(language)) return compiled.get(language)!;
  const rules = keywordsFor(language);
  let result: CompiledRules | null = null;
  if (rules) {
    const normalize = tokenNormalizer(language);
    const phrases = new Set<string>();
    const phraseStarts = new Set<string>();
    const bySlug = Object.entries(rules).map(([slug, keywords]): [string, CompiledKeyword[]] => [
      slug,
      (keywords ?? []).map((keyword) => {
        if (keyword.endsWith('*')) return { prefix: keyword.slice(0, -1) };
        const words = keyword.split(' ').map(normalize);
        const exact = words.join(' ');
        if (words.length > 1) {
          phrases.add(exact);
          for (let n = 1; n < words.length; n++) phraseStarts.add(words.slice(0, n).join(' '));
        }
        return { exact };
      }),
    ]);
    result = { bySlug, phrases, phraseStarts, normalize };
  }
  if (compiled.size < MAX_COMPILED) compiled.set(language, result);
  return result;
}

/** A text's counts of normalized words, and of those longer n-grams some keyword is. */
interface NgramCounts {
  words: Map<string, number>;
  phrases: Map<string, number>;
}

/** How often a keyword occurs: an exact n-gram, or (ending in `*`) any word starting with it. */
function matches(counts: NgramCounts, keyword: CompiledKeyword): number {
  if (keyword.exact !== undefined) return (keyword.exact.includes(' ') ? counts.phrases : counts.words).get(keyword.exact) ?? 0;
  let n = 0;
  for (const [word, count] of counts.words) if (word.startsWith(keyword.prefix)) n += count;
  return n;
}

/**
 * Counts of the text's normalized words, and of its 2- to 4-grams that are keywords
 * (keywords have at most four words; an n-gram is only extended while it starts a keyword).
 */
function ngramCounts(text: string, rules: CompiledRules): NgramCounts {
  const tokens = (text.match(/[\p{L}\p{M}\p{N}&+]+/gu) ?? []).map(rules.normalize);
  const words = new Map<string, number>();
  const phrases = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    let gram = tokens[i]!;
    words.set(gram, (words.get(gram) ?? 0) + 1);
    for (let n = 1; n < 4 && i + n < tokens.length && rules.phraseStarts.has(gram); n++) {
      gram = `${gram} ${tokens[i + n]}`;
      if (rules.phrases.has(gram)) phrases.set(gram, (phrases.get(gram) ?? 0) + 1);
    }
  }
  return { words, phrases };
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
