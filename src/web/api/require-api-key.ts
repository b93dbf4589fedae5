import type { Context, MiddlewareHandler } from 'hono';
import { hashApiKeySecret, parseApiKeyToken, secretMatchesHash } from '../../domain/api-key.js';
import type { AppDeps } from '../deps.js';
import { apiError } from '../errors.js';
import type { ApiEnv } from './api-env.js';

/** Recording every use would make each push also a write; a minute's precision is enough. */
const LAST_USED_PRECISION_MS = 60_000;

/** Compared against when no key has the presented id, so both failures cost the same. */
const NO_SUCH_KEY_HASH = hashApiKeySecret('no such key');

/**
 * Authenticates a provider by `Authorization: Bearer <API key>` (RFC 6750 §2.1): looks the key
 * up by its public id, compares the secret's hash in constant time, refuses revoked keys,
 * and puts the key and its provider on the context. Any failure is 401 UNAUTHORIZED.
 */
export function requireApiKey(deps: AppDeps): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = header ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
    if (!bearer) {
      return unauthorized(
        c,
        header ? 'The Authorization header must read "Bearer <API key>".' : 'This endpoint needs an API key: send "Authorization: Bearer <API key>".',
      );
    }
    const token = parseApiKeyToken(bearer[1]!);
    if (!token) return unauthorized(c, 'The API key is not valid.');
    const stored = await deps.store.apiKeys.findByKeyId(token.keyId);
    const matches = secretMatchesHash(token.secret, stored?.secretHash ?? NO_SUCH_KEY_HASH);
    if (!stored || !matches) return unauthorized(c, 'The API key is not valid.');
    if (stored.revokedAt) return unauthorized(c, 'This API key has been revoked; ask for a new one.');
    const provider = await deps.store.providers.findById(stored.providerId);
    if (!provider) return unauthorized(c, 'The API key is not valid.');

    const now = new Date();
    if (!stored.lastUsedAt || now.getTime() - stored.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
      await deps.store.apiKeys.markUsed(stored.id, now);
    }
    const { secretHash: _hash, ...key } = stored;
    c.set('apiKey', key);
    c.set('provider', provider);
    await next();
  };
}

function unauthorized(c: Context, message: string) {
  // RFC 6750 §3: a 401 names the scheme the client should use.
  c.header('WWW-Authenticate', 'Bearer realm="gazette"');
  return apiError(c, 401, 'UNAUTHORIZED', message);
}
