import { inspectImage } from './read-image.js';

/** A logo file's largest size: a logo is small, and this keeps a form post small. */
export const LOGO_MAX_BYTES = 1024 * 1024;
/** A logo's largest picture: 4 megapixels is a 2,000 × 2,000 logo, far more than pages show. */
export const LOGO_MAX_PIXELS = 4_000_000;
/** A logo's smallest side: anything smaller is a favicon, blurred at any size a page shows. */
export const LOGO_MIN_SIDE = 16;

/** An uploaded logo that can be kept, with its upright size, or why it cannot, in words for the editor. */
export type CheckedLogo = { kind: 'logo'; bytes: Uint8Array; width: number; height: number } | { kind: 'refused'; reason: string };

/**
 * Checks an uploaded logo as the image endpoint will read it: within the byte and pixel limits
 * (checked from the header before any decoding: no decompression bomb), a JPEG, PNG, WebP,
 * GIF, AVIF or TIFF that decodes whole. SVG is refused: it is a document that can carry
 * script. Pages never show the file itself, only variants the endpoint re-encodes without its
 * metadata, so what a hostile file could hide in its metadata goes no further.
 */
export async function checkLogo(bytes: Uint8Array, maxPixels = LOGO_MAX_PIXELS): Promise<CheckedLogo> {
  if (bytes.length === 0) return { kind: 'refused', reason: 'Choose a picture file to upload.' };
  if (bytes.length > LOGO_MAX_BYTES) return { kind: 'refused', reason: `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; a logo may be at most 1 MB.` };
  const inspected = await inspectImage(bytes, Math.min(maxPixels, LOGO_MAX_PIXELS));
  if (inspected.kind === 'refused') {
    const svg = /^\s*(<\?xml|<svg|<!DOCTYPE svg)/i.test(Buffer.from(bytes.subarray(0, 200)).toString('latin1'));
    return { kind: 'refused', reason: svg ? 'SVG is not accepted (it can carry script): upload a PNG, JPEG or WebP.' : `This file cannot be used: ${inspected.reason}. Upload a PNG, JPEG, WebP, GIF or AVIF.` };
  }
  if (Math.min(inspected.width, inspected.height) < LOGO_MIN_SIDE) {
    return { kind: 'refused', reason: `The picture is ${inspected.width} × ${inspected.height} pixels; a logo needs at least ${LOGO_MIN_SIDE} on each side.` };
  }
  return { kind: 'logo', bytes, width: inspected.width, height: inspected.height };
}
