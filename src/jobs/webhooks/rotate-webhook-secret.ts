import { GazetteError } from '../../domain/errors.js';
import { generateWebhookSecret } from '../../domain/webhook-signature.js';
import type { Webhook } from '../../domain/webhook.js';
import type { Store } from '../../store/store.js';
import type { WebhookSecretBox } from '../../domain/webhook-secret-box.js';

/** How long the old secret keeps signing after a rotation unless asked otherwise: a day to switch receivers. */
export const DEFAULT_ROTATION_OVERLAP_HOURS = 24;
/** The longest overlap: a leaked secret should not stay valid for weeks. */
export const MAX_ROTATION_OVERLAP_HOURS = 7 * 24;

/**
 * Gives an endpoint a new signing secret, returned only here (shown once). For
 * `overlapHours` the old secret signs as well: each delivery carries both signatures, so a
 * receiver verifies with whichever secret it has while the partner switches, and no event
 * is refused or lost. An overlap of 0 ends the old secret at once (after a leak). The
 * database keeps it sealed by `secrets`.
 */
export async function rotateWebhookSecret(
  store: Store,
  secrets: WebhookSecretBox,
  id: number,
  options: { overlapHours?: number; now?: Date } = {},
): Promise<{ webhook: Webhook; secret: string }> {
  const hours = options.overlapHours ?? DEFAULT_ROTATION_OVERLAP_HOURS;
  if (!Number.isInteger(hours) || hours < 0 || hours > MAX_ROTATION_OVERLAP_HOURS) {
    throw new GazetteError('VALIDATION_FAILED', `overlap: a whole number of hours from 0 to ${MAX_ROTATION_OVERLAP_HOURS}.`);
  }
  const now = options.now ?? new Date();
  const secret = generateWebhookSecret();
  const webhook = await store.webhooks.rotateSecret(id, secrets.seal(secret), new Date(now.getTime() + hours * 3600_000), now);
  return { webhook, secret };
}
