/**
 * Finds runs of capitalised words ("German Chancellor Friedrich Merz", "Bank of England"):
 * the candidates the entity tagger classifies. Offsets point into the text, so quotes can
 * ask who was mentioned where.
 */

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
}

/** Words, with initialisms such as "U.S." kept whole and inner hyphens and apostrophes kept. */
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[-'’&][\p{L}\p{N}]+)*/gu;
/** Lower-case words that may sit inside a name: "Bank of England", "Ursula von der Leyen". */
const CONNECTORS = new Set(['of', 'for', 'de', 'da', 'del', 'van', 'von', 'der', 'den', 'du', 'la', 'le', 'al', 'bin', 'ibn', '&']);

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
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
    let j = i;
    while (j < words.length) {
      const cur = words[j]!;
      if (j > i && /[^\s]/.test(cur.gapBefore)) break; // punctuation ends a name
      if (isCapitalised(cur.text)) {
        const base = cur.text.replace(/['’]s$/u, '');
        run.push({ text: base, start: cur.start, end: cur.start + base.length });
        j++;
        if (base !== cur.text) {
          possessive = true;
          break;
        }
      } else if (CONNECTORS.has(cur.text) && run.length > 0 && j + 1 < words.length && isCapitalised(words[j + 1]!.text) && !/[^\s]/.test(words[j + 1]!.gapBefore)) {
        run.push({ text: cur.text, start: cur.start, end: cur.end });
        j++;
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
    });
    i = Math.max(j, i + 1);
  }
  return spans;
}
