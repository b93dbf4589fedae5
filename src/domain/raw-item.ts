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
  /** The lead image the source names (enclosure, media:content, og:image, ninjs association…). */
  image: RawImage | null;
  /**
   * What the agency says may be done with the item (ninjs/NewsML `pubStatus`): `usable` (the
   * default) is published; `canceled` and `withheld` take a stored story down; `embargoed`
   * is held until `embargoedUntil`.
   */
  pubStatus?: PubStatus;
  /** Not to be published before this time (ninjs `embargoed`, NewsML-G2 `itemMeta/embargoed`). */
  embargoedUntil?: Date | null;
  /** The agency's copyright line and usage terms, shown with the story. */
  rights?: ItemRights | null;
  /** What the agency's newsroom said of the item besides the story (ninjs slugline, priority, extra …). */
  agencyMeta?: AgencyMeta | null;
}

/**
 * A newsroom's own labels for an item, kept with the story for editors and later use but not
 * shown to readers: the slugline (the desk's short name for the story), IPTC priority and
 * urgency (1 most, 9 least), keywords, the places it is about, and the newsroom's custom
 * `extra` fields as sent.
 */
export interface AgencyMeta {
  slugline?: string;
  priority?: number;
  urgency?: number;
  keywords?: string[];
  places?: string[];
  extra?: Record<string, unknown>;
}

/** An agency item's publishing status (IPTC NewsCodes "pubstatusg2", ninjs `pubstatus`). */
export type PubStatus = 'usable' | 'canceled' | 'withheld' | 'embargoed';

/** Copyright and usage terms as the agency words them. */
export interface ItemRights {
  copyrightNotice: string | null;
  usageTerms: string | null;
}

/**
 * A picture as a provider describes it, before Gazette has fetched it. Only `url` is
 * required; the rest is whatever the source format carries.
 */
export interface RawImage {
  url: string;
  /** Alternative text for readers who cannot see the picture. */
  alt: string | null;
  caption: string | null;
  /** Photographer / agency, e.g. "Reuters/Jane Doe". */
  credit: string | null;
  /** Pixel size the source declares (not trusted: the image endpoint measures). */
  width: number | null;
  height: number | null;
}

/** A RawImage with only a URL known; null when there is no URL. */
export function rawImage(url: string | null | undefined, details: Partial<Omit<RawImage, 'url'>> = {}): RawImage | null {
  if (!url) return null;
  return { url, alt: null, caption: null, credit: null, width: null, height: null, ...details };
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
    image: null,
  };
}
