/**
 * The words that tell one news event from another: a text's content words, lower-cased,
 * stop words out, endings stemmed lightly ("layoffs" and "layoff" are one term). Two agencies'
 * reports of one event share few word 4-grams but many of these terms, above all the rare
 * ones: names, numbers, places. Pure, and cheap enough for every ingested article.
 */
import stopWordData from './stop-words.json' with { type: 'json' };
import { letterRuns } from '../domain/letter-runs.js';
import { lightStem } from './light-stem.js';

const stopWords = new Set(stopWordData.words);
const DIGITS = /^\d+$/;
/** Digits with a decimal or thousands separator between them, as one number. */
const QUANTITY = /\d+(?:[.,\u00a0\u202f']\d+)+/g;

/**
 * A number written with separators as one term: thousands separators out ("4,000",
 * "4.000" and "4 000" are "4000"), a decimal separator kept as a point ("8.8", "8,8").
 */
export function quantityTerm(written: string): string {
  const groups = written.split(/[.,\u00a0\u202f']/);
  const thousands = groups.length > 2 || (groups.length === 2 && groups[1]!.length === 3 && groups[0]!.length <= 3);
  return thousands ? groups.join('') : groups.join('.');
}

/**
 * One word as a term, or undefined when it says nothing about the event: its light stem in
 * the article's language (see light-stem.ts), so "quarantined" and "quarantine" are one term.
 */
export function termOf(word: string, language?: string): string | undefined {
  const w = word.toLowerCase();
  if (DIGITS.test(w)) return w.length >= 2 && w.length <= 6 ? w : undefined; // "787", "2024", not "3" or a phone number
  if (w.length < 3 || stopWords.has(w)) return undefined;
  return lightStem(w, language);
}

/**
 * Term counts of an article. Headline words count `headlineWeight` times: a headline names
 * the event, though a rewrite words it anew.
 */
export function eventTerms(headline: string, body: string, language?: string, headlineWeight = 2): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string, by: number) => {
    const count = (term: string | undefined) => {
      if (term !== undefined) counts.set(term, (counts.get(term) ?? 0) + by);
    };
    // A quantity written with a separator ("$8.8 billion", "4,000 jobs", "3,5 %") is one term:
    // split, its parts say nothing ("8", "000").
    for (const quantity of text.match(QUANTITY) ?? []) count(quantityTerm(quantity));
    for (const word of letterRuns(text.replace(QUANTITY, ' '))) count(termOf(word, language));
  };
  add(headline, headlineWeight);
  add(body, 1);
  return counts;
}
