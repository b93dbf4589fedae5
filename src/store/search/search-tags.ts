/**
 * What a search filter can ask of an indexed story, stored as tokens inside the full-text
 * index itself so that a filter is one more posting list to intersect (never a scan of
 * matches): the language, the provider, each category. Whether the story is its story's
 * head is one of its facts too (a change of head rewrites its entry), but it is not a token:
 * nearly every entry is a head, and search checks the `head` column instead.
 */
export interface SearchTagSource {
  head: boolean;
  language: string;
  providerId: number;
  categories: readonly string[];
}

/** A filter, stored as a token of the index. */
export type SearchTag = { kind: 'language'; language: string } | { kind: 'provider'; providerId: number } | { kind: 'category'; slug: string };

/** An indexed fact: a tag, or being the story's head. */
export type SearchFact = { kind: 'head' } | SearchTag;

/** The facts of one indexed article: what its entry's signature covers. */
export function factsOf(source: SearchTagSource): SearchFact[] {
  return [
    ...(source.head ? [{ kind: 'head' } as const] : []),
    { kind: 'language', language: source.language.toLowerCase() },
    { kind: 'provider', providerId: source.providerId },
    ...source.categories.map((slug) => ({ kind: 'category', slug }) as const),
  ];
}

const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

/**
 * SQLite: one token of the FTS5 `tags` column. Hex keeps any slug one token, and the final
 * digit keeps the porter stemmer off it ("sports" and "sport" stay apart).
 */
export function sqliteTagToken(tag: SearchTag): string {
  switch (tag.kind) {
    case 'language':
      return `ql${hex(tag.language)}0`;
    case 'provider':
      return `qp${tag.providerId}0`;
    case 'category':
      return `qc${hex(tag.slug)}0`;
  }
}

/**
 * PostgreSQL: one lexeme of the document's tsvector. It starts with a space, which no
 * parser ever leaves in a lexeme, so no word a reader types can match a tag.
 */
export function postgresTagLexeme(tag: SearchTag): string {
  switch (tag.kind) {
    case 'language':
      return ` lang ${tag.language}`;
    case 'provider':
      return ` provider ${tag.providerId}`;
    case 'category':
      return ` category ${tag.slug}`;
  }
}
