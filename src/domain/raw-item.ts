/**
 * What every ingest path (feed pull, push API, file import) hands to the pipeline: one item
 * as the provider sent it, in one shape, before any cleaning. Nothing here is trusted yet.
 */
export interface RawItem {
  /** The provider's own id: RSS guid, atom:id, JSON Feed id, ninjs uri. */
  guid: string | null;
  /** The item's link (canonical URL); used as the id when there is no guid. */
  url: string | null;
  headline: string;
  /** Body as HTML, unsanitized. Either this or `text` (or both) may be set. */
  html: string | null;
  /** Body as plain text (paragraphs separated by blank or single line breaks). */
  text: string | null;
  summary: string | null;
  byline: string | null;
  /** e.g. "(MENAFN)", "WIESBADEN, Germany". */
  dateline: string | null;
  /** Language the provider declared, if any. */
  language: string | null;
  publishedAt: Date | null;
  updatedAt: Date | null;
  /** Category terms the provider declared, as sent (mapped to our taxonomy in enrich). */
  categories: string[];
  /** Lead image URL, when the source names one. */
  imageUrl?: string | null;
}

/** A RawItem with every optional field empty; parsers spread their findings over it. */
export function emptyRawItem(headline: string): RawItem {
  return {
    guid: null,
    url: null,
    headline,
    html: null,
    text: null,
    summary: null,
    byline: null,
    dateline: null,
    language: null,
    publishedAt: null,
    updatedAt: null,
    categories: [],
    imageUrl: null,
  };
}
