import type { Context } from 'hono';
import type { Provider } from '../../domain/provider.js';
import { sealerFor } from '../../domain/sealed-secret.js';
import { SUPERDESK_SIGNATURE_HEADER, superdeskSignatureMatches } from '../../domain/superdesk-signature.js';
import type { AppDeps } from '../deps.js';
import { apiError } from '../errors.js';
import { readLimitedBody } from '../read-limited-body.js';

/** A signed request from a provider's Superdesk: the provider and the raw body its signature covers. */
export type VerifiedRequest = { kind: 'verified'; provider: Provider; body: Uint8Array } | { kind: 'refused'; response: Response };

/**
 * The provider a Superdesk destination URL names, if its destination works: 404 for no such
 * provider or destination, 403 once revoked. Superdesk's existence check of an asset is not
 * signed, so this is all a GET can be checked for.
 */
export async function destinationProvider(deps: AppDeps, c: Context, slug: string): Promise<{ kind: 'found'; provider: Provider; sealedToken: string } | { kind: 'refused'; response: Response }> {
  const provider = await deps.store.providers.findBySlug(slug);
  const destination = provider && (await deps.store.superdeskDestinations.find(provider.id));
  if (!provider || !destination) return { kind: 'refused', response: apiError(c, 404, 'NOT_FOUND', 'No Superdesk destination here: make one with `gazette provider superdesk <slug>`.') };
  if (destination.revokedAt) return { kind: 'refused', response: apiError(c, 403, 'FORBIDDEN', 'This Superdesk destination was revoked; ask the site for a new token.') };
  return { kind: 'found', provider, sealedToken: destination.sealedToken };
}

/**
 * Reads a POST's raw body (at most `maxBytes`, counted while it is read) and checks its
 * `x-superdesk-signature` against the destination's token in constant time, before anything
 * parses it: a request without the right signature gets 403 and nothing is stored.
 */
export async function verifySuperdeskRequest(deps: AppDeps, c: Context, slug: string, maxBytes: number): Promise<VerifiedRequest> {
  const found = await destinationProvider(deps, c, slug);
  if (found.kind === 'refused') return found;
  const body = await readLimitedBody(c.req.raw, maxBytes);
  if (body.kind === 'too-large') return { kind: 'refused', response: apiError(c, 413, 'PAYLOAD_TOO_LARGE', `The request is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`) };
  const token = deps.images ? sealerFor(deps.images.secret, 'superdesk-token').open(found.sealedToken) : null;
  if (token === null) {
    // The server secret (IMAGE_SECRET) changed since the token was made: only a new token helps.
    deps.logger.error({ provider: slug }, 'the Superdesk token cannot be opened with this server secret; run `gazette provider superdesk <slug> --rotate`');
  }
  if (token === null || !superdeskSignatureMatches(token, body.bytes, c.req.header(SUPERDESK_SIGNATURE_HEADER))) {
    deps.logger.warn({ provider: slug, path: c.req.path }, 'Superdesk request refused: wrong or missing signature');
    return { kind: 'refused', response: apiError(c, 403, 'FORBIDDEN', `The ${SUPERDESK_SIGNATURE_HEADER} header is missing or does not sign this body with the destination's secret token.`) };
  }
  return { kind: 'verified', provider: found.provider, body: body.bytes };
}
