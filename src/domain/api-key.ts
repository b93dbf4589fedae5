import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A provider's API key as Gazette keeps it: never the secret, only its hash. */
export interface ApiKey {
  id: number;
  providerId: number;
  /** The public part people see and name in `gazette provider revoke-key`. */
  keyId: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** What a new key is made of: the token is shown to the provider once and never stored. */
export interface NewApiKey {
  keyId: string;
  secretHash: string;
  /** `gzt_<keyId>_<secret>`: what the provider sends as `Authorization: Bearer …`. */
  token: string;
}

/**
 * A token's fixed prefix, so secret scanners can spot leaked keys and a key of one kind is
 * never tried as the other: `gzt` for providers' push keys, `gzp` for partners' read keys.
 */
export type ApiKeyKind = 'gzt' | 'gzp';

/** The token's shape: the prefix, the key id, the secret. */
const tokenPattern = /^(gzt|gzp)_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** Makes a new key: 48 bits of key id to look it up by, 256 bits of secret. */
export function generateApiKey(kind: ApiKeyKind = 'gzt'): NewApiKey {
  const keyId = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, secretHash: hashApiKeySecret(secret), token: `${kind}_${keyId}_${secret}` };
}

/** Splits a presented token of that kind into key id and secret, or undefined when it is not one. */
export function parseApiKeyToken(token: string, kind: ApiKeyKind = 'gzt'): { keyId: string; secret: string } | undefined {
  const m = tokenPattern.exec(token.trim());
  return m && m[1] === kind ? { keyId: m[2]!, secret: m[3]! } : undefined;
}

/**
 * SHA-256 of the secret, hex. A fast hash is right here, unlike for passwords: the secret is
 * 256 random bits, so a stolen hash cannot be brute-forced whatever the hash speed, and a
 * slow hash (bcrypt, scrypt) would only make every API request slower. No salt is needed
 * for the same reason: no two secrets repeat and there is no dictionary to precompute.
 */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatchesHash(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKeySecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
