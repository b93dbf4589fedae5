import { shownImage, type LeadImage, type ShownImage } from '../../domain/lead-image.js';
import type { PublishedImage } from '../../publish/published-image.js';
import type { ImageUrls } from './image-urls.js';

/** Width of the picture feeds and the API name: large enough for a partner's article page. */
export const SYNDICATED_IMAGE_WIDTH = 1280;

/**
 * What the image endpoint sends a client whose `Accept` names neither AVIF nor WebP (feed
 * readers, crawlers): it negotiates those two and otherwise answers JPEG.
 */
const DEFAULT_IMAGE_TYPE = 'image/jpeg';

/** The widths offered for a picture `intrinsicWidth` wide: never an enlargement, but at least the smallest. */
function offeredWidths(urls: ImageUrls, intrinsicWidth: number): number[] {
  const fits = urls.widths.filter((w) => w <= intrinsicWidth);
  return fits.length > 0 ? fits : urls.widths.slice(0, 1);
}

/** The width syndication names for a picture: the widest offered up to SYNDICATED_IMAGE_WIDTH. */
function syndicatedWidth(urls: ImageUrls, intrinsicWidth: number): number {
  const offered = offeredWidths(urls, intrinsicWidth);
  return [...offered].reverse().find((w) => w <= SYNDICATED_IMAGE_WIDTH) ?? offered[0]!;
}

/** A variant's pixel size: resized to `width`, the aspect ratio kept, never enlarged. */
function sizeAt(shown: ShownImage, width: number): { width: number; height: number } {
  const w = Math.min(width, shown.width);
  return { width: w, height: Math.max(1, Math.round((shown.height * w) / shown.width)) };
}

/**
 * A lead picture as feeds, the API, ninjs and sitemaps publish it: this site's signed copy
 * (partners and crawlers never fetch from the provider through us unsigned), with every
 * offered size (only `withRenditions`: each is an HMAC, and only ninjs lists them). Null while
 * it is pending, when it failed, or when this site serves no images.
 */
export function publishedImage(image: LeadImage | null | undefined, urls: ImageUrls | undefined, publicUrl: string, withRenditions = false): PublishedImage | null {
  const shown = shownImage(image);
  if (!shown || !image || !urls) return null;
  const width = syndicatedWidth(urls, shown.width);
  return {
    url: `${publicUrl}${urls.src(image.url, width)}`,
    type: DEFAULT_IMAGE_TYPE,
    ...sizeAt(shown, width),
    renditions: withRenditions ? offeredWidths(urls, shown.width).map((w) => ({ href: `${publicUrl}${urls.src(image.url, w)}`, ...sizeAt(shown, w) })) : [],
    source: { url: image.url, width: shown.width, height: shown.height },
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
  };
}

/** The URL of a teaser's picture at the syndicated width (sitemaps), or null when there is none to show. */
export function publishedImageUrl(shown: ShownImage | null | undefined, urls: ImageUrls | undefined, publicUrl: string): string | null {
  if (!shown || !urls) return null;
  return `${publicUrl}${urls.src(shown.url, syndicatedWidth(urls, shown.width))}`;
}
