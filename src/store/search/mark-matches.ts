import { hasCjk, wordsWithCjk } from '../../domain/cjk-words.js';
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

/**
 * Calls `each` with every word of `text` and its offset, in order, until it returns false;
 * the words wordsWithCjk gives. Text without CJK letters (nearly all) is read with the word
 * pattern alone, without a generator and an object per word: a page marks some twenty
 * headlines and passages, and this loop was most of their cost.
 */
function eachWord(text: string, each: (word: string, index: number) => boolean | void): void {
  if (hasCjk(text)) {
    for (const w of wordsWithCjk(text, WORD)) if (each(w.word, w.index) === false) return;
    return;
  }
  // WORD is global and `each` never comes back here, so its lastIndex is this loop's alone.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    if (each(m[0], m.index) === false) break;
  }
  WORD.lastIndex = 0;
}

type Matcher = (word: string) => boolean;

/** Words a matcher remembers at most (a page reads a few thousand). */
const MAX_KNOWN_WORDS = 10_000;

/** The matcher of each query, kept while the query is: every hit of a page is marked with the same one. */
const matchers = new WeakMap<ParsedSearch, Matcher>();

/**
 * A test for "this word of the text is one the query looked for" (included clauses only).
 * Its answers are remembered per word: the same words recur across a page's hits.
 */
function matcher(query: ParsedSearch): Matcher {
  const kept = matchers.get(query);
  if (kept) return kept;
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const c of query.include) {
    if (c.kind === 'phrase') for (const w of c.words) for (const part of wordsWithCjk(w, WORD)) exact.add(stem(fold(part.word)));
    else if (c.prefix) prefixes.push(fold(c.text));
    else for (const part of wordsWithCjk(c.text, WORD)) exact.add(stem(fold(part.word)));
  }
  const known = new Map<string, boolean>();
  const isMatch = (word: string) => {
    let answer = known.get(word);
    if (answer === undefined) {
      const folded = fold(word);
      answer = exact.has(stem(folded)) || prefixes.some((p) => folded.startsWith(p));
      if (known.size < MAX_KNOWN_WORDS) known.set(word, answer);
    }
    return answer;
  };
  matchers.set(query, isMatch);
  return isMatch;
}


/** Splits text into marked and unmarked runs. */
function markAll(text: string, isMatch: Matcher): MarkedText {
  const out: MarkedText = [];
  const push = (t: string, mark: boolean) => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last && last.mark === mark) last.text += t;
    else out.push({ text: t, mark });
  };
  let at = 0;
  eachWord(text, (word, index) => {
    push(text.slice(at, index), false);
    push(word, isMatch(word));
    at = index + word.length;
  });
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
  eachWord(text.body, (word, index) => {
    words.push({ word, index });
    if (first < 0 && isMatch(word)) first = words.length - 1;
    return !(first >= 0 && words.length > Math.max(0, first - LEAD_WORDS) + SNIPPET_WORDS);
  });
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
