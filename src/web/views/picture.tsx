import type { ShownImage } from '../../domain/lead-image.js';
import type { ImageUrls } from '../images/image-urls.js';

/**
 * A picture through Gazette's image endpoint: a `srcset` of the offered widths with `sizes`
 * (the browser picks the width it needs), `width`/`height` from the measured picture (the
 * page keeps its place while it loads: no layout shift), and `loading="lazy"` for pictures
 * below the fold. One `<img>`, not `<picture>` with a `<source>` per type: the endpoint
 * answers AVIF, WebP or JPEG by the browser's `Accept` (`Vary: Accept`), so the markup stays
 * small. `alt` is the picture's alt text; pass "" where a caption beside it says the same.
 */
export function Picture(props: {
  image: ShownImage;
  urls: ImageUrls;
  /** The CSS width the picture takes, as a `sizes` attribute, e.g. "(min-width: 44rem) 42rem, 100vw". */
  sizes: string;
  /** Below the fold: loaded when the reader scrolls near it. Above it: fetched first. */
  lazy: boolean;
  alt?: string;
  class?: string;
}) {
  const { image } = props;
  const { src, srcset } = props.urls.responsive(image.url, image.width);
  return (
    <img
      class={props.class}
      src={src}
      srcset={srcset}
      sizes={props.sizes}
      width={image.width}
      height={image.height}
      alt={props.alt ?? image.alt ?? ''}
      loading={props.lazy ? 'lazy' : undefined}
      fetchpriority={props.lazy ? undefined : 'high'}
      decoding="async"
    />
  );
}
