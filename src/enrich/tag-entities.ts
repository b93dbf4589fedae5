import type { EntityType } from '../domain/entity.js';
import { escapeRegExp } from '../domain/escape-reg-exp.js';
import { findArabicNames } from './find-arabic-names.js';
import {
  abbreviatedState,
  actsOnOwn,
  bracketedAbbreviation,
  corporateContext,
  countryOfStateBody,
  employerBeforeStaff,
  insideTitle,
  makerBeforePrice,
  isNewspaperName,
  isNewspaperWord,
  ministryInLowerCase,
  partyInLowerCase,
  personContext,
  productNames,
  surnameNamedAgain,
  publicationBefore,
  titleOfWork,
  workplaceContext,
} from './context-cues.js';
import { joinedBeforeAmpersand, splitUnlessFirm } from './ampersand-firms.js';
import { findDatelinePlaces, findWireCredits } from './find-dateline-places.js';
import { findNationalityWords } from './find-nationality-words.js';
import { findNameSpans, isParticleName, type NameSpan, type NameWord } from './find-name-spans.js';
import {
  AGENT_NOUN,
  APPOSITION_THEN_SPEECH,
  CAMEL_CASE,
  COMPASS,
  CONTINENTS,
  COMPOUND_TITLE,
  CORPORATE_VERBS,
  EXCHANGE_BEFORE,
  GEOGRAPHIC,
  LEGAL_FORM_AFTER,
  LOCATIVE,
  MONTHS_AND_DAYS,
  NOT_TEAMS,
  ORGANISATION_AFTER,
  ORGANISATION_APPOSITION,
  ORGANISATION_BEFORE,
  OWNED,
  PAIRED_CORPORATE,
  QUOTE_MARK,
  SOURCE_BEFORE,
  SPEECH_VERBS,
  SPORTS_RESULT,
  TEAM_RECORD,
  describedBefore,
  isPersonNoun,
} from './name-cues.js';
import {
  cityPopulation,
  isCelestialBody,
  isCountry,
  isFamilyName,
  isFunctionWord,
  isGivenName,
  isLegalForm,
  isMarketIndex,
  isOrganisationWord,
  isPlaceWord,
  isTitleModifier,
  isTitleWord,
  knownOrganisation,
  knownPerson,
  knownPlace,
  looksLikeOrganisation,
  looksLikePlace,
  partyOfAdjective,
  placeOfDemonym,
  withoutLegalForm,
} from './gazetteer.js';
import {
  CONNECTOR_WORDS,
  NAME_TAGS,
  has,
  initials,
  isAcronym,
  isCommonWord,
  isFirstName,
  isNounGivenName,
  isPersonOf,
  isShouted,
  joined,
  nameEndings,
  knownName,
  knownOrganisationPrefix,
  leadingName,
  qualifiedTitle,
  trailingPlace,
} from './name-lexicon.js';
import { resolveSurnames, summarise, type Found, type TaggedEntities } from './resolve-mentions.js';

export type { MentionSpan, TaggedEntities } from './resolve-mentions.js';

/** Options of the tagger. */
export interface TagEntitiesOptions {
  /** Entities mentioned fewer times than this are dropped (1 keeps everything). */
  minMentions?: number;
  /**
   * The text's language (BCP 47). In a language that capitalises every noun (German,
   * Luxembourgish) a capital is no sign of a name, so only names the tagger can vouch for
   * otherwise are kept: see `vouchedFor`.
   */
  language?: string | null;
}

/** After a player's name in a box score: "25 points", "3 steals", "112 yards". */
const STAT_LINE = /^\s+\d{1,3}\s+(?:points?|pts|rebounds?|assists?|goals?|saves?|steals?|blocks?|yards?|tackles?|strikeouts?|RBIs?)\b/i;

/** Words after which a name is an outlet (and "told"): "told Sky Sports", "published in Nature Medicine". */
const OUTLET_CUES = 'published in|reported in|wrote in|wrote for|writing in|writing for|interview with|editor of|editor at|columnist for|columnist at|reporter for|reporter at|op-ed in|article in|report in';
/** Of a name of several words: after these a reporter may come instead ("reported by Sui-Lee Wee"). */
const OUTLET_BEFORE = new RegExp(`(?:\\btold|${OUTLET_CUES})\\s+$`, 'i');
/** Before "The X", also the words a reporter may follow: "according to The Times", "reported by The Hill". */
const PUBLICATION_BEFORE = new RegExp(`(?:\\btold|${OUTLET_CUES}|according to|reported by|cited by|first reported|via)\\s+$`, 'i');

/** Names of movements and bodies that each country has its own of: "Red Cross", "Communist Party". */
const NATIONAL_BRANCH = /\s(?:Cross|Crescent|Party|Society|Association|Federation|Union|Council|Academy|League)$/;

/**
 * A title in lower case and "of" right before a name: "president of", "founder of the". (Not
 * "director of", "head of", "vice president of" or "professor of": a department or a subject
 * may follow.)
 */
const TITLE_OF_BEFORE = /(?<!vice[\s-])\b(?:president|chairman|chairwoman|chief executive|ceo|founder|co-founder|spokesman|spokeswoman|spokesperson|owner)\s+of\s+(?:the\s+)?$/i;

/** Titles abbreviated with a full stop, which ends no sentence before a name: "Gov. Deval Patrick", "Sen. Elizabeth Warren". */
const ABBREVIATED_TITLE = /^(?:Gov|Sen|Rep|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Adm|Cmdr|Dr|Prof|Rev|Amb|Atty|Supt|Det|Insp|Pres|Sec|Mr|Mrs|Ms|Sens|Reps)$/;

/** Last words that make a company's name whole: "Kenya Airways", "Lux Capital". */
const COMPANY_ENDINGS = /^(?:Airways|Airlines|Capital|Partners|Holdings|Group|Bank|Hospital|Fund|Motors|Pharmaceuticals|Technologies|Ventures|Insurance)$/;


/** Languages whose speakers often have one name only ("Prabowo", "Jokowi", "Ali"). */
const MONONYMOUS = new Set(['id', 'jv', 'su']);

/** Languages that capitalise every noun: "Dezember", "Fußball", "Strafraum" are not names. */
const NOUN_CAPITALISING = new Set(['de', 'lb', 'gsw', 'bar', 'nds']);


/**
 * Tags people, organisations and places: capitalised spans classified by the gazetteer,
 * compromise's lexicon and Gazette's rules. Titles become roles ("German Chancellor"
 * Friedrich Merz), nationality adjectives count as mentions of their country, and a later
 * surname ("Rutte") or "Mr Rutte" counts for the full name given in the article.
 */
export function tagEntities(text: string, options: TagEntitiesOptions = {}): TaggedEntities {
  const found: Found[] = [];
  // A dateline's upper-case city ("BAAR, SWITZERLAND", "WASHINGTON (AP) —") is a place.
  const datelines = findDatelinePlaces(text);
  for (const d of datelines) found.push({ ...d, type: 'place', role: null });
  // A press release's "/PRNewswire/" or "(GLOBE NEWSWIRE)" after the date is the wire's name.
  const credits = findWireCredits(text);
  for (const c of credits) found.push({ ...c, type: 'organisation', role: null });
  // "Rogers, Craig and Mayes counties": each is a county (not the surname Rogers).
  const counties = findListedCounties(text);
  for (const c of counties) found.push({ ...c, type: 'place', role: null });
  const claimed = [...datelines, ...credits, ...counties];
  const covered = (start: number) => claimed.some((d) => start >= d.start && start < d.end);
  // A headline's trailing "| Al Bawaba" or "- SpaceNews.com" names the publisher.
  const publisher = publisherSuffix(text);
  if (publisher) found.push({ ...publisher, role: null });
  let pendingRole: string | null = null;
  const spans = joinedAtCommas(joinedAtAnd(joinedBeforeAmpersand(findNameSpans(text)).flatMap(splitUnlessFirm)));
  for (const [i, span] of spans.entries()) {
    const at = span.words[0]!.start;
    // (A span a name found before already covers: the publisher, "Investors Service" of "Moody's
    // Investors Service". Names are found in the order of the text, so only the last few can.)
    if (covered(at) || (publisher && at >= publisher.start && at < publisher.end) || found.slice(-3).some((f) => at > f.start && at < f.end)) continue;
    const sibling = sharedSurname(span, spans[i + 1], text);
    if (sibling) found.push({ ...sibling, type: 'person', role: null });
    const role = classifySpan(span, found, pendingRole);
    pendingRole = role;
  }
  // Arabic script has no capitals: names there come from the gazetteer and title cues.
  for (const a of findArabicNames(text)) found.push({ ...a, role: null });
  const primary = (options.language ?? '').toLowerCase().split(/[-_]/)[0]!;
  for (const n of findNationalityWords(text, primary)) found.push({ ...n, role: null });
  // "US Senate", "Russian Foreign Ministry": the country opening a state body's name is mentioned too.
  if (primary === 'en' || primary === '') {
    for (const f of found.filter((o) => o.type === 'organisation')) {
      const country = countryOfStateBody(text.slice(f.start, f.end));
      if (country) found.push({ name: country.name, type: 'place', start: f.start, end: f.start + country.length, role: null });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const vouched = NOUN_CAPITALISING.has(primary) ? found.filter((f) => (f.type === 'place' && covered(f.start)) || vouchedFor(f)) : found;
  const products = productNames(text, vouched.filter((f) => f.type === 'organisation').map((f) => f.name));
  const kept = withoutTitleCaseGuesses(text, primary === 'en' ? withoutMachineNames(text, withoutCelestialBodies(text, vouched)) : vouched, publisher?.start).filter((f) => f.type !== 'organisation' || !products.has(f.name));
  resolveSurnames(kept, MONONYMOUS.has(primary));
  if (primary === 'en' || primary === '') withTheInNames(text, kept);
  return summarise(kept, options.minMentions ?? 1);
}

/**
 * "told The Daily Post", "a merger with The We Company": a capital "The" inside a sentence
 * belongs to the organisation's name (of several words), and the same name written without it
 * is that organisation too. (Names the gazetteer knows keep their own form: "The Associated
 * Press" is Associated Press.)
 */
function withTheInNames(text: string, found: Found[]): void {
  const named = new Set<string>();
  for (const f of found) {
    if (f.type !== 'organisation' || text.slice(f.start - 4, f.start) !== 'The ' || knownName(f.name)) continue;
    // (Not "The" opening a sentence, a line, a quotation or a clause after a colon.)
    if (/(^|[.!?]['"”’)]*\s+|\n\s*|["“‘«„(]\s*|:\s*)$/u.test(text.slice(Math.max(0, f.start - 10), f.start - 4))) continue;
    named.add(f.name);
  }
  for (const f of found) {
    if (f.type !== 'organisation' || !named.has(f.name)) continue;
    f.name = `The ${f.name}`;
    if (text.slice(f.start - 4, f.start) === 'The ') f.start -= 4;
  }
}

/**
 * Whether a name found by its capitals is one without them: known to the gazetteer or the
 * lexicon, a person whose first word is a first name ("Julian Weigl", not "Spieler den
 * Ball"), an organisation by its shape ("FC Schalke", "Deutsche Bank AG") or a short acronym
 * ("DFB"), or a surname left for a person found in full. Other places must be cities of
 * 100,000 or more: in German unknown ones are mostly nouns ("Dezember", "Revierderby").
 */
function vouchedFor(f: Found): boolean {
  if (f.surname || knownName(f.name)) return true;
  const words = f.name.split(/\s+/);
  if (f.type === 'person') return words.length > 1 && isFirstName(words[0]!) && words.every((w) => /^\p{Lu}/u.test(w));
  if (f.type === 'place') return (cityPopulation(f.name) ?? 0) >= 100_000;
  if (f.type === 'organisation') return /^\p{Lu}[\p{Lu}\d&]{1,4}$/u.test(f.name) || (words.length > 1 && (looksLikeOrganisation(words) || words.some((w) => /^\p{Lu}{2,4}$/u.test(w))));
  return false;
}

/**
 * Names that are or hold a planet or moon ("Europa", "Galileo Jupiter probe", "Europa
 * Clipper"), in English text, where they are no entities, unless the gazetteer knows the
 * whole name as an organisation's. Other languages keep them: "Europa" is Europe in German,
 * Spanish or Portuguese.
 */
function withoutCelestialBodies(text: string, found: Found[]): Found[] {
  return found.filter((f) => {
    const written = text.slice(f.start, f.end);
    return !written.split(/\s+/).some((w) => isCelestialBody(w.replace(/['’]s$/u, ''))) || knownOrganisation(written) !== undefined;
  });
}

/** Machines and craft, which take people's names: "the Hazel Hen supercomputer", "the James Webb telescope". */
const MACHINE_AFTER = /^\s+(?:super)?computers?\b|^\s+(?:space\s+)?telescopes?\b|^\s+(?:rockets?|satellites?|spacecraft|space\s+probes?|rovers?|landers?|reactors?|locomotives?|robots?|chatbots?|supercomputing)\b/i;

/** A person's name between "the" and a machine's word names the machine, not the person. */
function withoutMachineNames(text: string, found: Found[]): Found[] {
  return found.filter((f) => f.type !== 'person' || !/\bthe\s+$/i.test(text.slice(Math.max(0, f.start - 5), f.start)) || !MACHINE_AFTER.test(text.slice(f.end, f.end + 30)));
}

/**
 * In a headline written in title case ("Physicists Just Created the Most Detailed Simulation")
 * every word has a capital, so a name found only there is kept when the body names it too
 * or the gazetteer knows it. (The publisher after "|" is kept: see `publisherSuffix`.)
 */
function withoutTitleCaseGuesses(text: string, found: Found[], publisherStart = Infinity): Found[] {
  const m = /^([^\n]*)\n\s*\n/.exec(text);
  if (!m) return found;
  const headline = m[1]!;
  const long = headline.match(/[\p{L}'’-]{4,}/gu) ?? [];
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w));
  // (A first line ending in a full stop is a sentence, not a headline.)
  if (long.length < 4 || capitalised.length < 0.7 * long.length || /\.\s*$/.test(headline)) return found;
  const body = text.slice(m[0].length);
  return found.filter((f) => {
    if (f.start >= headline.length || f.start >= publisherStart) return true;
    const written = text.slice(f.start, f.end);
    return body.includes(written) || body.includes(f.name) || knownName(f.name) !== undefined || placeOfDemonym(written) !== undefined;
  });
}

/** Section labels that end page titles but name no publisher. */
const SECTION_WORDS = /^(editorial|opinion|analysis|live|video|videos|photos?|gallery|explainer|review|reviews|comment|interview|exclusive|update|updates|breaking|podcast|watch|sports?|business|news|world|politics|tech|technology|culture|entertainment|column|blog|latest|local)$/i;

/**
 * The site or publisher after the last " | ", " – " or " - " of the first line (a page title's
 * suffix: "… | Al Bawaba", "… - SpaceNews.com"): one to three capitalised words that are not
 * a section label ("| Editorial", "- Live") or one ordinary word.
 */
function publisherSuffix(text: string): (Omit<Found, 'role'> & { type: EntityType }) | undefined {
  const firstLine = text.split('\n', 1)[0]!;
  // (A name may open with a digit when a capital follows inside it: "9to5Mac".)
  const m = /\s[|–—-]\s+((?:\p{Lu}[\p{L}\p{N}.&'’-]*|\p{N}+\p{Ll}*\p{N}*\p{Lu}[\p{L}\p{N}.&'’-]*)(?:\s+\p{Lu}[\p{L}\p{N}.&'’-]*){0,2})\s*$/u.exec(firstLine);
  if (!m) return undefined;
  const name = m[1]!;
  const words = name.split(/\s+/);
  if (words.every((w) => SECTION_WORDS.test(w) || isTitleWord(w)) || (words.length === 1 && isCommonWord(name))) return undefined;
  const start = m.index + m[0].indexOf(name);
  const known = knownName(name);
  if (known && known.type !== 'organisation') return undefined;
  return { name: known?.name ?? name, type: 'organisation', start, end: start + name.length };
}

/**
 * "National Research, Development and Innovation Office", "Senate Health, Education, Labor
 * and Pensions Committee": once two spans are joined at "and" into one body's name, the spans
 * right before it, each separated by a comma alone, are the first items of that name's list,
 * when they are no names of their own (not "Apple, Food and Drug Administration") nor a word
 * that is capitalised only to open a sentence ("However, …").
 */
function joinedAtCommas(spans: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const b of spans) {
    let list = b;
    const listEnd = b.words.some((w) => w.text === 'and') && isOrganisationWord(b.words[b.words.length - 1]!.text);
    while (listEnd && out.length > 0) {
      const a = out[out.length - 1]!;
      const lastA = a.words[a.words.length - 1]!;
      const aName = joined(a.words);
      const ownName = knownName(aName) !== undefined || knownName(lastA.text) !== undefined || has(lastA.text, ...NAME_TAGS);
      if (list.before !== ', ' || list.words[0]!.start !== lastA.end + 2 || a.possessive || ownName || (a.sentenceStart && a.words.length === 1)) break;
      // (The comma stays with the word before it, so the name reads as the text writes it.)
      const withComma = { ...lastA, text: `${lastA.text},`, end: lastA.end + 1 };
      list = { ...list, words: [...a.words.slice(0, -1), withComma, ...list.words], sentenceStart: a.sentenceStart, before: a.before, previousWord: a.previousWord, preceding: a.preceding };
      out.pop();
    }
    out.push(list);
  }
  return out;
}

/**
 * Joins two spans around "and" when together they name one body: "Securities and Exchange
 * Commission", "Food and Drug Administration" (an organisation's last word ends the second,
 * and the first is no name of its own: "Microsoft and Amazon Web Services" stay two).
 */
function joinedAtAnd(spans: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const a = spans[i]!;
    const b = spans[i + 1];
    const lastA = a.words[a.words.length - 1]!;
    // (A firm's name with an ampersand is whole: "Rothschild & Co and Lazard Frères".)
    if (b && a.nextWord === 'and' && b.previousWord === 'and' && b.words[0]!.start === lastA.end + 5 && !a.possessive && b.words.length > 1 && !a.words.some((w) => w.text === '&')) {
      const texts = [...a.words, ...b.words].map((w) => w.text);
      const aName = joined(a.words.filter((w) => w.text !== 'The'));
      // (The first part longer than one word or an ordinary word: "Gannett and GateHouse Media"
      // are two; or the abbreviation after it spells both: "Competition and Markets Authority (CMA)".)
      const aWords = aName.split(' ').length;
      const spelled = /^\s*\(\s*(\p{Lu}{3,})\s*\)/u.exec(b.following)?.[1] === initials(joined([...a.words, ...b.words].filter((w) => w.text !== 'The')));
      // (Nor when the first part is a whole company by its last word, "Kenya Airways and Ethiopian
      // Airlines", "Queen Elizabeth Hospital and Heartlands Hospital"; "U.S. Securities and Exchange
      // Commission" is one. A single first word may be a noun no lexicon lists: "Competition and
      // Markets Authority".)
      const lastB = b.words[b.words.length - 1]!.text;
      // (Or when the second ends in a legal form and the first in a company's word, "Ceres Robotics
      // and Tyvak Nano-Satellite Systems Inc".)
      // (Or when it ends in a legal form, "Schneider Electric SE and Honeywell International", or
      // opens with a known company, "Microsoft Azure and Amazon Web Services".)
      const aWhole =
        a.words.length > 1 &&
        (lastA.text === lastB || COMPANY_ENDINGS.test(lastA.text) || (aWords > 1 && isOrganisationWord(lastA.text) && isLegalForm(lastB)) || isLegalForm(lastA.text) || knownOrganisation(a.words[0]!.text) !== undefined) &&
        !a.words.some((w) => w.text === 'of' || w.text === 'for');
      const abstractNoun = /\p{Ll}(?:tion|sion|ment|ness|ity|ance|ence|ure|ing|ies)$/u.test(lastA.text);
      // (Or a place's name, for a body of two places: "Kensington and Chelsea Council".)
      const placePair = aWords === 1 && (knownName(aName)?.type === 'place' || cityPopulation(aName) !== undefined) && isOrganisationWord(lastB) && !COMPANY_ENDINGS.test(lastB);
      const joinable = placePair || (!knownName(aName) && (aWords > 1 || isCommonWord(lastA.text) || abstractNoun || spelled) && !has(lastA.text, ...NAME_TAGS) && !knownName(lastA.text));
      // (Or together they are a body the gazetteer knows: "Customs and Border Protection".)
      const knownWhole = knownName(`${joined(a.words)} and ${joined(b.words)}`)?.type === 'organisation';
      if (knownWhole || (looksLikeOrganisation(texts) && !aWhole && joinable)) {
        const and = { text: 'and', start: lastA.end + 1, end: lastA.end + 4 };
        out.push({ ...b, words: [...a.words, and, ...b.words], sentenceStart: a.sentenceStart, before: a.before, previousWord: a.previousWord, preceding: a.preceding });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * "Joe and Hunter Biden", "Bill and Hillary Clinton": a lone first name before "and" and a
 * full name shares that name's surname.
 */
function sharedSurname(span: NameSpan, next: NameSpan | undefined, text: string): { name: string; start: number; end: number } | undefined {
  if (!next || span.words.length !== 1 || span.nextWord !== 'and' || next.previousWord !== 'and') return undefined;
  const first = span.words[0]!;
  if (next.words[0]!.start !== first.end + 5 || next.words.length < 2 || next.words.length > 3) return undefined;
  if (!isFirstName(first.text) || knownName(first.text) || !/^\p{Lu}\p{Ll}/u.test(next.words[0]!.text)) return undefined;
  // (Not a surname the text already uses alone: "Duncan answered …; people like Duncan and Patrick Sawyer".)
  // (Looked for in the few thousand characters before, so a text of many such pairs stays linear.)
  const alone = new RegExp(`(?<![\\p{L}])${escapeRegExp(first.text)}\\s+\\p{Ll}`, 'u');
  if (alone.test(text.slice(Math.max(0, first.start - 3000), first.start))) return undefined;
  const surname = next.words[next.words.length - 1]!.text;
  if (isTitleWord(surname) || isCommonWord(surname)) return undefined;
  return { name: `${first.text} ${surname}`, start: first.start, end: first.end };
}

/**
 * Whether the words around a one-word company name, or the text before it, say it is the
 * company: "Ford shares", "shares of Ford", "Ford announced", "Dell said", "Ford Motor"
 * named before (its known name may be the one word: the text wrote more).
 */
function companyCue(span: NameSpan, found: Found[], company: string): boolean {
  const next = span.nextWord ?? '';
  const cued = corporateContext(span) || CORPORATE_VERBS.test(next) || ORGANISATION_AFTER.test(next) || SPEECH_VERBS.test(next) || SPEECH_VERBS.test(span.previousWord ?? '') || LEGAL_FORM_AFTER.test(span.following);
  return cued || found.some((f) => f.type === 'organisation' && f.name === company && f.end - f.start > company.length);
}

/** Classifies one span, pushing what it finds; returns a title left over for the next span. */
function classifySpan(span: NameSpan, found: Found[], pendingRole: string | null): string | null {
  const lowerCaseParty = partyInLowerCase(span, (w) => has(w, ...NAME_TAGS) || placeOfDemonym(w) !== undefined || knownPlace(w) !== undefined);
  if (lowerCaseParty) {
    found.push({ name: knownName(lowerCaseParty)?.name ?? lowerCaseParty, type: 'organisation', start: span.words[0]!.start, end: span.words[span.words.length - 1]!.end + ' party'.length, role: null });
    return null;
  }
  // "the French foreign ministry": that country's ministry, and the country.
  const ministry = ministryInLowerCase(span);
  if (ministry) {
    const adjective = span.words[span.words.length - 1]!;
    found.push({ name: ministry.country, type: 'place', start: adjective.start, end: adjective.end, role: null });
    found.push({ name: knownName(ministry.name)?.name ?? ministry.name, type: 'organisation', start: adjective.start, end: adjective.end + ministry.length, role: null });
    return null;
  }
  // "le Parti socialiste", "el Partido popular", "il Partito democratico": a party whose
  // adjective the language writes in lower case.
  // (After an article opening the sentence too: "El Partido popular votó".)
  const partyWord = span.words[span.words.length - 1]!;
  const partyLed = /^(?:Parti|Partido|Partito)$/.test(partyWord.text) && (span.words.length === 1 || (span.words.length === 2 && /^(?:Le|La|El|Il|O)$/.test(span.words[0]!.text)));
  const partyAdjective = partyLed ? /^\s+(\p{Ll}[\p{L}-]{3,})/u.exec(span.following) : null;
  if (partyAdjective && !isFunctionWord(partyAdjective[1]!)) {
    const name = `${partyWord.text} ${partyAdjective[1]}`;
    found.push({ name: knownName(name)?.name ?? name, type: 'organisation', start: partyWord.start, end: partyWord.end + partyAdjective[0].length, role: null });
    return null;
  }
  // "Moody’s Investors Service", "King’s College London": a possessive inside an organisation's
  // name (even when its first word, "Moody", is also an ordinary word opening the sentence).
  // (Or a saint's: "St Columba’s Hospital", "St. Mary’s College".)
  const saint = span.words.length === 2 && /^(?:St\.?|Ste\.?|Saint)$/.test(span.words[0]!.text);
  const inner = span.possessive && (span.words.length === 1 || saint) ? /^(['’]s)\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3})/u.exec(span.following) : null;
  // (Not a known name's or an abbreviation's: "NASA’s Goddard Space Flight Center", "Kenya’s Equity Group".)
  const possessor = joined(span.words);
  // (Nor a day's: "Tuesday’s Senate Health, Education, Labor and Pensions Committee hearing".)
  const ownName = () => !knownName(possessor) && !isShouted(possessor) && !MONTHS_AND_DAYS.test(possessor) && !personEndingWith(found, possessor);
  // (A saint's square, street or cathedral is a place: "St. Peter’s Square", "St Paul’s Cathedral".)
  const innerWords = inner ? inner[2]!.split(/\s+/) : [];
  const place = saint && innerWords.length > 0 && isPlaceWord(innerWords[innerWords.length - 1]!);
  // "Maricopa County Attorney’s Office", "Los Angeles County Sheriff’s Department": an office
  // named for the title of whoever holds it.
  // (The holder's word is a title or an agent noun: "Prosecutor", "Comptroller", "Coroner".)
  const holderWord = span.words[span.words.length - 1]!.text;
  const officeOf = span.possessive && span.words.length >= 2 && (isTitleWord(holderWord) || /^\p{Lu}\p{Ll}+(?:or|er)$/u.test(holderWord)) ? /^(['’]s)\s+(Office|Department|Bureau)(?![\p{L}])/u.exec(span.following) : null;
  if (officeOf) {
    const named = span.words[0]!.text === 'The' ? span.words.slice(1) : span.words;
    const name = `${joined(named)}'s ${officeOf[2]}`;
    found.push({ name: knownName(name)?.name ?? name, type: 'organisation', start: named[0]!.start, end: span.words[span.words.length - 1]!.end + officeOf[0].length, role: null });
    return null;
  }
  if (inner && (place || innerWords.some((w) => isOrganisationWord(w))) && ownName()) {
    const first = span.words[0]!;
    const name = `${possessor}'s ${inner[2]}`;
    found.push({ name: knownName(name)?.name ?? name, type: place ? 'place' : 'organisation', start: first.start, end: span.words[span.words.length - 1]!.end + inner[0].length, role: null });
    return null;
  }
  let words = span.words.slice();
  // "Ayer la Comisión Europea aprobó…", "Heute der Bundestag…": a sentence's first word, then an
  // article, is no name's start; the name begins after the article.
  if (span.sentenceStart && words.length > 2 && /^(?:la|le|der|den)$/.test(words[1]!.text)) words = words.slice(2);
  // "La Guardia Civil ha detenido…", "Die Bundesbank erwartet…": a sentence's opening article
  // before a known name is no part of it.
  if (span.sentenceStart && words.length > 1 && /^(?:La|Le|Les|El|Los|Las|Il|Lo|Der|Die|Das)$/.test(words[0]!.text) && !knownName(joined(words)) && knownName(joined(words.slice(1)))) words = words.slice(1);
  // A box score's line names a player, even by an ordinary word: "Tolivert 25 points.", "Brown 4 points."
  const statLine = span.words.length === 1 && STAT_LINE.test(span.following);
  // Sentence-opening words that are ordinary words ("The", "While", "Earlier").
  const opener = words[0];
  // (Not the first word of a known name: "South Dakota Gov. Kristi Noem", "New York".)
  // (Nor a compass word before a known place: "Eastern Michigan routs …", "West Africa".)
  const knownLead =
    words.length > 1 &&
    ([2, 3].some((n) => n <= words.length && knownName(joined(words.slice(0, n)).replace(/-(?:based|born)$/, '')) !== undefined) || (COMPASS.test(words[0]!.text) && knownName(words[1]!.text)?.type === 'place'));
  // (Nor a word before an ampersand, which is a firm's first name: "Marks & Spencer".)
  // (Nor a given name the lexicon also knows as a noun, before a word that is no ordinary word:
  // "Leo Cullen did not hide his anger", "Max Verstappen won".)
  const namedOpener = opener !== undefined && words.length >= 2 && words.length <= 3 && isNounGivenName(opener.text) && /^\p{Lu}\p{Ll}/u.test(words[1]!.text) && !isCommonWord(words[1]!.text) && !knownName(words[1]!.text);
  // (Nor a surname named again alone: "Reed, who will chair the company, told investors", "Curie, 21,".)
  const namedAgain = ordinaryWordSurname(span);
  const surnameOpener = words.length === 1 && namedAgain;
  if (opener && (span.sentenceStart || opener.text === 'The') && isCommonWord(opener.text) && !isTitleWord(opener.text) && !knownLead && !namedOpener && !surnameOpener && words[1]?.text !== '&' && !partyOfAdjective(opener.text) && !statLine) {
    words = words.slice(1);
  }
  // "Father-of-three Gareth Price", "Self-described Jane Doe": a hyphenated description of
  // ordinary words (not "Jean-Pierre", nor "Seoul-based", which says where) is no part of the name.
  const described = /^(\p{Lu}\p{Ll}+)(?:-\p{Ll}+)+$/u.exec(words[0]?.text ?? '');
  if (words.length >= 3 && described && isCommonWord(described[1]!) && !knownName(described[1]!)) words = words.slice(1);
  // "La Banque de France", "El Banco de España": an article the names' lists leave alone (it
  // opens "Le Monde", "El Salvador") is not part of a body's name shaped as one without it.
  // (Nor when the article opens a known name: "Los Angeles Times", "La Paz".)
  if (words.length > 2 && /^(?:La|Le|Les|El|Los|Las|Il|Lo|O|A|Os|As)$/.test(words[0]!.text) && !knownName(joined(words)) && !knownName(joined(words.slice(0, 2))) && looksLikeOrganisation(words.slice(1).map((w) => w.text))) words = words.slice(1);
  while (words.length > 0 && (words[0]!.text.toLowerCase() === 'the' || (/^\p{Ll}/u.test(words[0]!.text) && !isParticleName(words[0]!.text)))) words = words.slice(1);
  const afterThe = span.previousWord === 'the' || (words.length > 0 && words[0] !== span.words[0] && span.words[0]!.text === 'The');
  // "the House Intelligence Committee Tuesday": a day or month is not part of the name.
  while (words.length > 1 && MONTHS_AND_DAYS.test(words[words.length - 1]!.text)) words = words.slice(0, -1);
  // A legal form after a comma ("Dräger, Inc.") belongs to the name before it.
  if (words.length === 0 || (words.length === 1 && isLegalForm(words[0]!.text))) return null;
  // "Prime Day", "Election Day", "Boxing Day": a day's name is no entity (but "Doris Day" is someone).
  if (words.length >= 2 && words[words.length - 1]!.text === 'Day' && !isFirstName(words[0]!.text) && !knownName(joined(words))) return null;
  // A ship is no entity: "USS Peleliu", "HMS Queen Elizabeth", "MV Sewol".
  if (words.length >= 2 && /^(?:USS|USNS|HMS|HMAS|HMCS|HMNZS|INS|RFS|MV|MS|SS|RMS|FS)$/.test(words[0]!.text) && !knownName(joined(words))) return null;
  // An award is no entity, nor the person it is named after: "the Philip K. Dick Award", "the Pulitzer Prize".
  if (words.length >= 2 && /^(?:Awards?|Prizes?|Medal|Trophy)$/.test(words[words.length - 1]!.text) && !knownName(joined(words))) return null;
  // A work's title after a noun for it is no entity: "the installation Starry Night", "the film Parasite".
  if (titleOfWork(span) && !knownName(joined(words))) return null;
  // A stock index is no entity: "the Dow Jones Industrial Average", "the S&P 500".
  if (isMarketIndex(joined(words), span.following)) return null;
  // A word of letters and digits the gazetteer does not know is a code, not a name: a rating
  // ("Ba1"), a model ("A380", "TNG50"), a summit ("COP28"); unless it owns something, as a
  // company does ("A24's horror film"). ("G7", "3M" are known.)
  if (words.length === 1 && /\d/.test(words[0]!.text) && /\p{L}/u.test(words[0]!.text) && !span.possessive && !knownName(words[0]!.text)) return null;
  // Upper-case runs are shouting or table rows ("BREAKING NEWS", "HD THE HOME DEPOT INC."),
  // not names, unless the whole run is a known one.
  if (words.length > 1 && words.every((w) => isShouted(w.text)) && !knownName(joined(words))) return null;
  // A ticker: "(NYSE: HD)"; or an abbreviation in brackets after a name, "Sierra Nevada
  // Corporation (SNC)", which is that name again, and otherwise a ticker ("(N225)").
  if (EXCHANGE_BEFORE.test(`${span.previousWord ?? ''}${span.before}`)) return null;
  if (words.length === 1 && EXCHANGE_BEFORE.test(`${words[0]!.text}${span.after}`)) return null;
  if (words.length === 1 && /\(\s*$/.test(span.before) && /^\s*\)/.test(span.after) && /^\p{Lu}[\p{Lu}\d&]+s?$/u.test(words[0]!.text) && !knownName(words[0]!.text)) {
    const previous = found[found.length - 1];
    if (previous && previous.end >= words[0]!.start - 3 && initials(previous.name) === words[0]!.text.replace(/\d+$|s$/, '')) {
      found.push({ ...previous, start: words[0]!.start, end: words[0]!.end });
    }
    return null;
  }
  // "Eastern Michigan routs Northern Illinois", "Melbourne d. Space Coast 69-54", "Minnesota
  // (9-1, 6-1)": a team (not a country, which may be either). A record or a score says so of
  // any name; a result verb of a name with a place in it.
  const result = SPORTS_RESULT.test(span.nextWord ?? '') || SPORTS_RESULT.test(span.previousWord ?? '');
  const record = TEAM_RECORD.test(span.following) || (result && /^\s+\d{1,3}-\d{1,3}\b/.test(span.following));
  // (Only a name with a place in it: "Vasek Pospisil edged Reilly Opelka" are players.)
  const placeInName =
    cityPopulation(joined(words)) !== undefined ||
    words.some((w) => !has(w.text, ...NAME_TAGS) && (knownPlace(w.text) !== undefined || cityPopulation(w.text) !== undefined || has(w.text, 'City', 'Region', 'Country')));
  // (Not a player and where they are from: "defeated Raven Klaasen of South Africa".)
  const ofAt = words.findIndex((w) => w.text === 'of');
  const playerOfPlace = ofAt >= 2 && knownPlace(joined(words.slice(ofAt + 1))) !== undefined;
  if ((record || (result && placeInName && !playerOfPlace)) && !isFirstName(words[0]!.text) && !words.some((w) => isTitleWord(w.text))) {
    const known = knownName(joined(words));
    if (!known || (known.type === 'place' && !isCountry(known.name))) {
      found.push({ name: joined(words), type: 'organisation', start: words[0]!.start, end: words[words.length - 1]!.end, role: null });
      return null;
    }
  }
  // "Bambang Brodjonegoro di Jakarta": a connector before a known place or a city is a preposition
  // (Indonesian and Italian "di", Portuguese "do", Spanish "de"), not part of a name.
  const at = words.findIndex((w, i) => {
    if (i === 0 || !/^(di|de|da|do|du|in|von|van)$/.test(w.text)) return false;
    const place = joined(words.slice(i + 1));
    return knownPlace(place) !== undefined || (cityPopulation(place) ?? 0) >= 100_000;
  });
  if (at > 0 && !knownName(joined(words)) && !looksLikeOrganisation(words.map((w) => w.text))) {
    classifySpan({ ...span, words: words.slice(0, at), after: ` ${words[at]!.text} `, nextWord: words[at]!.text, possessive: false }, found, pendingRole);
    return classifySpan({ ...span, words: words.slice(at + 1), sentenceStart: false, previousWord: 'in', before: ` ${words[at]!.text} ` }, found, null);
  }
  // "president of Associated General Contractors of Alabama", "founder of Harlow Press":
  // after a title and "of", a name of several words that opens with no given name is the
  // organisation (a country or city so named is known: "president of Costa Rica").
  if (words.length >= 2 && TITLE_OF_BEFORE.test(span.preceding) && !isFirstName(words[0]!.text) && !knownName(joined(words)) && knownPlace(joined(words)) === undefined) {
    found.push({ name: withoutLegalForm(joined(words)), type: 'organisation', start: words[0]!.start, end: words[words.length - 1]!.end, role: null });
    return null;
  }
  // "Martin Taylor of Aberdeenshire", "Yasutaka Uchiyama of Japan": a person, then where they are from.
  const of = words.findIndex((w) => w.text === 'of');
  const fromPlace = of > 0 && knownPlace(joined(words.slice(of + 1))) !== undefined;
  // ("Detective Sergeant Aisha Bello of Westvale Police": titles and a first name before "of"
  // are a person, whatever follows. `titles` is how many title words open the span.)
  const titles = words.findIndex((_, k) => !titleWordAt(words, k));
  const titledPerson = titles > 0 && of > titles + 1 && isFirstName(words[titles]!.text);
  // ("Chen Wei of Songhua Medical University": a name before "of" and an organisation after.)
  const personOfOrganisation = of > titles && of - Math.max(0, titles) >= 2 && of - Math.max(0, titles) <= 3 && isPersonOf(words.slice(Math.max(0, titles), of), words.slice(of + 1));
  const split = titledPerson || personOfOrganisation;
  if (of > 0 && !knownName(joined(words)) && (split || !looksLikeOrganisation(words.map((w) => w.text))) && ((of > 1 && isFirstName(words[0]!.text)) || fromPlace || split)) {
    const who = words.slice(0, of);
    // (Two or three unknown words before "of Japan" are someone's name even without a known first name.)
    if (fromPlace && who.length >= 2 && who.length <= 3 && !knownName(joined(who)) && who.every((w) => !isCommonWord(w.text) && !isTitleWord(w.text))) {
      found.push({ name: joined(who), type: 'person', start: who[0]!.start, end: who[who.length - 1]!.end, role: pendingRole });
      return classifySpan({ ...span, words: words.slice(of + 1), sentenceStart: false, previousWord: 'in', before: ' of ' }, found, null);
    }
    classifySpan({ ...span, words: words.slice(0, of), after: ' of ', nextWord: 'of', possessive: false }, found, pendingRole);
    return classifySpan({ ...span, words: words.slice(of + 1), sentenceStart: false, previousWord: 'in', before: ' of ' }, found, null);
  }

  // The whole span may be a known name before any splitting ("Bank of England", "US"), or
  // shaped like an organisation ("Russian Foreign Ministry").
  // A brand whose name ends in "’s" ("Lowe’s", "McDonald’s", "People’s Daily"), which the span
  // finder split off as a possessive.
  const base = joined(words);
  // (Not when someone of that surname was named: "McDonald’s" after Michael McDonald is his.)
  if (span.possessive && !personEndingWith(found, base)) {
    const next = /^['’]s\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)/u.exec(span.following)?.[1];
    const candidates = [...(next ? [`${base}'s ${next}`, `${base}'s ${next.split(/\s+/)[0]}`] : []), `${base}'s`];
    for (const candidate of candidates) {
      const brand = knownOrganisation(candidate);
      if (brand) {
        found.push({ name: brand, type: 'organisation', start: words[0]!.start, end: words[words.length - 1]!.end + candidate.length - base.length, role: null });
        return null;
      }
    }
  }
  // "GateHouse-owned papers", "Saudi-led coalition", "SoftBank-backed WeWork": the name before the suffix.
  const ownerAt = words.findIndex((w) => OWNED.test(w.text));
  if (ownerAt >= 0) {
    const word = words[ownerAt]!;
    const owner = OWNED.exec(word.text)![1]!;
    const trimmed = { ...word, text: owner, end: word.start + owner.length };
    classifySpan({ ...span, words: [...words.slice(0, ownerAt), trimmed], after: ' ', nextWord: null, possessive: false }, found, pendingRole);
    const rest = words.slice(ownerAt + 1);
    return rest.length > 0 ? classifySpan({ ...span, words: rest, sentenceStart: false, previousWord: null, before: ' ' }, found, null) : null;
  }
  // "Sacramento-based McClatchy": where a company is based, then the company; "Lagos-born
  // Ade Bello", "the Russian-born driver": where someone was born, then maybe who.
  // (The place may be of several words: "St. Louis-based", "New York-born".)
  const basedAt = words.slice(0, 3).findIndex((w) => /^\p{Lu}[\p{L}.'’]*-(?:based|born)$/u.test(w.text));
  const based = basedAt >= 0 ? /^(.*)-(based|born)$/u.exec(joined(words.slice(0, basedAt + 1))) : null;
  if (based) {
    const place = based[1]!;
    const after = words.slice(basedAt + 1);
    found.push({ name: knownPlace(place) ?? placeOfDemonym(place) ?? place, type: 'place', start: words[0]!.start, end: words[0]!.start + place.length, role: null });
    if (based[2] === 'born') return after.length > 0 ? classifySpan({ ...span, words: after, sentenceStart: false, previousWord: null, before: ' ' }, found, pendingRole) : null;
    if (after.length > 0) {
      const company = joined(after);
      const known = knownName(company);
      found.push({ ...(known ?? { name: withoutLegalForm(company), type: 'organisation' as const }), start: after[0]!.start, end: after[after.length - 1]!.end, role: null });
    }
    return null;
  }
  const whole = joined(words);
  // "British Red Cross", "Chinese Communist Party": a nationality before a movement's or a
  // party's name names that country's own (not "American Islamic State group member").
  const national = words.length >= 3 && placeOfDemonym(words[0]!.text) !== undefined ? knownName(joined(words.slice(1))) : undefined;
  if (national?.type === 'organisation' && NATIONAL_BRANCH.test(national.name) && !knownName(whole)) {
    found.push({ name: whole, type: 'organisation', start: words[0]!.start, end: words[words.length - 1]!.end, role: null });
    return null;
  }
  // "La Provence", "Le Parisien", "El Comercio" inside a sentence: a name that opens with a
  // Romance article is a title's or a company's, never someone's (a place so named is known:
  // "La Paz", "Los Angeles", "Le Havre").
  // (Nor the start of a known name, "Los Angeles County Fire Chief …", nor a title's.)
  const articleLed = words.length >= 2 && /^(?:La|Le|Les|El|Los|Las|Il|Lo)$/.test(words[0]!.text) && words[1]!.text !== '&';
  if (articleLed && !span.sentenceStart && !knownName(whole) && ![2, 3].some((n) => n <= words.length && knownName(joined(words.slice(0, n)))) && !words.some((w) => isTitleWord(w.text))) {
    found.push({ name: whole, type: 'organisation', start: words[0]!.start, end: words[words.length - 1]!.end, role: null });
    return null;
  }
  // "Ascom North America", "Life Care Solutions Europe": a company's regional arm (a person's
  // name never ends in a region or country).
  // (After any title: "President Ascom North America" is a title and the company.)
  const arm = titles === 0 ? words : titles > 0 && /^\p{Lu}/u.test(words[titles]!.text) ? words.slice(titles) : [];
  const armName = joined(arm);
  if (arm.length > 0 && trailingPlace(arm) > 0 && !isFirstName(arm[0]!.text) && !knownName(armName) && !has(arm[0]!.text, ...NAME_TAGS)) {
    found.push({ name: withoutLegalForm(armName), type: 'organisation', start: arm[0]!.start, end: arm[arm.length - 1]!.end, role: null });
    return null;
  }
  // "Pension Benefit Guaranty Corporation (PBGC)": a name of several words that an abbreviation of
  // its initials follows is an organisation's (not someone's: "Alexandria Ocasio-Cortez (AOC)").
  const abbreviation = words.length > 1 ? bracketedAbbreviation(span) : undefined;
  if (abbreviation && initials(whole) === abbreviation && !knownName(whole) && !(isFirstName(words[0]!.text) && words.length <= 3 && !looksLikeOrganisation(words.map((w) => w.text)))) {
    found.push({ name: withoutLegalForm(whole), type: 'organisation', start: words[0]!.start, end: words[words.length - 1]!.end, role: null });
    return null;
  }
  // "Fossil Hybrid HR smartwatch for $195": a product for sale, after its maker's name.
  const maker = knownName(whole) || knownOrganisationPrefix(words) ? 0 : makerBeforePrice({ ...span, words }, isCommonWord);
  if (maker > 0 && !isFirstName(words[0]!.text) && !knownName(words[0]!.text)) {
    found.push({ name: words[0]!.text, type: 'organisation', start: words[0]!.start, end: words[0]!.end, role: null });
    return null;
  }
  // (A known person goes on below, where a title before the name becomes the role.)
  const wholeName = knownName(whole);
  // "John M. Ford … Ford’s career": a known company's name is the surname of someone named in
  // full when the words around it say it is a person's, or when nothing says it is the company:
  // "Ford turned to science fiction", "Deval Patrick and Bloomberg are moving into the race".
  // (Beside a verb of speech it stays the company: "Dell said" after Michael Dell is as often
  // the company.)
  // (Not a name in capitals, "NASCAR", nor after a name nobody vouched for: "Classificação NASCAR".)
  const namesake = wholeName?.type === 'organisation' && words.length === 1 && /\p{Ll}/u.test(whole) && personEndingWith(found, whole, true);
  const saysPerson = namesake && personContext(span);
  if (namesake && (saysPerson || !companyCue(span, found, wholeName.name))) {
    found.push({ name: whole, type: 'person', start: words[0]!.start, end: words[0]!.end, role: null, surname: true, personCue: saysPerson });
    return null;
  }
  // Someone's surname before a body's name, as politics writes an administration's bodies:
  // "the Obama National Security Council", "the Trump Justice Department": the body, and the person.
  if (words.length >= 3 && !wholeName) {
    const body = knownName(joined(words.slice(1)));
    const surname = words[0]!;
    const person = knownName(surname.text) === undefined ? knownPerson(surname.text) : undefined;
    if (body?.type === 'organisation' && (person !== undefined || personEndingWith(found, surname.text, true))) {
      found.push(person ? { name: person, type: 'person', start: surname.start, end: surname.end, role: null } : { name: surname.text, type: 'person', start: surname.start, end: surname.end, role: null, surname: true });
      found.push({ ...body, start: words[1]!.start, end: words[words.length - 1]!.end, role: null });
      return null;
    }
  }
  const direct = wholeName?.type === 'person' ? undefined : wholeName;
  // (Or a place and a newspaper's word: "Sacramento Bee", "Kansas City Star".)
  if (direct || (words.length > 1 && !titleWordAt(words, 0) && (looksLikeOrganisation(words.map((w) => w.text)) || isNewspaperName(words.map((w) => w.text))) && !titleThenPerson(words))) {
    found.push({ ...(direct ?? { name: withoutLegalForm(whole), type: 'organisation' as const }), start: words[0]!.start, end: words[words.length - 1]!.end, role: null });
    return null;
  }
  // A compass word before a known place is a place of its own: "West Africa", "Eastern Europe", "East Jerusalem".
  if (words.length > 1 && COMPASS.test(words[0]!.text) && !knownName(whole) && knownPlace(joined(words.slice(1))) !== undefined) {
    found.push({ name: whole, type: 'place', start: words[0]!.start, end: words[words.length - 1]!.end, role: null });
    return null;
  }
  // Shaped like a place or venue: "Yankee Stadium", "Orange County", "Lake Michigan".
  if (words.length > 1 && !titleWordAt(words, 0) && looksLikePlace(words.map((w) => w.text))) {
    found.push({ name: whole, type: 'place', start: words[0]!.start, end: words[words.length - 1]!.end, role: null });
    return null;
  }

  // A known body or place, then someone's name: "European Union Gordon Sondland" (after
  // "Ambassador to the"), "Google Jack Buser", "Goldman Sachs Lloyd Blankfein".
  const ahead = words.length >= 3 ? knownNameThenPerson(words) : 0;
  if (ahead > 0) {
    const known = knownName(joined(words.slice(0, ahead)))!;
    found.push({ ...known, start: words[0]!.start, end: words[ahead - 1]!.end, role: null });
    return classifySpan({ ...span, words: words.slice(ahead), sentenceStart: false, previousWord: null, before: ' ' }, found, pendingRole);
  }
  // A known company before a product name: "Google Stadia", "Dell Precision T1700".
  const brand = words.length > 1 ? knownOrganisationPrefix(words) : undefined;
  if (brand) {
    found.push({ name: brand.name, type: 'organisation', start: words[0]!.start, end: words[brand.next - 1]!.end, role: null });
    return null;
  }

  // Leading places, nationalities or organisations, then title words: "German Chancellor",
  // "US President", "ECB President", "United Nations Secretary-General".
  const roleWords: NameWord[] = [];
  let k = 0;
  for (;;) {
    const prefix = leadingName(words, k);
    if (!prefix) break;
    found.push({ name: prefix.name, type: prefix.type, start: words[k]!.start, end: words[prefix.next - 1]!.end, role: null });
    roleWords.push(...words.slice(k, prefix.next));
    k = prefix.next;
  }
  // A country by its abbreviation, then a group of its people: "U.S. Marines", "UK Conservatives"
  // (the group is no entity of its own here; its body is named in full elsewhere: "Marine
  // Corps"). (Not a name that only opens with a country: "France Televisions".)
  if (k === 0 && words.length === 2 && /^(?:[A-Z]\.){2,3}$|^[A-Z]{2,3}$/.test(words[0]!.text)) {
    const country = knownPlace(words[0]!.text);
    const group = words[1]!.text;
    if (country && isCountry(country) && /^\p{Lu}\p{Ll}+s$/u.test(group) && !knownName(joined(words)) && !knownName(group) && !partyOfAdjective(group) && !isFamilyName(group)) {
      found.push({ name: country, type: 'place', start: words[0]!.start, end: words[0]!.end, role: null });
      return null;
    }
  }
  // A country, then a person from it: "pebulu tangkis Indonesia Rizky Pratama", "Brazil Neymar Junior".
  if (k === 0 && words.length >= 3) {
    const personShaped = (after: NameWord[]) =>
      after.length >= 2 && after.length <= 3 && (isFirstName(after[0]!.text) || isGivenName(after[0]!.text) || after.every((w) => !isCommonWord(w.text) && !knownName(w.text))) && !looksLikeOrganisation(after.map((w) => w.text));
    const country = [2, 1].find((n) => isCountry(knownPlace(joined(words.slice(0, n))) ?? '') && personShaped(words.slice(n)));
    if (country) {
      found.push({ name: knownPlace(joined(words.slice(0, country)))!, type: 'place', start: words[0]!.start, end: words[country - 1]!.end, role: null });
      k = country;
    }
  }
  if (k === 0 && titledBody(words)) {
    found.push({ name: whole, type: 'organisation', start: words[0]!.start, end: words[words.length - 1]!.end, role: null });
    return null;
  }
  // Words that only qualify a title, then the title, then a name: "Kay County Sheriff Bill
  // Hardesty", "Foreign Affairs Minister Aïssata Traoré", "Team Principal Giulia Ferraro".
  if (k === 0) {
    const title = qualifiedTitle(words);
    if (title > 0) {
      const qualifier = words.slice(0, title);
      const texts = qualifier.map((w) => w.text);
      const type = looksLikePlace(texts) ? 'place' : looksLikeOrganisation(texts) ? 'organisation' : null;
      if (type) found.push({ name: joined(qualifier), type, start: qualifier[0]!.start, end: qualifier[qualifier.length - 1]!.end, role: null });
      roleWords.push(...qualifier);
      k = title;
    }
  }
  // (Up to two words between title words belong to the title: "Chief Scientific Officer",
  // "Senior Vice President".)
  const titleAhead = (at: number) => roleWords.some((w) => isTitleWord(w.text)) && [1, 2].some((n) => at + n < words.length && isTitleWord(words[at + n]!.text) && words.slice(at, at + n).every((w) => /^\p{Lu}/u.test(w.text)));
  while (k < words.length && (titleWordAt(words, k) || (roleWords.length > 0 && (words[k]!.text === 'of' || words[k]!.text === 'for')) || titleAhead(k))) {
    roleWords.push(words[k]!);
    k++;
  }
  let rest = words.slice(k);
  let role = roleWords.length > 0 && roleWords.some((w) => isTitleWord(w.text)) ? joined(roleWords) : null;
  // A title the list lacks before a known first name: "Regierungschef Donald Tusk", "Pensioner
  // Doreen Pike", "AFP Laurent Girard", "Menteri Keuangan Sri Mulyani" (after a title, a known
  // name, a compound title or a word for what someone is; but "Andika Putri Lestari" and
  // "Lutz Michael Fröhlich" are one name).
  const titleLike = (word: string) => role !== null || knownName(word) !== undefined || COMPOUND_TITLE.test(word) || AGENT_NOUN.test(word) || isCommonWord(word);
  if (rest.length >= 3 && !has(rest[0]!.text, ...NAME_TAGS) && isFirstName(rest[1]!.text) && titleLike(rest[0]!.text)) {
    role = role ? `${role} ${rest[0]!.text}` : rest[0]!.text;
    rest = rest.slice(1);
  }
  // After a title, what it is of, then the holder, as Indonesian and Malay order them:
  // "Gubernur Jawa Tengah Budi Santoso", "Wali Kota Surabaya Eri Cahyadi". Words no given or
  // family name, then a known first name and one or two more words: the place or body (when
  // its shape says so) and the person; else the words go with the title.
  // (Not after "Title of", read below: "Director of Product Design Joe Hartigan".)
  const holderAt = role === null || roleWords.some((w) => w.text === 'of' || w.text === 'for') ? -1 : heldTitleQualifier(rest);
  if (holderAt > 0) {
    const qualifier = rest.slice(0, holderAt);
    const texts = qualifier.map((w) => w.text);
    const place = knownPlace(joined(qualifier));
    const type = place !== undefined || looksLikePlace(texts) ? 'place' : looksLikeOrganisation(texts) ? 'organisation' : null;
    if (type) found.push({ name: place ?? joined(qualifier), type, start: qualifier[0]!.start, end: qualifier[qualifier.length - 1]!.end, role: null });
    role = `${role} ${joined(qualifier)}`;
    rest = rest.slice(holderAt);
  }
  if (rest.length === 0) {
    // "the organization's Secretary General, Mark Rutte": the title waits for the next name.
    // (Or an abbreviated title's full stop: "former Massachusetts Gov. Deval Patrick".)
    return role && (/^\s*,\s*$/.test(span.after) || (/^\.\s+$/.test(span.after) && ABBREVIATED_TITLE.test(roleWords[roleWords.length - 1]!.text))) ? role : null;
  }
  const restName = joined(rest);
  const start = rest[0]!.start;
  const end = rest[rest.length - 1]!.end;
  // "General Manager of Life Care Solutions Europe": after "Title of" comes where they work;
  // after "Title for" a portfolio ("High Commissioner for Human Rights"), no name at all.
  const joiner = roleWords.length > 1 ? roleWords[roleWords.length - 1]!.text : '';
  // "Director of Product Management Joe Ambeault", "Minister of Foreign Affairs Jean
  // Asselborn": after a title of a department, the person who holds it, by a known first name
  // and a surname.
  const holder = rest.slice(-2);
  const ofTitle = roleWords.some((w) => w.text === 'of' || w.text === 'for');
  if (ofTitle && rest.length >= 3 && !knownName(restName) && (isFirstName(holder[0]!.text) || isNounGivenName(holder[0]!.text)) && /^\p{Lu}\p{Ll}/u.test(holder[1]!.text) && (!isCommonWord(holder[1]!.text) || isFamilyName(holder[1]!.text)) && !isFirstName(rest[rest.length - 3]!.text)) {
    found.push({ name: joined(holder), type: 'person', start: holder[0]!.start, end, role: joined([...roleWords, ...rest.slice(0, -2)]) });
    return null;
  }
  // "Vice President of Sales for Dräger": a department, then "for" and the employer, who is
  // the organisation (the department is none).
  const forAt = joiner === 'of' ? rest.findIndex((w, k) => k > 0 && w.text === 'for') : -1;
  if (forAt > 0 && forAt < rest.length - 1 && !looksLikeOrganisation(rest.slice(0, forAt).map((w) => w.text)) && /^\p{Lu}/u.test(rest[forAt + 1]!.text) && (rest.length - forAt > 2 || !isCommonWord(rest[forAt + 1]!.text))) {
    const employer = rest.slice(forAt + 1);
    const known = knownName(joined(employer));
    found.push({ ...(known ?? { name: withoutLegalForm(joined(employer)), type: 'organisation' as const }), start: employer[0]!.start, end, role: null });
    return null;
  }
  if (joiner === 'of' || joiner === 'for') {
    const known = knownName(restName);
    const demonym = placeOfDemonym(restName);
    if (known?.type !== 'person') {
      const named = known ?? (demonym ? { name: demonym, type: 'place' as const } : undefined);
      const company = joiner === 'of' && (rest.length > 1 || !isCommonWord(restName)) ? { name: withoutLegalForm(restName), type: 'organisation' as const } : undefined;
      if (named ?? company) found.push({ ...(named ?? company)!, start, end, role: null });
      return null;
    }
  }
  // A lower-case title right before the name counts too: "opposition leader Kemi Badenoch".
  const titled = role ?? pendingRole ?? (span.previousWord && isTitleWord(span.previousWord) ? span.previousWord : null);

  const known = knownName(restName);
  if (known) {
    found.push({ ...known, start, end, role: known.type === 'person' ? titled : null });
    return null;
  }
  const demonymPlace = placeOfDemonym(restName);
  if (demonymPlace) {
    found.push({ name: demonymPlace, type: 'place', start, end, role: null });
    return null;
  }
  // A party's adjective before an ordinary word: "the Democratic debate", "Republican counsel Steve Castor".
  const party = partyOfAdjective(restName);
  if (party && /^\s+\p{Ll}/u.test(span.following)) {
    found.push({ name: party, type: 'organisation', start, end, role: null });
    return null;
  }
  // An abbreviation leading a longer name: "GE Healthcare", "IIFL Securities", "FC Schalke 04".
  const acronymLed = rest.length > 1 && isAcronym(rest[0]!.text) && !knownPlace(rest[0]!.text);
  // (Or after a word for a company: "the company Acme Widgets", "a empresa Kuanza Energia".)
  const companyBefore = ORGANISATION_BEFORE.test(span.previousWord ?? '') || publicationBefore(span);
  if (looksLikeOrganisation(rest.map((w) => w.text)) || isAcronym(restName) || acronymLed || (companyBefore && titled === null && !isFirstName(rest[0]!.text))) {
    // An abbreviation nobody knows may as well be a format's or a product's ("HD", "DVR",
    // "IFRS"): it counts as an organisation only where it acts as one (see `actsAsOrganisation`)
    // or spells one the text names in full.
    const unconfirmed = rest.length === 1 && isAcronym(restName) && !companyBefore && !actsAsOrganisation(span, found);
    found.push({ name: withoutLegalForm(restName), type: 'organisation', start, end, role: null, ...(unconfirmed ? { unconfirmed } : {}) });
    return null;
  }
  // "Lumora Health, Inc.": a legal form after a comma.
  if (LEGAL_FORM_AFTER.test(span.following)) {
    found.push({ name: restName, type: 'organisation', start, end, role: null });
    return null;
  }
  // "Amazon Alexa": a known company's product; a person's name never starts with a company.
  const lead = rest.length >= 2 ? knownOrganisation(rest[0]!.text) : undefined;
  if (lead && !knownPerson(restName)) {
    found.push({ name: lead, type: 'organisation', start, end: rest[0]!.end, role: null });
    return null;
  }
  // "an analyst at Wedbush", "works at Harlow Press": where someone works is an organisation.
  // (A single word may be a company named in full elsewhere, "the partner at Index" after "Index
  // Ventures": it waits, as surnames do, and is that company or else one of its own.)
  if (rest.length <= 4 && workplaceContext(span) && !isFirstName(rest[0]!.text) && titled === null && !has(rest[0]!.text, ...NAME_TAGS)) {
    if (rest.length === 1) found.push({ name: restName, type: 'person', start, end, role: null, surname: true, fallback: 'organisation' });
    else found.push({ name: withoutLegalForm(restName), type: 'organisation', start, end, role: null });
    return null;
  }
  // "Kadera State", "Ohio State", "Penn State": a state, a university or its team, never someone.
  if (rest.length >= 2 && rest[rest.length - 1]!.text === 'State') return null;
  // "the California Department of Forestry and Fire Protection, known as Cal Fire": another name
  // of the organisation just named is that organisation's.
  const alias = /\bknown as\s+$/.test(span.preceding) ? found[found.length - 1] : undefined;
  if (alias?.type === 'organisation' && start - alias.end < 40) {
    found.push({ name: restName, type: 'organisation', start, end, role: null });
    return null;
  }
  // "Southern California Edison": a country or state inside a name of three words or more,
  // after a word that is no given name, makes it a company's, not someone's.
  // (Three or four words in title case, the last no ordinary word: not a site's menu, "Business
  // California Climate", "About Us Archives".)
  const titleCase = rest.length <= 4 && rest.every((w) => /^\p{Lu}[\p{Ll}'’-]/u.test(w.text) || knownPlace(w.text) !== undefined) && !isCommonWord(rest[rest.length - 1]!.text);
  const placeInside = rest.slice(1, -1).some((w) => w.text.length > 2 && (knownName(w.text)?.type === 'place' || has(w.text, 'Region', 'Country')));
  if (rest.length >= 3 && titleCase && !isFirstName(rest[0]!.text) && placeInside) {
    found.push({ name: withoutLegalForm(restName), type: 'organisation', start, end, role: null });
    return null;
  }
  // "told Sky Sports", "published in Nature Medicine": after a word of reporting, a name that
  // opens with no given name is the outlet.
  if (rest.length >= 2 && rest.length <= 4 && OUTLET_BEFORE.test(span.preceding) && !isFirstName(rest[0]!.text) && !knownPerson(restName)) {
    found.push({ name: restName, type: 'organisation', start, end, role: null });
    return null;
  }
  // "Piper Jaffray analyst Gene Munster": the name before a job and a name is the employer's.
  if (rest.length >= 2 && rest.length <= 4 && titled === null && employerBeforeStaff(span) && !knownPerson(restName) && knownPlace(restName) === undefined) {
    found.push({ name: withoutLegalForm(restName), type: 'organisation', start, end, role: null });
    return null;
  }
  // "Dallas Ebola patient Thomas Eric Duncan", "Leeds Uni student Amy Shaw": the words before a
  // word for someone and their full name describe them; they are no one's name.
  // (A known name stays, and one shaped like a body's: "Manchester United striker Marcus Rashford".)
  if (rest.length >= 2 && rest.length <= 3 && titled === null && isPersonNoun(span.nextWord ?? '') && /^\s+\p{Ll}+\s+\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(span.following) && !knownName(restName) && !looksLikeOrganisation(rest.map((w) => w.text))) return null;
  // A name ending in an abbreviation in capitals is a product's or a channel's, never
  // someone's: "Fios TV", "Galaxy S24 FE" (a generation is no abbreviation: "John Smith III").
  const last = rest[rest.length - 1]!.text;
  if (rest.length >= 2 && rest.length <= 4 && /^\p{Lu}{2,}$/u.test(last) && !/^(?:II|III|IV|VI|VII|VIII|IX|XI|XII)$/.test(last) && !knownName(restName)) return null;
  // Nor one ending in a letter on its own, no initial's full stop after it: "Group C", "Plan B", "Hepatitis B".
  if (rest.length >= 2 && rest.length <= 4 && /^\p{Lu}$/u.test(last) && !/^\./.test(span.after) && !knownName(restName)) return null;
  if (rest.length >= 2 && rest.length <= 4) {
    // (A city or state that is also a given name, before a surname, names someone: "Virginia
    // Giuffre", "Florence Pugh"; not "Georgia Tech", "Victoria Falls", nor a country or continent:
    // "Israel Elections", "Asia Pulp".)
    const place = knownPlace(rest[0]!.text);
    const placeNamed = rest.length === 2 && isGivenName(rest[0]!.text) && place !== undefined && !isCountry(place) && !CONTINENTS.test(place) && /^\p{Lu}\p{Ll}+$/u.test(rest[1]!.text) && !isCommonWord(rest[1]!.text) && !knownName(rest[1]!.text) && !isOrganisationWord(rest[1]!.text) && !GEOGRAPHIC.test(rest[1]!.text) && !/^(?:Tech|State)$/.test(rest[1]!.text);
    // (So does a given name the lexicon also knows as a noun, before words that are no ordinary
    // words: "Leo Cullen", "Max Verstappen", "Bill Gates"; not "Rose Garden".)
    const nounNamed = rest.length <= 3 && isNounGivenName(rest[0]!.text) && rest.slice(1).every((w) => /^\p{Lu}\p{Ll}/u.test(w.text) && !isCommonWord(w.text) && !knownName(w.text) && !isOrganisationWord(w.text) && !GEOGRAPHIC.test(w.text));
    const firstIsName = isFirstName(rest[0]!.text) || placeNamed || nounNamed;
    const namesOnly = rest.every((w) => CONNECTOR_WORDS.has(w.text) || (/^\p{Lu}/u.test(w.text) && (!isCommonWord(w.text) || has(w.text, ...NAME_TAGS))));
    const spoke = SPEECH_VERBS.test(span.nextWord ?? '') || SPEECH_VERBS.test(span.previousWord ?? '');
    // Next to a result ("Yoshihito Nishioka defeated Gael Monfils") a name of words that are
    // neither places nor ordinary words is a player (a team's name holds one or the other:
    // "Eastern Michigan", "Golden State Warriors").
    const player = result && !placeInName && !rest.some((w) => isCommonWord(w.text) || isTitleWord(w.text));
    // (Or someone named for sure just before, and "and": "Ivana Jelić and Pavle Petrović".)
    const previous = found[found.length - 1];
    // ("and" in the languages the site serves: "Izaskun Lesaka y Joseba Iturbe", "et", "und", "e".)
    const pairedWithPerson = /^(?:and|y|e|et|und|och|og)$/.test(span.previousWord ?? '') && previous?.type === 'person' && !previous.tentative && !previous.surname && start - previous.end <= 5;
    const strongCue = titled !== null || spoke || player || pairedWithPerson || isPersonNoun(span.previousWord ?? '') || describedBefore(span.preceding) || afterPlacePossessive(span, found);
    // A city of that name ("Palm Bay", "San Bernardino"), unless a title or speech says it is someone.
    // ("Merritt Island" too, or after "in": a place word is no surname.)
    const placeShaped = GEOGRAPHIC.test(rest[rest.length - 1]!.text) || LOCATIVE.has(span.previousWord ?? '');
    if (!strongCue && (!firstIsName || placeShaped) && cityPopulation(restName) !== undefined) {
      found.push({ name: restName, type: 'place', start, end, role: null });
      return null;
    }
    // A surname the gazetteer knows names a relative too: "Hunter Biden", "Ivanka Trump".
    const family = knownPerson(rest[rest.length - 1]!.text) !== undefined && /^\p{Lu}\p{Ll}/u.test(rest[0]!.text);
    const surname = has(last, 'LastName') || (isFamilyName(last) && !isCommonWord(last));
    const cue = strongCue || firstIsName || family || surname || /^\s*,\s*$/.test(span.after);
    // A known first name or a title vouches for an ordinary-word surname ("Tim Cook", "Bill Nelson").
    if (cue && (namesOnly || firstIsName || strongCue || family)) {
      found.push({ name: restName, type: 'person', start, end, role: titled });
      return null;
    }
    if (namesOnly && !span.possessive) {
      // Unknown words, no cue: a person only if a later surname-only mention confirms it.
      found.push({ name: restName, type: 'person', start, end, role: null, tentative: true });
    }
    return null;
  }
  if (rest.length === 1) {
    const word = rest[0]!.text;
    // (A single letter is nobody's name, nor a place: "I", "les bras en V"; unless it acts as
    // a company does, "X said", "X’s owner".)
    if (MONTHS_AND_DAYS.test(word) || (word.length === 1 && !span.possessive && !SPEECH_VERBS.test(span.nextWord ?? '') && !CORPORATE_VERBS.test(span.nextWord ?? ''))) return null;
    const previousPlace = found[found.length - 1]?.type === 'place' ? found[found.length - 1]!.end : undefined;
    const state = abbreviatedState(span, previousPlace);
    if (state) {
      found.push({ name: state, type: 'place', start, end, role: null });
      return null;
    }
    // "Chief Executive Officer Kirimin, Andika Putri Lestari": the title's company, then the
    // person it belongs to, who takes the title.
    // (Not when a title comes next, another of a list: "President Fisher, Minneapolis Fed President Kocherlakota".)
    const nextNames = /^,\s+((?:\p{Lu}[\p{L}'’-]+\s+)+\p{Lu}[\p{L}'’-]+)/u.exec(span.following)?.[1];
    if (role !== null && !knownName(word) && !isFirstName(word) && nextNames && !nextNames.split(/\s+/).some((w) => isTitleWord(w))) {
      found.push({ name: word, type: 'organisation', start, end, role: null });
      return role;
    }
    const common = isCommonWord(word);
    // "the Chiefs", "the Lakers": a capitalised plural after "the", inside a sentence, is a team or a band.
    // (Not a family: "the Bidens", "the Obamas".)
    // (Asked last, only of a plural after "the".)
    const singular = word.replace(/s$/, '');
    const family = () => knownPerson(singular) !== undefined || personEndingWith(found, singular);
    const team = afterThe && (!span.sentenceStart || span.previousWord !== 'the') && /\p{Ll}s$/u.test(word) && !NOT_TEAMS.test(word) && !placeOfDemonym(singular) && !insideTitle(span) && !family();
    // "The Hague", "The Gambia": the article is part of a known name.
    const withThe = span.words[0]!.text === 'The' ? knownName(`The ${word}`) : undefined;
    if (withThe) {
      found.push({ ...withThe, start: span.words[0]!.start, end, role: null });
      return null;
    }
    // ("published in The Lancet", "told The Hill": a capital "The" after a word of reporting
    // names a publication, not a place; elsewhere it may be a film's or a show's title.)
    // (So does a newspaper's word after a capital "The" anywhere inside a sentence: "the former owner of The Times".)
    const titledThe = span.words[0]!.text === 'The' && !span.sentenceStart && (PUBLICATION_BEFORE.test(span.preceding) || isNewspaperWord(word)) && knownPlace(word) === undefined;
    if (!has(word, ...NAME_TAGS) && (team || titledThe || CAMEL_CASE.test(word) || /\.(com|net|org|co\.uk|ca|io)$/.test(word) || ORGANISATION_BEFORE.test(span.previousWord ?? '') || publicationBefore(span) || ORGANISATION_APPOSITION.test(span.following) || (ORGANISATION_AFTER.test(span.nextWord ?? '') && titled === null))) {
      found.push({ name: word, type: 'organisation', start, end, role: null });
      return null;
    }
    // (Not after a capital "The" inside a sentence, a title's: "starred in The Road".)
    if (!common && LOCATIVE.has(span.previousWord ?? '') && titled === null && !span.sentenceStart && !has(word, ...NAME_TAGS) && span.words[0]!.text !== 'The') {
      found.push({ name: word, type: 'place', start, end, role: null });
    } else if (role !== null && looksLikeOrganisation([...roleWords.map((w) => w.text), word])) {
      // "General Assembly", "Supreme Court": a title word before an organisation's last word names a body.
      found.push({ name: joined([...roleWords, rest[0]!]), type: 'organisation', start: roleWords[0]!.start, end, role: null });
    } else if (titled !== null || !common || !span.sentenceStart || statLine || namedAgain) {
      // Maybe the surname of someone named in full elsewhere ("Rutte", "Lane"); decided
      // once all are known, and dropped when nobody matches unless its context or a city
      // of that name says what it is.
      const spoke = SPEECH_VERBS.test(span.nextWord ?? '') || SPEECH_VERBS.test(span.previousWord ?? '');
      // Next to a quotation the word is a speaker, and speakers are people ("“…,” according to Lane").
      const quoted = QUOTE_MARK.test(span.preceding.slice(-25)) || QUOTE_MARK.test(span.following.slice(0, 25));
      // (Also when the verb follows "and" a second name, "Ascom and Dräger introduce", or a legal form follows a comma, "Dräger, Inc.")
      const verbAfterPair = span.nextWord === 'and' ? (/^\s+and\s+\p{Lu}[\p{L}'’-]*\s+(\p{Ll}+)/u.exec(span.following)?.[1] ?? '') : '';
      const paired = PAIRED_CORPORATE.test(verbAfterPair) || (span.previousWord === 'and' && PAIRED_CORPORATE.test(span.nextWord ?? ''));
      const corporate = (!quoted && (paired || (CORPORATE_VERBS.test(span.nextWord ?? '') && !actsOnOwn(span))) && !/^\s*,/.test(span.after)) || LEGAL_FORM_AFTER.test(span.following) || (corporateContext(span) && !common);
      // A sentence's first word may be any word of another language ("Redan", Swedish for
      // "already", is also a small town): only a large city counts there.
      const minPopulation = span.sentenceStart ? 200_000 : has(word, 'LastName') ? 100_000 : 15_000;
      // ("Tommy — who only goes by his first name online — retired": "who" follows a person.)
      const personNear = personContext(span) && (!common || namedAgain);
      const city = titled === null && !spoke && !personNear && !common && !isFirstName(word) && (cityPopulation(word) ?? 0) >= minPopulation;
      const source = !quoted && SOURCE_BEFORE.test(span.preceding);
      const result = SPORTS_RESULT.test(span.nextWord ?? '') || SPORTS_RESULT.test(span.previousWord ?? '');
      const fallback = titled !== null ? undefined : corporate || result || source || listedAfterOrganisation(span, found) ? 'organisation' : city ? 'place' : undefined;
      const personCue = speaks(span, word) || statLine || (isPersonNoun(span.previousWord ?? '') && !common) || personNear;
      found.push({ name: word, type: 'person', start, end, role: titled, surname: true, personCue, ...(fallback ? { fallback } : {}) });
    }
  }
  return null;
}


/** A surname that is an ordinary word too, named again alone (surnameNamedAgain), and no pronoun, title or other small word: "Reed, who", not "Everyone, who". */
function ordinaryWordSurname(span: NameSpan): boolean {
  const word = span.words[0]!.text;
  return surnameNamedAgain(span) && !isFunctionWord(word) && !isTitleWord(word) && !has(word, 'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'QuestionWord');
}

const TITLE_MODIFIER = /^(?:Former|Ex|Acting|Interim|Late|Then|Incoming|Outgoing|Deputy|Vice|Senior|Junior|Chief|Assistant|Associate)$/;

/**
 * "Queen Elizabeth Hospital", "Ambassador Theatre Group": a title word opening a name that
 * ends in an organisation's word, with no other title, "of" or "for" in it, is part of the
 * body's name, not a role ("Sporting Director of Acme Group" stays a role). A word that only
 * qualifies a title opens none: "Former Karoo Freight chief executive".
 */
function titledBody(words: NameWord[]): boolean {
  const texts = words.map((w) => w.text);
  if (texts.length < 3 || !isTitleWord(texts[0]!) || TITLE_MODIFIER.test(texts[0]!) || texts.slice(1).some((w) => isTitleWord(w) || w === 'of' || w === 'for')) return false;
  return isOrganisationWord(texts[texts.length - 1]!) && looksLikeOrganisation(texts.slice(1));
}

/**
 * Whether the span ends in a title and a person's name (a given name and one or two more
 * words): "Sporting Director Rachel Owusu" is a role and someone, whatever "Sporting" opens.
 */
function titleThenPerson(words: NameWord[]): boolean {
  return words.some((w, i) => i > 0 && isTitleWord(w.text) && words.length - i - 1 >= 2 && words.length - i - 1 <= 3 && isFirstName(words[i + 1]!.text));
}

/** Whether the word at `k` belongs to a title: a title word, or a modifier before one ("Senior Vice President"). */
function titleWordAt(words: readonly NameWord[], k: number): boolean {
  return isTitleWord(words[k]!.text) || (isTitleModifier(words[k]!.text) && k + 1 < words.length && isTitleWord(words[k + 1]!.text));
}

/**
 * Where the holder's name starts in the words after a title, when one to three words that are
 * no given, family or known name come first and a known first name then opens a name of two or
 * three words: 2 in "Jawa Tengah Budi Santoso"; 0 when the words are one name ("Recep Tayyip
 * Erdogan", "Kim Jong Un").
 */
function heldTitleQualifier(rest: NameWord[]): number {
  const at = rest.findIndex((w) => isFirstName(w.text));
  if (at < 1 || at > 3 || rest.length - at < 2 || rest.length - at > 3) return 0;
  const qualifier = rest.slice(0, at);
  const noName = qualifier.every((w) => /^\p{Lu}/u.test(w.text) && !isGivenName(w.text) && !isFamilyName(w.text) && knownPerson(w.text) === undefined && !isTitleWord(w.text));
  return noName && knownName(joined(rest)) === undefined ? at : 0;
}

/**
 * How many leading words name a known organisation or place when a person's name (a given
 * name and one or two more words, none a known name) follows them; 0 otherwise.
 */
function knownNameThenPerson(words: NameWord[]): number {
  for (let end = Math.min(3, words.length - 2); end >= 1; end--) {
    const known = knownName(joined(words.slice(0, end)));
    const person = words.slice(end);
    if (!known || known.type === 'person' || person.length > 3 || !isFirstName(person[0]!.text)) continue;
    if (person.every((w) => /^\p{Lu}/u.test(w.text) && !isTitleWord(w.text) && !knownName(w.text))) return end;
  }
  return 0;
}

/**
 * "DoorDash, Uber and Grubhub sued", "raised £22 million from Index Ventures and Seedcamp": a
 * word listed right after an organisation, that names nobody the text names in full, is an
 * organisation too (the fallback of a word no surname claims).
 */
function listedAfterOrganisation(span: NameSpan, found: Found[]): boolean {
  const previous = found[found.length - 1];
  const gap = previous ? span.words[0]!.start - previous.end : Infinity;
  // (Only after a company the gazetteer knows or a name of several words: a single unknown one
  // may be a product taken for a company, "HomeKit and Siri"; nor a possessive, "and Guy’s".)
  const sure = previous !== undefined && (previous.name.includes(' ') || knownName(previous.name) !== undefined);
  return previous?.type === 'organisation' && sure && !span.possessive && gap <= 6 && /^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/.test(span.preceding.slice(-gap));
}

/**
 * Whether a name acts as an organisation where it stands: it owns something ("the SEC’s
 * rules"), speaks or acts ("FOMC said", "ACCA announced"), has staff or shares ("NAMM
 * president"), or is where someone works or what they join ("at IBM", "joined UNICEF").
 */
function actsAsOrganisation(span: NameSpan, found: Found[]): boolean {
  const next = span.nextWord ?? '';
  return (
    span.possessive ||
    SPEECH_VERBS.test(next) ||
    CORPORATE_VERBS.test(next) ||
    ORGANISATION_AFTER.test(next.toLowerCase()) ||
    /^(?:leader|leaders|members|lawmakers|officials|president|union)$/.test(next) ||
    ORGANISATION_AFTER_WORD.test(span.following) ||
    // "S&P cut its rating": the subject of a verb whose object is its own.
    /^\s+(?:\p{Ll}+\s+){1,2}its\s/u.test(span.following) ||
    // (Or told, in Swedish and German: "till TT", "gegenüber der dpa"; a German article: "des DFB".)
    /^(?:at|by|from|with|through|told|joined|join|joins|till|gegenüber|der|des|dem)$/i.test(span.previousWord ?? '') ||
    // A word for a group and maybe an adjective before it: "the militant group ETA", "la banda terrorista ETA".
    GROUP_BEFORE.test(span.preceding) ||
    // A picture's credit: "(DHA via AP)".
    /^\s+via\s/.test(span.following) ||
    // "broadcast on ESPN", "carried on MSNBC"; "Singapore’s GIC"; "Uber and Lyft".
    BROADCAST_ON.test(span.preceding) ||
    afterPlacePossessive(span, found) ||
    listedAfterOrganisation(span, found)
  );
}

/** A word for a group, and maybe one word more, right before a name: "the militant group", "la banda terrorista". */
const GROUP_BEFORE = /\b(?:group|band|organi[sz]ation|movement|party|union|banda|grupo|organización|movimiento|partido|sindicato|groupe|mouvement|parti|syndicat|gruppe|partei)\s+(?:\p{Ll}+\s+)?$/iu;

/** After a verb of airing and "on": "broadcast on ESPN", "carried on MSNBC", "appearing on CNBC". */
const BROADCAST_ON = /(?:\p{Ll}+ed|broadcast|aired|appearing|speaking|interview)\s+on\s+$/u;
/** A word for a kind of organisation one word on: "the ABVV transport union", "the DUP party". */
const ORGANISATION_AFTER_WORD = /^\s+(?:[\p{Ll}-]+\s+)?(?:union|party|group|bank|agency|committee|council|authority|regulator|network|broadcaster|newspaper|alliance|coalition|federation)\b/u;

/** Capitalised names listed right before a plural of county or province: "Rogers, Craig and Mayes counties". */
const LISTED_BEFORE = /((?:\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?, )*\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?,? (?:and|or) \p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?) $/u;
const COUNTY_WORD: Record<string, string> = { counties: 'County', provinces: 'Province', parishes: 'Parish' };

/**
 * Each name of such a list, as "<name> County", with its offsets in the text. The list is
 * read back from each "counties" found, within a few hundred characters: a regular expression
 * run forward over a long run of capitalised words and commas would take time growing with
 * its square.
 */
function findListedCounties(text: string): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  for (const plural of text.matchAll(/(?<=\s)(counties|provinces|parishes)\b/g)) {
    const from = Math.max(0, plural.index - 200);
    const list = LISTED_BEFORE.exec(text.slice(from, plural.index));
    if (!list) continue;
    const word = COUNTY_WORD[plural[1]!]!;
    const listStart = from + list.index;
    for (const name of list[1]!.matchAll(/\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?/gu)) {
      const start = listStart + name.index;
      // (A place known by the name alone keeps it: "Kent and East Sussex counties" are Kent and East Sussex.)
      out.push({ name: knownPlace(`${name[0]} ${word}`) ?? knownPlace(name[0]) ?? `${name[0]} ${word}`, start, end: start + name[0].length });
    }
  }
  return out;
}

/** The endings of the names of the people found so far, all and those vouched for. */
interface PersonEndings {
  upTo: number;
  all: Set<string>;
  sure: Set<string>;
}
const endingsByFound = new WeakMap<Found[], PersonEndings>();

/**
 * Whether someone found so far has a name that ends in `ending` ("Smith", "Van Der Beek"),
 * not counting people nobody vouched for when `sureOnly`. The endings are indexed as `found`
 * grows (people found are not changed while spans are read): asking it of every span by
 * reading everyone found took time growing with the square of a long text's names.
 */
function personEndingWith(found: Found[], ending: string, sureOnly = false): boolean {
  let index = endingsByFound.get(found);
  if (!index) endingsByFound.set(found, (index = { upTo: 0, all: new Set(), sure: new Set() }));
  for (; index.upTo < found.length; index.upTo++) {
    const f = found[index.upTo]!;
    if (f.type !== 'person') continue;
    for (const ending of nameEndings(f.name)) {
      index.all.add(ending);
      if (!f.tentative) index.sure.add(ending);
    }
  }
  return (sureOnly ? index.sure : index.all).has(ending);
}

/** After a country's or city's possessive: "Serbia’s Novak Djokovic", "Britain’s Andy Murray". */
function afterPlacePossessive(span: NameSpan, found: Found[]): boolean {
  const previous = found[found.length - 1];
  return previous?.type === 'place' && /['’]s\s+$/u.test(span.preceding) && span.words[0]!.start - previous.end <= 4;
}

/**
 * Whether a single capitalised word is the one speaking: right before a verb of speech
 * ("Dempsey said"), or before it with an apposition between ("Reed, who chairs the board,
 * told investors"), or right after one ("says Doctor"; not after "told", whose object listens,
 * nor across a colon or a quotation mark: says: “Effective …”).
 */
function speaks(span: NameSpan, word: string): boolean {
  // (Not after "the", "the Commission said", nor a word that ends organisations' names, nor
  // a plural of people by what they do: "Legislators said", "Prosecutors argued".)
  if (!/^\p{Lu}\p{Ll}+$/u.test(word) || isCommonWord(word) || span.previousWord === 'the' || isOrganisationWord(word) || /\p{Ll}(?:ors|ists|ians)$/u.test(word)) return false;
  if (SPEECH_VERBS.test(span.nextWord ?? '') || APPOSITION_THEN_SPEECH.test(span.following)) return true;
  return SPEECH_VERBS.test(span.previousWord ?? '') && span.previousWord !== 'told' && /^\s+$/.test(span.before);
}

function pushPlace(word: NameWord, found: Found[]): void {
  const name = placeOfDemonym(word.text) ?? knownPlace(word.text);
  if (name) found.push({ name, type: 'place', start: word.start, end: word.end, role: null });
}
