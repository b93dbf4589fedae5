/**
 * The words around a name that say what it is, for the entity tagger (tag-entities.ts) and the
 * speaker finder (find-speaker.ts): verbs companies and speakers use, nouns for companies and
 * for what people do, shapes of tickers, records, legal forms and titles. Patterns only; the
 * gazetteer's data files hold the names themselves.
 */
import { ADVERB } from './speech-cues.js';

export const LOCATIVE = new Set(['in', 'at', 'near', 'from', 'to', 'outside', 'across', 'em', 'en', 'à', 'au', 'aux', 'nach', 'aus', 'bei', 'im']);

/**
 * Words that follow or precede a company or team, not a person: "WeWork founder",
 * "SoftBank CEO", "Chargers coach", "beauty company Coty", "WeWork’s employees".
 */
export const ORGANISATION_AFTER = /^(founder|co-founder|ceo|cfo|coo|cto|chairman|chairwoman|chief|executives?|spokes(?:person|man|woman)|shares|stock|employees|staff|board|investors|shareholders|coach|quarterback|boss|owner|headquarters|subsidiary|unit|brand|customers|stores|revenue|profit)$/;

const ORGANISATION_NOUNS = String.raw`compan(?:y|ies)|firms?|groups?|carriers?|retailers?|makers?|giants?|rivals?|start-?ups?|brands?|chains?|insurers?|airlines?|automakers?|carmakers?|manufacturers?|providers?|platforms?|subsidiar(?:y|ies)|operators?|publishers?|broadcasters?|lenders?|banks?|producers?|developers?|suppliers?|distributors?|networks?|exchanges?|agenc(?:y|ies)|organi[sz]ations?|businesses|business|consultancy|charit(?:y|ies)|nonprofits?|unternehmen|konzern|empresa|entreprise|société`;

export const ORGANISATION_BEFORE = new RegExp(`^(${ORGANISATION_NOUNS})$`);

/** An apposition that says what a name is: "Ascom, a global solutions provider". */
export const ORGANISATION_APPOSITION = new RegExp(String.raw`^,\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,5}?(?:${ORGANISATION_NOUNS})\b`, 'iu');

/** A stock exchange prefix makes the next word a ticker: "(NYSE: HD)", "Nasdaq: AAPL". */
export const EXCHANGE_BEFORE = /\b(NYSE|NYSE American|NYSE Arca|Nasdaq|NASDAQ|LSE|AIM|TSX|TSX-?V|TSXV|CSE|ASX|SIX|Xetra|OTC|OTCQX|OTCQB|OTC Pink|HKEX|SEHK|SGX|JSE|BSE|NSE|IDX|KRX|KOSPI|TWSE|SSE|SZSE|TYO|TSE|MOEX|BIT|BME|BMV|B3|BVMF|Euronext|EPA|ETR|FRA|AMS|EBR|STO|HEL|CPH|OSL|WSE)\s*:\s*$/i;

/** Inner capitals mark brand names ("WeWork", "SoftBank"), but not Mc/Mac/De/Le surnames. */
export const CAMEL_CASE = /^(?!Mc|Mac|De|Le|La|Di|Du|Da|Van|Von|O['’])\p{Lu}\p{Ll}+\p{Lu}/u;

/** A single word, an apposition, then a verb of speech: "Reed, who chairs the board, told". */
export const APPOSITION_THEN_SPEECH = new RegExp(String.raw`^,[^,.;:“”"]{1,80},\s+(?:${ADVERB}\s+|also\s+|later\s+)?(?:said|says|told|tells|added|noted|wrote|explained|argued|insisted|warned|stated)\b`, 'u');

export const SPEECH_VERBS = /^(said|says|told|stated|added|noted|warned|explained|argued|wrote|insisted|announced|emphasized|emphasised|confirmed|highlighted|acknowledged|cautioned|recalled|conceded|admitted|replied|quipped|joked|remarked|testified|tweeted)$/;

/**
 * What companies do in the news, said of a single unknown word: "Ascom announces", "Acme
 * reported". A person is named in full first, so a lone word nobody was named with is a company.
 */
export const CORPORATE_VERBS = /^(announces|announced|reports|reported|launches|launched|unveils|unveiled|acquires|acquired|agreed|agrees|posted|posts|raised|raises|files|filed|sells|sold|hires|hired|partners|signed|signs|expands|expanded|delivers|delivered|operates|offers|offered|provides|provided|plans|releases|released|introduces|introduced)$/;

/** Two names and what two companies do together, in forms no noun has: "Ascom and Dräger introduce". */
export const PAIRED_CORPORATE = /^(?:announce|introduce|launch|unveil|acquire|partner|team|agree|merge)$/;

export const QUOTE_MARK = /["“”„«»]/u;

/** Words for what someone is or does, by their ending: "Pensioner", "Activist", "Historian", "Resident". */
export const AGENT_NOUN = /\p{Ll}(?:er|or|ist|ian|ant|ent|eur|euse)$/u;

/** Continents: places, but no country ("European Commission" names none). */
export const CONTINENTS = /^(?:Africa|America|Asia|Europe|Oceania|Antarctica|North America|South America|Latin America)$/;

export const COMPASS = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Northeast|Northwest|Southeast|Southwest|Northeastern|Northwestern|Southeastern|Southwestern)$/;

/** German compound titles, inflected too: "Regierungschef", "Landesminister", "Vereinssprecher", "den Präsidenten". */
export const COMPOUND_TITLE = /(?:chef|minister|präsident|sprecher|leiter|trainer|direktor|kanzler|meister|vorsitzend)(?:in|innen|en|e|er|s|n)?$/i;

/** A name and what it owns, leads or backs: "GateHouse-owned", "Saudi-led", "SoftBank-backed". */
export const OWNED = /^(\p{Lu}[\p{L}.'’]*?)-(?:owned|led|backed|controlled|funded|run|operated)$/u;

/** A legal form right after a name and a comma: "Dräger, Inc.", "Acme, LLC". */
export const LEGAL_FORM_AFTER = /^,\s*(?:Inc|Ltd|LLC|Corp|Co|plc|PLC|GmbH|AG|SA|S\.A|N\.V|NV|B\.V|BV|AB|ASA|Oyj|SpA|S\.p\.A|Pty|LLP|LP)\b\.?/u;

/** Whole words in front of a source: "according to Refinitiv", "data from Refinitiv". */
export const SOURCE_BEFORE = /\b(according to|data from|reported by|published by|polled by|surveyed by|compiled by|estimates from)\s+(?:the\s+)?$/i;

/** Last words of place names: "Merritt Island", "Palm Beach", "Colorado Springs". */
export const GEOGRAPHIC = /^(Island|Islands|Bay|Beach|City|Springs|Falls|Heights|Park|Valley|Lake|Lakes|Hills|Creek|Harbor|Harbour|Point|Port|Village|Town|Mills|Grove|Ridge|Rapids|Junction|Fort|Mount|Saint|San|Santa)$/;

/** A team's win-loss record after its name: "(9-1, 6-1)", "(0-1):". */
export const TEAM_RECORD = /^\s*\(\d{1,2}-\d{1,2}(?:-\d{1,2})?(?:,\s*\d{1,2}-\d{1,2}(?:-\d{1,2})?)?\)/;

/** A match result between two teams: "Viera defeats Rockledge", "Eastern Michigan routs Northern Illinois", results tables' "Palm Bay d. Rockledge". */
export const SPORTS_RESULT = /^(d|beat|beats|defeats|defeated|routs|routed|edges|edged|tops|topped|downs|downed|blanks|blanked|stuns|stunned|thrashes|thrashed|outlasts|outlasted|overpowers|overpowered|clobbers|clobbered|hammers|hammered|trounces|trounced|whips|whipped|vs|versus)$/;

/** Capitalised plurals after "the" that are events or regions, not teams or parties. */
export const NOT_TEAMS = /^(Olympics|Paralympics|Games|Oscars|Grammys|Emmys|Golden Globes|Championships|Finals|Playoffs|Nationals|Midterms|Holidays|Americas|Alps|Andes|Rockies|Balkans|Tropics|Highlands|Midlands|Lowlands|Islands|Falls|Hills|Heights|Gardens|Commons|Lords|Times|News)$/;

export const MONTHS_AND_DAYS = /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/**
 * Words for what a person does, before their name in lower case: "Brazil star Neymar",
 * "quarterback Tanner Morgan", "novelist Ann Patchett". (Capitalised they would be part of
 * a span; these are not titles, so they do not become the person's role.)
 */
const PERSON_BEFORE = /^(?:rival|chef|pensioner|resident|mother-of-\w+|father-of-\w+|star|striker|forward|midfielder|defender|goalkeeper|keeper|quarterback|pitcher|winger|captain|teammate|rookie|veteran|singer|rapper|actor|actress|comedian|novelist|author|writer|poet|player|coach|founder|co-founder|spokesman|spokeswoman|spokesperson|lawyer|attorney|analyst|economist|professor|scientist|researcher|reporter|journalist|columnist|correspondent|designer|artist|producer|activist|candidate|nominee|champion|cyclist|golfer|boxer|swimmer|sprinter|skier|wrestler|teenager|inventor|entrepreneur|investor|billionaire|philanthropist|daughter|son|wife|husband|brother|sister|mother|father|widow|patient|student|nurse|victim|survivor|passenger|teacher|pupil|volunteer|boss)$/;

/** A word for what a person does, in lower case ("star", "quarterback", "founder"). */
export function isPersonNoun(word: string): boolean {
  // (And the professions by their endings: "epidemiologist", "historian", "physician".)
  return PERSON_BEFORE.test(word) || /^\p{Ll}{4,}(?:ist|ian)$/u.test(word);
}

/**
 * An article, a word for what someone does and an adjective right before a name, as French,
 * Spanish and Portuguese order them: "l'ailier fidjien Josaia Ratu", "el delantero argentino
 * Julián Pardo", "o médio brasileiro Caio Lima".
 */
const DESCRIBED_BEFORE = /(?:^|[\s(])(?:l['’]|le\s|la\s|un\s|une\s|el\s|o\s|a\s|um\s|uma\s|il\s|lo\s)\s*(\p{Ll}[\p{Ll}-]+)\s+\p{Ll}[\p{Ll}-]+\s+$/u;
export function describedBefore(preceding: string): boolean {
  const noun = DESCRIBED_BEFORE.exec(preceding)?.[1];
  return noun !== undefined && (isPersonNoun(noun) || AGENT_NOUN.test(noun));
}
