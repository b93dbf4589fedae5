/**
 * A story's lead picture as syndication shows it: a copy partners may fetch from this site,
 * the sizes it is offered in, the provider's original, and what it shows and who took it.
 * Only a picture Gazette has fetched and measured is published, so every size is known.
 */
export interface PublishedImage {
  /** The picture on this site, in the size feeds name (absolute URL). */
  url: string;
  /** The media type a client that names no preference gets from the image endpoint. */
  type: string;
  width: number;
  height: number;
  /** Every size the image endpoint offers for it, smallest first (ninjs renditions); empty where not asked for. */
  renditions: { href: string; width: number; height: number }[];
  /** The picture as the provider named it, with its measured size. */
  source: { url: string; width: number; height: number };
  alt: string | null;
  caption: string | null;
  /** Photographer or agency, e.g. "Reuters/Jane Doe". */
  credit: string | null;
}
