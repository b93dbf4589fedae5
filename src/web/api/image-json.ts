import type { z } from '@hono/zod-openapi';
import { shownImage, type LeadImage } from '../../domain/lead-image.js';
import type { ImageUrls } from '../images/image-urls.js';
import type { ProviderLogo } from '../../domain/provider.js';
import type { leadImageSchema, providerLogoSchema } from './api-schemas.js';

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

/** Width of a logo's URL in the API: enough for a partner to show it sharply at any size a logo takes. */
const API_LOGO_WIDTH = 640;

/** A provider's logo as the API shows it, or null (none, or this site serves no images). */
export function providerLogoJson(logo: ProviderLogo | null, urls: ImageUrls | undefined, publicUrl: string): z.infer<typeof providerLogoSchema> | null {
  if (!logo || !urls) return null;
  return { url: `${publicUrl}${urls.responsive(logo.source, logo.width, API_LOGO_WIDTH).src}`, width: logo.width, height: logo.height };
}
