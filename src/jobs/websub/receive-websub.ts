import { parseFeed } from '../../ingest/parse-feed.js';
import type { IngestService, IngestSummary } from '../../pipeline/run-ingest.js';
import type { Store } from '../../store/store.js';
import { updateRhythm } from '../feed-rhythm.js';
import { feedFullText } from '../poll-feed.js';
import type { ScheduleRules } from '../schedule-rules.js';
import { signatureMatches } from './websub-signature.js';

/** An answer for the hub: HTTP status and a short text body. */
export interface HubAnswer {
  status: 200 | 202 | 400 | 403 | 404 | 413;
  body: string;
  summary?: IngestSummary;
}

/**
 * Answers a hub's verification of intent (W3C WebSub §5.3): echo `hub.challenge` only when
 * Gazette really asked for this (feed, topic) — otherwise anyone could subscribe us to
 * anything. A lease starts here; `denied` (§5.2) drops the pending subscription.
 */
export async function confirmIntent(store: Store, feedId: number, query: Record<string, string | undefined>, now: Date): Promise<HubAnswer> {
  const feed = await store.feeds.findById(feedId);
  if (!feed) return { status: 404, body: 'unknown feed' };
  const mode = query['hub.mode'];
  const topic = query['hub.topic'];
  if (mode === 'denied') {
    if (topic !== feed.websubTopic) return { status: 404, body: 'not our topic' };
    await store.feeds.update(feed.id, { websubHub: null, websubTopic: null, websubSecret: null, websubLeaseUntil: null });
    return { status: 200, body: 'ok' };
  }
  const challenge = query['hub.challenge'];
  if (!challenge || (mode !== 'subscribe' && mode !== 'unsubscribe')) return { status: 400, body: 'hub.mode and hub.challenge are required' };
  if (mode === 'subscribe') {
    if (!feed.websubHub || !feed.websubSecret || topic !== feed.websubTopic) return { status: 404, body: 'no such subscription was requested' };
    const leaseSeconds = Number(query['hub.lease_seconds']);
    // A hub that names no lease gets one day: the poll then renews it.
    const lease = Number.isFinite(leaseSeconds) && leaseSeconds > 0 ? leaseSeconds : 86_400;
    await store.feeds.update(feed.id, { websubLeaseUntil: new Date(now.getTime() + lease * 1000) });
    return { status: 200, body: challenge };
  }
  // Unsubscribing is confirmed only when Gazette holds no subscription for this topic.
  if (feed.websubTopic === topic && feed.websubHub) return { status: 404, body: 'still subscribed' };
  return { status: 200, body: challenge };
}

/**
 * Takes a content distribution POST (W3C WebSub §7-8): checks the HMAC signature with the
 * feed's secret, then parses and ingests the body through the same ingest service as a poll
 * (teasers completed from their pages by the feed's full-text setting).
 * Unsigned or wrongly signed content is refused and changes nothing.
 */
export async function receivePush(
  store: Store,
  feedId: number,
  body: Uint8Array,
  headers: { signature: string | null; contentType: string | null },
  now: Date,
  rules: Pick<ScheduleRules, 'quietFactor' | 'minQuietMs'>,
  ingest: IngestService,
): Promise<HubAnswer> {
  const feed = await store.feeds.findById(feedId);
  if (!feed?.websubSecret) return { status: 404, body: 'no subscription for this feed' };
  if (!signatureMatches(headers.signature, body, feed.websubSecret)) return { status: 403, body: 'missing or invalid X-Hub-Signature' };
  const provider = await store.providers.findById(feed.providerId);
  if (!provider) return { status: 404, body: 'the feed has no provider' };
  const parsed = parseFeed(body, { contentType: headers.contentType, url: feed.websubTopic ?? feed.url });
  if (parsed.kind === 'rejected') {
    await store.feeds.update(feed.id, { lastError: `pushed content could not be read: ${parsed.reason}` });
    return { status: 400, body: parsed.reason };
  }
  const summary = await ingest.ingest(provider, parsed.items, { now: () => now, fullText: feedFullText(feed), allowPrivate: feed.allowPrivate });
  await store.feeds.update(feed.id, {
    itemsSeen: summary.read,
    itemsNew: summary.created,
    itemsUpdated: summary.updated,
    ...updateRhythm(feed, summary.created, now, rules),
  });
  return { status: 202, body: `read ${summary.read}, new ${summary.created}, updated ${summary.updated}`, summary };
}
