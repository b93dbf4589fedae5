import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets Gazette must be able to read back (a Superdesk token checks HMAC signatures, so a
 * one-way hash will not do) are kept sealed: AES-256-GCM under a key derived with HKDF-SHA256
 * (RFC 5869) from the server secret and a purpose, so each purpose has its own key and a
 * leaked database alone reveals nothing. GCM's tag also makes a tampered value fail to open
 * rather than open to something else. Sealed text: `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */
export interface Sealer {
  seal(plaintext: string): string;
  /** The plaintext, or null when the value was sealed under another key or was changed. */
  open(sealed: string): string | null;
}

/** What a sealed value is for; the purpose is bound into the key. */
export type SealPurpose = 'superdesk-token' | 'webhook-secret';

/** A sealer for one purpose, keyed from the server secret (IMAGE_SECRET or DATA_DIR/image-secret). */
export function sealerFor(serverSecret: string, purpose: SealPurpose): Sealer {
  const key = Buffer.from(hkdfSync('sha256', serverSecret, 'gazette sealed secrets', purpose, 32));
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), body].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}
