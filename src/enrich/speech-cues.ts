/**
 * An adverb between a speaker and the verb ("Smith later said", "she angrily told"): a word in
 * -ly that is not one of the nouns and adjectives so spelled ("the family said", "an ally
 * told", "the elderly man said").
 */
export const ADVERB = String.raw`(?!(?:famil|all|rall|suppl|repl|assembl|monopol|anomal|bell|bull|jell|lil|foll|holl|homil|earl|onl|dail|weekl|monthl|quarterl|yearl|elderl|friendl|lonel|sill|ugl|hol)y(?![\p{L}]))\p{Ll}+ly`;

/**
 * The words that attribute direct speech, in the languages Gazette serves. Verbs are matched
 * in lower case only: a verb of speech is never capitalised in the middle of a sentence, and
 * "the United States" or "Says Law" are not attributions.
 */

/** English verbs of speech, with their -s, -ed and -ing forms where a reporter uses them. */
const ENGLISH = [
  'say|says|said',
  'tell|tells|told',
  'add|adds|added',
  'notes|noted',
  'warn|warns|warned',
  'explain|explains|explained',
  'argue|argues|argued',
  'insist|insists|insisted',
  'write|writes|wrote|wrote in',
  'stated',
  'tweeted|posted',
  'announce|announces|announced',
  'declare|declares|declared',
  'emphasi[sz]e|emphasi[sz]es|emphasi[sz]ed|stressed',
  'ask|asks|asked|reply|replies|replied|respond|responds|responded|answered',
  'commented|remarked|quipped|joked|mused',
  'claimed|allege|alleges|alleged|assert|asserts|asserted|contended|countered',
  'continue|continues|continued|went on|recalls|recalled|recounted|reiterated|reiterates',
  'admit|admits|admitted|conceded|concedes|acknowledge|acknowledges|acknowledged|confirm|confirms|confirmed',
  'urge|urges|urged|pleaded|begged|demanded|implored',
  'vowed|promised|pledged|assured',
  'predict|predicts|predicted|suggest|suggests|suggested|caution|cautions|cautioned|testified',
  'complain|complains|complained|lament|laments|lamented|bemoan|bemoans|bemoaned|boasted|reported|shouted|yelled|whispered',
  // "As Smith put it, “…”", "“…,” as one trader put it.": only before a stop, never "put it on the table".
  'put it(?=\\s*[,.:;—–"“”]|\\s*$)',
  'point(?:s|ed)? out|describe|describes|described',
];

/** The same in German, Spanish, French, Portuguese, Indonesian and Russian (past and present). */
const OTHERS = [
  'sagte|sagt|sagten|erklärte|erklärt|betonte|betont|meinte|meint|ergänzte|warnte|schrieb|kritisierte|fügte',
  'dijo|dice|afirmó|declaró|explicó|añadió|agregó|aseguró|señaló|indicó|advirtió|comentó',
  'denunció|lamentó|subrayó|insistió|reconoció|sostuvo|apuntó|precisó|recordó|destacó|manifestó|expresó|respondió|admitió',
  'a déclaré|a dit|a affirmé|a expliqué|a ajouté|a souligné|a estimé|a indiqué|a précisé|déclare|explique|ajoute|estime|souligne|affirme|précise',
  'a dénoncé|dénonce|a regretté|regrette|a rappelé|rappelle|a reconnu|reconnaît|a martelé|martèle|a prévenu|prévient|a averti|avertit|a répondu|répond|a réagi|réagit|a insisté|insiste|a assuré|assure',
  'a-t-(?:il|elle) (?:déclaré|dit|affirmé|expliqué|ajouté|souligné|estimé|indiqué|précisé|poursuivi|insisté|assuré|lancé|conclu|dénoncé|regretté|confié|raconté|résumé)|a confié|a raconté|a résumé|a lancé|a insisté|a assuré',
  "s['’]est (?:félicitée?|réjouie?|exclamée?|dite?|montrée?|emportée?|défendue?|justifiée?)",
  'disse|diz|afirmou|afirma|declarou|explicou|acrescentou|destacou|ressaltou|contou|comentou|lembrou|avaliou',
  'denunciou|lamentou|sublinhou|reconheceu|garantiu|frisou|salientou|defendeu|admitiu|respondeu|alertou|sustentou|insistiu|observou',
  'mengatakan|menyatakan|menegaskan|menandaskan|menjelaskan|mengungkapkan|menuturkan|menambahkan|berkata|kata|katanya|ujar|ujarnya|tutur|tuturnya|ungkapnya|jelasnya|tegasnya|imbuhnya|tambahnya',
  'сказал|сказала|сказали|заявил|заявила|заявили|отметил|отметила|сообщил|сообщила|подчеркнул|подчеркнула|добавил|добавила|пояснил|пояснила|рассказал|рассказала|написал|написала|говорит|считает',
];

/**
 * Verbs that introduce a quote standing after them but never attribute one before them:
 * Trump called the inquiry “a witch hunt”; the study dubbed it “a wake-up call”. Participles
 * are among them: in “…,” adding “…” or “…”, saying he …, the subject came before the quote.
 */
const BEFORE_ONLY =
  'called|calls|dubbed|labell?ed|branded|termed|saying|telling|adding|noting|warning|explaining|arguing|insisting|stressing|tweeting|writing|announcing|declaring|asking|urging|describing|calling';

const word = (alternatives: string) => new RegExp(String.raw`(?<![\p{L}-])(?:${alternatives})(?![\p{L}-])`, 'u');

const SPEECH = [...ENGLISH, ...OTHERS].join('|');
/** A verb of speech that may stand on either side of a quote. */
export const SPEECH_RE = word(SPEECH);
/**
 * A sentence that opens with a short subject and a verb of speech, which after a quote that
 * ends its own sentence still attributes it: “….” Bass said the plan would take years.
 */
export const SUBJECT_THEN_SPEECH_RE = new RegExp(
  String.raw`^\s*(?:He|She|They|The\s+\p{Ll}+|\p{Lu}[\p{L}'’-]*(?:\.?\s+\p{Lu}[\p{L}'’-]*){0,3})(?:,[^,]{1,80},)?\s+(?:${ADVERB}\s+|also\s+|later\s+|then\s+)?(?:${SPEECH})(?![\p{L}-])`,
  'u',
);
/** A verb of speech, or one of the verbs that only introduce a quote, before it. */
export const SPEECH_BEFORE_RE = word(`${SPEECH}|${BEFORE_ONLY}`);
/** "according to X" and its translations: the source follows. */
export const ACCORDING_RE = /(?<![\p{L}])(?:[Aa]ccording to|[Ss]elon|[Ll]aut|[Ss]egún|[Ss]egundo|[Mm]enurut|[Пп]о словам)\s/u;
/**
 * German „…“, so Scholz: "so" right after a closing mark and a comma names the speaker.
 * (Only there: anywhere else it is an ordinary word.)
 */
export const GERMAN_SO_RE = /^,\s*so\s+(?=\p{Lu})/u;

/**
 * Nouns for a person known only by their role: a subject headed by one ("an official at the
 * ministry", "the United Nations High Commissioner") is an unnamed person, not the
 * organisation. A spokesperson is not among them: what "a Shell spokesperson" says, Shell says.
 */
export const ROLE_NOUN = /^(?:officials?|spokes(?:person|man|woman|people|men|women)|representatives?|sources?|aides?|employees?|members?|executives?|officers?|lawyers?|attorneys?|advis[oe]rs?|experts?|analysts?|insiders?|staff(?:ers)?|researchers?|engineers?|owners?|directors?|chiefs?|heads?|commissioners?|ministers?|secretar(?:y|ies)|presidents?|chair(?:man|woman|person)?|leaders?|managers?|coach(?:es)?)$/i;

/**
 * Nouns that, after "the" (or another language's article), stand for the organisation last
 * named: “…,” the company said; afirmou a empresa na nota; so das Unternehmen.
 */
export const ORGANISATION_BACK_REFERENCE =
  /^(?:the\s+(?:company|firm|group|carrier|retailer|maker|bank|lender|insurer|airline|automaker|carmaker|club|team|agency|ministry|department|organi[sz]ation|university|network|broadcaster|party|union|charity|foundation|institute|start-?up|business|manufacturer|publisher|operator|developer|platform|studio|regulator|watchdog|museum|hospital|council|court|school|college|commission|committee|authority|board|police|force|league|federation|association|newspaper|paper|magazine|exchange|fund)|(?:a|o|la|el|le|l['’])\s*(?:empresa|companhia|compañía|firma|grupo|groupe|entreprise|société|sociedade|sociedad|banco|banque|clube|club|equipe|equipo|équipe)|(?:das|der|die)\s+(?:unternehmen|konzern|firma|gruppe|bank|verein)|perusahaan(?:\s+(?:itu|tersebut))?)(?:\s+(?:in|na|no|en|dans|em|nella|im|in der|dalam)\s.*)?$/i;
