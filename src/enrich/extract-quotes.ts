import type { EntityMention, Quote } from '../domain/entity.js';
import { isTitleWord } from './gazetteer.js';
import { genderOf } from './gender-of.js';
import type { MentionSpan } from './tag-entities.js';

/** Options of quote extraction. */
export interface ExtractQuotesOptions {
  /** Quotes shorter than this many words are scare quotes or titles, not speech. */
  minWords?: number;
}

/** Opening and closing marks: curly, straight, German „…“ and guillemets. */
const QUOTE = /“([^”“"\n]+)(?:”|’’|")|"([^"“”\n]+)["”]|„([^“”\n]+)[“”]|«\s?([^»\n]+?)\s?»/g;
/** Verbs of speech in the languages Gazette sees most; "according to" is handled apart. */
const SPEECH = String.raw`said|says|say|tweeted|posted|wrote in|stated|states|told|tells|added|adds|noted|notes|warned|warns|explained|explains|argued|argues|wrote|writes|insisted|insists|announced|emphasi[sz]ed|declared|remarked|asked|replied|commented|comments|described|claimed|continued|recalled|conceded|admitted|acknowledged|stressed|sagte|sagt|erklärte|betonte|dijo|afirmó|declaró|a déclaré|a dit|a affirmé|disse|afirmou`;
const SPEECH_RE = new RegExp(String.raw`(?<![\p{L}])(?:${SPEECH})(?![\p{L}])`, 'iu');
const ACCORDING_RE = /\b(?:according to|selon|laut|según|segundo)\s/iu;
const PRONOUN_RE = /(?<![\p{L}])(he|she|they|er|sie|il|elle|ella|él|ele|ela)(?![\p{L}])/iu;
const FEMININE = /^(she|sie|elle|ella|ela)$/i;
const MASCULINE = /^(he|er|il|él|ele)$/i;
/**
 * Words before a name that make its bearer the object of the sentence, never its speaker:
 * "threatened to kill Rep. Ilhan Omar", "attacked X", "against X".
 */
const OBJECT_BEFORE = /(?:threat\p{L}*|kill|killing|attack\p{L}*|against|targeting|targeted|assault\p{L}*|murder\p{L}*|victim|accus\p{L}*|sued|suing|criticiz\p{L}*|criticis\p{L}*)\s+(?:\p{L}+\.?\s+){0,3}$/iu;
/** How far around a quote its attribution is looked for, in characters. */
const WINDOW = 160;

/**
 * Direct quotes and their speakers. Handles “…,” Rutte said / said Rutte / Rutte said: “…”
 * / “…,” according to Rutte, with curly or straight marks. The speaker is the person (or
 * organisation) mentioned next to the verb of speech, resolved through the entity tagger's
 * mentions, so "Rutte" is Mark Rutte; "he said" is the person mentioned most recently.
 */
export function extractQuotes(
  text: string,
  mentions: MentionSpan[],
  entities: EntityMention[],
  options: ExtractQuotesOptions = {},
): Quote[] {
  const minWords = options.minWords ?? 4;
  const names = new Map(entities.map((e) => [e.slug, e.name]));
  const quotes: Quote[] = [];
  const seen = new Set<string>();
  // Mentions whose bearer is the object of a threat or an attack are never speakers.
  const speakers = mentions.filter((m) => !OBJECT_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)));
  const context: Context = { text, mentions: speakers, names, previous: null };
  for (const m of text.matchAll(QUOTE)) {
    const inner = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim().replace(/[,\s]+$/, '');
    if (inner.split(/\s+/).length < minWords) continue;
    const key = inner.toLowerCase().replace(/\W+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const start = m.index;
    const end = m.index + m[0].length;
    // A quote with no attribution of its own that follows an attributed one in the same
    // or the next paragraph continues it: “…,” she said. “…”
    const speaker = attribute(text, start, end, speakers, context) ?? continued(context, start);
    if (speaker) context.previous = { speaker, end };
    quotes.push({
      text: inner,
      speakerSlug: speaker?.slug ?? null,
      speakerName: speaker ? (speaker.slug ? (names.get(speaker.slug) ?? null) : speaker.phrase) : null,
      position: quotes.length,
    });
  }
  return quotes;
}

interface Speaker {
  slug: string | null;
  phrase: string | null;
}

interface Context {
  text: string;
  mentions: MentionSpan[];
  names: Map<string, string>;
  /** The last attributed quote: its speaker and where it ended. */
  previous: { speaker: Speaker; end: number } | null;
}

/** The previous quote's speaker, when only its attribution stands between the two quotes. */
function continued(context: Context, start: number): Speaker | undefined {
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

function attribute(text: string, start: number, end: number, mentions: MentionSpan[], context?: Context): Speaker | undefined {
  // After the quote, up to the end of its sentence: “…,” Rutte said. / “…,” said Rutte.
  let afterText = sentenceAfter(text, end);
  // “… data.” Growth will … — a quote that ends its own sentence, followed by a new one.
  if (/[.!?]$/.test(text.slice(start, end - 1).trim()) && /^\s+\p{Lu}/u.test(afterText)) afterText = '';
  const afterEnd = end + afterText.length;
  const according = ACCORDING_RE.exec(afterText);
  if (according && according.index < 60) {
    const from = end + according.index + according[0].length;
    const s = speakerIn(mentions, from, afterEnd, from);
    if (s) return s;
  }
  const verbAfter = SPEECH_RE.exec(afterText);
  if (verbAfter && verbAfter.index < 60) {
    const at = end + verbAfter.index;
    // “…,” he told the FBI: the pronoun is the subject, whoever is named after the verb.
    const pronounFirst = /^[\s,]*\p{L}+[\s,]*$/u.test(text.slice(end, at)) && PRONOUN_RE.test(text.slice(end, at));
    const s = pronounFirst
      ? pronounSpeaker(text, end, at, start, mentions, context)
      : (speakerIn(mentions, end, afterEnd, at, text) ?? pronounSpeaker(text, end, at + verbAfter[0].length + 30, start, mentions, context));
    if (s) return s;
    const phrase = phraseNear(afterText, verbAfter.index, verbAfter[0].length);
    // "said the actor": a definite title stands for the person last quoted or named.
    if (phrase && /^the\s+(?:\p{L}+\s+){0,2}\p{L}+$/iu.test(phrase) && isTitleWord(phrase.split(/\s+/).pop()!)) {
      const previous = context?.previous?.speaker.slug ? context.previous.speaker : undefined;
      const named = [...mentions].reverse().find((m) => m.type === 'person' && m.end <= start);
      if (previous) return previous;
      if (named) return { slug: named.slug, phrase: null };
    }
    return { slug: null, phrase };
  }
  // Before the quote, in its sentence: Rutte said: “…” / Rutte told reporters that “…”
  const sentenceStart = Math.max(start - WINDOW, lastBoundary(text, start));
  const beforeText = text.slice(sentenceStart, start);
  const verbBefore = lastMatch(SPEECH_RE, beforeText) ?? lastMatch(ACCORDING_RE, beforeText);
  if (verbBefore) {
    const at = sentenceStart + verbBefore.index;
    const s = speakerIn(mentions, sentenceStart, start, at, text) ?? pronounSpeaker(text, sentenceStart, at, sentenceStart, mentions, context);
    if (s) return s;
  }
  // A name and a colon before the quote, as in headlines: Anthony Lynn: “We needed to win”.
  const colon = /:\s*$/.exec(beforeText);
  if (colon) {
    const at = sentenceStart + colon.index;
    const s = speakerIn(mentions.filter((m) => m.end >= at - 2), sentenceStart, start, at);
    if (s) return s;
  }
  // “…,” study lead author Lucas Paganini, a planetary scientist at …, said in a statement:
  // a person named right after the quote, with the verb further on.
  const later = SPEECH_RE.exec(text.slice(end, end + 300).split(/\n/)[0]!);
  if (later && /^[,\s]/.test(text.slice(end - 1, end + 1).slice(-1) || ' ')) {
    const near = mentions.find((m) => m.type === 'person' && m.start >= end && m.start < end + 40);
    if (near && near.start < end + later.index) return { slug: near.slug, phrase: null };
  }
  return undefined;
}

/** The mention in [from, to) nearest to `anchor`, people before organisations. */
function speakerIn(mentions: MentionSpan[], from: number, to: number, anchor: number, text?: string): Speaker | undefined {
  const inside = mentions.filter((m) => m.start >= from && m.end <= to && m.type !== 'place');
  const people = inside.filter((m) => m.type === 'person');
  // A name right next to the verb that the tagger could not place (a surname whose first name
  // came earlier in the article: "Noem later tweeted", "said Lopez") outranks an organisation
  // named further off.
  if (people.length === 0 && text !== undefined) {
    const adjacent = nameNextTo(text, anchor, from, to);
    if (adjacent && !inside.some((m) => m.start <= adjacent.start && m.end >= adjacent.end && m.type !== 'person')) return { slug: null, phrase: adjacent.name };
  }
  if (inside.length === 0) return undefined;
  const distance = (m: MentionSpan) => Math.min(Math.abs(m.start - anchor), Math.abs(m.end - anchor));
  const pool = people.length > 0 ? people : inside;
  pool.sort((a, b) => distance(a) - distance(b));
  return { slug: pool[0]!.slug, phrase: null };
}

/** Capitalised words just before the verb at `at` (one adverb allowed), or just after it. */
function nameNextTo(text: string, at: number, from: number, to: number): { name: string; start: number; end: number } | undefined {
  const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3}`;
  const windowStart = Math.max(from, at - 60);
  const before = new RegExp(String.raw`(${NAME})\s+(?:\p{Ll}+ly\s+|later\s+|also\s+|then\s+)?$`, 'u').exec(text.slice(windowStart, at));
  if (before) {
    // Sentence openers and pronouns are not names: "She added", "But Esper said".
    const opener = /^(?:(?:the|but|and|so|yet|later|then|also|now|here|there|he|she|they|it|we|i|you|er|sie|il|elle|ella|él|ele|ela)\b\s*)+/iu.exec(before[1]!)?.[0] ?? '';
    const name = before[1]!.slice(opener.length);
    const start = windowStart + before.index + opener.length;
    if (name) return { name, start, end: start + name.length };
  }
  const verb = SPEECH_RE.exec(text.slice(at, at + 40));
  if (!verb || verb.index !== 0) return undefined;
  const after = new RegExp(String.raw`^\s+(${NAME})`, 'u').exec(text.slice(at + verb[0].length, Math.max(to, at + verb[0].length)));
  if (!after) return undefined;
  const start = at + verb[0].length + after[0].indexOf(after[1]!);
  return { name: after[1]!, start, end: start + after[1]!.length };
}

/**
 * "he said": the last person named before the quote whose first name fits the pronoun
 * ("she" skips a man named since), else the last person named.
 */
function pronounSpeaker(text: string, from: number, to: number, quoteStart: number, mentions: MentionSpan[], context?: Context): Speaker | undefined {
  const pronoun = PRONOUN_RE.exec(text.slice(from, to));
  if (!pronoun) return undefined;
  const earlier = mentions.filter((m) => m.type === 'person' && m.end <= quoteStart);
  const wanted = FEMININE.test(pronoun[1]!) ? 'female' : MASCULINE.test(pronoun[1]!) ? 'male' : null;
  const gender = (m: MentionSpan) => (context ? genderOf(context.names.get(m.slug) ?? '') : null);
  const latest = [...earlier].reverse();
  // A name known to fit first, then one not known not to fit, then anyone.
  const last =
    (wanted && latest.find((m) => gender(m) === wanted)) || latest.find((m) => !wanted || gender(m) === null) || earlier[earlier.length - 1];
  return last ? { slug: last.slug, phrase: null } : undefined;
}

/** A few words around the verb: "a spokesperson said" → "a spokesperson". */
function phraseNear(afterText: string, verbIndex: number, verbLength: number): string | null {
  const before = afterText.slice(0, verbIndex).replace(/^[\s,.;:]+/, '').trim();
  const after = afterText.slice(verbIndex + verbLength).replace(/^[\s,]+/, '').split(/[,.;]/)[0]!.trim();
  const phrase = (before || after).split(/\s+/).slice(0, 6).join(' ');
  return phrase && !PRONOUN_RE.test(phrase) ? phrase : null;
}

function sentenceAfter(text: string, from: number): string {
  const rest = text.slice(from, from + WINDOW);
  const stop = rest.search(/[.!?](?=\s|$)|\n/);
  return stop === -1 ? rest : rest.slice(0, stop + 1);
}

function lastBoundary(text: string, before: number): number {
  const slice = text.slice(0, before);
  const i = Math.max(slice.lastIndexOf('\n'), slice.search(/[.!?]\s[^.!?]*$/));
  return i === -1 ? 0 : i + 1;
}

function lastMatch(re: RegExp, text: string): RegExpExecArray | null {
  const global = new RegExp(re.source, `${re.flags.replace('g', '')}g`);
  let last: RegExpExecArray | null = null;
  for (let m = global.exec(text); m; m = global.exec(text)) last = m;
  return last;
}
