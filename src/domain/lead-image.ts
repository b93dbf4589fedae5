import { z } from 'zod';
import { hasUnsafeText } from './text-safety.js';

/** A story's lead picture as the provider describes it: where it is and what it shows. */
export interface LeadImageSource {
  /** The provider's absolute http(s) URL of the picture. */
  url: string;
  /** Alternative text for readers who cannot see the picture. */
  alt: string | null;
  caption: string | null;
  /** Photographer or agency, e.g. "Reuters/Jane Doe". */
  credit: string | null;
}

/**
 * Where Gazette stands with a lead image: `pending` until the image endpoint has fetched and
 * measured it, `ready` with its pixel size, `failed` when it was broken, too large, not a
 * picture or not reachable (the story then shows no picture).
 */
export type LeadImageStatus = 'pending' | 'ready' | 'failed';

/** A stored lead image: the source, and its measured size once fetched. */
export interface LeadImage extends LeadImageSource {
  status: LeadImageStatus;
  /** Pixel size Gazette measured (never the size a feed declares); null until `ready`. */
  width: number | null;
  height: number | null;
}

/** What a page needs to show a picture: only a `ready` image has one. */
export interface ShownImage {
  url: string;
  alt: string | null;
  width: number;
  height: number;
}

/** The picture a reader sees for a lead image, or null while it is pending or when it failed. */
export function shownImage(image: LeadImage | null | undefined): ShownImage | null {
  if (!image || image.status !== 'ready' || !image.width || !image.height) return null;
  return { url: image.url, alt: image.alt, width: image.width, height: image.height };
}

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !hasUnsafeText(v), 'contains control, bidi-override or zero-width characters')
    .nullable();

/** A lead image source the store accepts: an http(s) URL and short texts. */
export const leadImageSourceSchema = z.object({
  url: z
    .string()
    .max(4096)
    .url()
    .refine((v) => /^https?:\/\//i.test(v), 'must be an http or https URL'),
  alt: text(1000),
  caption: text(2000),
  credit: text(500),
});
