/**
 * An article's event profile: its TF-IDF term vector, its entities weighted by rarity, its
 * places and time, and the few index keys (its rarest telling terms and entities) under
 * which it is found again. Document frequencies come from the store (kept incrementally as
 * articles arrive); everything here is pure (stored profiles, once decoded, are remembered).
 */
import { LRUCache } from 'lru-cache';
import type { EntityMention } from '../domain/entity.js';
import type { EventOptions } from './cluster-options.js';

/**
 * The keys counting the profiled articles in the document-frequency table: the count is
 * split over DOCS_SHARDS rows, an article adding one to the row of its id, so that writers
 * committing at once do not all queue on one row lock (PostgreSQL); readers add them up.
 */
export const DOCS_SHARDS = 16;
export const docsKeys: readonly string[] = Array.from({ length: DOCS_SHARDS }, (_, i) => `#docs:${i}`);
export const docsKeyOf = (articleId: number): string => docsKeys[Math.abs(articleId) % DOCS_SHARDS]!;
/** The document-frequency and index key of a term and of an entity. */
export const termKey = (term: string) => `t:${term}`;
export const entityKey = (slug: string) => `e:${slug}`;

/** What is kept of an article to compare later arrivals with. */
export interface EventProfile {
  /** Up to `vectorSize` terms with TF-IDF weights, unit length. */
  terms: [string, number][];
  /** Entity slugs with their IDF at the time. */
  entities: [string, number][];
  /** Slugs of the places it names. */
  places: string[];
  /** Publication time, ms since 1970. */
  at: number;
}

/** Document frequencies as the store gives them: how many profiled articles hold each key. */
export interface DocumentFrequencies {
  docs: number;
  df: ReadonlyMap<string, number>;
}

/** Smoothed inverse document frequency: 1 for a key in every article, more the rarer it is. */
export function idf(frequencies: DocumentFrequencies, key: string): number {
  return Math.log((frequencies.docs + 1) / ((frequencies.df.get(key) ?? 0) + 1)) + 1;
}

/** Every key whose document frequency the profile needs (and which this article then adds to). */
export function frequencyKeys(terms: ReadonlyMap<string, number>, entities: readonly EntityMention[]): string[] {
  return [...new Set([...[...terms.keys()].map(termKey), ...entities.map((e) => entityKey(e.slug))])];
}

/** The profile and its index keys, from the article's term counts, entities and frequencies. */
export function buildEventProfile(
  terms: ReadonlyMap<string, number>,
  entities: readonly EntityMention[],
  publishedAt: Date,
  frequencies: DocumentFrequencies,
  options: EventOptions,
): { profile: EventProfile; indexKeys: string[]; queryKeys: string[] } {
  const weighted = [...terms].map(([term, count]) => [term, (1 + Math.log(count)) * idf(frequencies, termKey(term))] as [string, number]);
  // Heaviest first; ties by term so the same text always gives the same profile.
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = weighted.slice(0, options.vectorSize);
  const norm = Math.hypot(...kept.map(([, w]) => w)) || 1;
  const unique = [...new Map(entities.map((e) => [e.slug, e])).values()];
  const rated = unique.map((e) => [e.slug, idf(frequencies, entityKey(e.slug))] as [string, number]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const profile: EventProfile = {
    terms: kept.map(([t, w]) => [t, round(w / norm)]),
    entities: rated.map(([s, w]) => [s, round(w)]),
    places: unique.filter((e) => e.type === 'place').map((e) => e.slug).sort(),
    at: publishedAt.getTime(),
  };
  const keys = (termCount: number, entityCount: number) => [
    ...kept.slice(0, termCount).map(([t]) => termKey(t)),
    ...rated.slice(0, entityCount).map(([s]) => entityKey(s)),
  ];
  return { profile, indexKeys: keys(options.indexTerms, options.indexEntities), queryKeys: keys(options.queryTerms, options.queryEntities) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A profile as stored text, and back (a malformed one reads as empty: it matches nothing). */
export function encodeProfile(p: EventProfile): string {
  return JSON.stringify(p);
}

export function decodeProfile(text: string): EventProfile {
  try {
    const p = JSON.parse(text) as EventProfile;
    if (Array.isArray(p.terms) && Array.isArray(p.entities) && Array.isArray(p.places) && typeof p.at === 'number') return p;
  } catch {
    // fall through
  }
  return { terms: [], entities: [], places: [], at: 0 };
}

/**
 * Stored versions' profiles, decoded, by article id with the text each was decoded from (a
 * profile written again, or another store's article of the same id, is decoded anew). A
 * version is a candidate for many later arrivals within its window (16 on average on the
 * benchmark feed), and decoding each time was a tenth of the store's CPU per new item. About
 * 5 KB each; the callers never change a profile.
 */
const decodedProfiles = new LRUCache<number, { text: string; profile: EventProfile }>({ max: 4096 });

export function decodeStoredProfile(articleId: number, text: string): EventProfile {
  const known = decodedProfiles.get(articleId);
  if (known?.text === text) return known.profile;
  const profile = decodeProfile(text);
  decodedProfiles.set(articleId, { text, profile });
  return profile;
}
