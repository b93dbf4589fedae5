import type { ParsedSearch, SearchClause } from './search.js';

/** Only this much of a query is read: longer text (a pasted page) is cut, never refused. */
export const MAX_QUERY_CHARS = 512;
const MAX_CLAUSES = 12;
const MAX_PHRASE_WORDS = 12;
const MAX_WORD_CHARS = 64;
/** `a*` would match half the archive; a prefix needs two letters. */
const MIN_PREFIX_CHARS = 2;

const HAS_WORD = /[\p{L}\p{N}]/u;
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/**
 * Reads what a reader typed in the search box. The syntax: words (all must match), `"an
 * exact phrase"`, `word*` for words beginning so, `-word` or `-"a phrase"` to leave out
 * stories that have it; `AND` is implied, `NOT word` is `-word`. Anything else is text:
 * operators of the engines (`OR`, `NEAR`, `:`, `^`, parentheses, `&|!<->`) have no meaning,
 * an unbalanced quote runs to the end, and control characters, NUL and invisible format
 * characters are dropped. A query with nothing to look for gives empty `include`.
 */
export function parseSearchQuery(input: string): ParsedSearch {
  const text = input.normalize('NFKC').replace(CONTROL, ' ').slice(0, MAX_QUERY_CHARS);
  const include: SearchClause[] = [];
  const exclude: SearchClause[] = [];
  let negateNext = false;
  const tokens = text.match(/-?"[^"]*"?|[^\s"]+/g) ?? [];
  for (const token of tokens) {
    let raw = token;
    let negate = negateNext;
    negateNext = false;
    if (raw === 'NOT') {
      negateNext = true;
      continue;
    }
    if (raw === 'AND' || raw === 'OR') continue;
    if (raw.startsWith('-') && raw.length > 1) {
      negate = true;
      raw = raw.slice(1);
    }
    const clause = raw.startsWith('"') ? phrase(raw.replace(/^"|"$/g, '')) : word(raw);
    if (!clause) continue;
    const list = negate ? exclude : include;
    if (list.length < MAX_CLAUSES && !list.some((c) => sameClause(c, clause))) list.push(clause);
  }
  return { include, exclude };
}

function word(raw: string): SearchClause | undefined {
  const prefix = /\*+$/.test(raw);
  const text = raw.replace(/\*+$/, '').replace(EDGE_PUNCTUATION, '').slice(0, MAX_WORD_CHARS);
  if (!HAS_WORD.test(text)) return undefined;
  return { kind: 'word', text, prefix: prefix && [...text].length >= MIN_PREFIX_CHARS };
}

function phrase(raw: string): SearchClause | undefined {
  const words = raw
    .split(/\s+/)
    .map((w) => w.replace(EDGE_PUNCTUATION, '').slice(0, MAX_WORD_CHARS))
    .filter((w) => HAS_WORD.test(w))
    .slice(0, MAX_PHRASE_WORDS);
  if (words.length === 0) return undefined;
  return words.length === 1 ? { kind: 'word', text: words[0]!, prefix: false } : { kind: 'phrase', words };
}

/** Both engines fold case, so "NATO nato" asks for one word (kept as first typed). */
function sameClause(a: SearchClause, b: SearchClause): boolean {
  return JSON.stringify(a).toLowerCase() === JSON.stringify(b).toLowerCase();
}

/** The query as text again (for the search box and feed titles), in the syntax it was read with. */
export function formatSearchQuery(query: ParsedSearch): string {
  const clause = (c: SearchClause) => (c.kind === 'phrase' ? `"${c.words.join(' ')}"` : `${c.text}${c.prefix ? '*' : ''}`);
  return [...query.include.map(clause), ...query.exclude.map((c) => `-${clause(c)}`)].join(' ');
}
