/**
 * The tagger's last steps, once every capitalised span is classified: single words are
 * resolved to the people and organisations named in full ("Rutte" after "Mark Rutte",
 * "WeWork" after "WeWork Inc"), and mentions become one entity per name.
 */
import { slugify } from '../domain/article.js';
import type { EntityMention, EntityType } from '../domain/entity.js';
import { groupBy } from '../domain/group-by.js';
import { bodyFullName, knownOrganisation, knownPerson, knownPlace, looksLikeOrganisation } from './gazetteer.js';
import { has, initials, isAcronym, isCommonWord, isFirstName, knownName, nameEndings } from './name-lexicon.js';

/** Where in the text an entity was mentioned (quotes use this to find speakers). */
export interface MentionSpan {
  slug: string;
  type: EntityType;
  start: number;
  end: number;
}

/** The tagger's answer: the article's entities, and each mention's place in the text. */
export interface TaggedEntities {
  entities: EntityMention[];
  mentions: MentionSpan[];
}

/** A mention the tagger found, with what it still has to settle. */
export interface Found {
  name: string;
  type: EntityType;
  start: number;
  end: number;
  role: string | null;
  /** Single words waiting for coreference: resolved against the people found. */
  surname?: boolean;
  /** An unknown multi-word name kept only if a later surname-only mention confirms it. */
  tentative?: boolean;
  /** What an unresolved single word is instead of a surname: an organisation by its context, or a city. */
  fallback?: 'organisation' | 'place';
  /** An abbreviation nobody knows, kept only if another mention of it acts as an organisation or the text spells it out. */
  unconfirmed?: boolean;
  /**
   * A single word next to a verb of speech ("Dempsey said", "said Graham") or after a word for
   * what people do ("Brazil star Neymar"): someone, even if not named in full.
   */
  personCue?: boolean;
}

/** The last word of a body's name that stands for it alone: "the Corps", "the Committee", "the Party". */
const GENERIC_BODY_WORD = /^(?:Corps|Committee|Commission|Council|Agency|Department|Ministry|Court|Union|Association|Federation|Institute|Authority|Board|Bureau|Foundation|Academy|League|Society|Bank|Party)$/;

/**
 * Single words become the person whose full name ends (or starts) with them: the most
 * recent such person before the mention, else the first after. Unresolved single words
 * are dropped unless a title vouches for them ("President Macron"), or a verb of speech, or,
 * where people often have one name only (`mononyms`), being a given name ("Prabowo").
 */
export function resolveSurnames(found: Found[], mononyms: boolean): void {
  const people = found.filter((f) => f.type === 'person' && !f.surname && f.name.includes(' '));
  // Organisations by their name as written and as found: "SoftBank Group" and "SoftBank", and
  // by a first word no other name starts with: "Harbor" after "Harbor Pine Outfitters".
  const organisations = new Map<string, string>();
  const firstWords = new Map<string, string | null>();
  for (const f of found) {
    if (f.type !== 'organisation') continue;
    organisations.set(f.name, f.name);
    const written = f.name.split(' ');
    if (written.length > 1 && looksLikeOrganisation(written)) organisations.set(written.slice(0, -1).join(' '), f.name);
    const first = written[0]!;
    // (Not a company's regional arm: "Ascom" stays beside "Ascom North America".)
    const arm = knownPlace(written.slice(-2).join(' ')) !== undefined || knownPlace(written[written.length - 1]!) !== undefined;
    if (written.length > 1 && first.length > 2 && !arm && !isCommonWord(first) && !knownName(first)) firstWords.set(first, firstWords.has(first) && firstWords.get(first) !== f.name ? null : f.name);
  }
  for (const [first, name] of firstWords) if (name && !organisations.has(first)) organisations.set(first, name);
  const confirmed = new Set<Found>();
  // A word that speaks somewhere in the text (or follows "star", "coach") is a person's surname everywhere in it.
  const cuedSurnames = new Set(found.filter((f) => f.surname && f.personCue && !f.fallback).map((f) => f.name));
  // People by their last and first word, in text order: looking each mention up in a list of
  // everyone named made a text packed with names take time growing with its square.
  const byLastWord = groupBy(people, (p) => lastWord(p.name));
  const byFirstWord = groupBy(people, (p) => p.name.split(' ')[0]!);
  const dropped = new Set<Found>();
  // Each name's candidates in text order, all and sure ones, worked out once per name: a text
  // that names one person thousands of times would otherwise compare every mention with all.
  const candidates = new Map<string, { all: Found[]; sure: Found[] }>();
  const candidatesFor = (name: string) => {
    let known = candidates.get(name);
    if (!known) {
      const lastNames = byLastWord.get(name) ?? [];
      const all = (lastNames.length > 0 ? lastNames : (byFirstWord.get(name) ?? []).filter((p) => !p.tentative)).slice().sort((a, b) => a.start - b.start);
      known = { all, sure: all.filter((p) => !p.tentative) };
      candidates.set(name, known);
    }
    return known;
  };
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i]!;
    if (!f.surname) continue;
    // Family name first ("Xi Jinping" → "Xi"), or a first name for someone named in full.
    // (Not for a name nobody vouched for: "Classificação NASCAR" is no one.)
    const matches = candidatesFor(f.name);
    const match = lastBefore(matches.sure, f.start) ?? lastBefore(matches.all, f.start) ?? matches.sure[0] ?? matches.all[0];
    if (match) {
      f.name = match.name;
      f.surname = false;
      if (match.tentative) confirmed.add(match);
      if (f.role && !match.role) match.role = f.role;
    } else if (knownPerson(f.name)) {
      f.name = knownPerson(f.name)!;
      f.surname = false;
    } else if (organisations.has(f.name) && f.role === null) {
      // Once "WeWork Inc" is a company, "WeWork" alone is that company.
      Object.assign(f, { name: organisations.get(f.name)!, type: 'organisation', surname: false });
    } else if (f.role !== null || cuedSurnames.has(f.name) || (has(f.name, 'LastName', 'Person') && f.fallback !== 'place') || (mononyms && !f.fallback && isFirstName(f.name))) {
      f.surname = false;
    } else if (f.fallback) {
      // "Lilly’s chief executive" after "Eli Lilly": a company named in full before, by its last word.
      const full = f.fallback === 'organisation' ? lastWordOrganisation(found, f) : undefined;
      Object.assign(f, { type: f.fallback, surname: false, ...(full ? { name: full } : {}) });
    } else {
      dropped.add(f);
    }
  }
  removeWhere(found, (f) => dropped.has(f));
  // "Sierra Nevada" after "Sierra Nevada Corporation": a company's name less its last word
  // (a company's word) is that company, not someone so named.
  for (const f of found) {
    const company = f.type === 'person' && f.name.includes(' ') && !f.role ? organisations.get(f.name) : undefined;
    if (company && company !== f.name) Object.assign(f, { name: company, type: 'organisation', tentative: false });
  }
  // "Xi" after "Xi Jinping": a word of someone's name the lexicon took for a place is that
  // person (the gazetteer's places and countries stay places: "Jordan" the country).
  const sure = people.filter((p) => !p.tentative);
  const sureByWord = new Map<string, Found>();
  for (const p of sure) for (const word of p.name.split(' ')) if (!sureByWord.has(word)) sureByWord.set(word, p);
  for (const f of found) {
    if (f.type === 'person' || f.name.includes(' ') || knownPlace(f.name) || knownOrganisation(f.name)) continue;
    // (The first sure person with that word in their name; f, a single word, is none of them.)
    const person = sureByWord.get(f.name);
    if (person) Object.assign(f, { name: person.name, type: 'person', role: null });
  }
  // "DEA" beside "Drug Enforcement Administration", "NSC" beside "National Security Council":
  // an abbreviation that spells the initials of an organisation named in full in the text is
  // that organisation (only when one name alone spells it).
  const spelled = new Map<string, string | null>();
  for (const f of found) {
    if (f.type !== 'organisation' || !f.name.includes(' ')) continue;
    const letters = initials(f.name);
    if (letters.length >= 2) spelled.set(letters, spelled.has(letters) && spelled.get(letters) !== f.name ? null : f.name);
  }
  for (const f of found) {
    const full = f.type === 'organisation' && isAcronym(f.name) ? spelled.get(f.name.replace(/s$/, '')) : undefined;
    if (full) Object.assign(f, { name: full, unconfirmed: false });
  }
  // An unknown abbreviation that never acts as an organisation and spells none is a format's
  // or a product's: "HD", "DVR", "IFRS".
  // (One that opens an organisation's longer name is that organisation's: "GE" beside "GE Healthcare".)
  const confirmedNames = new Set(found.filter((f) => f.type === 'organisation' && !f.unconfirmed).flatMap((f) => [f.name, f.name.split(' ')[0]!]));
  removeWhere(found, (f) => f.unconfirmed === true && !confirmedNames.has(f.name));
  // "Lakers" and "Los Angeles Lakers", "Justice Department" and "Department of Justice": a
  // public body or team the article names in two ways is one, under the longer name.
  const longest = new Map<string, string>();
  for (const f of found) {
    const body = f.type === 'organisation' ? bodyFullName(f.name) : undefined;
    if (body && f.name.length > (longest.get(body)?.length ?? 0)) longest.set(body, f.name);
  }
  for (const f of found) {
    const body = f.type === 'organisation' ? bodyFullName(f.name) : undefined;
    if (body) f.name = longest.get(body)!;
  }
  // "Harbor" found as a company of its own, after "Harbor Pine Outfitters": the same company.
  // (And "the Corps" after "the Marine Corps": a body's last word, when only one body ends so.)
  const lastWords = new Map<string, string | null>();
  for (const f of found) {
    if (f.type !== 'organisation' || !f.name.includes(' ')) continue;
    const last = lastWord(f.name);
    lastWords.set(last, lastWords.has(last) && lastWords.get(last) !== f.name ? null : f.name);
  }
  for (const f of found) {
    const full = f.type === 'organisation' && !f.name.includes(' ') ? (firstWords.get(f.name) ?? (GENERIC_BODY_WORD.test(f.name) ? lastWords.get(f.name) : undefined)) : undefined;
    if (full) f.name = full;
  }
  // "Van Der Beek" after "James Van Der Beek": a surname of several words is that person too.
  // (Each sure name's endings of two words or more are looked up, not every sure person
  // compared with every name: a text naming thousands took time growing with the square.)
  const byEnding = new Map<string, Found[]>();
  for (const p of sure) {
    for (const ending of nameEndings(p.name, 2)) {
      const holders = byEnding.get(ending) ?? [];
      // (The first two are enough: one of them is not the mention itself.)
      if (holders.length < 2) byEnding.set(ending, [...holders, p]);
    }
  }
  for (const f of found) {
    if (f.type !== 'person' || !f.name.includes(' ')) continue;
    const person = byEnding.get(f.name)?.find((p) => p !== f);
    if (person) Object.assign(f, { name: person.name, tentative: false });
  }
  // (Kept too when someone of that surname was named for sure: "Hunter Biden" beside "Joe Biden".
  // Only tentative names are removed below, so the sure ones counted here stay.)
  const sureSurnames = new Set(found.filter((o) => !o.tentative && o.type === 'person').map((o) => lastWord(o.name)));
  removeWhere(found, (f) => f.tentative === true && !confirmed.has(f) && !sureSurnames.has(lastWord(f.name)));
}

/** The last of `sorted` (in text order) that starts before `at`. */
function lastBefore(sorted: readonly Found[], at: number): Found | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]!.start < at) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? sorted[low - 1] : undefined;
}

/**
 * Removes in place, in one pass, the mentions `drop` picks: splicing them out one at a time
 * took time growing with the square of the count (a 110 KB list of unknown names took 3 s).
 */
function removeWhere(found: Found[], drop: (f: Found) => boolean): void {
  let kept = 0;
  for (const f of found) if (!drop(f)) found[kept++] = f;
  found.length = kept;
}

/**
 * One entity per name, with the type most of its mentions were given (the first on a tie):
 * a name is one thing throughout a text, so "Ascom" read as a company three times and as a
 * surname once is a company.
 */
export function summarise(found: Found[], minMentions: number): TaggedEntities {
  const bySlug = new Map<string, EntityMention>();
  const votes = new Map<string, Map<EntityType, number>>();
  const slugs = found.map((f) => slugify(f.name));
  for (const [i, f] of found.entries()) {
    const slug = slugs[i]!;
    const entity = bySlug.get(slug);
    if (entity) {
      entity.mentions++;
      entity.role ??= f.role;
    } else {
      bySlug.set(slug, { slug, name: f.name, type: f.type, mentions: 1, role: f.role });
      votes.set(slug, new Map());
    }
    const tally = votes.get(slug)!;
    tally.set(f.type, (tally.get(f.type) ?? 0) + 1);
  }
  for (const [slug, entity] of bySlug) {
    const tally = votes.get(slug)!;
    for (const [type, n] of tally) if (n > tally.get(entity.type)!) entity.type = type;
    if (entity.type !== 'person') entity.role = null;
  }
  const mentions: MentionSpan[] = found.map((f, i) => ({ slug: slugs[i]!, type: bySlug.get(slugs[i]!)!.type, start: f.start, end: f.end }));
  const entities = [...bySlug.values()].filter((e) => e.mentions >= minMentions);
  entities.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  const kept = new Set(entities.map((e) => e.slug));
  return { entities, mentions: mentions.filter((m) => kept.has(m.slug)) };
}

/** The one organisation named in full before `f` whose last word is `f`'s name, if only one is. */
function lastWordOrganisation(found: Found[], f: Found): string | undefined {
  const names = new Set(found.filter((o) => o.type === 'organisation' && o.start < f.start && o.name.endsWith(` ${f.name}`)).map((o) => o.name));
  return names.size === 1 ? [...names][0] : undefined;
}

function lastWord(name: string): string {
  return name.slice(name.lastIndexOf(' ') + 1);
}
