import { WEBHOOK_HEADERS, signWebhook } from '../../domain/webhook-signature.js';
import { fetchUrl, type FetchOptions } from '../../ingest/fetch/fetch-url.js';
import type { DueDelivery } from '../../store/webhook-repo.js';

/** The User-Agent of webhook deliveries. */
export const WEBHOOK_USER_AGENT = 'Gazette-Webhooks/0.1';

/** Limits of one delivery attempt, and the resolver/policy tests use. */
export type DeliveryFetchOptions = Pick<FetchOptions, 'resolve' | 'addressPolicy'> & {
  /** Time for the whole exchange. Default 10 s. */
  timeoutMs?: number;
  /** The most of a receiver's answer that is read. Default 64 KB. */
  maxResponseBytes?: number;
};

/** What one attempt came to: delivered (a 2xx), or why not. */
export interface SendOutcome {
  delivered: boolean;
  status: number | null;
  error: string | null;
  /** The receiver says it is gone (410) or the guard refused its address: no point retrying. */
  permanent: boolean;
}

/**
 * POSTs one signed delivery through Gazette's fetcher: the SSRF guard checks the address at
 * connect time (unless the endpoint was explicitly allowed private addresses), redirects are
 * not followed, and the time and the bytes read of the answer are bounded.
 */
export async function sendDelivery(delivery: DueDelivery, options: DeliveryFetchOptions = {}, now = new Date()): Promise<SendOutcome> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const result = await fetchUrl(delivery.url, {
    method: 'POST',
    body: delivery.payload,
    headers: {
      'content-type': 'application/json',
      [WEBHOOK_HEADERS.id]: delivery.eventId,
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
      // During a rotation's overlap, one signature per secret, space-separated (new first):
      // a receiver still on the old secret and one already on the new both find theirs.
      [WEBHOOK_HEADERS.signature]: delivery.secrets.map((secret) => signWebhook(secret, timestamp, delivery.payload)).join(' '),
    },
    accept: '*/*',
    userAgent: WEBHOOK_USER_AGENT,
    allowPrivate: delivery.allowPrivate,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBytes: options.maxResponseBytes ?? 64 * 1024,
    resolve: options.resolve,
    addressPolicy: options.addressPolicy,
  });
  if (result.kind !== 'failed') return { delivered: true, status: result.status, error: null, permanent: false };
  // An answer larger than the limit still said 2xx: the event arrived.
  if (result.status !== undefined && result.status >= 200 && result.status < 300) return { delivered: true, status: result.status, error: null, permanent: false };
  return { delivered: false, status: result.status ?? null, error: result.reason, permanent: result.refused === true || result.status === 410 };
}
