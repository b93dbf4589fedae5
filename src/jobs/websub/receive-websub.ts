import { timingSafeEqual } from 'node:crypto';
import type { Feed } from '../../domain/feed.js';
import { parseFeed } from '../../ingest/parse-feed.js';
import type { IngestService, IngestSummary } from '../../pipeline/run-ingest.js';
import type { Store } from '../../store/store.js';
import { updateRhythm } from '../feed-rhythm.js';
import { feedFullText } from '../poll-feed.js';
import type { ScheduleRules } from '../schedule-rules.js';
import { isSignatureHeader, signatureMatches } from './websub-signature.js';

/** An answer for the hub: HTTP status and a short text body. */
export interface HubAnswer {
  status: 200 | 202 | 400 | 403 | 404 | 413;
  body: string;
  summary?: IngestSummary;
}

/** Leases Gazette records, in seconds: a longer offer is cut to the maximum (renewal then comes sooner, never later). */
export const leaseBounds = { maxSeconds: 10 * 86_400, defaultSeconds: 86_400 } as const;

/**
 * The lease to record for a hub's `hub.lease_seconds` (W3C WebSub §5.3): the default when it
 * names none or something that is not a positive number, else at most the maximum — a 100-year
 * (or 1e308-second) lease would otherwise stop renewal for good or overflow the date.
 */
export function boundedLeaseSeconds(raw: string | undefined): number {
  const seconds = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) return leaseBounds.defaultSeconds;
  return Math.min(Math.max(Math.floor(seconds), 1), leaseBounds.maxSeconds);
}

/**
 * The feed a callback URL names, when its token is that subscription's (compared in constant
 * time); undefined for an unknown feed, a feed without a subscription or a wrong token, so
 * a caller cannot tell which of the three it got.
 */
export async function findSubscribedFeed(store: Store, feedId: number, token: string): Promise<Feed | undefined> {
  const feed = await store.feeds.findById(feedId);
  if (!feed?.websubToken) return undefined;
  const given = Buffer.from(token);
  const expected = Buffer.from(feed.websubToken);
  return given.length === expected.length && timingSafeEqual(given, expected) ? feed : undefined;
}

/**
 * Answers a hub's verification of intent (W3C WebSub §5.3): echo `hub.challenge` only when
 * Gazette really asked for this subscription — right feed, right token, right topic —
 * otherwise anyone could subscribe us to anything. A lease starts here, bounded;
 * `denied` (§5.2) drops the pending subscription.
 */
export async function confirmIntent(store: Store, feedId: number, token: string, query: Record<string, string | undefined>, now: Date): Promise<HubAnswer> {
  const feed = await findSubscribedFeed(store, feedId, token);
  if (!feed) return { status: 404, body: 'no such subscription' };
  const mode = query['hub.mode'];
  const topic = query['hub.topic'];
  if (mode === 'denied') {
    if (topic !== feed.websubTopic) return { status: 404, body: 'not our topic' };
    await store.feeds.update(feed.id, { websubHub: null, websubTopic: null, websubSecret: null, websubToken: null, websubLeaseUntil: null });
    return { status: 200, body: 'ok' };
  }
  const challenge = query['hub.challenge'];
  if (!challenge || (mode !== 'subscribe' && mode !== 'unsubscribe')) return { status: 400, body: 'hub.mode and hub.challenge are required' };
  if (topic !== feed.websubTopic) return { status: 404, body: 'not our topic' };
  if (mode === 'subscribe') {
    if (!feed.websubHub || !feed.websubSecret) return { status: 404, body: 'no such subscription was requested' };
    const lease = boundedLeaseSeconds(query['hub.lease_seconds']);
    await store.feeds.update(feed.id, { websubLeaseUntil: new Date(now.getTime() + lease * 1000) });
    return { status: 200, body: challenge };
  }
  // Gazette never asks to unsubscribe from a subscription it still holds.
  return { status: 404, body: 'still subscribed' };
}

/**
 * Checks a content distribution POST (W3C WebSub §7-8) before its body is read: the callback
 * must name a subscription that is pending or whose lease runs, and carry a signature header.
 * Returns the feed to receive for, or the refusal.
 */
export async function admitPush(
  store: Store,
  feedId: number,
  token: string,
  signature: string | null,
  now: Date,
): Promise<{ kind: 'admitted'; feed: Feed } | { kind: 'refused'; answer: HubAnswer }> {
  const feed = await findSubscribedFeed(store, feedId, token);
  if (!feed?.websubSecret || !feed.websubHub) return { kind: 'refused', answer: { status: 404, body: 'no subscription for this callback' } };
  if (feed.websubLeaseUntil && feed.websubLeaseUntil <= now) return { kind: 'refused', answer: { status: 404, body: 'the subscription has expired' } };
  if (!isSignatureHeader(signature)) {
    return { kind: 'refused', answer: { status: 403, body: 'missing or invalid X-Hub-Signature' } };
  }
  return { kind: 'admitted', feed };
}

/**
 * Takes an admitted content distribution (see `admitPush`): checks the HMAC signature with the
 * feed's secret before parsing anything, then parses and ingests the body through the same
 * ingest service as a poll (teasers completed from their pages by the feed's full-text
 * setting). Unsigned or wrongly signed content is refused and changes nothing.
 */
export async function receivePush(
  store: Store,
  feed: Feed,
  body: Uint8Array,
  headers: { signature: string | null; contentType: string | null },
  now: Date,
  rules: Pick<ScheduleRules, 'quietFactor' | 'minQuietMs'>,
  ingest: IngestService,
): Promise<HubAnswer> {
  if (!feed.websubSecret || !signatureMatches(headers.signature, body, feed.websubSecret)) return { status: 403, body: 'missing or invalid X-Hub-Signature' };
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
