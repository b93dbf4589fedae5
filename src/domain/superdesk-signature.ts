import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header Superdesk's HTTP Push transmitter signs requests in (superdesk-core `http_push.py`). */
export const SUPERDESK_SIGNATURE_HEADER = 'x-superdesk-signature';

/**
 * Superdesk's signature of a request body: `sha1=` and the hex HMAC-SHA1 of the raw bytes
 * (the JSON item, or the whole multipart body of an asset) keyed with the destination's
 * secret token.
 */
export function signSuperdeskBody(token: string, body: Uint8Array | string): string {
  return `sha1=${createHmac('sha1', token).update(body).digest('hex')}`;
}

/** Whether `header` is the signature of `body` under `token`, compared in constant time. */
export function superdeskSignatureMatches(token: string, body: Uint8Array, header: string | undefined | null): boolean {
  if (!header) return false;
  const expected = Buffer.from(signSuperdeskBody(token, body));
  const given = Buffer.from(header.trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
