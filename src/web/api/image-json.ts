import type { z } from '@hono/zod-openapi';
import type { LeadImage } from '../../domain/lead-image.js';
import type { PublishedImage } from '../../publish/published-image.js';
import type { ImageUrls } from '../images/image-urls.js';
import type { ProviderLogo } from '../../domain/provider.js';
import { publishedImage } from '../images/published-image.js';
import type { leadImageSchema, providerLogoSchema } from './api-schemas.js';

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

/** Width of a logo's URL in the API: enough for a partner to show it sharply at any size a logo takes. */
const API_LOGO_WIDTH = 640;

/** A provider's logo as the API shows it, or null (none, or this site serves no images). */
export function providerLogoJson(logo: ProviderLogo | null, urls: ImageUrls | undefined, publicUrl: string): z.infer<typeof providerLogoSchema> | null {
  if (!logo || !urls) return null;
  return { url: `${publicUrl}${urls.responsive(logo.source, logo.width, API_LOGO_WIDTH).src}`, width: logo.width, height: logo.height };
}
