import { sealerFor } from './sealed-secret.js';

/**
 * Webhook signing secrets are kept sealed in the database (`domain/sealed-secret.ts`):
 * Gazette must read them back to sign each delivery, so they cannot be hashed, but a copy
 * of the database alone must not let anyone forge deliveries to partners.
 */
export interface WebhookSecretBox {
  /** What the database keeps for a secret. */
  seal(secret: string): string;
  /** The secret, or null when it was sealed under another server secret (nodes configured apart). */
  open(stored: string): string | null;
  /** Whether a stored value is a secret from before sealing, still in plain text. */
  isPlain(stored: string): boolean;
}

/** Generated secrets start so (`generateWebhookSecret`); sealed values start with `v1.`. */
const PLAIN_PREFIX = 'whsec_';

/** The box keyed from the server secret (IMAGE_SECRET or DATA_DIR/image-secret), the same on every node. */
export function webhookSecretBox(serverSecret: string): WebhookSecretBox {
  const sealer = sealerFor(serverSecret, 'webhook-secret');
  const isPlain = (stored: string) => stored.startsWith(PLAIN_PREFIX);
  return {
    seal: (secret) => sealer.seal(secret),
    open: (stored) => (isPlain(stored) ? stored : sealer.open(stored)),
    isPlain,
  };
}
