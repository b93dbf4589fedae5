import { randomBytes } from 'node:crypto';
import { fetchUrl, type FetchOptions } from '../../ingest/fetch/fetch-url.js';
import type { Feed } from '../../domain/feed.js';
import type { Store } from '../../store/store.js';

/** Where the hub should send verification requests and content for one feed. */
export function websubCallbackUrl(publicUrl: string, feedId: number): string {
  return `${publicUrl.replace(/\/+$/, '')}/websub/${feedId}`;
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
  const sameSubscription = feed.websubHub === options.hubUrl && feed.websubTopic === options.topicUrl && feed.websubSecret;
  const secret = sameSubscription ? feed.websubSecret! : randomBytes(24).toString('hex');
  await store.feeds.update(feed.id, {
    websubHub: options.hubUrl,
    websubTopic: options.topicUrl,
    websubSecret: secret,
    ...(!sameSubscription && { websubLeaseUntil: null }),
  });
  const form = new URLSearchParams({
    'hub.mode': 'subscribe',
    'hub.topic': options.topicUrl,
    'hub.callback': websubCallbackUrl(options.publicUrl, feed.id),
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
