import { createHmac, timingSafeEqual } from 'node:crypto';

const algorithms = new Set(['sha1', 'sha256', 'sha384', 'sha512']);
const headerPattern = /^\s*(sha1|sha256|sha384|sha512)=([0-9a-f]+)\s*$/i;

/** Whether an `X-Hub-Signature` header has the right form, before any body is read to check it. */
export function isSignatureHeader(header: string | null | undefined): boolean {
  return headerPattern.test(header ?? '');
}

/**
 * Checks `X-Hub-Signature: <method>=<hex HMAC of the body>` (W3C WebSub §8 "Authenticated
 * Content Distribution") against the subscription's secret, in constant time.
 */
export function signatureMatches(header: string | null | undefined, body: Uint8Array, secret: string): boolean {
  const match = headerPattern.exec(header ?? '');
  if (!match) return false;
  const algorithm = match[1]!.toLowerCase();
  if (!algorithms.has(algorithm)) return false;
  const expected = createHmac(algorithm, secret).update(body).digest();
  const given = Buffer.from(match[2]!.toLowerCase(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Signs a body the way a hub does; for hubs in tests and benchmarks. */
export function signBody(body: Uint8Array | string, secret: string, algorithm = 'sha256'): string {
  return `${algorithm}=${createHmac(algorithm, secret).update(body).digest('hex')}`;
}
