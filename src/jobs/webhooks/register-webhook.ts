import { GazetteError } from '../../domain/errors.js';
import { generateWebhookSecret } from '../../domain/webhook-signature.js';
import type { Webhook, WebhookFilter } from '../../domain/webhook.js';
import { checkTargetUrl } from '../../ingest/fetch/check-target-url.js';
import type { ResolveHost } from '../../ingest/fetch/ssrf-guard.js';
import type { Store } from '../../store/store.js';
import type { WebhookSecretBox } from '../../domain/webhook-secret-box.js';

/** What a partner (API) or an operator (CLI) asks for. */
export interface WebhookRequest {
  partnerKeyId: number;
  url: string;
  filter?: WebhookFilter;
  /** Only an operator may allow loopback and private addresses (a receiver on the same network). */
  allowPrivate?: boolean;
}

/** Endpoints one partner key may hold. */
export const MAX_WEBHOOKS_PER_PARTNER = 20;

const slug = /^[a-z0-9][a-z0-9-]{0,99}$/;
const languageTag = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/**
 * Registers an endpoint: checks the URL with the fetcher's SSRF rules and the filter's
 * shape, and returns the endpoint with its signing secret, which exists only in this answer
 * and, sealed by `secrets`, in the database. Bad input is a VALIDATION_FAILED naming the field.
 */
export async function registerWebhook(
  store: Store,
  secrets: WebhookSecretBox,
  request: WebhookRequest,
  options: { resolve?: ResolveHost } = {},
): Promise<{ webhook: Webhook; secret: string }> {
  const url = request.url.trim();
  const refused = await checkTargetUrl(url, { allowPrivate: request.allowPrivate, resolve: options.resolve });
  if (refused) throw new GazetteError('VALIDATION_FAILED', `url: ${refused}.`, { details: [{ field: 'url', message: refused }] });
  const filter: WebhookFilter = {};
  for (const field of ['category', 'provider', 'entity'] as const) {
    const value = request.filter?.[field];
    if (value === undefined || value === '') continue;
    if (!slug.test(value)) throw new GazetteError('VALIDATION_FAILED', `filter.${field}: a slug of lower-case letters, digits and hyphens.`);
    filter[field] = value;
  }
  const language = request.filter?.language;
  if (language !== undefined && language !== '') {
    if (!languageTag.test(language)) throw new GazetteError('VALIDATION_FAILED', 'filter.language: a language tag such as "en" or "pt-BR".');
    filter.language = language.toLowerCase();
  }
  const existing = await store.webhooks.list(request.partnerKeyId);
  if (existing.length >= MAX_WEBHOOKS_PER_PARTNER) {
    throw new GazetteError('VALIDATION_FAILED', `A partner may register at most ${MAX_WEBHOOKS_PER_PARTNER} webhooks; remove one first.`);
  }
  const secret = generateWebhookSecret();
  const webhook = await store.webhooks.create({ partnerKeyId: request.partnerKeyId, url, secret: secrets.seal(secret), filter, allowPrivate: request.allowPrivate === true });
  return { webhook, secret };
}
