/**
 * Gazette's own small gazetteer, read once from the JSON files in `gazetteer-data/`: countries with
 * their other names and nationality adjectives, cities the NLP lexicon lacks, organisations
 * and people news names every day, in Latin and Arabic script, and the word lists the tagger
 * reads (titles, organisation endings). The NLP lexicon (compromise) covers common first
 * names, many cities and companies; these files cover what it gets wrong or misses for news,
 * and give each a canonical name. Editing the data needs no code change.
 */
import countryData from './gazetteer-data/countries.json' with { type: 'json' };
import functionWordData from './gazetteer-data/function-words.json' with { type: 'json' };
import nameWords from './gazetteer-data/name-words.json' with { type: 'json' };
import organisationData from './gazetteer-data/organisations.json' with { type: 'json' };
import peopleData from './gazetteer-data/people.json' with { type: 'json' };
import placeData from './gazetteer-data/places.json' with { type: 'json' };

const places = new Map<string, string>();
const demonyms = new Map<string, string>();
const organisations = new Map<string, string>();
const people = new Map<string, string>();

const key = (name: string) => name.toLowerCase();

for (const c of countryData.countries) {
  places.set(key(c.name), c.name);
  for (const a of c.aliases) places.set(key(a), c.name);
  for (const d of c.demonyms) demonyms.set(key(d), c.name);
}
for (const name of placeData.places) places.set(key(name), name);
for (const [alias, name] of Object.entries(placeData.aliases)) places.set(key(alias), name);
for (const o of organisationData.organisations) {
  organisations.set(key(o.name), o.name);
  for (const a of o.aliases) organisations.set(key(a), o.name);
}
for (const p of peopleData.people) {
  people.set(key(p.name), p.name);
  for (const a of p.aliases) people.set(key(a), p.name);
}

/** The canonical name of a place the gazetteer knows ("U.S." → "United States"). */
export function knownPlace(name: string): string | undefined {
  return places.get(key(name));
}

/** The place a nationality adjective belongs to ("German" → "Germany"). */
export function placeOfDemonym(word: string): string | undefined {
  return demonyms.get(key(word));
}

/** The canonical name of an organisation the gazetteer knows ("EU" → "European Union"). */
export function knownOrganisation(name: string): string | undefined {
  return organisations.get(key(name));
}

/** The full name of a person the gazetteer knows by another name ("Trump" → "Donald Trump"). */
export function knownPerson(name: string): string | undefined {
  return people.get(key(name));
}

/** Words that make up titles and honorifics: kept as roles, never as names. */
const titleWords = new Set(nameWords.titles);

/** True for a word that belongs to a title ("Secretary", "General", "Chancellor", "Mr"). */
export function isTitleWord(word: string): boolean {
  return titleWords.has(word.toLowerCase().replace(/\.$/, ''));
}

/** Last words that mark an organisation ("… Bank", "… Inc", "… Ministry"). */
const organisationSuffixes = new Set(nameWords.organisationSuffixes);

/** First words that mark an organisation ("Ministry of …", "University of …"). */
const organisationHeads = new Set(nameWords.organisationHeads);

/** True when a capitalised name's shape says it is an organisation. */
export function looksLikeOrganisation(words: string[]): boolean {
  const lastWord = words[words.length - 1]!.toLowerCase();
  if (words.length > 1 && organisationSuffixes.has(lastWord)) return true;
  // "Bank of England", "University of Oxford", "Diplomatic Academy of Vietnam".
  const of = words.findIndex((w) => w === 'of' || w === 'for');
  if (of < 1 || of === words.length - 1) return false;
  const head = words[of - 1]!.toLowerCase();
  return organisationHeads.has(head) || (of > 1 && organisationSuffixes.has(head));
}

/** Upper-case abbreviations that are not organisations. */
export const notOrganisationAcronyms = new Set(nameWords.notOrganisationAcronyms);

/** Function words of the other languages Gazette serves ("Die", "Les", "Para"). */
const functionWords = new Set(
  Object.entries(functionWordData)
    .filter(([language]) => language !== 'about')
    .flatMap(([, words]) => words as string[]),
);

/** True for an article, pronoun, preposition or conjunction of German, French, Spanish, Portuguese, Italian, Dutch or Indonesian. */
export function isFunctionWord(word: string): boolean {
  return functionWords.has(word.toLowerCase());
}
