import sharp, { type Metadata, type Sharp } from 'sharp';
import { contentTypes, type OutputFormat } from './image-format.js';

/** Picture formats Gazette takes from providers. SVG is not one: it is a document that can carry script and links. */
const INPUT_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);

/** A decodable picture and its upright pixel size. */
export type InspectedImage = { kind: 'image'; width: number; height: number; format: string } | { kind: 'refused'; reason: string };

/**
 * Checks that bytes are a whole picture Gazette can show, within `maxPixels`: the format
 * from its header, the pixel count before any decoding (a decompression bomb is refused
 * unread: sharp's `limitInputPixels`), then a full decode at a tiny size (libvips shrinks on
 * load), which finds a truncated or corrupt file.
 */
export async function inspectImage(bytes: Uint8Array, maxPixels: number): Promise<InspectedImage> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { kind: 'refused', reason: 'it is not a picture (no image format recognised)' };
  }
  if (!meta.format || !INPUT_FORMATS.has(meta.format)) return { kind: 'refused', reason: `${meta.format ?? 'this'} is not a picture format Gazette shows` };
  const { width, height } = meta;
  if (!width || !height) return { kind: 'refused', reason: 'the picture has no size' };
  if (width * height > maxPixels) {
    return { kind: 'refused', reason: `the picture has ${(width * height / 1e6).toFixed(1)} megapixels, more than the ${(maxPixels / 1e6).toFixed(1)} allowed` };
  }
  try {
    await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' }).resize({ width: 16 }).raw().toBuffer();
  } catch (error) {
    return { kind: 'refused', reason: `the picture cannot be decoded (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
  // EXIF orientations 5–8 turn the picture a quarter: its upright size is the other way round.
  const turned = (meta.orientation ?? 1) >= 5;
  return { kind: 'image', width: turned ? height : width, height: turned ? width : height, format: meta.format };
}

/** Quality settings for photos at screen sizes: visually close to the source, a fraction of its bytes. */
const encoders: Record<OutputFormat, (image: Sharp) => Sharp> = {
  // effort 2 of 9: AVIF encoding is the costly step; higher efforts save a few percent at several times the CPU.
  avif: (image) => image.avif({ quality: 50, effort: 2 }),
  webp: (image) => image.webp({ quality: 75 }),
  jpeg: (image) => image.flatten({ background: '#ffffff' }).jpeg({ quality: 78, mozjpeg: true, progressive: true }),
};

/**
 * One variant of a picture: upright (EXIF orientation applied), at most `width` pixels wide
 * (never enlarged), in `format`, with its metadata (EXIF, GPS position) left out.
 */
export async function resizeImage(bytes: Uint8Array, options: { width: number; format: OutputFormat; maxPixels: number }): Promise<{ bytes: Buffer; contentType: string }> {
  const image = sharp(bytes, { limitInputPixels: options.maxPixels, failOn: 'error', animated: false })
    .rotate()
    .resize({ width: options.width, withoutEnlargement: true });
  return { bytes: await encoders[options.format](image).toBuffer(), contentType: contentTypes[options.format] };
}
