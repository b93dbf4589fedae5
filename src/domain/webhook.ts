/** What partners hear about: a story version that was created, updated, taken down or restored. */
export const webhookEventKinds = ['created', 'updated', 'taken_down', 'restored'] as const;
export type WebhookEventKind = (typeof webhookEventKinds)[number];

/** Which articles an endpoint wants; an absent field matches every article. */
export interface WebhookFilter {
  /** A category slug the article carries. */
  category?: string;
  /** The provider's slug. */
  provider?: string;
  /** An entity slug the article mentions. */
  entity?: string;
  /** The article's language tag, e.g. "en". */
  language?: string;
}

/** A partner's endpoint, without its secret. */
export interface Webhook {
  id: number;
  /** The partner key (partner_keys.id) that owns it. */
  partnerKeyId: number;
  url: string;
  filter: WebhookFilter;
  /** Whether deliveries may go to loopback or private addresses (set by an operator only). */
  allowPrivate: boolean;
  createdAt: Date;
  /** Set when Gazette stopped sending after an endpoint kept failing, or an operator paused it. */
  disabledAt: Date | null;
  disabledReason: string | null;
  /** When the signing secret was last rotated; null if never. */
  secretRotatedAt: Date | null;
  /** Until when the secret before that rotation still signs deliveries too; null when it does not (or no more after that time). */
  previousSecretUntil: Date | null;
}

/** One event for one endpoint: the queue entry and its line in the delivery log. */
export interface WebhookDelivery {
  id: number;
  webhookId: number;
  eventId: string;
  eventType: string;
  articleId: number;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: Date;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** An article change waiting in the outbox to be turned into deliveries. */
export interface OutboxEvent {
  id: number;
  articleId: number;
  kind: WebhookEventKind;
  at: Date;
}
