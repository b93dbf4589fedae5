/**
 * What the words around a capitalised name say it is, in English news, where its own shape
 * says nothing: "Tribune’s former chairman" and "shares of Tribune" are a company's, "Ferro,
 * who" and "McKinley’s office" a person's, "the Sacramento Bee" a newspaper, "Orange County,
 * Calif." a state. Used by the entity tagger (tag-entities.ts) for names nobody named in full.
 */
import type { NameSpan } from './find-name-spans.js';
import { cityPopulation, isCountry, knownOrganisation, knownPlace, looksLikePlace, placeOfDemonym } from './gazetteer.js';
import { escapeRegExp } from '../domain/escape-reg-exp.js';
import { CAMEL_CASE, CONTINENTS } from './name-cues.js';

/** Last words of newspapers' names after a city or region: "Miami Herald", "Baltimore Sun". */
const NEWSPAPER_WORDS = /^(?:Times|Post|News|Herald|Tribune|Courant|Bee|Star|Sun|Gazette|Chronicle|Journal|Register|Inquirer|Examiner|Observer|Telegraph|Mirror|Standard|Dispatch|Courier|Enquirer|Sentinel|Globe|Statesman|Oregonian|Plain Dealer|Free Press|Record|Democrat|Republican|Leader|Mercury|Daily|Express|Independent|Guardian|Advertiser|Bulletin|Citizen|Argus|Clarion|Ledger|Press)$/;

/**
 * A newspaper by its shape: a place, then a newspaper's word ("Sacramento Bee", "Kansas City
 * Star", "Orange County Register", "San Diego Union-Tribune"; the last part of a hyphenated
 * word counts). A city of that name is enough; the newspaper word alone is not ("Rising Sun").
 */
export function isNewspaperName(words: string[]): boolean {
  if (words.length < 2 || words.length > 4) return false;
  const last = words[words.length - 1]!;
  if (!NEWSPAPER_WORDS.test(last) && !NEWSPAPER_WORDS.test(last.split('-').pop()!)) return false;
  const place = words.slice(0, -1);
  const name = place.join(' ');
  // ("The Sun", "Daily Mail" have no place; "Union" in "Union-Tribune" is part of the paper's word.)
  return knownPlace(name) !== undefined || (cityPopulation(name) ?? 0) >= 50_000 || looksLikePlace(place);
}

/** After a capital "The" inside a sentence, a newspaper's word alone is that paper: "the former owner of The Times". */
export function isNewspaperWord(word: string): boolean {
  return /^(?:Times|Post|Herald|Tribune|Guardian|Telegraph|Independent|Observer|Economist|Atlantic|Globe|Star|Sun|Mirror|Standard|Courant|Bee|Chronicle|Inquirer|Examiner|Oregonian|Scotsman|Hindu|Age)$/.test(word);
}

/**
 * Nouns that follow a company's possessive, maybe after one or two adjectives ("Tribune’s former
 * chairman", "Tribune’s large-market publications", "Wyze’s security cameras").
 */
const CORPORATE_POSSESSION = String.raw`chairman|chairwoman|chief executive|ceo|cfo|board|shares|stock|shareholders?|investors|stake|subsidiary|parent|headquarters|employees|workforce|revenue|revenues|profits?|earnings|losses|debt|balance sheet|market value|valuation|publications|newspapers|stores|products|lineup|line-up|devices|cameras|speakers|sensors?|apps?|software|platform|customers|subscribers|factory|factories|plants|brand|acquisition|takeover|merger|ipo|listing`;
const CORPORATE_AFTER_POSSESSIVE = new RegExp(String.raw`^['’]s\s+(?:[\p{Ll}-]+\s+){0,2}?(?:${CORPORATE_POSSESSION})\b`, 'u');

/** Words before a company: "shares of Tribune", "a stake in Acme", "companies such as Gannett". */
const CORPORATE_BEFORE = /\b(?:(?:shares|stock|shareholders?|stake|stakes|owner|owners|parent|subsidiary|acquisition|takeover|purchase|buyout|merger|chairman|chief executive|board|investors?|bid|per share)\s+(?:of|in|with|for)|(?:companies|firms|rivals|competitors|retailers|publishers|chains|makers|brands|groups)\s+(?:such as|like|including))\s+$/i;

/** A deal two companies make, after both or one name: "the Gannett/GateHouse merger", "the Acme takeover". */
const DEAL_AFTER = /^\s*(?:[/–-]\s*\p{Lu}[\p{L}\p{N}'’.-]*\s+)?(?:merger|takeover|buyout|spinoff|spin-off)\b/u;

/** A company speaks of what is its own: "McClatchy said its finances were impaired". (Not "it": "Erekat said it was".) */
const SAID_ITS = /^\s+(?:said|says|reported|announced|added|warned|confirmed|expects|expected)\s+(?:that\s+|on\s+\p{Lu}\p{Ll}+\s+(?:that\s+)?)?its\s/u;

/** A firm's people and acts after its name: "Davy analyst Conor Whelan", "Bernstein downgraded the stock". */
const FIRM_AFTER = /^\s+(?:analysts?|economists?|strategists?|downgraded|upgraded|downgrades|upgrades|reiterated|initiated)\b/;

/** Plural nouns for firms right before a name: "existing investors Accel", "advisers Lazard". */
const FIRMS_BEFORE = /^(?:investors|backers|lenders|underwriters|advisers|advisors|brokers|brokerages|insurers|competitors|peers|suppliers|partners)$/;

/** What a company makes, in the plural after its name: "Sonos speakers", "Acme smartphones". */
const PRODUCTS_AFTER = /^\s+(?:speakers|cameras|devices|smartphones|phones|laptops|tablets|earbuds|headphones|thermostats|sensors|drones|smartwatches|watches|routers|chips|vehicles|trucks|cars|tyres|tires|appliances)\s+(?!of\b)/u;

/**
 * Whether the words around a single capitalised word say it is a company: its possessive before
 * a company's noun, a word for shares, stakes or deals before it, or a merger after it.
 */
export function corporateContext(span: NameSpan): boolean {
  // (Not two names joined by a hyphen, "the Gannett-Gatehouse merger": neither is the whole word.)
  if (span.words.some((w) => /\p{L}-\p{Lu}/u.test(w.text))) return false;
  if (span.possessive && CORPORATE_AFTER_POSSESSIVE.test(span.following)) return true;
  if (CORPORATE_BEFORE.test(span.preceding) || FIRMS_BEFORE.test(span.previousWord ?? '') || /\bacquired by\s+$/.test(span.preceding)) return true;
  // "Tor, which had been recently acquired by …": what was bought, merged or listed.
  if (/^,\s+which\s+(?:[\p{Ll}-]+\s+){0,3}?(?:acquired|bought|merged|listed|went public|owns|owned)\b/u.test(span.following)) return true;
  if (!span.possessive && (SAID_ITS.test(span.following) || PRODUCTS_AFTER.test(span.following) || FIRM_AFTER.test(span.following))) return true;
  return !span.possessive && DEAL_AFTER.test(span.following);
}

/** Nouns after someone's possessive: "McKinley’s office", "Ford’s career", "Morrison’s supervisor". */
const PERSON_POSSESSION = /^['’]s\s+(?:[\p{Ll}-]+\s+)?(?:wife|husband|son|daughter|sons|daughters|children|mother|father|brother|sister|widow|family|parents|lawyers?|attorneys?|office|campaign|spokes(?:man|woman|person)|aides?|predecessor|successor|supervisor|deputy|career|novels?|memoir|death|funeral|birthday|re-election|presidency|tenure|testimony|impeachment|résumé|resume)\b/u;

/**
 * Whether the words around a single capitalised word say it is someone: "Ferro, who was then
 * Tribune’s largest shareholder", "McKinley’s office", "Ford’s career".
 */
export function personContext(span: NameSpan): boolean {
  if (span.possessive) return PERSON_POSSESSION.test(span.following);
  // (", who" and " — who": "Tommy — who only goes by his first name online —"; an age between
  // commas, "Curie, 21, a Korean exchange student"; and "as Gaiman put it".)
  return /^\s*(?:,|\s[—–])\s*who\s/u.test(span.following) || AGE_AFTER.test(span.following) || (/^\s+put it\b/.test(span.following) && (/\b[Aa]s\s+$/.test(span.preceding) || span.words[0]!.text === 'As')) || ownsHisOrHer(span);
}

/** Words for anyone at all ("Everyone, who"), and for family and faith, capitalised as names in speech ("Mother, who raised us"). */
const NOT_SURNAMES = /^(?:Everyone|Everybody|Anyone|Anybody|Someone|Somebody|Nobody|One|Each|Another|Mother|Father|Mom|Mum|Dad|Daddy|Mommy|Mummy|Grandma|Grandpa|Granny|Nana|Baby|God|Lord|Jesus|Allah)$/;

/**
 * A surname that is also an ordinary word, named again alone, as a later paragraph does:
 * "Reed, who will be the merged company’s chairman, told investors", "backed by Rice, who",
 * or named with an age: "Curie, 21, a Korean exchange student". One word, not a plural
 * ("Officials, who"), not after an article or a possessive ("the Board, who"), then ", who"
 * and a lower-case word, or an age of one to three digits between commas (a year has four).
 * (A word the lexicon does not know as an ordinary one needs no such care: personContext.)
 */
export function surnameNamedAgain(span: NameSpan): boolean {
  if (span.words.length !== 1 || span.possessive) return false;
  const word = span.words[0]!.text;
  if (!/^\p{Lu}\p{Ll}+$/u.test(word) || /s$/.test(word) || NOT_SURNAMES.test(word)) return false;
  if (/\b(?:the|a|an|this|that|these|those|our|their|his|her|its|my|your)\s+$/i.test(span.preceding)) return false;
  return /^\s*,\s*who\s+\p{Ll}/u.test(span.following) || AGE_AFTER.test(span.following);
}

/** Someone's age between commas after their name: ", 21," or ", aged 21," (a year has four digits). */
const AGE_AFTER = /^\s*,\s*(?:aged\s+)?\d{1,3}\s*,/u;

/**
 * The subject of a verb in the past whose clause goes on with "his" or "her" (a company's is
 * "its"): "McKelvey decided to step back from his day-to-day role". Only right before the
 * verb (an "-ed" form: a plural noun, "Apple shares", is no verb), and within the clause (no
 * comma, quotation or sentence end between).
 */
const HIS_OR_HER_AFTER = /^\s+(?:still\s+|also\s+|then\s+|later\s+|never\s+)?\p{Ll}{2,}ed\s[^.!?;:,“”"]{0,60}?\b(?:his|her|himself|herself)\s/u;
function ownsHisOrHer(span: NameSpan): boolean {
  // (Not after "the": "The Spaniard had watched his side" is an epithet.)
  return span.words[0]!.text !== 'The' && !/\bthe\s+$/i.test(span.preceding) && HIS_OR_HER_AFTER.test(span.following);
}

/**
 * A name right before a word for someone's job and then another name is where that someone
 * works: "Piper Jaffray analyst Gene Munster", "Goldman Sachs economist Jan Hatzius". (Not
 * "lawyer", "aide" or "adviser": people have those too, "Trump lawyer Rudy Giuliani".)
 */
const STAFF_THEN_NAME = /^\s+(?:analysts?|economists?|strategists?|spokes(?:man|woman|person)|engineers?|executives?|researchers?|scientists?)\s+\p{Lu}[\p{L}'’-]+\s+\p{Lu}/u;
export function employerBeforeStaff(span: NameSpan): boolean {
  return !span.possessive && STAFF_THEN_NAME.test(span.following);
}

/** The Associated Press's abbreviations of US states, written after a city and a comma: "Orange County, Calif.". */
const STATE_ABBREVIATIONS: Record<string, string> = {
  Ala: 'Alabama', Ariz: 'Arizona', Ark: 'Arkansas', Calif: 'California', Colo: 'Colorado', Conn: 'Connecticut', Del: 'Delaware', Fla: 'Florida', Ga: 'Georgia',
  Ill: 'Illinois', Ind: 'Indiana', Kan: 'Kansas', Ky: 'Kentucky', La: 'Louisiana', Md: 'Maryland', Mass: 'Massachusetts', Mich: 'Michigan', Minn: 'Minnesota',
  Miss: 'Mississippi', Mo: 'Missouri', Mont: 'Montana', Neb: 'Nebraska', Nev: 'Nevada', Okla: 'Oklahoma', Ore: 'Oregon', Pa: 'Pennsylvania', Tenn: 'Tennessee',
  Vt: 'Vermont', Va: 'Virginia', Wash: 'Washington', Wis: 'Wisconsin', Wyo: 'Wyoming',
};

/**
 * The state an abbreviation after a place and a comma names ("Orange County, Calif.,",
 * "Tupelo, Miss."): only there, where "Mass", "Miss" or "Wash" can be nothing else.
 */
export function abbreviatedState(span: NameSpan, placeEndsAt: number | undefined): string | undefined {
  if (span.words.length !== 1 || !/^\./.test(span.after) || !/^,\s*$/.test(span.before)) return undefined;
  const word = span.words[0]!;
  if (placeEndsAt === undefined || word.start - placeEndsAt > 3) return undefined;
  return Object.hasOwn(STATE_ABBREVIATIONS, word.text) ? STATE_ABBREVIATIONS[word.text] : undefined;
}

/** Words for someone's work before "at" and where they do it: "an analyst at Wedbush", "professor at Kellmore". */
const WORKPLACE_BEFORE = /\b(?:layoffs|job cuts|strikes?|analysts?|professors?|researchers?|economists?|strategists?|executives?|engineers?|directors?|managers?|scientists?|fellow|partner|lecturer|students?|employees?|workers?|officials?|spokes(?:man|woman|person)|head|editor|reporters?|consultants?|staff|staffers?|jobs?|internship|works|worked|working|traders?|officers?|investors?)\s+at\s+(?:the\s+)?$/i;

/** The same with another name and "and" between: "analysts at Barclays and Peel Hunt". */
const WORKPLACE_PAIR_BEFORE = new RegExp(String.raw`${WORKPLACE_BEFORE.source.slice(0, -1)}(?:\p{Lu}[\p{L}&.'’-]*\s+){1,3}and\s+$`, 'iu');

/** Whether the name is where someone works, after "analyst at", "works at": an organisation, not a place. */
export function workplaceContext(span: NameSpan): boolean {
  return WORKPLACE_BEFORE.test(span.preceding) || WORKPLACE_PAIR_BEFORE.test(span.preceding);
}

/** An abbreviation in brackets right after a name: "Pension Benefit Guaranty Corporation (PBGC)"; undefined if none. */
export function bracketedAbbreviation(span: NameSpan): string | undefined {
  // (Not a plural, which abbreviates a kind of thing: "Intensive Care Units (ICUs)".)
  return /^\s*\(\s*(\p{Lu}[\p{Lu}&]{1,7})\s*\)/u.exec(span.following)?.[1];
}

/** Words after a product's name that say which model: "AirPods Pro", "AirPlay 2". */
const MODEL_AFTER = String.raw`(?:\d|Pro\b|Max\b|Mini\b|Plus\b|Lite\b|Ultra\b|SE\b)`;

/**
 * Of the organisations found, the brand names ("AirPods", "AirPlay") that the text shows to be a
 * product: written right after a known company's name ("Apple AirPods") or before a model word
 * ("AirPods Pro", "AirPlay 2"). Only inner-capital words the gazetteer does not know: a company
 * is rarely written so ("SoftBank’s WeWork" has a possessive between).
 */
export function productNames(text: string, organisations: string[]): Set<string> {
  const products = new Set<string>();
  for (const name of new Set(organisations)) {
    if (name.includes(' ') || !CAMEL_CASE.test(name) || knownOrganisation(name) !== undefined) continue;
    const uses = new RegExp(String.raw`(?:([\p{L}\p{N}&.-]+) )?${escapeRegExp(name)}(?![\p{L}\p{N}])(\s+${MODEL_AFTER})?`, 'gu');
    for (const m of text.matchAll(uses)) {
      if (m[2] !== undefined || (m[1] !== undefined && m[1] !== name && knownOrganisation(m[1]) !== undefined)) {
        products.add(name);
        break;
      }
    }
  }
  return products;
}

/** Words for a publication before its name: "in the journal Nature Astronomy", "the tabloid Bild". */
const PUBLICATION_NOUN = /^(?:journal|newspaper|magazine|tabloid|broadsheet|daily|weekly|website|newsletter|publication)$/;

/** Whether a publication's noun comes right before the name. */
export function publicationBefore(span: NameSpan): boolean {
  return PUBLICATION_NOUN.test(span.previousWord ?? '');
}

/** A title's words before "with the", "of the": "Dancing with the Stars", "Lord of the Rings" (no team after "the"). */
export function insideTitle(span: NameSpan): boolean {
  return /\p{Lu}[\p{L}'’]*\s+(?:with|of|in|on)\s+the\s+$/u.test(span.preceding);
}

/** A verb whose object is someone's own: "Brooke offered her spot" is a person's act, not a company's. */
export function actsOnOwn(span: NameSpan): boolean {
  return /^\s+\p{Ll}+\s+(?:his|her|him|himself|herself)\b/u.test(span.following);
}

/** Nouns for a work before its title: "the installation Starry Night", "the film Parasite", "his novel Foundation". */
const WORK_BEFORE = /^(?:film|movie|novel|book|album|song|single|painting|installation|artwork|series|sitcom|documentary|opera|musical|sculpture|poem|memoir|exhibition|podcast|videogame)$/;

/** Whether the name is a work's title, after a noun for the work. */
export function titleOfWork(span: NameSpan): boolean {
  return WORK_BEFORE.test(span.previousWord ?? '');
}

/**
 * A product for sale and its maker, in buying guides and deal posts: "Fossil Hybrid HR smartwatch
 * for $195", "DJI Mavic Mini for $399": how many leading words name the maker (one), or 0. The
 * maker is no ordinary word unless a model word follows ("Prime Day deal for $30" is no maker's);
 * a price in millions is a company's own ("Acme Widgets for $300 million").
 */
export function makerBeforePrice(span: NameSpan, isOrdinary: (word: string) => boolean): number {
  if (span.words.length < 2 || !/^\s+(?:[\p{Ll}-]+\s+){0,2}?for\s+\$\d[\d,]*(?:\.\d+)?(?![\d.,])(?!\s*(?:million|billion|bn|m|k)\b)/u.test(span.following)) return 0;
  const modelWord = (w: string) => /^(?:\p{Lu}{2,}|.*\d.*|Pro|Mini|Max|Plus|Lite|Ultra)$/u.test(w);
  // (Not the end of a model's name the span finder broke off: "iPhone 11 Pro Max for $999".)
  if (/^(?:.*\d.*|Pro|Mini|Max|Plus|Lite|Ultra)$/u.test(span.words[0]!.text) || /^(?:\d|\p{Ll}+\p{Lu})/u.test(span.previousWord ?? '') || /^\p{Ll}+\p{Lu}/u.test(span.preceding.trim().split(/\s+/).pop() ?? '')) return 0;
  return !isOrdinary(span.words[0]!.text) || span.words.slice(1).some((w) => modelWord(w.text)) ? 1 : 0;
}

/** Political adjectives' endings: "Communist", "Democratic", "Progressive", "Liberal", "Republican". */
const POLITICAL_ADJECTIVE = /^\p{Lu}\p{Ll}+(?:ist|ic|ive|al|an)$/u;

/**
 * "the Communist party", "Tsai Ing-wen of the Democratic Progressive party": British papers
 * write "party" in lower case after its capitalised adjectives; together they are the party's
 * name ("Communist Party"). Only adjectives' shapes count, so "the Christmas party" or "the
 * Super Bowl party" is none; a nationality ("the Chinese party") is left to its country.
 */
export function partyInLowerCase(span: NameSpan, isOtherName: (word: string) => boolean): string | undefined {
  if (span.nextWord !== 'party' || span.after !== ' ' || span.previousWord !== 'the' || span.words.length > 3) return undefined;
  const words = span.words.map((w) => w.text);
  if (!POLITICAL_ADJECTIVE.test(words[words.length - 1]!) || words.some(isOtherName)) return undefined;
  return `${words.join(' ')} Party`;
}

/** A ministry's portfolio as wire copy writes it in lower case: "foreign", "defence", "interior". */
const MINISTRY_IN_LOWER_CASE = /^\s+((?:foreign|defen[cs]e|interior|finance|economy|health|justice|education|trade|culture|agriculture|energy|environment|transport|labou?r|home|industry|information|emergencies)\s+ministry)(?![\p{L}])/u;

/**
 * "the French foreign ministry said", "Germany’s … the German defence ministry": a nationality
 * adjective before a ministry written in lower case names that country's ministry ("French
 * Foreign Ministry", as the capitalised name would be read) and mentions the country; the
 * name and how many characters of the text after the adjective it takes.
 */
export function ministryInLowerCase(span: NameSpan): { name: string; country: string; length: number } | undefined {
  // (Also after a sentence's opening "The", which the span holds.)
  const words = span.words[0]!.text === 'The' ? span.words.slice(1) : span.words;
  if (words.length !== 1 || span.possessive) return undefined;
  const adjective = words[0]!.text;
  const country = placeOfDemonym(adjective);
  const ministry = country !== undefined && isCountry(country) ? MINISTRY_IN_LOWER_CASE.exec(span.following) : null;
  if (!ministry) return undefined;
  const name = `${adjective} ${ministry[1]!.replace(/(?:^|\s)\p{Ll}/gu, (c) => c.toUpperCase())}`;
  return { name, country: country!, length: ministry[0].length };
}

/** Words of a state's own bodies: "Foreign Ministry", "Senate", "Treasury", "Securities and Exchange Commission". */
const STATE_BODY_WORD = /^(?:Ministry|Office|Department|Senate|Congress|Parliament|Treasury|Embassy|Consulate|Army|Navy|Government|Cabinet|Securities|Police|Military|Forces|Administration|Agency|Commission)$/;

/**
 * The country whose abbreviation or nationality adjective opens the name of one of its state's
 * bodies: "US Senate", "U.S. Securities and Exchange Commission", "Russian Foreign Ministry".
 * Like a nationality adjective anywhere, it is a mention of that country. (Not in a company's
 * or a university's name: "American University", "British Airways" name no country.)
 */
export function countryOfStateBody(written: string): { name: string; length: number } | undefined {
  const words = written.split(/\s+/);
  if (words.length < 2 || !words.slice(1).some((w) => STATE_BODY_WORD.test(w))) return undefined;
  const country = placeOfDemonym(words[0]!) ?? knownPlace(words[0]!);
  return country !== undefined && isCountry(country) && !CONTINENTS.test(country) ? { name: country, length: words[0]!.length } : undefined;
}
