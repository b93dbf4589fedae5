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

const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
/**
 * An English number from ten to ninety-nine in words ("Twenty-eight", "forty one",
 * "Fifteen-year-old"), not joined to another number word ("twenty-first", "fifty-fifty").
 * Plain `\b` and a look at the neighbouring characters in the replacer: a Unicode lookbehind
 * here made the pass five times slower.
 */
const NUMBER_WORDS = new RegExp(
  `\\b(?:(${TEENS.join('|')})|(${TENS.join('|')})(?:[-\u2010 ](${UNITS.join('|')}))?)\\b(?![-\u2010](?:${[...TEENS, ...TENS, ...UNITS, ...ORDINALS].join('|')})\\b)`,
  'gi',
);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * English numbers from ten to ninety-nine written in words, as digits: style guides spell
 * out a number that opens a sentence ("Twenty-eight people were quarantined"), so one
 * agency writes in words what another writes in digits ("28 people"). Numbers under ten are
 * left as words: as digits they are no term either (see `termOf`).
 */
export function numbersInDigits(text: string, language?: string): string {
  if ((language ?? 'en').slice(0, 2).toLowerCase() !== 'en') return text;
  return text.replace(NUMBER_WORDS, (written: string, teen: string | undefined, tens: string | undefined, unit: string | undefined, at: number) => {
    // Inside a longer word ("Crétèn", "tenéis") or the second of a pair ("fifty-fifty"): a word.
    const before = text[at - 1];
    const after = text[at + written.length];
    if ((before !== undefined && LETTER_OR_DIGIT.test(before)) || (after !== undefined && LETTER_OR_DIGIT.test(after))) return written;
    if ((before === '-' || before === '\u2010') && at > 1 && LETTER_OR_DIGIT.test(text[at - 2]!)) return written;
    if (teen !== undefined) return String(10 + TEENS.indexOf(teen.toLowerCase()));
    return String(20 + 10 * TENS.indexOf(tens!.toLowerCase()) + (unit === undefined ? 0 : 1 + UNITS.indexOf(unit.toLowerCase())));
  });
}

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
  const add = (written: string, by: number) => {
    const text = numbersInDigits(written, language);
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
