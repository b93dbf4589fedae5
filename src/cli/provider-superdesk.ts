import { randomBytes } from 'node:crypto';
import { GazetteError } from '../domain/errors.js';
import type { Provider } from '../domain/provider.js';
import { sealerFor } from '../domain/sealed-secret.js';
import { superdeskUrls, type SuperdeskDestination } from '../domain/superdesk-destination.js';
import type { Store } from '../store/store.js';
import { requireProvider } from './provider.js';

/** What `gazette provider superdesk` does: make the first token, rotate it, or revoke it. */
export type SuperdeskAction = 'create' | 'rotate' | 'revoke';

/** What a Superdesk administrator enters in the destination; the token exists only in this answer. */
export interface SuperdeskSettings {
  provider: Provider;
  resourceUrl: string;
  assetsUrl: string;
  token: string;
}

/**
 * Makes the provider's Superdesk destination token, or a new one in place of the old
 * (`rotate`). A provider that already has a working token keeps it unless asked to rotate:
 * running the command twice must not silently break the newsroom's publishing.
 */
export async function makeSuperdeskToken(store: Store, slug: string, options: { publicUrl: string; serverSecret: string; rotate: boolean }): Promise<SuperdeskSettings> {
  const provider = await requireProvider(store, slug);
  const current = await store.superdeskDestinations.find(provider.id);
  if (current && !current.revokedAt && !options.rotate) {
    throw new GazetteError(
      'VALIDATION_FAILED',
      `Provider "${slug}" already has a Superdesk token (made ${current.createdAt.toISOString()}). Gazette cannot show it again: replace it with --rotate, or stop it with --revoke.`,
    );
  }
  // 256 random bits; the prefix lets secret scanners recognise a leaked one.
  const token = `gzs_${randomBytes(32).toString('base64url')}`;
  await store.superdeskDestinations.save(provider.id, sealerFor(options.serverSecret, 'superdesk-token').seal(token));
  const urls = superdeskUrls(options.publicUrl, provider.slug);
  return { provider, resourceUrl: urls.resource, assetsUrl: urls.assets, token };
}

/** Revokes the provider's Superdesk token: its requests get 403 from now on. */
export async function revokeSuperdeskToken(store: Store, slug: string): Promise<SuperdeskDestination> {
  const provider = await requireProvider(store, slug);
  return store.superdeskDestinations.revoke(provider.id);
}
