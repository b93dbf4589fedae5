import type { z } from '@hono/zod-openapi';
import type { LeadImage } from '../../domain/lead-image.js';
import type { PublishedImage } from '../../publish/published-image.js';
import type { ImageUrls } from '../images/image-urls.js';
import { publishedImage } from '../images/published-image.js';
import type { leadImageSchema } from './api-schemas.js';

/** A lead image as the API shows it: only a measured one, and only where this site serves images. */
export function leadImageJson(image: LeadImage | null | undefined, urls: ImageUrls | undefined, publicUrl: string): z.infer<typeof leadImageSchema> | null {
  const published = publishedImage(image, urls, publicUrl);
  return published && {
    url: published.url,
    sourceUrl: published.source.url,
    alt: published.alt,
    caption: published.caption,
    credit: published.credit,
    width: published.source.width,
    height: published.source.height,
  };
}

/** The published picture behind an API image (for ninjs renditions): the same picture, measured. */
export function publishedFromJson(image: z.infer<typeof leadImageSchema> | null, urls: ImageUrls | undefined, publicUrl: string): PublishedImage | null {
  if (!image) return null;
  const { sourceUrl, alt, caption, credit, width, height } = image;
  return publishedImage({ url: sourceUrl, alt, caption, credit, status: 'ready', width, height }, urls, publicUrl, true);
}
