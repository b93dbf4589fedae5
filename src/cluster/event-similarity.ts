/**
 * Whether two reports are of one event: their TF-IDF term vectors point the same way, they
 * share rare entities, they do not name different places, and they came out close in time.
 * Pure scoring; the store finds the candidates.
 */
import type { EventOptions } from './cluster-options.js';
import type { EventProfile } from './event-profile.js';

/** A profile's terms by term, built once per profile (a stored one is compared with many arrivals). */
const termWeights = new WeakMap<EventProfile, ReadonlyMap<string, number>>();

/** Cosine of two unit-length term vectors. */
export function termCosine(a: EventProfile, b: EventProfile): number {
  let weights = termWeights.get(b);
  if (!weights) termWeights.set(b, (weights = new Map(b.terms)));
  let sum = 0;
  for (const [t, w] of a.terms) sum += w * (weights.get(t) ?? 0);
  return sum;
}

/**
 * Shared entities weighted by rarity (weighted Jaccard: shared IDF over the IDF of either):
 * two reports naming the same rare people and organisations. Common names (a country, a
 * president) weigh little, and a follow-up naming the same people among new ones shares less.
 */
export function entityOverlap(a: EventProfile, b: EventProfile): number {
  const other = new Map(b.entities);
  const theirs = sameNamesIn(a, b);
  let shared = 0;
  for (const [slug, w] of a.entities) {
    const match = other.has(slug) ? slug : theirs.get(slug)?.find((name) => other.has(name));
    if (match === undefined) continue;
    shared += (w + other.get(match)!) / 2;
    other.delete(match);
  }
  const total = (p: EventProfile) => p.entities.reduce((s, [, w]) => s + w, 0);
  const union = total(a) + total(b) - shared;
  return union > 0 ? shared / union : 0;
}

/**
 * For each of `a`'s entity names, the names of `b` that are `sameName` with it and not the
 * same name, in `b`'s order. Two names can be the same only if one is a part (a hyphen-prefix
 * or -suffix) or the initials of the other, so the pairs are found through the parts of names
 * instead of testing every pair: that testing was most of the cost of scoring a candidate.
 * `a` is the arrival, scored against many candidates: its parts are worked out once.
 */
function sameNamesIn(a: EventProfile, b: EventProfile): Map<string, string[]> {
  const mine = partsIndex(a);
  const found = new Map<string, string[]>();
  for (const [name] of b.entities) {
    // Names of `a` that `name` is a part of, and those that are a part of `name`.
    const candidates = [...(mine.byPart.get(name) ?? []), ...nameParts(name)];
    for (const slug of candidates) {
      if (slug === name || !mine.names.has(slug) || !sameName(slug, name)) continue;
      const list = found.get(slug);
      if (!list) found.set(slug, [name]);
      else if (!list.includes(name)) list.push(name);
    }
  }
  return found;
}

/**
 * The last profile's index: an arrival is scored against its candidates one after another.
 * One, not one per profile: decoded stored profiles are kept for later arrivals
 * (event-profile.ts), and an index kept with each would grow the memory they hold.
 */
let indexed: { profile: EventProfile; index: PartsIndex } | undefined;

/** A profile's entity names, and the names each part belongs to. */
interface PartsIndex {
  names: Set<string>;
  byPart: Map<string, string[]>;
}

function partsIndex(p: EventProfile): PartsIndex {
  if (indexed?.profile === p) return indexed.index;
  const index: PartsIndex = { names: new Set(), byPart: new Map() };
  for (const [slug] of p.entities) {
    index.names.add(slug);
    for (const part of nameParts(slug)) {
      const names = index.byPart.get(part);
      if (!names) index.byPart.set(part, [slug]);
      else if (!names.includes(slug)) names.push(slug);
    }
  }
  indexed = { profile: p, index };
  return index;
}

/** A slug's parts and initials: all the shorter names it could be `sameName` with. */
function nameParts(slug: string): string[] {
  return [...namePartsOf(slug), ...initialsOf(slug)];
}

/** The hyphen-prefixes and -suffixes of a slug: "a-b-c" gives "a", "a-b", "c", "b-c". */
function namePartsOf(slug: string): string[] {
  const parts: string[] = [];
  for (let i = slug.indexOf('-'); i !== -1; i = slug.indexOf('-', i + 1)) parts.push(slug.slice(0, i), slug.slice(i + 1));
  return parts;
}

/** What `abbreviates` reads as a slug's initials, with and without its small words. */
function initialsOf(slug: string): string[] {
  const words = slug.split('-').filter((w) => w.length > 0);
  if (words.length < 3 || words.length > 8) return [];
  const initials = (ws: string[]) => ws.map((w) => w[0]).join('');
  return [initials(words), initials(words.filter((w) => !UNABBREVIATED.has(w)))];
}

/**
 * Two entity slugs naming one entity, one report naming it in full and the other in short:
 * a person by surname ("dempsey", "owen-dempsey"), an organisation by its first words
 * ("aberdeen-royal", "aberdeen-royal-infirmary") or by an abbreviation (see `abbreviates`).
 * Otherwise the short name has at least four letters, so initials and one-letter slugs do
 * not match everything.
 */
export function sameName(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short === long) return true;
  if (abbreviates(short, long)) return true;
  if (short.replace(/-/g, '').length < 4) return false;
  return long.endsWith(`-${short}`) || long.startsWith(`${short}-`);
}

/** Words an abbreviation leaves out of the name it stands for ("Bank *of* England", BoE). */
const UNABBREVIATED = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'du', 'des', 'la', 'le', 'el', 'del', 'der', 'und', 'y', 'e']);

/**
 * A one-word slug of three to six letters that abbreviates a longer name: it is the name's
 * first word ("bmj", "bmj-case-reports": one report names the journal, the other the
 * journal's full title), or the initials of its words, with or without its small words
 * ("ntsb", "national-transportation-safety-board"; "boe", "bank-of-england"). Agencies write
 * a body or a person one way or the other, and only one of the forms may be known to the
 * gazetteer. The name needs three words for initials, so two-letter pairs ("un", "us") and
 * three-letter words that are only initials by chance of a two-word name never match.
 */
export function abbreviates(short: string, long: string): boolean {
  if (!/^[a-z]{3,6}$/.test(short) || !long.includes('-')) return false;
  if (long.startsWith(`${short}-`)) return true;
  return initialsOf(long).includes(short);
}

/**
 * How much being apart in time lowers the score: 1 at the same moment, ½ at `timeScaleHours`,
 * falling fast after. Other agencies rewrite a report within hours; a story a day later is
 * mostly a follow-up, a new event with the same names.
 */
export function timeFactor(hours: number, timeScaleHours: number): number {
  return 1 / (1 + (hours / timeScaleHours) ** 2);
}

/**
 * Both name places and none in common: a report from Madrid and one from Manila. A place
 * named in short by one and in full by the other is in common ("new-york", "new-york-city").
 */
export function placesDisagree(a: EventProfile, b: EventProfile): boolean {
  if (a.places.length === 0 || b.places.length === 0) return false;
  const theirs = new Set(b.places);
  return !a.places.some((p) => theirs.has(p) || b.places.some((q) => sameName(p, q)));
}

/** The event similarity of two profiles, 0 when further apart in time than the window. */
export function eventSimilarity(a: EventProfile, b: EventProfile, options: EventOptions & { windowHours: number }): number {
  const hours = Math.abs(a.at - b.at) / 3_600_000;
  if (hours > options.windowHours) return 0;
  const content = options.termWeight * termCosine(a, b) + options.entityWeight * entityOverlap(a, b) - (placesDisagree(a, b) ? options.placePenalty : 0);
  return Math.max(0, content) * timeFactor(hours, options.timeScaleHours);
}

/** A stored version that shares an index key with a new one. */
export interface EventCandidate {
  articleId: number;
  clusterId: number;
  profile: EventProfile;
}

/**
 * The cluster to join and the clusters the article links with it, pure: each cluster scores
 * as its most similar version; the best at or above `threshold` is joined (ties to the older
 * cluster), and any other at or above `mergeThreshold` is linked to it by this article.
 * `links` are the versions that carry these decisions: each one of the joined cluster at or
 * above `threshold`, each one of a linked cluster at or above `mergeThreshold`.
 */
export function chooseEventCluster(
  profile: EventProfile,
  candidates: readonly EventCandidate[],
  options: EventOptions & { windowHours: number },
): { clusterId: number; similarity: number; linked: number[]; links: { articleId: number; similarity: number }[] } | undefined {
  const byCluster = new Map<number, number>();
  const scored = candidates.map((c) => ({ ...c, similarity: eventSimilarity(profile, c.profile, options) }));
  for (const c of scored) if (c.similarity > (byCluster.get(c.clusterId) ?? -1)) byCluster.set(c.clusterId, c.similarity);
  const ranked = [...byCluster].filter(([, s]) => s >= options.threshold).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  if (ranked.length === 0) return undefined;
  const [clusterId, similarity] = ranked[0]!;
  const linked = ranked.slice(1).filter(([, s]) => s >= options.mergeThreshold).map(([id]) => id);
  const links = scored
    .filter((c) => (c.clusterId === clusterId && c.similarity >= options.threshold) || (linked.includes(c.clusterId) && c.similarity >= options.mergeThreshold))
    .map((c) => ({ articleId: c.articleId, similarity: round(c.similarity) }));
  return { clusterId, similarity, linked, links };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
