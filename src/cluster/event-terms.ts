/**
 * The words that tell one news event from another: a text's content words, lower-cased,
 * stop words out, plurals folded ("layoffs" and "layoff" are one term). Two agencies'
 * reports of one event share few word 4-grams but many of these terms, above all the rare
 * ones: names, numbers, places. Pure, and cheap enough for every ingested article.
 */
import stopWordData from './stop-words.json' with { type: 'json' };
import { letterRuns } from '../domain/letter-runs.js';

const stopWords = new Set(stopWordData.words);
const DIGITS = /^\d+$/;

/** One word as a term, or undefined when it says nothing about the event. */
export function termOf(word: string): string | undefined {
  const w = word.toLowerCase();
  if (DIGITS.test(w)) return w.length >= 2 && w.length <= 6 ? w : undefined; // "787", "2024", not "3" or a phone number
  if (w.length < 3 || stopWords.has(w)) return undefined;
  // Plurals folded the simple English way; other languages keep their word as written.
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !/(ss|us|is|ys)$/.test(w)) return w.slice(0, -1);
  return w;
}

/**
 * Term counts of an article. Headline words count `headlineWeight` times: a headline names
 * the event, though a rewrite words it anew.
 */
export function eventTerms(headline: string, body: string, headlineWeight = 2): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string, by: number) => {
    for (const word of letterRuns(text)) {
      const term = termOf(word);
      if (term !== undefined) counts.set(term, (counts.get(term) ?? 0) + by);
    }
  };
  add(headline, headlineWeight);
  add(body, 1);
  return counts;
}
