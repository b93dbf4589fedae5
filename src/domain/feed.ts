/** A feed Gazette pulls for a provider, with its schedule and its health. */
export interface Feed {
  id: number;
  providerId: number;
  url: string;
  title: string | null;
  /** Explicitly allowed to reach loopback/private addresses (the SSRF guard stands aside). */
  allowPrivate: boolean;
  /** The provider's items are teasers: fetch every new item's page for the full article. */
  fullText: boolean;
  pollIntervalSeconds: number;
  nextPollAt: Date;
  etag: string | null;
  lastModified: string | null;
  /** SHA-256 of the last body read in full with every item stored: the same bytes again are not parsed. */
  bodyHash: string | null;
  lastFetchAt: Date | null;
  lastSuccessAt: Date | null;
  lastStatus: number | null;
  consecutiveFailures: number;
  /** The last failure in plain words; null once a poll succeeds again. */
  lastError: string | null;
  /** Counts of the last poll that read the feed. */
  itemsSeen: number;
  itemsNew: number;
  itemsUpdated: number;
  lastNewItemAt: Date | null;
  typicalIntervalSeconds: number | null;
  /** Set while the feed has gone much longer than its usual rhythm without a new item. */
  quietSince: Date | null;
  websubHub: string | null;
  websubTopic: string | null;
  websubSecret: string | null;
  websubLeaseUntil: Date | null;
  /** The unguessable last segment of this subscription's callback URL. */
  websubToken: string | null;
  claimedBy: string | null;
  claimedUntil: Date | null;
  createdAt: Date;
  /** Set while an editor has paused the feed: the scheduler leaves it alone. */
  pausedAt: Date | null;
}

/** What registering a feed takes. */
export interface FeedInput {
  providerId: number;
  url: string;
  allowPrivate?: boolean;
  fullText?: boolean;
  pollIntervalSeconds: number;
  /** When to poll first; now by default. */
  nextPollAt?: Date;
}

/** The fields a poll, a WebSub exchange or an operator may change. */
export type FeedPatch = Partial<
  Pick<
    Feed,
    | 'url'
    | 'title'
    | 'allowPrivate'
    | 'fullText'
    | 'pollIntervalSeconds'
    | 'nextPollAt'
    | 'etag'
    | 'lastModified'
    | 'bodyHash'
    | 'lastFetchAt'
    | 'lastSuccessAt'
    | 'lastStatus'
    | 'consecutiveFailures'
    | 'lastError'
    | 'itemsSeen'
    | 'itemsNew'
    | 'itemsUpdated'
    | 'lastNewItemAt'
    | 'typicalIntervalSeconds'
    | 'quietSince'
    | 'websubHub'
    | 'websubTopic'
    | 'websubSecret'
    | 'websubLeaseUntil'
    | 'websubToken'
    | 'claimedBy'
    | 'claimedUntil'
    | 'pausedAt'
  >
>;
