import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { fetchUrl, type FetchOptions } from '../../ingest/fetch/fetch-url.js';
import type { Feed } from '../../domain/feed.js';
import type { Store } from '../../store/store.js';

/**
 * Where the hub should send verification requests and content for one subscription: the
 * feed id and the subscription's unguessable token (ids are sequential; the token is not).
 */
export function websubCallbackUrl(publicUrl: string, feedId: number, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/websub/${feedId}/${token}`;
}

/**
 * Whether a hub may receive the subscription secret: only over https, or over plain http to
 * this machine itself (loopback traffic never crosses a network). A secret sent in clear
 * text lets anyone on the path sign forged content.
 */
export function hubMayReceiveSecret(hubUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(hubUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return url.protocol === 'http:' && (host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.')));
}

/** What a subscription request needs besides the feed. */
export interface SubscribeOptions {
  hubUrl: string;
  topicUrl: string;
  publicUrl: string;
  leaseSeconds?: number;
  fetch?: Pick<FetchOptions, 'timeoutMs' | 'resolve' | 'userAgent' | 'addressPolicy'>;
}

/**
 * Asks a hub to push a feed's updates to Gazette (W3C WebSub §5.1): a form POST with
 * hub.mode=subscribe, the topic, our callback and a fresh secret for signed content. The
 * subscription is active only once the hub's verification GET reaches the callback
 * (see `confirmIntent`). The pending hub, topic and secret are stored first, because the
 * hub may verify before it even answers the POST.
 */
export async function subscribeToHub(store: Store, feed: Feed, options: SubscribeOptions): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (!hubMayReceiveSecret(options.hubUrl)) {
    return { ok: false, reason: `the WebSub hub ${options.hubUrl} is not https; Gazette sends its secret only over https, so the feed is polled instead` };
  }
  const sameSubscription = feed.websubHub === options.hubUrl && feed.websubTopic === options.topicUrl && feed.websubSecret && feed.websubToken;
  const secret = sameSubscription ? feed.websubSecret! : randomBytes(24).toString('hex');
  const token = sameSubscription ? feed.websubToken! : randomBytes(24).toString('base64url');
  await store.feeds.update(feed.id, {
    websubHub: options.hubUrl,
    websubTopic: options.topicUrl,
    websubSecret: secret,
    websubToken: token,
    ...(!sameSubscription && { websubLeaseUntil: null }),
  });
  const form = new URLSearchParams({
    'hub.mode': 'subscribe',
    'hub.topic': options.topicUrl,
    'hub.callback': websubCallbackUrl(options.publicUrl, feed.id, token),
    'hub.secret': secret,
    ...(options.leaseSeconds && { 'hub.lease_seconds': String(options.leaseSeconds) }),
  });
  const answer = await fetchUrl(options.hubUrl, {
    ...options.fetch,
    method: 'POST',
    body: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    allowPrivate: feed.allowPrivate,
    maxBytes: 64 * 1024,
  });
  if (answer.kind === 'failed') return { ok: false, reason: `the WebSub hub refused the subscription: ${answer.reason}` };
  return { ok: true };
}
