import { fetchUrl, type FetchOptions } from '../ingest/fetch/fetch-url.js';
import { inspectImage } from './read-image.js';

/** A provider's picture fetched and checked, or why it cannot be shown (in words for people). */
export type FetchedImage = { kind: 'image'; bytes: Uint8Array; width: number; height: number } | { kind: 'failed'; reason: string };

/**
 * Fetches a provider's picture through Gazette's one fetcher (SSRF guard at every redirect,
 * time, byte and redirect limits) and checks it is a picture within the pixel limit. Every
 * failure (404, redirect to a private address, a web page, a bomb) comes back as data.
 */
export async function fetchImage(url: string, options: FetchOptions & { maxPixels: number }): Promise<FetchedImage> {
  const { maxPixels, ...fetchOptions } = options;
  const response = await fetchUrl(url, { accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8', ...fetchOptions });
  if (response.kind === 'failed') return { kind: 'failed', reason: response.reason };
  if (response.kind !== 'ok' || response.body.length === 0) return { kind: 'failed', reason: 'the server sent no picture' };
  const inspected = await inspectImage(response.body, maxPixels);
  if (inspected.kind === 'refused') return { kind: 'failed', reason: inspected.reason };
  return { kind: 'image', bytes: response.body, width: inspected.width, height: inspected.height };
}
