import { splitSentences } from './split-sentences.js';
import { stripDateline } from './strip-dateline.js';

/** Listings and meta descriptions show at most this many characters. */
const MAX_SUMMARY = 300;
/** The summary's sentences: two or three when they fit. */
const MAX_SENTENCES = 3;

/** Options of `summarize`. */
export interface SummarizeOptions {
  /** The article's language, for sentence boundaries (BCP 47; default "en"). */
  language?: string;
  maxLength?: number;
}

/**
 * An extractive summary: the body's first two or three sentences that fit in about 300
 * characters, after the dateline ("NEW DELHI:", "LONDON (Reuters) -"). Sentences are found
 * with a real segmenter, so initials, abbreviations and decimals do not end them. A first
 * sentence longer than the limit is cut at a word, never mid-word.
 */
export function summarize(text: string, options: SummarizeOptions = {}): string {
  const maxLength = options.maxLength ?? MAX_SUMMARY;
  // Only the opening is read: three sentences of a 300-character summary lie well within it.
  const sentences = splitSentences(stripDateline(text.slice(0, 4 * maxLength + 400)), options.language ?? 'en');
  if (sentences.length === 0) return '';
  let summary = sentences[0]!;
  for (const sentence of sentences.slice(1, MAX_SENTENCES)) {
    if (summary.length + 1 + sentence.length > maxLength) break;
    summary += ` ${sentence}`;
  }
  if (summary.length <= maxLength) return summary;
  const cut = summary.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 0 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:]+$/, '')}…`;
}
