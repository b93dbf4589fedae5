import { hashApiKeySecret, parseApiKeyToken, secretMatchesHash } from '../../domain/api-key.js';
import type { StoredPartnerKey } from '../../store/partner-key-repo.js';
import type { AppDeps } from '../deps.js';

/** Compared against when no key has the presented id, so both failures cost the same. */
const NO_SUCH_KEY_HASH = hashApiKeySecret('no such partner key');

/**
 * Checks an `Authorization: Bearer gzp_…` header: the partner key when it is valid and not
 * revoked, "malformed" when the header is not a partner key at all, "invalid" otherwise.
 */
export async function checkPartnerKey(deps: AppDeps, header: string): Promise<StoredPartnerKey | 'malformed' | 'invalid'> {
  const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  const token = bearer ? parseApiKeyToken(bearer[1]!, 'gzp') : undefined;
  if (!token) return 'malformed';
  const key = await deps.store.partnerKeys.findByKeyId(token.keyId);
  const matches = secretMatchesHash(token.secret, key?.secretHash ?? NO_SUCH_KEY_HASH);
  return key && matches && !key.revokedAt ? key : 'invalid';
}
