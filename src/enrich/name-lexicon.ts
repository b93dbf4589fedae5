/**
 * What the tagger knows of words and short runs of words, before any context: compromise's
 * lexicon and the gazetteer asked whether a word is a given name, a common word, an acronym,
 * a known place, organisation or person, and the shapes of names built from such words
 * ("Kay County Sheriff Bill Hardesty", "Microsoft India", "Chen Wei of Songhua University").
 */
import type { EntityType } from '../domain/entity.js';
import type { NameWord } from './find-name-spans.js';
import { tagsOf } from './word-tags.js';
import { ORGANISATION_AFTER } from './name-cues.js';
import {
  isCountry,
  isFunctionWord,
  isGivenName,
  isTitleWord,
  knownOrganisation,
  knownPerson,
  knownPlace,
  looksLikeOrganisation,
  looksLikePlace,
  notOrganisationAcronyms,
  partyOfAdjective,
  placeOfDemonym,
} from './gazetteer.js';

// compromise's lexicon (word-tags.ts): first names, cities, countries, companies and the part
// of speech of common words. Looking words up in it is fast; running its full tagger is ~30 ms/article.
export const has = (word: string, ...tags: string[]) => tagsOf(word).some((t) => tags.includes(t));
export const NAME_TAGS = ['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person'];
/**
 * A given name: compromise's (mostly English) first names, or one of the given names of 40
 * locales that is not also an ordinary word or a place ("Volodymyr", "Siti", not "Will").
 */
export function isFirstName(word: string): boolean {
  // "Jean-Marie", "Jo-Wilfried", "Hans-Peter": a compound of given names is one ("Saint-Denis" is not).
  if (word.includes('-')) return word.split('-').every((part) => part.length > 1 && /^\p{Lu}/u.test(part) && isFirstName(part));
  if (has(word, 'FirstName', 'MaleName', 'FemaleName')) return true;
  // (The lexicon may know it only as a name of some other kind: "Reilly", "Taylor" are 'Person'.)
  return isGivenName(word) && tagsOf(word).every((t) => NAME_TAGS.includes(t)) && !knownPlace(word) && !isFunctionWord(word);
}
/**
 * A given name the lexicon knows only as a noun ("Leo", "Max", "Bill", "Rose"): a first name
 * when a word that is no ordinary word follows it, which its callers check.
 */
export function isNounGivenName(word: string): boolean {
  return isGivenName(word) && tagsOf(word).every((t) => t === 'Noun' || t === 'Singular');
}
const PLACE_TAGS = ['City', 'Country', 'Region', 'Place'];
/** Tags that make a word more than an ordinary word (built once, not per word looked up). */
const NAME_OR_PLACE_TAGS = new Set([...NAME_TAGS, ...PLACE_TAGS, 'Organization', 'Demonym', 'ProperNoun', 'SportsTeam']);
/** Words that are capitalised only because they open a sentence. */
export function isCommonWord(word: string): boolean {
  if (word.length > 1 && word === word.toUpperCase()) return false; // "US", not "us"
  if (isFunctionWord(word)) return true; // "Die", "Les", "Para": capitalised only to open a sentence
  const tags = tagsOf(word);
  if (tags.length === 0) return false;
  return !tags.some((t) => NAME_OR_PLACE_TAGS.has(t));
}
/**
 * Whether "<who> of <organisation>" is a person and where they work ("Chen Wei of Songhua
 * Medical University", "Vikram Sethi of Northgate Research"): two or three capitalised words
 * that are no organisation, place or title of their own, then a name shaped like an
 * organisation ("Bank of America", "Church of England" are one name: their first part is not
 * a person's).
 */
export function isPersonOf(who: NameWord[], organisation: NameWord[]): boolean {
  const texts = who.map((w) => w.text);
  return (
    organisation.length > 0 &&
    looksLikeOrganisation(organisation.map((w) => w.text)) &&
    !looksLikeOrganisation(texts) &&
    !looksLikePlace(texts) &&
    texts.every((w) => /^\p{Lu}\p{Ll}/u.test(w) && !isTitleWord(w) && !isCommonWord(w) && !knownName(w))
  );
}

export const CONNECTOR_WORDS = new Set(['bin', 'ibn', 'al', 'de', 'da', 'del', 'van', 'von', 'der', 'den', 'ten', 'ter', 'du', 'la', 'le']);

/** A known place, nationality or organisation at `k` followed by a title word. */
export function leadingName(words: NameWord[], k: number): { name: string; type: EntityType; next: number } | undefined {
  for (let end = Math.min(words.length - 1, k + 4); end > k; end--) {
    if (!isTitleWord(words[end]!.text)) continue;
    const text = joined(words.slice(k, end));
    const demonym = placeOfDemonym(text);
    if (demonym) return { name: demonym, type: 'place', next: end };
    // "Democratic Sen. Chris Murphy", "Labour MP Diane Abbott".
    const party = partyOfAdjective(text);
    if (party) return { name: party, type: 'organisation', next: end };
    const known = knownName(text);
    if (known && known.type !== 'person') return { ...known, next: end };
    if (end === k + 1 && isAcronym(text)) return { name: text, type: 'organisation', next: end };
    // "T-Mobile CEO John Legere": an unknown word before a company title is the company.
    if (end === k + 1 && ORGANISATION_AFTER.test(words[end]!.text.toLowerCase()) && !has(text, ...NAME_TAGS) && !isCommonWord(text)) {
      return { name: text, type: 'organisation', next: end };
    }
  }
  return undefined;
}

/**
 * Where the title starts in "<qualifier> <title> <name>": one to three capitalised words that
 * are no title (the qualifier), title words, then a name of one to three words that opens with
 * a given name ("Bill" too) or a word no lexicon knows as common, or a surname alone. 0 when
 * the words are not so made.
 */
export function qualifiedTitle(words: NameWord[]): number {
  // ("Chief Financial Officer Annika Brandt" opens with a title: all of it before the name is the title.)
  if (isTitleWord(words[0]!.text)) return 0;
  for (let j = 1; j <= Math.min(5, words.length - 2); j++) {
    if (!isTitleWord(words[j]!.text) || isTitleWord(words[j - 1]!.text)) continue;
    let end = j;
    while (end < words.length && isTitleWord(words[end]!.text)) end++;
    const name = words.slice(end);
    if (name.length === 0 || name.length > 3 || !name.every((w) => /^\p{Lu}/u.test(w.text))) return 0;
    if (isFirstName(name[0]!.text) || isGivenName(name[0]!.text) || (name.length > 1 && !isCommonWord(name[0]!.text))) return j;
    // (Or a surname alone, a word no lexicon knows as common, after a qualifier that names a
    // place or a body: "Dallas Fed President Fisher"; not a menu's "Survey Economy Video".)
    const qualifier = words.slice(0, j);
    const namedQualifier = qualifier.some((w) => knownPlace(w.text) !== undefined || knownName(w.text) !== undefined) || knownName(joined(qualifier)) !== undefined;
    if (name.length === 1 && namedQualifier && /^\p{Lu}\p{Ll}+$/u.test(name[0]!.text) && !isCommonWord(name[0]!.text)) return j;
    return 0;
  }
  return 0;
}

/**
 * How many words from the start come before a trailing country or region ("Ascom | North
 * America"); 0 when the name does not end in one or is nothing else.
 */
export function trailingPlace(words: NameWord[]): number {
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const tail = joined(words.slice(words.length - n));
    const place = knownPlace(tail);
    const macroRegion = /^(North|South|East|West|Central|Latin)\s|^(Europe|Asia|Africa|America|Americas|Oceania|Middle East|Asia Pacific|EMEA|APAC)$/.test(tail);
    const head = words.slice(0, words.length - n);
    // (A country after one or two words only: "Microsoft India", not "White House National Security Council Ukraine".)
    if (place && (macroRegion || ((isCountry(place) || has(tail, 'Region', 'Country')) && head.length <= 2))) {
      // "New Mexico", "South Dakota", "Papua New Guinea": the head belongs to the place itself.
      if (knownPlace(joined(words)) || head.every((w) => isCommonWord(w.text) || /^(New|North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater)$/.test(w.text))) return 0;
      return words.length - n;
    }
  }
  return 0;
}

/** The longest leading run of words that is a known organisation, when more words follow. */
export function knownOrganisationPrefix(words: NameWord[]): { name: string; next: number } | undefined {
  for (let end = Math.min(words.length - 1, 3); end >= 1; end--) {
    const known = knownName(joined(words.slice(0, end)));
    if (known?.type !== 'organisation') continue;
    const rest = words.slice(end);
    // The rest must not be a name of its own ("Google Jack Buser" is two names).
    if (rest.some((w) => has(w.text, ...NAME_TAGS) || isTitleWord(w.text) || knownName(w.text))) return undefined;
    return { name: known.name, next: words.length };
  }
  return undefined;
}

/** All capitals, at least two letters: "BREAKING", "HD", "INC". */
export function isShouted(word: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(word) && word === word.toUpperCase();
}

/** The capitals of a name's words: "Sierra Nevada Corporation" → "SNC". */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

export function joined(words: NameWord[]): string {
  return words.map((w) => w.text).join(' ');
}

/**
 * The endings of a name of several words, shortest last, of `minWords` words or more and
 * never the whole name: "Van Der Beek" and "Der Beek" and "Beek" of "James Van Der Beek".
 */
export function nameEndings(name: string, minWords = 1): string[] {
  const words = name.split(' ');
  const endings: string[] = [];
  for (let k = 1; k <= words.length - minWords; k++) endings.push(words.slice(k).join(' '));
  return endings;
}

export function isAcronym(name: string): boolean {
  // "A HUNTER who…": a shouted ordinary word is no abbreviation.
  if (name.length > 3 && isCommonWord(name[0] + name.slice(1).toLowerCase())) return false;
  return /^[A-Z][A-Z0-9&]{1,5}$/.test(name) && !notOrganisationAcronyms.has(name);
}

/** Gazetteer and lexicon names: places and organisations with their canonical names. */
export function knownName(name: string): { name: string; type: EntityType } | undefined {
  const org = knownOrganisation(name);
  if (org) return { name: org, type: 'organisation' };
  const place = knownPlace(name);
  if (place) return { name: place, type: 'place' };
  const person = name.includes(' ') ? knownPerson(name) : undefined;
  if (person) return { name: person, type: 'person' };
  if (has(name, 'Country', 'City', 'Region')) return { name, type: 'place' };
  if (has(name, 'Organization', 'SportsTeam')) return { name, type: 'organisation' };
  if (name.includes(' ') && has(name, 'Person')) return { name, type: 'person' };
  return undefined;
}
