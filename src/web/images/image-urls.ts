import { signedImagePath, type ImageSource } from '../../images/image-signature.js';

/** Signed image endpoint URLs for pages: what a `<Picture>` and a rewritten body `<img>` point at. */
export interface ImageUrls {
  /** The widths the endpoint offers, smallest first. */
  readonly widths: readonly number[];
  /** The signed path of `source` at one offered width. */
  src(source: ImageSource, width: number): string;
  /**
   * A `srcset` of the offered widths a picture `intrinsicWidth` wide can fill (never an
   * enlargement, but at least the smallest), and the `src` for browsers without srcset.
   */
  responsive(source: ImageSource, intrinsicWidth: number | null, preferredWidth?: number): { src: string; srcset: string };
}

/** Builds the signer pages use, from the image secret and the configured widths. */
export function imageUrls(secret: string, widths: readonly number[]): ImageUrls {
  const sorted = [...widths].sort((a, b) => a - b);
  const src = (source: ImageSource, width: number) => signedImagePath(secret, source, width);
  return {
    widths: sorted,
    src,
    responsive(source, intrinsicWidth, preferredWidth = 640) {
      // A variant is never wider than its original, so widths past it would be the same picture again.
      const fits = sorted.filter((w) => intrinsicWidth === null || w <= intrinsicWidth);
      const offered = fits.length > 0 ? fits : sorted.slice(0, 1);
      const fallback = [...offered].reverse().find((w) => w <= preferredWidth) ?? offered[0]!;
      return {
        src: src(source, fallback),
        srcset: offered.map((w) => `${src(source, w)} ${intrinsicWidth !== null ? Math.min(w, intrinsicWidth) : w}w`).join(', '),
      };
    },
  };
}
