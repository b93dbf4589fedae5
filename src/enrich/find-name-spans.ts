/**
 * Finds runs of capitalised words ("German Chancellor Friedrich Merz", "Bank of England"):
 * the candidates the entity tagger classifies. Offsets point into the text, so quotes can
 * ask who was mentioned where.
 */
import { isOrganisationHead } from './gazetteer.js';
import { MONTHS_AND_DAYS } from './name-cues.js';

/** One word of a candidate name. */
export interface NameWord {
  text: string;
  start: number;
  end: number;
}

/** A run of capitalised words within one sentence and one clause. */
export interface NameSpan {
  words: NameWord[];
  /** True when the span opens a sentence (its first word may be capitalised only for that). */
  sentenceStart: boolean;
  /** The text between the previous word and this span, and after it to the next word. */
  before: string;
  after: string;
  /** The lower-case word right before the span, if in the same sentence ("in", "said"). */
  previousWord: string | null;
  /** The lower-case word right after the span, if in the same sentence. */
  nextWord: string | null;
  /** True when the last word carried a possessive "’s" (stripped from its text). */
  possessive: boolean;
  /** Up to 100 characters of text after the span ("…, a global solutions provider"). */
  following: string;
  /** Up to 40 characters of text before the span ("… according to "). */
  preceding: string;
}

/**
 * Words, with initialisms such as "U.S." and site names such as "SpaceNews.com" kept whole,
 * inner hyphens and apostrophes kept, and a free-standing "&" as a word of its own (it joins
 * firms' names: "Pratt & Whitney", "Kirkland & Ellis").
 */
const WORD = /(?<=\s)&(?=\s)|(?<![\p{L}'’])(?:[ldjmnstcLDJMNSTC]|[qQ]u)['’](?=\p{Lu})|(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+\.(?:com|net|org|co\.uk|ca|io)(?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:[-'’&][\p{L}\p{N}]+)*/gu;
/** Lower-case words that may sit inside a name: "Bank of England", "Ursula von der Leyen", "Erik ten Hag". */
const CONNECTORS = new Set(['of', 'for', 'de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'des', 'van', 'von', 'der', 'den', 'ten', 'ter', 'du', 'la', 'le', 'al', 'bin', 'ibn', '&']);

/**
 * Connectors that go on with an institution's name after its head word ("Institute on",
 * "Office of the", "Council for the"); "of" and "for" before a capital are CONNECTORS anyway.
 */
const INSTITUTION_CONNECTORS = new Set(['on', 'of', 'for']);

/** Whether the word at `at` is capitalised and follows the one before after spaces only. */
function capitalisedAt(words: readonly { text: string; gapBefore: string }[], at: number): boolean {
  const word = words[at];
  return word !== undefined && isCapitalised(word.text) && !/[^\s]/.test(word.gapBefore);
}

/** An Arabic name's article or kinship word joined to a capitalised name: "al-Masri", "el-Sisi", "bin-Salman". */
const ARABIC_PARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an|abu|bin|ibn)-\p{Lu}/u;

/** Whether a word opening with a lower-case letter is still a name's: "al-Masri". */
export function isParticleName(word: string): boolean {
  return ARABIC_PARTICLE.test(word);
}

function isCapitalised(word: string): boolean {
  // Most words start with an ASCII letter, decided by its code without the Unicode class.
  const code = word.charCodeAt(0);
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a && ARABIC_PARTICLE.test(word));
  return /^\p{Lu}/u.test(word);
}

/**
 * A single capital followed by ". " is an initial inside a name; so is the full stop of
 * "St.", "Mt.", "Ft." ("St. Louis", "Mt. Everest").
 */
function isInitialGap(previous: string, gap: string): boolean {
  return (/^\p{Lu}$/u.test(previous) || /^(?:St|Ste|Mt|Ft)$/.test(previous)) && /^\.[ \t]+$/.test(gap);
}

/** Splits text into capitalised-word spans. */
export function findNameSpans(text: string): NameSpan[] {
  const words: (NameWord & { gapBefore: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    words.push({ text: m[0], start: m.index, end: m.index + m[0].length, gapBefore: text.slice(last, m.index) });
    last = m.index + m[0].length;
  }
  const spans: NameSpan[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (!isCapitalised(w.text)) {
      i++;
      continue;
    }
    const run: NameWord[] = [];
    let possessive = false;
    // Whether the run already goes on from an institution's head word ("Office of the …").
    let institution = false;
    let j = i;
    while (j < words.length) {
      const cur = words[j]!;
      // Punctuation and line breaks end a name (a headline's last word never joins the body's
      // first), except the full stop of a middle initial: "Elizabeth A. Burton".
      if (j > i && (/[^\s]|\n/.test(cur.gapBefore) && !isInitialGap(words[j - 1]!.text, cur.gapBefore))) break;
      if (isCapitalised(cur.text)) {
        const base = cur.text.replace(/['’]s$/u, '');
        // An initial keeps its full stop, so "Elizabeth A. Burton" is one name.
        const initial = isInitialGap(base, words[j + 1]?.gapBefore ?? '') && j + 1 < words.length && isCapitalised(words[j + 1]!.text);
        run.push({ text: initial ? `${base}.` : base, start: cur.start, end: cur.start + base.length + (initial ? 1 : 0) });
        j++;
        if (base !== cur.text) {
          possessive = true;
          break;
        }
      } else if (CONNECTORS.has(cur.text) && run.length > 0 && capitalisedAt(words, j + 1)) {
        if (INSTITUTION_CONNECTORS.has(cur.text) && isOrganisationHead(run[run.length - 1]!.text)) institution = true;
        run.push({ text: cur.text, start: cur.start, end: cur.end });
        j++;
      } else if (CONNECTORS.has(cur.text) && run.length > 0 && CONNECTORS.has(words[j + 1]?.text ?? '') && !/[^\s]/.test(words[j + 1]!.gapBefore) && capitalisedAt(words, j + 2)) {
        // Two particles: "Ursula von der Leyen", "Juan de la Cruz".
        for (const k of [j, j + 1]) run.push({ text: words[k]!.text, start: words[k]!.start, end: words[k]!.end });
        j += 2;
      } else if (run.length > 0 && (institution || isOrganisationHead(run[run.length - 1]!.text)) && INSTITUTION_CONNECTORS.has(cur.text)) {
        // "National Institute on Drug Abuse", "Office of the Inspector General": after a word
        // that heads an institution's name, "on" and "of the" go on with it (not into a date:
        // "the Council on Tuesday"), and so they do again further on in that name: "Office of
        // the Comptroller of the Currency", "Court of Justice of the European Union".
        // ("House of the Dragon", "House of the Day" are titles: a house's names take no "the".)
        // (Or "for a" and "for an": "Committee for a Responsible Federal Budget", "Center for an Open Society".)
        const the = /^(?:the|a|an)$/.test(words[j + 1]?.text ?? '') && !/[^\s]/.test(words[j + 1]!.gapBefore) && run[run.length - 1]!.text !== 'House' ? 1 : 0;
        if (!capitalisedAt(words, j + 1 + the) || MONTHS_AND_DAYS.test(words[j + 1 + the]!.text)) break;
        for (let k = 0; k <= the; k++) run.push({ text: words[j + k]!.text, start: words[j + k]!.start, end: words[j + k]!.end });
        j += 1 + the;
        institution = true;
      } else break;
    }
    const first = words[i]!;
    // A sentence starts after . ! ? or a line break, and after an opening quote or colon;
    // a closing quote (“…,” Rutte said) does not start one.
    const gap = first.gapBefore;
    const sentenceStart = i === 0 || /[.!?\n]['"”’)]*\s*$/.test(gap) || /\n/.test(gap) || /(^|[\s(])["“‘«„]\s*$/.test(gap) || /:\s*$/.test(gap) || /^\s*[-–—]\s*$/.test(gap);
    const prev = i > 0 && !/[.!?\n]/.test(first.gapBefore) ? words[i - 1]!.text.toLowerCase() : null;
    const nextWord = words[j];
    const next = nextWord && !/[.!?\n]/.test(nextWord.gapBefore) ? nextWord.text.toLowerCase() : null;
    spans.push({
      words: run,
      sentenceStart,
      before: first.gapBefore,
      after: nextWord ? nextWord.gapBefore : text.slice(run[run.length - 1]!.end),
      previousWord: prev,
      nextWord: next,
      possessive,
      following: text.slice(run[run.length - 1]!.end, run[run.length - 1]!.end + 100),
      preceding: text.slice(Math.max(0, run[0]!.start - 40), run[0]!.start),
    });
    i = Math.max(j, i + 1);
  }
  return spans;
}
