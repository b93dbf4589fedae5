import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Header names of a signed delivery (see README, Webhooks). */
export const WEBHOOK_HEADERS = {
  id: 'gazette-webhook-id',
  timestamp: 'gazette-webhook-timestamp',
  signature: 'gazette-webhook-signature',
} as const;

/** How far a delivery's timestamp may be from the receiver's clock before it is refused as a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** A new endpoint secret: 32 random bytes, shown to the partner once. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * The signature of one delivery: HMAC-SHA256 with the endpoint's secret over
 * "<timestamp>.<body>", hex, prefixed "v1=". Signing the timestamp with the body is what
 * stops a captured delivery being replayed later with a fresh timestamp.
 */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does with a delivery: recompute the signature over the raw body and the
 * timestamp header, compare in constant time, and refuse a timestamp outside the tolerance.
 * Answers why a delivery is refused, or null when it is genuine.
 */
export function verifyWebhook(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): string | null {
  const timestamp = Number(headers.timestamp);
  if (!headers.timestamp || !/^\d{1,12}$/.test(headers.timestamp)) return 'no valid timestamp header';
  if (Math.abs(nowSeconds - timestamp) > WEBHOOK_TOLERANCE_SECONDS) return 'the timestamp is too old or too far ahead (replay?)';
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  // A header may carry several signatures (during a secret rotation); any one may match.
  const offered = (headers.signature ?? '').split(/[ ,]+/).filter(Boolean);
  const match = offered.some((s) => {
    const b = Buffer.from(s);
    return b.length === expected.length && timingSafeEqual(b, expected);
  });
  return match ? null : 'the signature does not match';
}
