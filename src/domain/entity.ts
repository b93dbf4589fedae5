/** What kind of thing an entity is. */
export const entityTypes = ['person', 'organisation', 'place'] as const;
export type EntityType = (typeof entityTypes)[number];

/** A person, organisation or place, shared across articles by its slug. */
export interface Entity {
  id: number;
  slug: string;
  /** Canonical name, e.g. "Mark Rutte" (never a surname alone or a title). */
  name: string;
  type: EntityType;
}

/** An entity as found in one article: how often it is mentioned and in which roles. */
export interface EntityMention {
  slug: string;
  name: string;
  type: EntityType;
  /** Mentions in this article, counting surname-only and nationality-adjective mentions. */
  mentions: number;
  /** Titles the article gives the entity ("Secretary General", "German Chancellor"), if any. */
  role: string | null;
}

/** A direct quote and who said it. */
export interface Quote {
  text: string;
  /** Slug of the speaking entity, when it could be resolved within the article. */
  speakerSlug: string | null;
  /** The speaker's canonical name, or the words the article used ("a spokesperson"). */
  speakerName: string | null;
  /** Order of the quote in the article, from 0. */
  position: number;
}

/** A stored quote with its article, for entity pages. */
export interface StoredQuote extends Quote {
  articleId: number;
  articleSlug: string;
  articleHeadline: string;
  publishedAt: Date;
}

/** An entity with what one article says of it. */
export interface ArticleEntity extends Entity {
  mentions: number;
  role: string | null;
}

/** A quote of one article with its speaker's entity, when resolved. */
export interface ArticleQuote {
  text: string;
  position: number;
  speaker: Entity | null;
  /** The speaker as the article named them, when no entity was resolved. */
  speakerName: string | null;
}
