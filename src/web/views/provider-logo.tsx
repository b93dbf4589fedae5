import type { ProviderLogo } from '../../domain/provider.js';
import type { ImageUrls } from '../images/image-urls.js';

/** The height a logo is shown at, in CSS pixels (public/site.css `.provider-logo`), and its widest. */
const LOGO_HEIGHT_PX = 40;
const LOGO_MAX_WIDTH_PX = 160;

/**
 * A provider's logo through the image endpoint, beside its name (so `alt` is empty: the name
 * is already there to read). It is drawn 40 px high and at most 160 px wide, its measured
 * size keeps its place while it loads, and `sizes` lets the browser take the smallest width.
 */
export function ProviderLogoImage(props: { logo: ProviderLogo | null; urls: ImageUrls | undefined; class?: string }) {
  const { logo, urls } = props;
  if (!logo || !urls) return null;
  const shownWidth = Math.min(LOGO_MAX_WIDTH_PX, Math.ceil((LOGO_HEIGHT_PX * logo.width) / logo.height));
  const { src, srcset } = urls.responsive(logo.source, logo.width, shownWidth * 2);
  return (
    <img
      class={['provider-logo', props.class].filter(Boolean).join(' ')}
      src={src}
      srcset={srcset}
      sizes={`${shownWidth}px`}
      width={logo.width}
      height={logo.height}
      alt=""
      decoding="async"
    />
  );
}
