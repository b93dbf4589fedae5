import { emptyRawItem, type RawItem } from '../domain/raw-item.js';

/**
 * A dateline at the start of a story: "(MENAFN)", "(Reuters) -", "WIESBADEN, Germany (AP) —",
 * "LONDON —". Captured so it can be shown apart from the body.
 */
const DATELINE = /^((?:[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][\w .'-]{1,40})?\s*)?\([A-Za-z][\w .&'-]{0,40}\)|[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][\w .'-]{1,40})?(?=\s+[-—–]))\s*(?:[-—–:]\s*)?/;

/**
 * Reads a plain-text article page, the way a scraper saves one: the headline on the first
 * non-empty line, then the body, one paragraph a line. The body keeps whatever furniture
 * came with it; the clean stage removes that.
 */
export function parseTextArticle(text: string): RawItem {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  const headline = first >= 0 ? lines[first]!.trim() : '';
  const bodyLines = first >= 0 ? lines.slice(first + 1) : [];
  const { dateline, rest } = splitDateline(bodyLines.join('\n').trim());
  return { ...emptyRawItem(headline), text: rest, dateline };
}

/** Splits a leading dateline off a body; returns the body unchanged when there is none. */
export function splitDateline(body: string): { dateline: string | null; rest: string } {
  const match = DATELINE.exec(body);
  if (!match || match[1] === undefined) return { dateline: null, rest: body };
  return { dateline: match[1].trim(), rest: body.slice(match[0].length) };
}
