import { wordsWithCjk } from '../../domain/cjk-words.js';
import type { MarkedText, ParsedSearch } from '../../domain/search.js';

/** Words shown around the first match in a snippet. */
const SNIPPET_WORDS = 36;
const LEAD_WORDS = 10;

const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;

const ASCII = /^[\x00-\x7f]*$/;

/** Case and accents folded, and a few English endings, so "Nations" marks for "nation". */
function fold(word: string): string {
  // Plain ASCII has no accent to fold: skip the Unicode normalization, most words' cost.
  return ASCII.test(word) ? word.toLowerCase() : word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
function stem(word: string): string {
  return word.length > 4 ? word.replace(/(ing|ed|es|s)$/, '') : word;
}

/** A test for "this word of the text is one the query looked for" (included clauses only). */
function matcher(query: ParsedSearch): (word: string) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const c of query.include) {
    if (c.kind === 'phrase') for (const w of c.words) for (const part of wordsWithCjk(w, WORD)) exact.add(stem(fold(part.word)));
    else if (c.prefix) prefixes.push(fold(c.text));
    else for (const part of wordsWithCjk(c.text, WORD)) exact.add(stem(fold(part.word)));
  }
  return (word) => {
    const folded = fold(word);
    return exact.has(stem(folded)) || prefixes.some((p) => folded.startsWith(p));
  };
}

/** Splits text into marked and unmarked runs. */
function markAll(text: string, isMatch: (word: string) => boolean): MarkedText {
  const out: MarkedText = [];
  const push = (t: string, mark: boolean) => {
    if (!t) return;
    const last = out.at(-1);
    if (last && last.mark === mark) last.text += t;
    else out.push({ text: t, mark });
  };
  let at = 0;
  for (const m of wordsWithCjk(text, WORD)) {
    push(text.slice(at, m.index), false);
    push(m.word, isMatch(m.word));
    at = m.index + m.word.length;
  }
  push(text.slice(at), false);
  return out;
}

/**
 * The headline with matches marked, and a passage of the body around its first match (the
 * summary when the body has none), with "…" where it is cut. Plain text in, plain text out:
 * the view escapes it and wraps marked runs in <mark>.
 */
export function markMatches(query: ParsedSearch, text: { headline: string; summary: string; body: string }): { headline: MarkedText; snippet: MarkedText } {
  const isMatch = matcher(query);
  const headline = markAll(text.headline, isMatch);
  // The body's words up to the passage's end and one past it (to know whether it is cut):
  // a long body is not read beyond its first match.
  const words: { word: string; index: number }[] = [];
  let first = -1;
  for (const w of wordsWithCjk(text.body, WORD)) {
    words.push(w);
    if (first < 0 && isMatch(w.word)) first = words.length - 1;
    if (first >= 0 && words.length > Math.max(0, first - LEAD_WORDS) + SNIPPET_WORDS) break;
  }
  let passage: string;
  if (first < 0) {
    passage = text.summary || text.body.slice(0, 240);
  } else {
    const start = Math.max(0, first - LEAD_WORDS);
    const end = Math.min(words.length, start + SNIPPET_WORDS);
    const from = start === 0 ? 0 : words[start]!.index;
    const to = end >= words.length ? text.body.length : words[end - 1]!.index + words[end - 1]!.word.length;
    passage = `${start > 0 ? '…' : ''}${text.body.slice(from, to).trim()}${end < words.length ? ' …' : ''}`;
  }
  return { headline, snippet: markAll(passage, isMatch) };
}
