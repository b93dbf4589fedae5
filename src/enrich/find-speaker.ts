import { isTitleWord, knownPlace, placeOfDemonym } from './gazetteer.js';
import { genderOf } from './gender-of.js';
import {
  ACCORDING_RE,
  ADVERB,
  GERMAN_SO_RE,
  ORGANISATION_BACK_REFERENCE,
  ROLE_NOUN,
  SPEECH_BEFORE_RE,
  SPEECH_RE,
  SUBJECT_THEN_SPEECH_RE,
} from './speech-cues.js';
import { endsSentence } from './split-sentences.js';
import { isPersonNoun } from './name-cues.js';
import type { MentionSpan } from './tag-entities.js';
import { isRoleNoun, tagsOf } from './word-tags.js';

/** Who said a quote: an entity of the article, or the words used for an unnamed one. */
export interface Speaker {
  slug: string | null;
  phrase: string | null;
}

/** What attribution reads: the text, the mentions that may speak, and the last quote's speaker. */
export interface AttributionContext {
  text: string;
  mentions: MentionSpan[];
  names: Map<string, string>;
  /** The last attributed quote: its speaker and where it ended. */
  previous: { speaker: Speaker; end: number } | null;
  /** The quote being attributed, whose own words name no one who says them. */
  current?: { start: number; end: number } | null;
}

const PRONOUN_RE = /(?<![\p{L}])(he|she|they|er|sie|il|elle|ella|él|ele|ela)(?![\p{L}])/iu;
const FEMININE = /^(she|sie|elle|ella|ela)$/i;
const MASCULINE = /^(he|er|il|él|ele)$/i;
/** How far after a quote its attribution is looked for, in characters. */
const WINDOW = 160;
/** How far back the sentence that introduces a quote may start, in characters. */
const INTRO_WINDOW = 250;
/** Capitalised words, as a name the tagger did not know may stand: "Noem", "Van Der Beek". */
const NAME = String.raw`\p{Lu}[\p{L}'’-]+\.?(?:\s+\p{Lu}[\p{L}'’-]+\.?){0,3}`;
/** Sentence openers and pronouns are not names: "She added", "But Esper said". */
const OPENER = /^(?:(?:the|but|and|so|yet|as|later|then|also|now|here|there|he|she|they|it|we|i|you|er|sie|il|elle|ella|él|ele|ela)\b\s*)+/iu;
/** Between a subject and its verb: nothing but an adverb ("China later said"). */
const ONLY_ADVERB = new RegExp(String.raw`^\s+(?:${ADVERB}\s+|also\s+|later\s+|then\s+)?$`, 'u');
/** An auxiliary between a subject and its verb: "Smith has said", "as Holmes would say". */
const AUXILIARY = String.raw`(?:has|had|have|would|will|could|might|may|can|should|did|does|once)`;
/**
 * Capitalised words, then maybe an apposition, an auxiliary or an adverb, right before a verb:
 * "Noem later tweeted", "Reed, who will chair the company, told".
 */
const NAME_BEFORE_VERB = new RegExp(String.raw`(${NAME})(?:,\s+(?:who|whose|a|an|the)\s[^,.;:“”"]{1,80},)?\s+(?:${AUXILIARY}\s+)?(?:${ADVERB}\s+|(?:later|also|then|still|again|even|never|often|now)\s+)?$`, 'u');
/** An adverb ending a subject phrase: "the actor previously". */
const TRAILING_ADVERB = new RegExp(String.raw`\s+(?:${ADVERB}|also|later|then)\s*$`, 'u');
const VERB_TAGS = new Set(['Verb', 'PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'Modal', 'Auxiliary', 'Copula']);
const DAY_OR_MONTH = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/**
 * The speaker that the quote's own sentence names: after it (“…,” Rutte said / said Rutte /
 * according to Rutte / „…“, so Rutte / — Rutte), before it (Rutte said: “…” / Rutte called
 * it “…”), or as the subject of the clause a colon ends (Rutte was blunt: “…”).
 */
export function attribute(start: number, end: number, context: AttributionContext): Speaker | undefined {
  const { text, mentions } = context;
  const afterText = attributionAfter(text, start, end);
  const afterEnd = end + afterText.length;
  const so = GERMAN_SO_RE.exec(afterText);
  if (so) {
    const at = end + so[0].length;
    const s = speakerIn(text, mentions, at, afterEnd, at) ?? asPhrase(nameAfter(text, at, afterEnd));
    if (s) return s;
  }
  const according = ACCORDING_RE.exec(afterText);
  const verbAfter = SPEECH_RE.exec(afterText);
  // “…,” Smith said, according to the BBC: the one who said it, not the outlet that reported it.
  if (according && according.index < 60 && !(verbAfter && verbAfter.index < according.index)) {
    const from = end + according.index + according[0].length;
    const s = speakerIn(text, mentions, from, afterEnd, from);
    if (s) return s;
  }
  // “…” and urged …: a verb after a conjunction or a relative pronoun has its subject before the quote.
  const ownClause = verbAfter && !/^[\s,;]*(?:and|but|or|then|before|after|while|as|which|who|that|und|et|y|e|dan)\s/iu.test(afterText.slice(0, verbAfter.index));
  if (verbAfter && verbAfter.index < 60 && ownClause) return speakerAfter(start, end, afterText, verbAfter, context);
  // Before the quote, in its sentence: Rutte said: “…” / Rutte told reporters that “…”
  const intro = introduction(text, start);
  const introText = text.slice(intro, start);
  // “Declaring “…” is at stake, Defense Secretary Robert Gates has ordered …”: a quote in an
  // opening participle's clause is said by the subject of the sentence after the comma.
  // (Not a word that only ends so: "During the hearing “…”", "Beijing “…”".)
  const participle = /(?:^|[—–]|--)\s*(\p{Lu}\p{Ll}{2,}ing)\s[^,;:—–]*$/u.exec(introText)?.[1];
  if (participle && !NOT_PARTICIPLES.test(participle) && knownPlace(participle) === undefined) {
    const comma = text[end - 2] === ',' ? [''] : /^[^.!?;:\n“”"]*?,\s*/u.exec(text.slice(end, end + 200));
    if (comma) {
      const from = end + comma[0]!.length;
      const subject = mentions.find((m) => m.type === 'person' && m.start >= from && m.start < from + 60);
      if (subject) return { slug: subject.slug, phrase: null };
    }
  }
  // "directives from Xi to “show no mercy”", "a call by Macron for “…”": what someone ordered,
  // urged or pledged is said by them.
  const directive = DIRECTIVE_FROM.exec(introText);
  if (directive) {
    const from = intro + directive.index;
    const named = mentions.find((m) => m.type === 'person' && m.start >= from && m.end <= start);
    if (named) return { slug: named.slug, phrase: null };
  }
  // The verb nearest the quote first; an earlier one when that one has no subject to name.
  const verbsBefore = [...allMatches(SPEECH_BEFORE_RE, introText), ...allMatches(ACCORDING_RE, introText)].sort((a, b) => b.index - a.index);
  for (const verb of verbsBefore) {
    const at = intro + verb.index;
    // ("was blunt when asked about …", "were told that …": the one asked or told is not its subject.)
    if (/^(?:asked|told)$/.test(verb[0]) && /(?<![\p{L}])(?:when|if|was|were|been|being|is|are|be)\s+$/u.test(text.slice(Math.max(intro, at - 8), at))) continue;
    // ("Jobs will continue to provide “…”": to continue doing something is not to speak.)
    if (/^continu/i.test(verb[0]) && /^\s+to\s/.test(text.slice(at + verb[0].length, at + verb[0].length + 5))) continue;
    // What stands before the verb, less a relative clause ("The former minister, who served
    // under Rutte, told …"): "The network warned in its report that …" is the organisation
    // named last, as after a quote; "the former minister" the person named with that word.
    const clause = /,\s*(?:who|whose|which)\s[^,.;:“”"]{1,120},\s*$/u.exec(text.slice(intro, at));
    const subjectText = clause ? `${text.slice(intro, intro + clause.index)} ` : text.slice(intro, at);
    const definite = DEFINITE_BEFORE_VERB.exec(subjectText)?.[1] ?? null;
    const organisation = organisationBefore(definite, start, context);
    if (organisation) return organisation;
    // "Ford’s father told Starner that “…”": a relative or an agent of someone named speaks, unnamed.
    const possessed = POSSESSED_BEFORE_VERB.exec(text.slice(Math.max(intro, at - 80), at)) ?? UNNAMED_BEFORE_VERB.exec(text.slice(Math.max(intro, at - 100), at));
    if (possessed) return { slug: null, phrase: possessed[1]!.replace(/^(?:A|An|Another|One|Two|Three|Several|Some|Many)(?![\p{L}])/u, (w) => w.toLowerCase()) };
    // Whoever stands before the verb first: in "told NOS that the VVD had “lost its way”" the
    // one named after the verb is what was said, not who said it (but "said Smith: “…”").
    const pronoun = /(?:^|[\s,])(he|she|they)\s+(?:\S+\s+)?$/iu.exec(subjectText)?.[1];
    const pronounBefore = pronoun !== undefined;
    // "he" or "she" right before the verb is someone: "Curie, a student at Edinburgh
    // University, came second, but she admitted “…”" is not the university's.
    const someone = pronounBefore && !/^they$/i.test(pronoun);
    const named = (from: number, to: number) => {
      const found = speakerIn(text, mentions, from, to, at, true);
      return someone && found?.slug && mentions.find((m) => m.slug === found.slug)?.type !== 'person' ? undefined : found;
    };
    const s =
      named(intro, intro + subjectText.length) ??
      definiteRole(definite, start, context) ??
      (pronounBefore ? pronounSpeaker(intro, at, intro, context) : undefined) ??
      named(intro, start) ??
      pronounSpeaker(intro, at, intro, context);
    if (s) return s;
  }
  // (A dash does what a colon does: Ahmed kept it simple — “…”.)
  const colon = /(?::|\s[—–])\s*$/.exec(introText);
  if (colon) {
    const s = subjectBeforeColon(intro, intro + colon.index, context);
    if (s) return s;
  }
  // “…”\n— Mark Carney: a dash and a name after the quote sign it.
  const dash = /^[ \t]*(?:\n[ \t]*){0,2}[—–][ \t]*(?=\p{Lu})/u.exec(text.slice(end, end + 20));
  if (dash) {
    const at = end + dash[0].length;
    const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
    const s = speakerIn(text, mentions, at, lineEnd, at) ?? asPhrase(nameAfter(text, at, lineEnd));
    if (s) return s;
  }
  // “…,” study lead author Lucas Paganini, a planetary scientist at …, said in a statement:
  // a person named right after the quote, with the verb further on.
  // (Not after a quote that ends its own sentence: “….” When Ford visited Teresa …, she recalled.)
  const later = afterText === '' && endsOwnSentence(text, start, end, sentenceAfter(text, end)) ? null : SPEECH_RE.exec(text.slice(end, end + 300).split(/\n/)[0]!);
  if (later && /^[,\s]/.test(text.slice(end - 1, end + 1).slice(-1) || ' ')) {
    const near = mentions.find((m) => m.type === 'person' && m.start >= end && m.start < end + 40);
    if (near && near.start < end + later.index) return { slug: near.slug, phrase: null };
  }
  return namedLater(intro, start, end, context);
}

/**
 * "ABUJA (AP) — The governor of Kadera State on Wednesday dismissed the claims, calling them
 * “…”": a sentence whose subject is a title or a word for someone's work, with no one named in
 * it, speaks for the person the next paragraphs name with that word ("Governor Babatunde
 * Ogunleye said"), as agency copy names someone after its opening paragraph.
 */
function namedLater(intro: number, start: number, end: number, context: AttributionContext): Speaker | undefined {
  const { text, mentions } = context;
  const opening = /^(?:[^\n—–]{0,80}?\s[—–-]{1,2}\s+)?The\s+(?:[\p{Ll}-]+\s+)??(\p{Ll}[\p{Ll}-]+)(?=[\s,])/u.exec(text.slice(intro, start));
  const noun = opening?.[1];
  if (!noun || !(isTitleWord(noun) || ROLE_NOUN.test(noun)) || mentions.some((m) => m.type === 'person' && m.start >= intro && m.end <= start)) return undefined;
  const titled = new RegExp(String.raw`(?<![\p{L}])${noun}\s+$`, 'iu');
  const named = mentions.find((m) => m.type === 'person' && m.start >= end && m.start < end + 800 && titled.test(text.slice(Math.max(0, m.start - noun.length - 2), m.start)));
  return named ? { slug: named.slug, phrase: null } : undefined;
}

/** The speaker of “…,” X said / said X / he said, once the verb after the quote is found. */
function speakerAfter(start: number, end: number, afterText: string, verb: RegExpExecArray, context: AttributionContext): Speaker {
  const { text, mentions } = context;
  const at = end + verb.index;
  const afterEnd = end + afterText.length;
  // “…,” he told the FBI: the pronoun is the subject, whoever is named after the verb.
  // (So does one right before the verb: "What kept her going, she said, was …".)
  // (And one inside a French inverted verb: « … », a-t-il confié …, avant de saluer Thomas Bérard.)
  const pronounFirst =
    (/^[\s,]*\p{L}+[\s,]*$/u.test(text.slice(end, at)) && PRONOUN_RE.test(text.slice(end, at))) ||
    /(?:^|[\s,])(?:he|she|they)\s+$/iu.test(text.slice(end, at)) ||
    INVERTED_PRONOUN.test(verb[0]);
  // “…”, afirmó. / “…,” ujarnya.: a verb with its subject left unwritten, or a pronoun in it.
  const bare = /^[\s,—–-]*$/.test(text.slice(end, at)) && /^(?:\p{Ll}+nya|[\s.,;]*$|[\s,]+(?:en|em|a|à|al|ao|na|no|durante|tras|após|después|dalam|kepada)\s)/u.test(verb[0].endsWith('nya') ? verb[0] : afterText.slice(verb.index + verb[0].length));
  // “…,” the family said in a statement released by their lawyer, Mark Geragos: a subject of
  // ordinary words before the verb speaks, not someone named after it.
  const phraseFirst = /^[\s,]*(?:the|a|an|his|her|their|its|one)\s+[\p{Ll}\d\s'’-]+$/u.test(text.slice(end, at)) || UNNAMED_BEFORE_VERB.test(text.slice(end, at));
  // (So does one right after the verb: "said a spokesman for Smith".)
  const unnamedAfter = UNNAMED_AFTER_VERB.exec(text.slice(at + verb[0].length, afterEnd));
  // (Unless a name follows in apposition: "said one of the lawyers, John Smith".)
  const rest = unnamedAfter ? text.slice(at + verb[0].length + unnamedAfter[0].length, afterEnd) : '';
  const inApposition = /^(?:\s+\p{Ll}+\s+[^,.;:“”"]*)?,\s+\p{Lu}[\p{L}'’-]+\s+\p{Lu}/u.test(rest);
  if (unnamedAfter && !inApposition && /^[\s,—–-]*$/.test(text.slice(end, at))) return { slug: null, phrase: unnamedAfter[1]! };
  const s = pronounFirst
    ? pronounSpeaker(end, at + verb[0].length, start, context)
    : phraseFirst
      ? undefined
      : (speakerIn(text, mentions, end, afterEnd, at, true) ?? pronounSpeaker(end, at + verb[0].length + 30, start, context) ?? (bare ? subjectSpeaker(start, null, context) : undefined));
  if (s) return s;
  const phrase = phraseNear(afterText, verb.index, verb[0].length);
  // “…,” the company said: the organisation named last.
  const named = organisationBefore(phrase, start, context);
  if (named) return named;
  return (phrase && (definiteRole(phrase, start, context) ?? epithetSpeaker(phrase, start, context))) || { slug: null, phrase };
}

/**
 * "the company said", "the network warned": the organisation named last before the quote,
 * one that opens a sentence or speaks before one named in passing ("Vantora said it would
 * appeal to the General Court. “…,” the company said.").
 */
function organisationBefore(phrase: string | null, start: number, context: AttributionContext): Speaker | undefined {
  const said = phrase?.trim();
  if (!said) return undefined;
  const document = DOCUMENT_BACK_REFERENCE.exec(said)?.[1];
  if (!document && !ORGANISATION_BACK_REFERENCE.test(said)) return undefined;
  const { text } = context;
  // ("the company said" is no court's or commission's words: "Vantora said it would appeal to
  // the General Court. “…,” the company said.")
  const business = !document && COMPANY_BACK_REFERENCE.test(said);
  const named = [...context.mentions]
    .reverse()
    .filter((m) => m.type === 'organisation' && m.end <= start && !qualifiesRole(text, m) && !(business && PUBLIC_BODY_WORD.test(context.names.get(m.slug)?.split(/\s+/).pop() ?? '')));
  const near = paragraphsBefore(text, start, 2);
  // "the museum said": the organisation last named with that word in its name ("The
  // Metropolitan Museum of Art …, after an investigation by the District Attorney's Office").
  const noun = document ? undefined : /(?:^|\s)(\p{L}+)$/u.exec(said)?.[1]?.toLowerCase();
  const namedSo = noun ? named.find((m) => (context.names.get(m.slug) ?? '').toLowerCase().split(/\s+/).includes(noun)) : undefined;
  if (namedSo) return { slug: namedSo.slug, phrase: null };
  const subject = named.find((m) => m.start >= near && (opensSentenceOnce(m, context) || speaksThere(text, m)));
  if (!document) return subject ? { slug: subject.slug, phrase: null } : named[0] ? { slug: named[0].slug, phrase: null } : undefined;
  // "the statement said": whoever issued it, else an organisation that is a subject nearby
  // (never one named in passing, nor the people a sentence before names).
  const issuer = issuerOf(document.toLowerCase(), near, start, context);
  if (issuer) return issuer;
  return subject ? { slug: subject.slug, phrase: null } : undefined;
}

/** "The company", "the firm", "the carmaker": a business's words, in the languages read. */
const COMPANY_BACK_REFERENCE = /^(?:the\s+(?:company|firm|carrier|retailer|maker|lender|insurer|airline|automaker|carmaker|start-?up|business|manufacturer|publisher|operator|developer|studio)|(?:a|o|la|el|le|l['’])\s*(?:empresa|companhia|compañía|firma|entreprise|société|sociedade|sociedad)|(?:das|der|die)\s+(?:unternehmen|konzern|firma)|perusahaan)(?:\s|$)/i;
/** Last words of public bodies' names, which no business has: "General Court", "European Commission". */
const PUBLIC_BODY_WORD = /^(?:court|commission|ministry|parliament|council|senate|congress|police|army|navy|tribunal|department|agency|authority|government|assembly|committee|embassy|bureau|administration|regulator|cour|ministère|ministerio|ministério|comisión|comissão|gericht|ministerium|kommission)$/i;

/**
 * Words for what an organisation issues, after "the", that speak for whoever issued it: “…,”
 * the statement said; the report noted that “…”.
 */
const DOCUMENT_BACK_REFERENCE = /^the\s+(?:[\p{Ll}-]+\s+)?(statement|release|communiqué|announcement|filing|report)$/iu;

/**
 * Who issued the statement (report, filing…) named last before the quote: "a statement from
 * the company" (the organisation named last), "a statement by Acme", "Acme said in a
 * statement", "Acme's statement", "Acme issued a statement".
 */
function issuerOf(document: string, from: number, quoteStart: number, context: AttributionContext): Speaker | undefined {
  const { text, mentions } = context;
  const at = text.toLowerCase().lastIndexOf(document, quoteStart);
  if (at < from) return undefined;
  const after = /^\s+(?:issued\s+|released\s+|published\s+)?(?:from|by|of)\s+((?:the\s+)?\p{Ll}+)?/u.exec(text.slice(at + document.length, at + document.length + 40));
  if (after) {
    const by = mentions.find((m) => m.type !== 'place' && m.start >= at + after[0].length - (after[1]?.length ?? 0) && m.start <= at + document.length + after[0].length + 2);
    if (by) return { slug: by.slug, phrase: null };
    if (after[1] && /^the\s/.test(after[1])) return organisationBefore(after[1], at, context);
  }
  const before = mentions.filter((m) => m.type !== 'place' && m.end <= at && m.end >= at - 40).pop();
  if (before && /^(?:['’]s\s+(?:[\p{Ll}-]+\s+)?|\s+(?:said|says|added|wrote|noted)\s+in\s+(?:a|an|its|his|her|their)\s+(?:[\p{Ll}-]+\s+)?|\s+(?:issued|released|published|put out)\s+(?:a|an|its|his|her|their)\s+(?:[\p{Ll}-]+\s+)?)$/u.test(text.slice(before.end, at))) {
    return { slug: before.slug, phrase: null };
  }
  return undefined;
}

/** "The officer writes that", "the coach said": "the", up to two words, then a noun, right before a verb. */
const DEFINITE_BEFORE_VERB = new RegExp(String.raw`(?:^|[\s,])((?:the|The)\s+(?:[\p{Ll}'’-]+\s+){0,2}?[\p{Ll}-]+)\s+(?:${ADVERB}\s+|also\s+|later\s+)?$`, 'u');

/**
 * "the officer writes", "said the coach": a definite word for what someone does stands for the
 * person last named with that word beside their name ("the council's planning officer, Gemma
 * Thurlow", "Toulouse coach Ugo Mola", "Ugo Mola, the Toulouse coach,").
 */
function definiteRole(phrase: string | null, quoteStart: number, context: AttributionContext): Speaker | undefined {
  const noun = phrase ? /^the\s+(?:[\p{L}'’-]+\s+){0,2}?([\p{Ll}-]+)$/iu.exec(phrase.trim())?.[1] : undefined;
  if (!noun || !(isTitleWord(noun) || isPersonNoun(noun) || ROLE_NOUN.test(noun))) return undefined;
  const { text } = context;
  const before = new RegExp(String.raw`(?<![\p{L}])${noun}(?:['’]s)?,?\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}$`, 'iu');
  const after = new RegExp(String.raw`^,\s+[^,.;:“”"]{0,40}?(?<![\p{L}])${noun}(?![\p{L}])`, 'iu');
  const named = context.mentions
    .filter((m) => m.type === 'person' && m.end <= quoteStart)
    .reverse()
    .find((m) => before.test(text.slice(Math.max(0, m.start - 40), m.start)) || after.test(text.slice(m.end, m.end + 60)));
  return named ? { slug: named.slug, phrase: null } : undefined;
}

/** People known by whose they are: "Smith’s lawyer", "Ford’s now-deceased father". */
const RELATION = String.raw`(?:father|mother|parents|wife|husband|son|daughter|children|brother|sister|siblings|family|widow|widower|uncle|aunt|nephew|niece|cousin|grandmother|grandfather|fiancée?|partner|girlfriend|boyfriend|friend|lawyer|attorney|agent|manager|publicist|doctor)`;
/** A possessor, up to two words and a relation right before a verb: "Ford’s now-deceased father". */
const POSSESSED_BEFORE_VERB = new RegExp(String.raw`(?<![\p{L}])(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}['’]s\s+(?:[\p{Ll}-]+\s+){0,2}?${RELATION})\s+(?:${ADVERB}\s+|later\s+|also\s+)?$`, 'u');
/**
 * The same in the other languages quotes are read in: "Uma fonte do Ministério disse", "Una
 * portavoz del ministerio explicó", "Un proche du ministre a confié", "Ein Sprecher der Firma
 * sagte": an unnamed source, aide or spokesperson, and whom they speak for.
 */
const UNNAMED_ELSEWHERE = String.raw`(?:[Uu]ma?|[Uu]na|[Uu]ne?|[Ee]ine?r?|[Oo]utra|[Oo]tra|[Uu]ne autre)\s+(?:[\p{Ll}-]+\s+)?(?:fontes?|fuentes?|sources?|porte-parole|portavoz|porta-voz|proches?|sprecher(?:in)?|vertraute[rn]?|conseill(?:er|ère)s?|collaborat(?:eur|rice)s?|assessor(?:a|es)?|asesor(?:a|es)?|funcionári[oa]s?|funcionari[oa]s?|responsable|responsável|diplomat(?:e|a|in)?|testemunhas?|testigos?|témoins?|zeugen?|zeugin|residentes?|vizinh[oa]s?|vecin[oa]s?|habitante?s?)(?:\s+(?:d[aoe]s?|d[uo]|del|de la|de l['’]|der|des|vom|von|da|das|dos)\s+[^,.;:“”"]{1,60}?)?`;

/**
 * Someone not named, right before a verb: "Another insider claimed that Adeyemi …", "A
 * representative for Hartley said:", "two people familiar with the talks said" — whoever the
 * rest of the sentence names is not who speaks.
 */
const UNNAMED_BEFORE_VERB = new RegExp(
  String.raw`(?:^|[\s,])((?:[Aa]n?|[Aa]nother|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:${ROLE_NOUN.source.replace(/^\^|\$$/g, '')}|insiders?|people|persons?|residents?|neighbou?rs?|witness(?:es)?|friends?|relatives?)(?:\s+(?:for|of|at|from|with|close to|familiar with)\s+[^,.;:“”"]{1,60}?)?|${UNNAMED_ELSEWHERE})\s+(?:${ADVERB}\s+|also\s+|later\s+)?$`,
  'u',
);

/**
 * Someone not named, right after the verb: "said a spokesman for Smith", "explique un proche
 * de Pierre Moscovici", "explicó una portavoz del ministerio": whoever the phrase names after
 * "for" or "de" is whom they speak for, not who speaks.
 */
const UNNAMED_AFTER_VERB = new RegExp(
  String.raw`^[\s,]*((?:an?|another|one|un|une|uno|una|um|uma|ein|eine|einer)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:${ROLE_NOUN.source.replace(/^\^|\$$/g, '')}|insiders?|friends?|relatives?|proches?|porte-parole|portavoz|porta-voz|fuentes?|fontes?|sprecher(?:in)?|vertraute[rn]?|conseill(?:er|ère)s?|collaborat(?:eur|rice)s?|assessor(?:es)?))(?![\p{L}-])`,
  'iu',
);

/** Capitalised words ending in "-ing" that open no participle's clause. */
const NOT_PARTICIPLES = /^(?:During|Nothing|Something|Everything|Anything|Morning|Evening|Spring|Sterling|Wedding|Building|Ceiling|Viking|Boeing|Pudding)$/;

/** A directive, call or pledge from someone, right before the quote: "directives from Xi to", "a call by Macron for". */
const DIRECTIVE_FROM = /\b(?:directives?|orders?|instructions?|calls?|pledges?|promises?|vows?|warnings?|demands?|appeals?)\s+(?:from|by)\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:to|for|that)\s+$/u;

/** A possessor whose relation follows: "Ford’s father", whatever the tagger made of Ford. */
const OWNS_RELATION = new RegExp(String.raw`^['’]s\s+(?:[\p{Ll}-]+\s+){0,2}?${RELATION}(?![\p{L}])`, 'u');

/** A definite article of the languages epithets are read in. */
const ARTICLE = "(?:the|der|die|das|le|la|l['’]|el|o|a)";
/** An article, up to two words, then the noun: "the 45-year-old", "der 52-Jährige". */
const EPITHET = new RegExp(`^${ARTICLE}\\s*((?:[\\p{L}\\d'’-]+\\s+){0,2}?)([\\p{L}\\d-]+)(?=[\\s,]|$)`, 'iu');
/** Where someone is from, then what they do: "the Marseille-born chef", "the Lagos-based lawyer". */
const EPITHET_FROM = new RegExp(`^(?:${ARTICLE}|The|Der|Die|Das|Le|La|El|O|A)\\s+\\p{Lu}[\\p{L}'’.-]*-(?:born|based|raised|bred)\\s+(\\p{Ll}+)(?=[\\s,]|$)`, 'u');

/**
 * "said the actor", "the 45-year-old said", "the Russian said", "sagte der 52-Jährige nach
 * dem Spiel", "disse o técnico": a definite title, age or nationality stands for the person
 * last quoted, else for the subject of a sentence before (see `subjectSpeaker`).
 */
function epithetSpeaker(phrase: string, start: number, context: AttributionContext): Speaker | undefined {
  const words = EPITHET.exec(phrase);
  if (!words) return undefined;
  // ("a sheriff's spokesperson", "a finance ministry spokesperson": an English indefinite names
  // someone new, not the person named before.)
  const all = phrase.split(/\s+/);
  if (/^an?\s/i.test(phrase) && (/['’]s\s/u.test(phrase) || all.some((w) => ROLE_NOUN.test(w)))) return undefined;
  const noun = words[2]!;
  // (The head is the last word of a short phrase: "the four-time world champion".)
  const head = all.length <= 4 ? all[all.length - 1]! : noun;
  const epithet = (word: string) => isTitleWord(word) || /^\d+-(?:year-old|jährige[rn]?)$/i.test(word) || placeOfDemonym(word) !== undefined || PERSON_EPITHET.test(word);
  const from = EPITHET_FROM.exec(phrase)?.[1];
  if (!(epithet(noun) || epithet(head) || AGE_EPITHET.test(head) || (from !== undefined && (epithet(from) || isPersonNoun(from))))) return undefined;
  return agedPerson(head, start, context) ?? agedPerson(noun, start, context) ?? subjectSpeaker(start, null, context);
}

/** An epithet that says someone's age: "the 19-year-old", "der 52-Jährige", "the teenager". */
const AGE_EPITHET = /^(?:(\d{1,3})-(?:year-old|jährige[rn]?)|(teenager|teen))$/iu;
/** An age written right before a name ("19-year-old Ethan Nwaneri", "the 52-jährige Thomas Müller"). */
const AGE_BEFORE_NAME = /(?<![\p{L}\d])(\d{1,3})-(?:year-old|jährige[rn]?)\s+(?:[\p{L}-]+\s+){0,2}$/iu;
/** An age right after a name, between commas: "Ethan Nwaneri, 19,", "Ann Lee, aged 71,". */
const AGE_AFTER_NAME = /^,\s*(?:aged\s+)?(\d{1,3}),/u;

/**
 * The person an age epithet stands for, when the text gave that age with one person's name
 * before the quote: "the 19-year-old", "the teenager" after "19-year-old Ethan Nwaneri" (not
 * the coach quoted last). (The latest such person; none when no age was given.)
 */
function agedPerson(word: string, quoteStart: number, context: AttributionContext): Speaker | undefined {
  const epithet = AGE_EPITHET.exec(word);
  if (!epithet) return undefined;
  const fits = (age: number) => (epithet[1] ? age === Number(epithet[1]) : age >= 13 && age <= 19);
  const { text } = context;
  const aged = context.mentions
    .filter((m) => m.type === 'person' && m.end <= quoteStart)
    .reverse()
    .find((m) => {
      const age = AGE_BEFORE_NAME.exec(text.slice(Math.max(0, m.start - 40), m.start))?.[1] ?? AGE_AFTER_NAME.exec(text.slice(m.end, m.end + 14))?.[1];
      return age !== undefined && fits(Number(age));
    });
  return aged ? { slug: aged.slug, phrase: null } : undefined;
}

/** The previous quote's speaker, when only its attribution stands between the two quotes. */
export function continued(context: AttributionContext, start: number): Speaker | undefined {
  const previous = context.previous;
  if (!previous) return undefined;
  const between = context.text.slice(previous.end, start);
  if (between.length > 200 || /\n\s*\n[^\n]*\n\s*\n/.test(between)) return undefined;
  // Another quote mark or a new named person in between starts someone else's words.
  if (/["“”„«»]/.test(between)) return undefined;
  if (context.mentions.some((m) => m.start >= previous.end && m.end <= start && m.type === 'person' && m.slug !== previous.speaker.slug)) return undefined;
  // Across a paragraph break only when the break is all that separates them, after an attribution.
  const paragraphs = between.split(/\n\s*\n/);
  if (paragraphs.length > 1 && paragraphs[paragraphs.length - 1]!.trim() !== '') return undefined;
  return previous.speaker;
}

/**
 * A quote that opens a paragraph with no attribution of its own goes on with the reported
 * speech that ends the paragraph before: Smith said the firm would appeal.\n\n“We believe …”
 * (or: In a statement, the company said:\n\n“…”).
 */
export function reportedBefore(context: AttributionContext, start: number): Speaker | undefined {
  const { text, mentions } = context;
  const gap = /\n[ \t]*\n?[ \t]*$/.exec(text.slice(0, start));
  if (!gap || gap.index === 0) return undefined;
  const paragraphEnd = gap.index;
  const from = lastBoundary(text, paragraphEnd - 1);
  const sentence = text.slice(from, paragraphEnd);
  const verb = SPEECH_RE.exec(sentence) ?? ACCORDING_RE.exec(sentence);
  if (!verb) return undefined;
  const at = from + verb.index;
  return coordinatedSubject(from, at, context) ?? speakerIn(text, mentions, from, paragraphEnd, at, true) ?? pronounSpeaker(from, at, from, context);
}

/** A conjunction right before a verb, in the languages quotes are read in: "…, but lamented", "mas lamentou". */
const CONJUNCTION_BEFORE = new RegExp(String.raw`(?<![\p{L}])(?:and|but|then|mas|e|et|mais|puis|y|pero|und|aber|dan|tetapi|namun)\s+(?:${ADVERB}\s+|also\s+|later\s+)?$`, 'u');

/**
 * The subject of a verb of speech that is a sentence's second verb, after a conjunction:
 * "Vasconcelos spared the referee, Rui Sequeira, but lamented the injury" is Vasconcelos
 * speaking (the person opening the sentence), not the name nearest the verb.
 */
function coordinatedSubject(from: number, at: number, context: AttributionContext): Speaker | undefined {
  if (!CONJUNCTION_BEFORE.test(context.text.slice(Math.max(from, at - 40), at))) return undefined;
  const subject = context.mentions.find((m) => m.type === 'person' && m.start >= from && m.end <= at && opensSentenceOnce(m, context));
  return subject ? { slug: subject.slug, phrase: null } : undefined;
}

/** "The Irishman also refused …": "The", up to two words and a noun, then a verb in lower case. */
const EPITHET_OPENING = new RegExp(String.raw`^\s*(The\s+(?:[\p{L}\d'’-]+\s+){0,2}?[\p{L}\d-]+)\s+(?:${ADVERB}\s+|also\s+|later\s+|then\s+)?\p{Ll}+`, 'u');

/**
 * A quote with no attribution of its own that opens a sentence inside a paragraph is said by
 * whom the sentence before it is about: its subject ("Alves was unrepentant. “…”", "Pensioner
 * Doreen Pike, 78, was not convinced. “…”"), or, when that sentence reports speech, its
 * speaker ("Ellison said he would meet parents. “…”", "The 41-year-old said … “…”").
 */
export function aboutBefore(context: AttributionContext, start: number): Speaker | undefined {
  const { text } = context;
  const before = text.slice(0, start);
  // (Within the paragraph: a quote that opens one is left to `reportedBefore`.)
  if (!/[.!?]["”’)]?[ \t]+$/.test(before)) return reportedInSentenceBefore(context, start);
  const end = before.trimEnd().length;
  const from = lastBoundary(text, end - 1);
  if (from >= end || text.slice(from, end).includes('\n')) return undefined;
  const sentence = text.slice(from, end);
  // (A sentence with a quote of its own has been attributed already.)
  if (/["“”„«»]/.test(sentence)) return undefined;
  const verb = SPEECH_RE.exec(sentence);
  if (verb) return coordinatedSubject(from, from + verb.index, context) ?? speakerAfter(from, from, sentence, verb, context);
  const subject = context.mentions.find((m) => m.start >= from && m.end <= end && m.type === 'person' && opensSentenceOnce(m, context) && !namedInQuote(m.slug, context));
  if (subject) return { slug: subject.slug, phrase: null };
  if (/^\s*(?:he|she)\b/i.test(sentence)) return pronounSpeaker(from, from + 5, from, context);
  // ("The Irishman also refused to blame his captain. “…”": an epithet opening it.)
  const epithet = EPITHET_OPENING.exec(sentence);
  return epithet ? epithetSpeaker(epithet[1]!, start, context) : undefined;
}

/**
 * A quote inside a sentence that names no one and has no verb of speech goes on with the
 * reported speech of the sentence before it, in its paragraph: "It is unclear which came
 * first, Howitt says. Just because we saw them first, “that doesn’t mean …”".
 */
const TITLE_BEFORE = /(?:book|novel|memoir|film|movie|documentary|song|album|podcast|show|series|report|study|paper|article|essay|poem|play|episode|column|blog|newsletter|campaign|slogan|motto|titled|entitled|named|headlined)[\s,:]*$/iu;

function reportedInSentenceBefore(context: AttributionContext, start: number): Speaker | undefined {
  const { text, mentions } = context;
  const own = lastBoundary(text, start);
  const opening = text.slice(own, start);
  if (opening.includes('\n') || SPEECH_BEFORE_RE.test(opening) || ACCORDING_RE.test(opening)) return undefined;
  // (A title is nobody's words: In his book “Financial Freedom: A Proven Path …”, the film “…”.)
  if (TITLE_BEFORE.test(opening) || /^\p{Lu}\p{L}*[,:]?\s+\p{Lu}\p{L}*[,:]?\s+\p{Lu}/u.test(text.slice(start + 1, start + 80).trim())) return undefined;
  if (mentions.some((m) => m.start >= own && m.end <= start && m.type !== 'place')) return undefined;
  const end = text.slice(0, own).trimEnd().length;
  if (end === 0 || !/[.!?]["”’)]?$/.test(text.slice(0, end))) return undefined;
  const from = lastBoundary(text, end - 1);
  const sentence = text.slice(from, end);
  if (sentence.includes('\n') || /["“”„«»]/.test(sentence)) return undefined;
  const verb = SPEECH_RE.exec(sentence);
  return verb ? speakerAfter(from, from, sentence, verb, context) : undefined;
}

/**
 * A quote paragraph with no attribution at all, after a paragraph that introduces who speaks:
 * an interview's answer after its question ("What is the biggest obstacle?\n\n“Access, …”"),
 * or words after a paragraph about someone ("Marvin Rees-Holloway … set out a plan.\n\n“For
 * forty years …”", "The Leinster head coach spoke for ten minutes.\n\n“I've watched it …”").
 */
export function introducedBefore(context: AttributionContext, start: number): Speaker | undefined {
  const { text } = context;
  const gap = /\n[ \t]*\n?[ \t]*$/.exec(text.slice(0, start));
  if (!gap || gap.index === 0) return undefined;
  const paragraphStart = text.lastIndexOf('\n', gap.index - 1) + 1;
  const paragraph = text.slice(paragraphStart, gap.index);
  if (/["“”„«»]/.test(paragraph)) return undefined;
  // An interview: the answer is the previous answer's speaker's, or the one interviewed.
  if (/\?\s*$/.test(paragraph)) return context.previous?.speaker.slug ? context.previous.speaker : subjectSpeaker(start, null, context);
  const subjects = context.mentions.filter((m) => m.start >= paragraphStart && m.end <= gap.index && m.type === 'person' && opensSentenceOnce(m, context));
  const subject = subjects[subjects.length - 1];
  if (subject) return { slug: subject.slug, phrase: null };
  // (A pronoun or an epithet opening the paragraph's last sentence: "The Leinster head coach spoke …")
  const last = text.slice(lastBoundary(text, gap.index - 1), gap.index).trim();
  const pronoun = /^(he|she)\b/i.exec(last);
  if (pronoun) return subjectSpeaker(start, /^she$/i.test(pronoun[1]!) ? 'female' : 'male', context);
  const epithet = /^The\s+(?:[\p{L}\d'’-]+\s+){0,3}?([\p{Ll}-]+)\s+(?!said|says)\p{Ll}+/u.exec(last);
  return epithet && (isTitleWord(epithet[1]!) || PERSON_EPITHET.test(epithet[1]!)) ? subjectSpeaker(start, null, context) : undefined;
}

/**
 * Nouns that stand for a named person already in the story, beyond titles and nationalities:
 * "the four-time world champion", "the striker", "the Frenchman", "the Spaniard".
 */
const PERSON_EPITHET =
  /^(?:champion|winner|titleholder|medallist|medalist|laureate|striker|midfielder|goalkeeper|winger|skipper|veteran|\p{Lu}\p{Ll}+(?:man|woman)|Spaniard|Briton|Pole|Swede|Dane|Finn|Turk|Scot|Kiwi|Aussie|Argentine|Serb|Croat|Swiss)$/u;

/**
 * The rest of the quote's sentence, where its attribution stands; nothing when the quote
 * ends its own sentence (“… data.” Growth will …).
 */
function attributionAfter(text: string, start: number, end: number): string {
  const after = sentenceAfter(text, end);
  return endsOwnSentence(text, start, end, after) ? '' : after;
}

function endsOwnSentence(text: string, start: number, end: number, after: string): boolean {
  return /[.!?]$/.test(text.slice(start, end - 1).trim()) && /^\s+\p{Lu}/u.test(after);
}

/**
 * A quote that ends its own sentence, with no attribution in it nor a quote before it to
 * continue, is said by the subject of the next sentence when that sentence opens with its
 * subject and a verb of speech: “….” Bass said the plan would take years.
 */
export function saidNext(context: AttributionContext, start: number, end: number): Speaker | undefined {
  const after = sentenceAfter(context.text, end);
  if (!endsOwnSentence(context.text, start, end, after) || !SUBJECT_THEN_SPEECH_RE.test(after)) return undefined;
  return speakerAfter(start, end, after, SPEECH_RE.exec(after)!, context);
}

/**
 * Where the sentence that introduces a quote starts: its own sentence, or, when the quote
 * opens a sentence or paragraph after a colon, the sentence the colon ends.
 */
function introduction(text: string, start: number): number {
  // (A quote right after a full stop, with no space between, "…Tim Kaine.“So that is …”", opens a sentence of its own.)
  if (/[.!?]/.test(text[start - 1] ?? '')) return start;
  const own = Math.max(start - INTRO_WINDOW, lastBoundary(text, start));
  if (text.slice(own, start).trim() !== '') return own;
  const before = text.slice(0, start).trimEnd();
  if (!before.endsWith(':')) return own;
  return Math.max(before.length - 1 - INTRO_WINDOW, lastBoundary(text, before.length - 1));
}

/**
 * The subject of the clause a colon ends before a quote: the name right before the colon
 * (headlines: Anthony Lynn: “…”), else the first person, then organisation, in the clause
 * (Smith was blunt: “…”), else a pronoun or a capitalised name opening it.
 */
function subjectBeforeColon(from: number, colon: number, context: AttributionContext): Speaker | undefined {
  const { text } = context;
  const clause = context.mentions.filter((m) => m.start >= from && m.end <= colon && m.type !== 'place' && !qualifiesRole(text, m));
  const subject =
    clause.find((m) => m.end >= colon - 2) ?? clause.find((m) => m.type === 'person') ?? clause.find((m) => m.type === 'organisation');
  const opening = text.slice(from, colon);
  // "The Bengaluru-based founder of PayNest was blunt: “…”": an epithet before any name in it.
  const epithet = epithetSpeaker(opening.trim(), from, context);
  if (epithet && (!subject || /^\s*the\s/i.test(opening))) return epithet;
  if (subject) return { slug: subject.slug, phrase: null };
  if (/^\s*(?:he|she|they)\b/iu.test(opening)) return pronounSpeaker(from, from + opening.search(/\S/) + 5, from, context);
  return asPhrase(nameAfter(text, from, colon));
}

/**
 * Whether an organisation only qualifies a person known by their role: "an Apple
 * spokesperson", "a spokesperson for Apple", "the United Nations High Commissioner". Such a
 * subject is an unnamed person, not the organisation.
 */
function qualifiesRole(text: string, m: MentionSpan): boolean {
  if (m.type !== 'organisation') return false;
  const next = /^(?:['’]s)?\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/u.exec(text.slice(m.end, m.end + 40));
  if (next && (ROLE_NOUN.test(next[1]!) || (isTitleWord(next[1]!) && next[2] !== undefined && (ROLE_NOUN.test(next[2]) || isTitleWord(next[2]))))) return true;
  const before = /([\p{L}-]+)\s+(?:for|of|at|from|with)\s+(?:the\s+)?$/u.exec(text.slice(Math.max(0, m.start - 40), m.start));
  return before !== null && ROLE_NOUN.test(before[1]!);
}

/**
 * Whether a mention is the one spoken to, the outlet spoken in, or the possessor of the
 * speaker, never the speaker: "told Reuters", "said on CNN", said on “DWTS”, "in an interview with the
 * Times", "Smith’s lawyer said" (but "Smith’s spokesman" speaks for Smith, and "Apple’s
 * statement" for Apple).
 */
function heardOrOwned(text: string, m: MentionSpan): boolean {
  const before = text.slice(Math.max(0, m.start - 30), m.start);
  // (Also with a word for the outlet between: "told broadcaster NOS", "in an interview with the newspaper Le Monde".)
  const wide = text.slice(Math.max(0, m.start - 60), m.start);
  // ("told investors of New Media", "told reporters at the White House": the audience's organisation listens too.)
  if (/(?<![\p{L}])(?:told|tells|telling)\s+(?:\p{Ll}+\s+){1,2}(?:of|at|from|in)\s+(?:the\s+)?$/u.test(wide)) return true;
  if (/(?<![\p{L}])(?:told|tells|telling|to|on|in|with|via)\s+(?:[Tt]he\s+)?(?:(?:broadcaster|newspaper|paper|channel|network|station|outlet|magazine|website|agency|daily|weekly|radio|television|tv|public|state|news|broadcast|private|local|national|french|german|dutch|spanish|italian|british|american)\s+){0,3}["“‘]?$/iu.test(wide) && !/according to\s+(?:the\s+)?$/i.test(before)) return true;
  // (Whatever its type: "Ford’s father" is no company's, even when the tagger took Ford for one.)
  return (m.type === 'person' && /^['’]s\s+(?!spokes)/u.test(text.slice(m.end, m.end + 12))) || OWNS_RELATION.test(text.slice(m.end, m.end + 50));
}

/**
 * The mention in [from, to) nearest to `anchor`, people before organisations. When no person
 * is tagged there, a capitalised name right next to the verb at `anchor` (`nextToVerb`) that
 * the tagger could not place (a surname whose first name came earlier in the article: "Noem
 * later tweeted", "said Lopez") outranks an organisation named further off.
 */
function speakerIn(text: string, mentions: MentionSpan[], from: number, to: number, anchor: number, nextToVerb = false): Speaker | undefined {
  const candidates = mentions.filter((m) => m.start >= from && m.end <= to && m.type !== 'place' && !qualifiesRole(text, m) && !heardOrOwned(text, m));
  // "Siobhan Mulcahy, for whom Brennan has ridden since 2009, called him “…”": a name inside a
  // relative clause is not the clause's subject, when anyone stands outside it; nor is one
  // inside an apposition ("The People’s Daily, the mouthpiece of the Communist Party, warned").
  const clauses = relativeClauses(text, from, to, candidates);
  const outside = candidates.filter((m) => !clauses.some(([a, b]) => m.start >= a && m.end <= b));
  const inside = outside.length > 0 ? outside : candidates;
  const people = inside.filter((m) => m.type === 'person');
  if (people.length === 0 && nextToVerb) {
    const adjacent = nameBefore(text, anchor, from) ?? nameAfterVerb(text, anchor, to);
    const tagged = (n: { start: number; end: number }) => mentions.some((m) => m.start <= n.start && m.end >= n.end && m.type !== 'person');
    // ("the Frenchman said", "the Norwegian said": an epithet for someone named before, read below.)
    const epithet = (n: NameAt) => /\bthe\s+$/i.test(text.slice(Math.max(0, n.start - 4), n.start)) && (PERSON_EPITHET.test(n.name) || placeOfDemonym(n.name) !== undefined);
    if (adjacent && !tagged(adjacent) && !epithet(adjacent)) return { slug: null, phrase: adjacent.name };
  }
  if (inside.length === 0) return placeAsSubject(text, mentions, from, anchor);
  const distance = (m: MentionSpan) => Math.min(Math.abs(m.start - anchor), Math.abs(m.end - anchor));
  const pool = people.length > 0 ? people : inside;
  pool.sort((a, b) => distance(a) - distance(b));
  return { slug: pool[0]!.slug, phrase: null };
}

/**
 * Where relative clauses and appositions set off by commas lie in text[from, to): ", for whom
 * Brennan has ridden,", and ", the mouthpiece of the Communist Party," right after a name it
 * describes (`mentions`), not ", the People’s Daily," after "On Monday".
 */
function relativeClauses(text: string, from: number, to: number, mentions: readonly MentionSpan[]): [number, number][] {
  const span = text.slice(from, to);
  const clauses = [...span.matchAll(/,\s*(?:\p{Ll}+\s+)?(?:who|whom|whose|which)\s[^,.;:"“”]{1,120},/gu)];
  const appositions = [...span.matchAll(/,\s*(?:the|a|an)\s[^,.;:"“”]{1,120}(?=,)/gu)].filter((m) => mentions.some((n) => n.end === from + m.index));
  return [...clauses.map((m) => [from + m.index, from + m.index + m[0].length] as [number, number]), ...appositions.map((m) => [from + m.index, from + m.index + m[0].length + 1] as [number, number])];
}

/**
 * A country or city right before the verb speaks for its government: “…,” China said /
 * Washington warned. (Anywhere else a place is where something happened, not who spoke.)
 */
function placeAsSubject(text: string, mentions: MentionSpan[], from: number, anchor: number): Speaker | undefined {
  const place = mentions.find(
    (m) =>
      m.type === 'place' &&
      m.start >= from &&
      m.end <= anchor &&
      ONLY_ADVERB.test(text.slice(m.end, anchor)) &&
      // ("the Russian said" is a person: a nationality speaks for no government.)
      placeOfDemonym(text.slice(m.start, m.end)) === undefined &&
      // ("A man who lives on Mill Lane said", "a teacher from Lyon told": a place after a
      // preposition is where the subject lives or comes from, not the subject.)
      !PREPOSITION_BEFORE.test(text.slice(Math.max(from, m.start - 16), m.start)),
  );
  return place ? { slug: place.slug, phrase: null } : undefined;
}

/** A subject pronoun joined to its verb, as French inverts them: "a-t-il confié", "a-t-elle ajouté". */
const INVERTED_PRONOUN = /-t-(?:il|elle)(?![\p{L}])/u;

/** A preposition right before a name, in the languages quotes are read in: "on", "from the", "à", "aus". */
const PREPOSITION_BEFORE = /(?<![\p{L}])(?:in|on|at|from|to|of|near|for|by|with|into|across|outside|inside|around|off|via|en|em|à|au|aux|dans|de|du|des|da|do|di|nach|aus|bei|im|von|zu|dari)\s+(?:the\s+)?$/iu;

interface NameAt {
  name: string;
  start: number;
  end: number;
}

const asPhrase = (name: NameAt | undefined): Speaker | undefined => (name ? { slug: null, phrase: name.name } : undefined);

/** Capitalised words just before the verb at `at` (one adverb allowed). */
function nameBefore(text: string, at: number, from: number): NameAt | undefined {
  const windowStart = Math.max(from, at - 140);
  const before = NAME_BEFORE_VERB.exec(text.slice(windowStart, at));
  return before ? cleanName(text, before[1]!, windowStart + before.index) : undefined;
}

/** Capitalised words just after the verb of speech at `at`: "said Lopez", "disse o técnico Tite". */
function nameAfterVerb(text: string, at: number, to: number): NameAt | undefined {
  const verb = SPEECH_RE.exec(text.slice(at, at + 40));
  // "told Reuters": who is told is not who speaks.
  if (!verb || verb.index !== 0 || /^tel/.test(verb[0]) || verb[0] === 'told') return undefined;
  return nameAfter(text, at + verb[0].length, to);
}

/** Capitalised words opening text[at, to), after an article and a role word ("the actor"). */
function nameAfter(text: string, at: number, to: number): NameAt | undefined {
  const after = new RegExp(String.raw`^[\s,]*(?:(?:the|o|a|el|la|le|der|die|das)\s+\p{Ll}+\s+)?(${NAME})`, 'u').exec(text.slice(at, Math.max(to, at)));
  return after ? cleanName(text, after[1]!, at + after[0].length - after[1]!.length) : undefined;
}

/**
 * A title word standing alone as the whole name, with no article, determiner or possessive
 * before it, is a surname: "says Doctor." (Ken Doctor), "“…,” King said" (not "the King said",
 * "his Doctor said", nor "Prime Minister").
 */
function loneTitleIsName(raw: string, name: string, before: string): boolean {
  return raw.replace(/(?:['’]s)?\.?$/u, '') === name && !/(?<![\p{L}])(?:the|a|an|his|her|their|its|our|my|your|der|die|das|le|la|el|o)\s+$/iu.test(before);
}

/**
 * A run of capitalised words without what is not the name: sentence openers, titles and
 * ordinary words capitalised before it ("Sen.", "Developer Valve"), a possessive, a final
 * stop; nothing when only a day or a month is left, nor a title alone after an article ("the
 * King said"). (`raw` stands in `text` at `start`.)
 */
function cleanName(text: string, raw: string, start: number): NameAt | undefined {
  const opener = OPENER.exec(raw)?.[0] ?? '';
  const words = raw.slice(opener.length).split(/\s+/).filter(Boolean);
  while (words.length > 1 && (isTitleWord(words[0]!) || isRoleNoun(words[0]!.replace(/\.$/, '')))) words.shift();
  const name = words.join(' ').replace(/(?:['’]s)?\.?$/u, '');
  if (!name || DAY_OR_MONTH.test(name) || (isTitleWord(name) && !loneTitleIsName(raw, name, text.slice(Math.max(0, start - 12), start)))) return undefined;
  const at = start + raw.indexOf(name, opener.length);
  return { name, start: at, end: at + name.length };
}

/**
 * "he said": the speaker of the quote before, when the pronoun fits them and no one new has
 * been named since their attribution ("“…,” Smith said of Obama. “…,” he added." is Smith's);
 * else the last person named before the quote whose first name fits the pronoun ("she" skips
 * a man named since), else the last person named.
 */
function pronounSpeaker(from: number, to: number, quoteStart: number, context: AttributionContext): Speaker | undefined {
  const pronoun = PRONOUN_RE.exec(context.text.slice(from, to));
  if (!pronoun) return undefined;
  // "One resident, who was loading horses, said the sky turned orange. “…,” he said.": the
  // pronoun stands for the unnamed subject of the sentence before, in the same paragraph.
  const unnamed = unnamedSubjectBefore(quoteStart, context);
  if (unnamed) return unnamed;
  // "The teenager, who came on late, curled his shot in. “…,” he told Sky Sports.": an age
  // epithet opening the sentence before is whom the pronoun stands for, when the text gave the age.
  const aged = ageEpithetBefore(quoteStart, context);
  if (aged) return aged;
  const wanted = FEMININE.test(pronoun[1]!) ? 'female' : MASCULINE.test(pronoun[1]!) ? 'male' : null;
  const named = subjectSpeaker(quoteStart, wanted, context);
  // A subject the tagger could not name, in a sentence after the one found, is whom the pronoun
  // stands for: "Sabatier encourages a side hustle. … “…,” he wrote." (not Roberge, named before).
  const untagged = untaggedSubjectBefore(quoteStart, wanted, context);
  if (untagged && !(named?.slug && context.mentions.some((m) => m.slug === named.slug && m.start >= untagged.start && m.end <= quoteStart))) {
    return { slug: null, phrase: untagged.name };
  }
  return named;
}

/** A capitalised word opening a sentence, then a lower-case word: "Sabatier encourages", "Locksley had". */
const SENTENCE_SUBJECT = /(?:^|[.!?]["”’)]?[ \t]+|\n[ \t]*)(\p{Lu}\p{Ll}[\p{L}'’-]+)[ \t]+(\p{Ll}[\p{L}'’-]*)/gu;

/** How far back before a quote an untagged subject is looked for, in characters. */
const SUBJECT_WINDOW = 1000;

/**
 * The last name that opens a sentence as its subject, in the quote's paragraph (or the one
 * before, when the quote opens its own), and that the tagger did not place: a surname it does
 * not know ("Sabatier encourages …", "Locksley had barely heard of them."). A name, not a
 * word: it is no word the lexicon knows (only as a first name: "Herbert"), it also stands
 * capitalised inside a sentence elsewhere in the text ("working, Locksley and his …"), no
 * mention covers it, and a verb follows it.
 */
function untaggedSubjectBefore(quoteStart: number, wanted: 'female' | 'male' | null, context: AttributionContext): NameAt | undefined {
  const { text } = context;
  let from = Math.max(paragraphsBefore(text, quoteStart, 1), quoteStart - SUBJECT_WINDOW);
  if (text.slice(from, quoteStart).trim() === '') from = Math.max(paragraphsBefore(text, quoteStart, 2), quoteStart - SUBJECT_WINDOW);
  const near = context.mentions.filter((x) => x.start < quoteStart && x.end > from);
  const known = wordsOf(context);
  const subjects = [...text.slice(from, quoteStart).matchAll(SENTENCE_SUBJECT)].reverse();
  for (const m of subjects) {
    const word = m[1]!;
    const start = from + m.index + m[0].indexOf(word);
    if (!tagsOf(word).every((t) => /Name$/.test(t)) || !tagsOf(m[2]!).some((t) => VERB_TAGS.has(t))) continue;
    // (Not part of a name the tagger found there, nor a word it takes for something else: "Ford" the company.)
    if (near.some((x) => x.start < start + word.length && x.end > start) || known.notPeople.has(word)) continue;
    // (A word the lexicon knows nothing of that opens the quote's own paragraph with a verb in
    // the present or past, "Sabatier encourages …", is a name there though it stands nowhere else.)
    const opensParagraph = start === paragraphsBefore(text, quoteStart, 1) && tagsOf(word).length === 0 && tagsOf(m[2]!).some((t) => t === 'PresentTense' || t === 'PastTense');
    if (!(known.insideSentence(word) || opensParagraph) || quoteHolds(word, context) || (wanted && genderOf(word) !== null && genderOf(word) !== wanted)) continue;
    return { name: word, start, end: start + word.length };
  }
  return undefined;
}

/** What one text's words are, worked out once for all its quotes. */
interface TextWords {
  /** Words the tagger took, whole, for an organisation or a place. */
  notPeople: Set<string>;
  /** Whether a word stands in the text somewhere other than at a sentence's start: a proper noun, not an opener. */
  insideSentence: (word: string) => boolean;
}

/**
 * What is worked out once per text for all its quotes, kept by its attribution's mentions
 * array: the text's words (`untaggedSubjectBefore`) and which mentions open their sentence
 * (`opensSentenceOnce`).
 */
interface TextFacts {
  text: string;
  words?: TextWords;
  opens: Map<MentionSpan, boolean>;
}

const factsByMentions = new WeakMap<readonly MentionSpan[], TextFacts>();

function factsOf(context: AttributionContext): TextFacts {
  const known = factsByMentions.get(context.mentions);
  if (known?.text === context.text) return known;
  const facts: TextFacts = { text: context.text, opens: new Map() };
  factsByMentions.set(context.mentions, facts);
  return facts;
}

function wordsOf(context: AttributionContext): TextWords {
  const facts = factsOf(context);
  if (facts.words) return facts.words;
  const { text, mentions } = context;
  const seen = new Map<string, boolean>();
  const insideSentence = (word: string): boolean => {
    let answer = seen.get(word);
    if (answer === undefined) {
      answer = false;
      for (let at = text.indexOf(word); at >= 0 && !answer; at = text.indexOf(word, at + 1)) {
        if (isLetter(codePointBefore(text, at)) || isLetter(text.codePointAt(at + word.length))) continue;
        answer = /[\p{L}\d,;][ \t]+$/u.test(text.slice(Math.max(0, at - 4), at));
      }
      seen.set(word, answer);
    }
    return answer;
  };
  facts.words = { notPeople: new Set(mentions.filter((m) => m.type !== 'person').map((m) => text.slice(m.start, m.end))), insideSentence };
  return facts.words;
}

/** Whether the quote being attributed holds a word. */
const quoteHolds = (word: string, context: AttributionContext): boolean =>
  context.current ? standsAsWord(context.text.slice(context.current.start, context.current.end), word) : false;

/** "The teenager", "The 19-year-old" opening the sentence before a quote, in its paragraph, as the person of that age. */
function ageEpithetBefore(quoteStart: number, context: AttributionContext): Speaker | undefined {
  const sentence = sentenceBeforeQuote(quoteStart, context.text);
  const epithet = sentence && /^The\s+(?:[\p{Ll}-]+\s+)?([\p{L}\d-]+)[\s,]/u.exec(context.text.slice(sentence.from, sentence.end));
  return epithet ? agedPerson(epithet[1]!, quoteStart, context) : undefined;
}

/**
 * The sentence right before a quote's, when the quote's paragraph holds it whole: where it
 * starts and ends. (Only a sentence before the quote's: in "A small business that covers
 * your rent “buys you time,” he wrote." the words before the quote are what was said, not
 * who said it.)
 */
function sentenceBeforeQuote(quoteStart: number, text: string): { from: number; end: number } | undefined {
  const before = text.slice(0, quoteStart).trimEnd();
  if (!/[.!?]["”’)]?$/.test(before)) return undefined;
  const from = lastBoundary(text, before.length - 1);
  return text.slice(from, before.length).includes('\n') ? undefined : { from, end: before.length };
}

/** The unnamed subject ("One resident", "A neighbour") opening the sentence before a quote, in its paragraph. */
function unnamedSubjectBefore(quoteStart: number, context: AttributionContext): Speaker | undefined {
  const sentence = sentenceBeforeQuote(quoteStart, context.text);
  if (!sentence) return undefined;
  const { from, end } = sentence;
  const subject = /^(?:One|A|An|Another)\s+(\p{Ll}[\p{L}-]*)/u.exec(context.text.slice(from, end));
  if (!subject || isTitleWord(subject[1]!)) return undefined;
  const named = context.mentions.some((m) => m.type === 'person' && m.start >= from && m.start < from + subject[0].length + 40 && m.end <= end);
  return named ? undefined : { slug: null, phrase: subject[0].replace(/^\p{Lu}/u, (c) => c.toLowerCase()) };
}

/**
 * Who an unnamed subject is (a pronoun of that gender, an epithet, a verb with no subject
 * written, as Spanish and Portuguese write “…”, afirmó.): as for `pronounSpeaker`, then any
 * earlier sentence's subject before anyone named as an object.
 */
function subjectSpeaker(quoteStart: number, wanted: 'female' | 'male' | null, context: AttributionContext): Speaker | undefined {
  const earlier = context.mentions.filter((m) => m.type === 'person' && m.end <= quoteStart);
  const gender = (slug: string) => genderOf(context.names.get(slug) ?? '');
  // (Someone the quote itself names is not who says it: “I cannot believe Martha would …,” she said.)
  const unquoted = (slug: string) => !namedInQuote(slug, context);
  const fits = (slug: string) => (!wanted || gender(slug) !== (wanted === 'male' ? 'female' : 'male')) && unquoted(slug);
  const previous = context.previous;
  if (previous?.speaker.slug && fits(previous.speaker.slug)) {
    const attributionEnd = previous.end + sentenceAfter(context.text, previous.end).length;
    if (!earlier.some((m) => m.start >= attributionEnd)) return previous.speaker;
  }
  const latest = [...earlier].reverse().filter((m) => unquoted(m.slug));
  // Subjects before objects: the last person who opens a sentence before the quote ("Manager
  // Steve Clarke named his squad. It includes Andy Robertson. “…,” he said."). (Mentions come in
  // the order of the text, so the newest such subject is found first.)
  // (Someone who speaks in a sentence is its subject too, wherever the name stands, in the
  // quote's paragraph or the one before: "…, after the novelist Jo Walton explained them to
  // me. “…,” she said.", "This system, says Richard Locksley, …")
  const near = paragraphsBefore(context.text, quoteStart, 2);
  const isSubject = (m: MentionSpan) => opensSentenceOnce(m, context) || (m.start >= near && speaksThere(context.text, m));
  // In the quote's own paragraph a subject comes first, then someone known to be of the
  // pronoun's gender ("When Ford visited his editor Teresa Nielsen Hayden, …. “…,” she
  // recalled."); only then a subject further back.
  const paragraph = paragraphsBefore(context.text, quoteStart, 1);
  const subject =
    latest.find((m) => m.start >= paragraph && fits(m.slug) && isSubject(m)) ??
    (wanted ? latest.find((m) => m.start >= paragraph && gender(m.slug) === wanted) : undefined) ??
    latest.find((m) => fits(m.slug) && isSubject(m));
  if (subject) return { slug: subject.slug, phrase: null };
  // A name known to fit first, then one not known not to fit, then anyone.
  const last =
    (wanted && latest.find((m) => gender(m.slug) === wanted)) || latest.find((m) => !wanted || gender(m.slug) === null) || earlier[earlier.length - 1];
  return last ? { slug: last.slug, phrase: null } : undefined;
}

/** Where the paragraph `count` paragraphs back from `at` starts (1: `at`'s own). */
function paragraphsBefore(text: string, at: number, count: number): number {
  let from = at;
  for (let k = 0; k < count && from > 0; k++) {
    const gap = text.lastIndexOf('\n', from - 1);
    if (gap < 0) return 0;
    // (Past the blank line, if any, to the paragraph before.)
    from = k < count - 1 ? text.slice(0, gap).trimEnd().length : gap + 1;
  }
  return from;
}

/** Whether the quote being attributed names this person (who is then not its speaker). */
function namedInQuote(slug: string, context: AttributionContext): boolean {
  return context.current ? namedIn(context.text.slice(context.current.start, context.current.end), context.names.get(slug)) : false;
}

/** Whether a name's given name or surname stands in a text as a word. */
function namedIn(text: string, name: string | undefined): boolean {
  if (!text || !name) return false;
  const words = name.split(/\s+/).filter((w) => w.length > 2 && /^\p{Lu}/u.test(w));
  return words.some((w) => standsAsWord(text, w));
}

/**
 * Whether `word` occurs in `text` with no letter either side. (Asked for every person named
 * before every quote: a search, not a regular expression built for each name.)
 */
function standsAsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!isLetter(codePointBefore(text, at)) && !isLetter(text.codePointAt(at + word.length))) return true;
  }
  return false;
}

function codePointBefore(text: string, at: number): number | undefined {
  if (at === 0) return undefined;
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.codePointAt(at - 2) : low;
}

const LETTER = /^\p{L}$/u;
const isLetter = (code: number | undefined): boolean => code !== undefined && LETTER.test(String.fromCodePoint(code));

/**
 * A verb of speech right after a name, maybe past an apposition, the comma that closes the
 * name's own ("The head of the agency, Sri Wahyuni, said") or an adverb: "Jo Walton explained".
 */
const SPEECH_AFTER_NAME = new RegExp(String.raw`^(?:,[^,.;:“”"]{1,80},|,)?\s+(?:(?:${ADVERB}|also|later|then)\s+)?(?:${SPEECH_RE.source})`, 'u');
/**
 * A verb of speech right before a name, as reporters invert it: "says Richard Locksley, an
 * immunologist" (not "told Smith", nor "said Ellison had not consulted", where the name
 * opens what was said).
 */
const SPEECH_BEFORE_NAME = new RegExp(String.raw`(?:${SPEECH_RE.source})\s+$`, 'u');

/** Whether a person mention is the subject of a verb of speech: "Walton explained", "says Locksley". */
function speaksThere(text: string, m: MentionSpan): boolean {
  if (SPEECH_AFTER_NAME.test(text.slice(m.end, m.end + 120))) return true;
  const before = text.slice(Math.max(0, m.start - 20), m.start);
  return SPEECH_BEFORE_NAME.test(before) && !/(?:tell|tells|told|ask|asks|asked)\s+$/.test(before) && /^\s*(?:[,.;:!?)]|$)/.test(text.slice(m.end, m.end + 2));
}

/**
 * `opensSentence` against all the text's mentions, worked out once per mention: a text with
 * many quotes asked it of every earlier mention for each quote (a 100 KB text of 1,600 quotes
 * spent most of its 400 ms there).
 */
function opensSentenceOnce(m: MentionSpan, context: AttributionContext): boolean {
  const { opens } = factsOf(context);
  let answer = opens.get(m);
  if (answer === undefined) opens.set(m, (answer = opensSentence(context.text, m, context.mentions)));
  return answer;
}

/**
 * Whether a mention is its sentence's subject by position: nothing before it but an opening
 * phrase closed by a comma ("On Tuesday, Smith …", "Her partner, David Daniels, …") and the
 * titles, words for what people do or capitalised words of its name ("Scotland manager Steve
 * Clarke", "Soap star Jake Morrow", "His rival Samuel Okoro").
 */
function opensSentence(text: string, m: MentionSpan, others: readonly MentionSpan[] = []): boolean {
  const sentenceStart = lastBoundary(text, m.start);
  // (Someone named before in the sentence is its subject: "Julien Gasquet-Moreau beat Casper Ruud";
  // not a name in a title or a possessive: Former “Dawson’s Creek” star James Van Der Beek.)
  const subjectBefore = (o: MentionSpan) =>
    o.type === 'person' && o.slug !== m.slug && o.start >= sentenceStart && o.end <= m.start && !/["“‘]$/u.test(text.slice(o.start - 1, o.start)) && !/^['’]s/u.test(text.slice(o.end, o.end + 2));
  if (others.some(subjectBefore)) return false;
  const whole = text.slice(sentenceStart, m.start);
  const before = whole.replace(/^[^,.;]{0,40},\s*/, '');
  const words = before.split(/\s+/).filter(Boolean);
  // (After a capitalised article, in any language, up to three lower-case words that are no
  // verb: "El delantero Brian Cabrera", "Soap heartthrob Jake Marlowe", not "The police arrested X";
  // after an opening phrase the article is in lower case: "Auteur de deux essais, l'ailier
  // fidjien Josaia Ratu a été élu …".)
  const article = /^\p{Lu}/u.test(words[0] ?? '') || (before !== whole && /^(?:l['’]\p{Ll}|(?:the|le|la|el|o|a|der|die|das)$)/u.test(words[0] ?? ''));
  const described = words.length <= 4 && article && words.slice(1).every((w) => !tagsOf(w).some((t) => VERB_TAGS.has(t)));
  return described || words.every((w) => /^\p{Lu}/u.test(w) || isTitleWord(w) || isPersonNoun(w) || /^(?:the|a|an|former|then|his|her|their|its)$/i.test(w));
}

/** A few words around the verb: "a spokesperson said" → "a spokesperson", the “Pose” actor previously said → "the actor". */
function phraseNear(afterText: string, verbIndex: number, verbLength: number): string | null {
  // (Without a show or film in quotes that qualifies it, the “Pose” actor, an apposition, "the
  // 41-year-old, whose parents …, said", or an adverb: the actor previously said.)
  const before = afterText
    .slice(0, verbIndex)
    .replace(/^[\s,.;:]+/, '')
    .replace(/["“][^"“”]{1,40}["”]\s*/gu, '')
    .replace(/,[^,]{1,80},\s*/gu, ' ')
    .replace(TRAILING_ADVERB, '')
    .trim();
  const after = afterText.slice(verbIndex + verbLength).replace(/^[\s,]+/, '').split(/[,.;]/)[0]!.trim();
  const phrase = (before || after).split(/\s+/).slice(0, 6).join(' ');
  return phrase && !PRONOUN_RE.test(phrase) && !/["“”„«»]/.test(phrase) ? phrase : null;
}

/** The rest of the sentence from `from`: up to a stop that ends it or a line break. */
function sentenceAfter(text: string, from: number): string {
  const rest = text.slice(from, from + WINDOW);
  // (A stop may close a bracket first: “…,” was how Ford put it.) Elise found …)
  for (const stop of rest.matchAll(/[.!?][)\]]?(?=\s|$)|\n/g)) {
    const upTo = rest.slice(0, stop.index + stop[0].length);
    if (stop[0] === '\n' || endsSentence(rest.slice(0, stop.index + 1), rest.slice(stop.index + stop[0].length))) return upTo;
  }
  return rest;
}

/**
 * How far back a sentence's start is looked for, in characters. (Prose has no sentence this
 * long; without a bound, a text of one long paragraph costs its whole length for every quote.)
 */
const SENTENCE_WINDOW = 2000;

/**
 * Where the sentence holding `before` starts: after the last line break or sentence end, or
 * SENTENCE_WINDOW characters back when there is neither.
 */
function lastBoundary(text: string, before: number): number {
  const slice = text.slice(0, before);
  let boundary = Math.max(slice.lastIndexOf('\n', before - 1) + 1, before - SENTENCE_WINDOW);
  const stops = /[.!?]["”’)]?\s+/g;
  stops.lastIndex = boundary;
  for (let m = stops.exec(slice); m; m = stops.exec(slice)) {
    const next = m.index + m[0].length;
    if (endsSentence(slice.slice(Math.max(0, m.index - 30), m.index + 1), slice.slice(next))) boundary = next;
  }
  return boundary;
}

function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  return [...text.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))];
}
