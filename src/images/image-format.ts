/** The formats the image endpoint writes: AVIF and WebP where the browser takes them, else JPEG. */
export type OutputFormat = 'avif' | 'webp' | 'jpeg';

export const contentTypes: Record<OutputFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' };

/**
 * The best format a request's `Accept` allows (RFC 9110 §12.5.1): AVIF, then WebP (both far
 * smaller than JPEG for photos), else JPEG, which every browser shows. A type given `q=0` is
 * refused. Browsers send `image/avif` and `image/webp` in their Accept for images.
 */
export function chooseImageFormat(accept: string | undefined): OutputFormat {
  const accepted = new Map<string, number>();
  for (const part of (accept ?? '').toLowerCase().split(',')) {
    const [type, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (type) accepted.set(type.trim(), q === undefined ? 1 : Number(q));
  }
  const takes = (type: string) => (accepted.get(type) ?? 0) > 0;
  if (takes('image/avif')) return 'avif';
  if (takes('image/webp')) return 'webp';
  return 'jpeg';
}
