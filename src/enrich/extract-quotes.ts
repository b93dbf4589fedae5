import type { EntityMention, Quote } from '../domain/entity.js';
import { aboutBefore, attribute, continued, introducedBefore, reportedBefore, saidNext, type AttributionContext, type Speaker } from './find-speaker.js';
import { SPEECH_RE } from './speech-cues.js';
import type { MentionSpan } from './tag-entities.js';

/** Options of quote extraction. */
export interface ExtractQuotesOptions {
  /** Quotes shorter than this many words are scare quotes or titles, not speech. */
  minWords?: number;
}

/**
 * Opening and closing marks: curly, straight, German „…“ and guillemets; a quote left open at
 * the end of its paragraph because the next paragraph, opening with a mark, goes on with it
 * (news style for a quote over several paragraphs); and British single marks ‘…’, closed by a
 * ’ that no letter follows (so not by the apostrophe of "don’t"); and a quote opened right
 * after a colon ("She said: “…") that its paragraph or the text ends without a closing mark,
 * as a passage cut from a longer quote does.
 */
const QUOTE = /“([^”“"\n]+)(?:”|’’|")|"([^"“”\n]+)["”]|„([^“”\n]+)[“”]|«\s?([^»\n]+?)\s?»|[“"]([^”“"\n]+)(?=\n[ \t]*\n?[ \t]*[“"])|(?<![\p{L}\d])‘((?:[^‘’\n]|’(?=\p{L}))+?)’(?![\p{L}])|(?<=:[ \t]{0,2})[“"]([^”“"\n]+)(?=\n|$)/gu;
/**
 * Words before a name that make its bearer the object of the sentence, never its speaker:
 * "threatened to kill Rep. Ilhan Omar", "attacked X", "against X".
 */
const OBJECT_BEFORE = /(?:threat\p{L}*|kill|killing|attack\p{L}*|against|targeting|targeted|assault\p{L}*|murder\p{L}*|victim|accus\p{L}*|sued|suing|criticiz\p{L}*|criticis\p{L}*)\s+(?:\p{L}+\.?\s+){0,3}$/iu;

/**
 * A wire's credit in a dateline, "ABUJA, Nigeria (AP) —" or "/PRNewswire/ —": it names who
 * distributed the story, never who speaks in it (a quote of the first paragraph whose speaker
 * is named only later went to the agency).
 */
function isWireCredit(text: string, m: { start: number; end: number }): boolean {
  const before = text[m.start - 1];
  const after = text.slice(m.end, m.end + 4);
  return (before === '(' && /^\)\s*[—–-]/u.test(after)) || (before === '/' && /^\/\s*[—–-]/u.test(after));
}

/**
 * Direct quotes and their speakers. Handles “…,” Rutte said / said Rutte / Rutte said: “…”
 * / “…,” according to Rutte / Rutte was blunt: “…” / “….” Rutte said the …, with curly or
 * straight marks. The speaker is the person (or organisation) mentioned next to the verb of
 * speech, resolved through the entity tagger's mentions, so "Rutte" is Mark Rutte; "he said"
 * is the person mentioned most recently. A quote with no attribution of its own continues
 * the one before it, or the reported speech that ends the paragraph before it, or is said by
 * whom the sentence before it is about.
 */
export function extractQuotes(
  text: string,
  mentions: MentionSpan[],
  entities: EntityMention[],
  options: ExtractQuotesOptions = {},
): Quote[] {
  const minWords = options.minWords ?? 4;
  const names = new Map(entities.map((e) => [e.slug, e.name]));
  const found: FoundQuote[] = [];
  const seen = new Set<string>();
  // Mentions whose bearer is the object of a threat or an attack are never speakers, nor are
  // spans that open with a lower-case word ("for Human Rights"): no name does; nor a wire's credit.
  const speakers = mentions.filter(
    (m) => !OBJECT_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)) && !/^(?:for|of|at|from|in|on|to|by|with)\s/.test(text.slice(m.start, m.end)) && !isWireCredit(text, m),
  );
  const context: AttributionContext = { text, mentions: speakers, names, previous: null };
  for (const m of text.matchAll(QUOTE)) {
    const inner = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? m[7] ?? '').trim().replace(/[,\s]+$/, '');
    const start = m.index;
    const end = m.index + m[0].length;
    context.current = { start, end };
    if (inner.split(/\s+/).length < minWords) {
      // “No,” he said. “You tell me one.”: a short answer is no quote of its own, but its
      // attribution says who goes on speaking.
      if (SHORT_ANSWER_SAID.test(text.slice(end, end + 60))) {
        const speaker = withSurnameResolved(attribute(start, end, context), speakers, names);
        if (speaker) context.previous = { speaker, end };
      }
      continue;
    }
    const key = normalise(inner);
    if (seen.has(key)) continue;
    seen.add(key);
    const own = attribute(start, end, context);
    const speaker = withSurnameResolved(
      own ?? continued(context, start) ?? saidNext(context, start, end) ?? reportedBefore(context, start) ?? aboutBefore(context, start) ?? introducedBefore(context, start),
      speakers,
      names,
    );
    if (speaker) context.previous = { speaker, end };
    found.push({ text: inner, open: m[5] !== undefined, attributed: own !== undefined, speaker });
  }
  inheritSpeakers(found);
  return found.map((q, position) => ({
    text: q.text,
    speakerSlug: q.speaker?.slug ?? null,
    speakerName: q.speaker ? (q.speaker.slug ? (names.get(q.speaker.slug) ?? null) : q.speaker.phrase) : null,
    position,
  }));
}

/**
 * A surname the tagger left alone ("Bass said") names the person of that surname named in
 * full in the article ("Karen Bass"), or whose name starts with it ("Chen" for Chen Wei),
 * when there is exactly one.
 */
function withSurnameResolved(speaker: Speaker | undefined, mentions: MentionSpan[], names: Map<string, string>): Speaker | undefined {
  const phrase = speaker?.slug === null ? speaker.phrase : null;
  if (!phrase || !/^\p{Lu}/u.test(phrase)) return speaker;
  const people = [...new Set(mentions.filter((m) => m.type === 'person').map((m) => m.slug))];
  // (Else the one whose name starts with it: family name first, "Chen" for Chen Wei.)
  const byLast = people.filter((slug) => (names.get(slug) ?? '').endsWith(` ${phrase}`));
  const bearers = byLast.length > 0 ? byLast : people.filter((slug) => (names.get(slug) ?? '').startsWith(`${phrase} `));
  return bearers.length === 1 ? { slug: bearers[0]!, phrase: null } : speaker;
}

/** A pronoun or a name and a verb of speech, or the verb and a name, right after a quote. */
const SHORT_ANSWER_SAID = new RegExp(String.raw`^[,\s]*(?:(?:he|she|they|\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s+(?:${SPEECH_RE.source})|(?:${SPEECH_RE.source})\s+\p{Lu})`, 'u');

const normalise = (quote: string) => quote.toLowerCase().replace(/\W+/g, ' ').trim();

interface FoundQuote {
  text: string;
  /** Left open at the end of its paragraph, for the next paragraph to go on with. */
  open: boolean;
  /** Whether its own sentence names the speaker (rather than a quote or paragraph near it). */
  attributed: boolean;
  speaker: Speaker | undefined;
}

/**
 * Speakers that only a neighbouring quote tells: a paragraph left open is said by whoever
 * the paragraph that goes on with it is attributed to (“…\n\n“…,” Kerr said.), and words
 * quoted a second time (a pull quote, a headline) by whoever said them in full.
 */
function inheritSpeakers(found: FoundQuote[]): void {
  for (let i = found.length - 2; i >= 0; i--) {
    const [quote, next] = [found[i]!, found[i + 1]!];
    if (quote.open && !quote.attributed && next.speaker) quote.speaker = next.speaker;
  }
  for (const q of found) {
    if (q.speaker) continue;
    const words = normalise(q.text);
    q.speaker = found.find((other) => other !== q && other.speaker && normalise(other.text).includes(words))?.speaker;
  }
}
