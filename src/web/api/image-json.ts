import type { z } from '@hono/zod-openapi';
import { shownImage, type LeadImage } from '../../domain/lead-image.js';
import type { ImageUrls } from '../images/image-urls.js';
import type { leadImageSchema } from './api-schemas.js';

/** Width of the picture URL the API gives: large enough for a partner's article page. */
const API_IMAGE_WIDTH = 1280;

/** A lead image as the API shows it: only a measured one, and only where this site serves images. */
export function leadImageJson(image: LeadImage | null | undefined, urls: ImageUrls | undefined, publicUrl: string): z.infer<typeof leadImageSchema> | null {
  const shown = shownImage(image);
  if (!shown || !image || !urls) return null;
  const width = [...urls.widths].reverse().find((w) => w <= Math.min(API_IMAGE_WIDTH, shown.width)) ?? urls.widths[0]!;
  return {
    url: `${publicUrl}${urls.src(image.url, width)}`,
    sourceUrl: image.url,
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
    width: shown.width,
    height: shown.height,
  };
}
