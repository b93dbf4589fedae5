import { createHmac, timingSafeEqual } from 'node:crypto';

/** Characters of base64url HMAC kept in a URL: 132 bits, beyond guessing. */
const SIGNATURE_LENGTH = 22;

/**
 * Where an image comes from: a provider's http(s) URL, fetched once, or `asset:<id>`, a file
 * put into the image store by Gazette itself (an upload).
 */
export type ImageSource = string;

/**
 * The path of one variant of an image: `/img/<signature>/<width>/<source, base64url>`, the
 * way imgproxy and Thumbor sign theirs. The HMAC-SHA256 covers width and source, so only
 * URLs Gazette wrote are served: the endpoint is no open proxy, and nobody can ask it for
 * sizes it never offered.
 */
export function signedImagePath(secret: string, source: ImageSource, width: number): string {
  const encoded = Buffer.from(source, 'utf8').toString('base64url');
  return `/img/${signature(secret, width, encoded)}/${width}/${encoded}`;
}

/** The source a signed path names, or null when the signature does not match (tampered or forged). */
export function verifyImagePath(secret: string, sig: string, width: number, encoded: string): ImageSource | null {
  const expected = Buffer.from(signature(secret, width, encoded));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(encoded, 'base64url').toString('utf8');
}

function signature(secret: string, width: number, encoded: string): string {
  return createHmac('sha256', secret).update(`${width}/${encoded}`).digest('base64url').slice(0, SIGNATURE_LENGTH);
}
