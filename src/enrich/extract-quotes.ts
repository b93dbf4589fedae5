import type { EntityMention, Quote } from '../domain/entity.js';
import type { MentionSpan } from './tag-entities.js';

/** Options of quote extraction. */
export interface ExtractQuotesOptions {
  /** Quotes shorter than this many words are scare quotes or titles, not speech. */
  minWords?: number;
}

/** Opening and closing marks: curly, straight, German „…“ and guillemets. */
const QUOTE = /“([^”“\n]+)”|"([^"\n]+)"|„([^“”\n]+)[“”]|«\s?([^»\n]+?)\s?»/g;
/** Verbs of speech in the languages Gazette sees most; "according to" is handled apart. */
const SPEECH = String.raw`said|says|say|stated|states|told|tells|added|adds|noted|notes|warned|warns|explained|explains|argued|argues|wrote|writes|insisted|insists|announced|emphasi[sz]ed|declared|remarked|asked|replied|commented|claimed|continued|recalled|conceded|admitted|acknowledged|stressed|sagte|sagt|erklärte|betonte|dijo|afirmó|declaró|a déclaré|a dit|a affirmé|disse|afirmou`;
const SPEECH_RE = new RegExp(String.raw`(?<![\p{L}])(?:${SPEECH})(?![\p{L}])`, 'iu');
const ACCORDING_RE = /\b(?:according to|selon|laut|según|segundo)\s/iu;
const PRONOUN_RE = /(?<![\p{L}])(he|she|they|er|sie|il|elle|ella|él)(?![\p{L}])/iu;
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
  for (const m of text.matchAll(QUOTE)) {
    const inner = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim().replace(/[,\s]+$/, '');
    if (inner.split(/\s+/).length < minWords) continue;
    const key = inner.toLowerCase().replace(/\W+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const start = m.index;
    const end = m.index + m[0].length;
    const speaker = attribute(text, start, end, mentions);
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

function attribute(text: string, start: number, end: number, mentions: MentionSpan[]): Speaker | undefined {
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
    const s = speakerIn(mentions, end, afterEnd, at) ?? pronounSpeaker(text, end, at + verbAfter[0].length + 30, start, mentions);
    if (s) return s;
    return { slug: null, phrase: phraseNear(afterText, verbAfter.index, verbAfter[0].length) };
  }
  // Before the quote, in its sentence: Rutte said: “…” / Rutte told reporters that “…”
  const sentenceStart = Math.max(start - WINDOW, lastBoundary(text, start));
  const beforeText = text.slice(sentenceStart, start);
  const verbBefore = lastMatch(SPEECH_RE, beforeText) ?? lastMatch(ACCORDING_RE, beforeText);
  if (verbBefore) {
    const at = sentenceStart + verbBefore.index;
    const s = speakerIn(mentions, sentenceStart, start, at) ?? pronounSpeaker(text, sentenceStart, at, sentenceStart, mentions);
    if (s) return s;
  }
  return undefined;
}

/** The mention in [from, to) nearest to `anchor`, people before organisations. */
function speakerIn(mentions: MentionSpan[], from: number, to: number, anchor: number): Speaker | undefined {
  const inside = mentions.filter((m) => m.start >= from && m.end <= to && m.type !== 'place');
  if (inside.length === 0) return undefined;
  const distance = (m: MentionSpan) => Math.min(Math.abs(m.start - anchor), Math.abs(m.end - anchor));
  const people = inside.filter((m) => m.type === 'person');
  const pool = people.length > 0 ? people : inside;
  pool.sort((a, b) => distance(a) - distance(b));
  return { slug: pool[0]!.slug, phrase: null };
}

/** "he said": the person mentioned last before the quote. */
function pronounSpeaker(text: string, from: number, to: number, quoteStart: number, mentions: MentionSpan[]): Speaker | undefined {
  if (!PRONOUN_RE.test(text.slice(from, to))) return undefined;
  const earlier = mentions.filter((m) => m.type === 'person' && m.end <= quoteStart);
  const last = earlier[earlier.length - 1];
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
