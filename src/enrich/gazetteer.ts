/**
 * Gazette's own small gazetteer, read once from the JSON files in `gazetteer-data/`: countries with
 * their other names and nationality adjectives, cities the NLP lexicon lacks, organisations
 * and people news names every day, in Latin and Arabic script, and the word lists the tagger
 * reads (titles, organisation endings). The NLP lexicon (compromise) covers common first
 * names, many cities and companies; these files cover what it gets wrong or misses for news,
 * and give each a canonical name. Editing the data needs no code change.
 */
import countryData from './gazetteer-data/countries.json' with { type: 'json' };
import firstNameData from './gazetteer-data/first-names.json' with { type: 'json' };
import functionWordData from './gazetteer-data/function-words.json' with { type: 'json' };
import nameWords from './gazetteer-data/name-words.json' with { type: 'json' };
import organisationData from './gazetteer-data/organisations.json' with { type: 'json' };
import peopleData from './gazetteer-data/people.json' with { type: 'json' };
import placeData from './gazetteer-data/places.json' with { type: 'json' };
import cityData from './gazetteer-data/world-cities.json' with { type: 'json' };

const places = new Map<string, string>();
const countries = new Set<string>();
const demonyms = new Map<string, string>();
const organisations = new Map<string, string>();
const people = new Map<string, string>();

const key = (name: string) => name.toLowerCase();

for (const c of countryData.countries) {
  places.set(key(c.name), c.name);
  countries.add(c.name);
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

/** True for the canonical name of a country ("Germany"), not a city or region. */
export function isCountry(name: string): boolean {
  return countries.has(name);
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

/** First words that mark an organisation on their own ("PT Bank …", "FC Porto", "ПАО Сбербанк"). */
const organisationPrefixes = new Set(nameWords.organisationPrefixes);

/** True when a capitalised name's shape says it is an organisation. */
export function looksLikeOrganisation(words: string[]): boolean {
  const lastWord = words[words.length - 1]!.toLowerCase();
  // "Wheeling News-Register": the last part of a hyphenated last word counts too.
  const lastPart = lastWord.split('-').pop()!;
  // ("Trump Administration" is a government, named for a person: not an organisation's name.)
  if (lastWord === 'administration' && words.length === 2 && people.has(key(words[0]!))) return false;
  if (words.length > 1 && (organisationSuffixes.has(lastWord) || organisationSuffixes.has(lastPart))) return true;
  // "Schlosspark-Klinik", "Wheeling News-Register": one hyphenated word ending in an organisation word.
  if (words.length === 1 && lastPart !== lastWord && lastPart.length > 3 && organisationSuffixes.has(lastPart)) return true;
  // A short prefix must be written in capitals ("FC Porto", "PT Astra"), so "As Trump said" is no club.
  const first = words[0]!;
  if (words.length > 1 && organisationPrefixes.has(first.toLowerCase()) && (first.length > 3 || first === first.toUpperCase())) return true;
  // "Bank of England", "University of Oxford", "Diplomatic Academy of Vietnam".
  const of = words.findIndex((w) => w === 'of' || w === 'for');
  if (of < 1 || of === words.length - 1) return false;
  const head = words[of - 1]!.toLowerCase();
  return organisationHeads.has(head) || (of > 1 && organisationSuffixes.has(head));
}

const placeSuffixes = new Set(nameWords.placeSuffixes);
const placeHeads = new Set(nameWords.placeHeads);

/**
 * True when a capitalised name's shape says it is a place or venue: "Yankee Stadium",
 * "Orange County", "Lake Michigan", "Mount Kenya", "Gulf of Mexico".
 */
export function looksLikePlace(words: string[]): boolean {
  if (words.length < 2) return false;
  const last = words[words.length - 1]!.toLowerCase();
  const first = words[0]!.toLowerCase().replace(/\.$/, '');
  return placeSuffixes.has(last) || (placeHeads.has(first) && /^\p{Lu}/u.test(words[1] === 'of' ? (words[2] ?? '') : words[1]!));
}

/** Legal forms that end (or, for "ПАО", open) a company's name but not its canonical name. */
const legalForms = new Set(nameWords.legalForms);
const LEADING_LEGAL_FORM = /^(?:PT|ООО|ПАО|ОАО|ЗАО|АО)\s+/u;

/**
 * A company's name without its legal form: "WeWork Inc." → "WeWork", "Deutsche Bank AG" →
 * "Deutsche Bank", "PT Astra International Tbk" → "Astra International". Names that are
 * nothing but a legal form stay as they are.
 */
export function withoutLegalForm(name: string): string {
  let words = name.replace(LEADING_LEGAL_FORM, '').split(/\s+/);
  while (words.length > 1 && legalForms.has(words[words.length - 1]!.toLowerCase().replace(/,$/, ''))) words = words.slice(0, -1);
  const base = words.join(' ').replace(/,$/, '');
  return base.length > 0 ? base : name;
}

/** True for a word that is only a legal form ("Inc", "GmbH"): never a name by itself. */
export function isLegalForm(word: string): boolean {
  return legalForms.has(word.toLowerCase());
}

let cityPopulations: Map<string, number> | undefined;

/**
 * The population of the largest place of that name with at least 15,000 inhabitants
 * (GeoNames, via world-cities.json), or undefined. Indexed on first use.
 */
export function cityPopulation(name: string): number | undefined {
  cityPopulations ??= new Map(cityData.cities as [string, number][]);
  return cityPopulations.get(name);
}

let givenNames: Set<string> | undefined;

/** True for a given name of one of 40 locales ("Volodymyr", "Siti", "Jörg"), as written. */
export function isGivenName(word: string): boolean {
  givenNames ??= new Set(firstNameData.names);
  return givenNames.has(word);
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
