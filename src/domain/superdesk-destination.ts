/**
 * A provider's Superdesk "HTTP Push" destination: Superdesk posts items and media to the
 * provider's Resource and Assets URLs and signs each request with the secret token.
 */
export interface SuperdeskDestination {
  providerId: number;
  /** When the current token was made (by the first `gazette provider superdesk` or a rotation). */
  createdAt: Date;
  /** When the token stopped working; null while it works. */
  revokedAt: Date | null;
}

/** The destination with its token as stored: sealed, opened only to check a signature. */
export interface StoredSuperdeskDestination extends SuperdeskDestination {
  sealedToken: string;
}

/** The two URLs a Superdesk administrator enters for a provider's destination. */
export interface SuperdeskUrls {
  /** Where items are POSTed. */
  resource: string;
  /** Where media are checked (`GET {assets}/{media_id}`) and uploaded (multipart POST). */
  assets: string;
}

/** The provider's Resource and Assets URLs under the site's public URL. */
export function superdeskUrls(publicUrl: string, providerSlug: string): SuperdeskUrls {
  const base = `${publicUrl.replace(/\/+$/, '')}/superdesk/${providerSlug}`;
  return { resource: `${base}/items`, assets: `${base}/assets` };
}

/**
 * A Superdesk media id as Gazette accepts it: what Superdesk's storages make (a Mongo
 * ObjectId, an Amazon S3 key such as `20170201110216/d3ad….jpg`), URL-safe path segments
 * with no `.`/`..` segment, so the id can sit in a URL path as it is.
 */
export function isSuperdeskMediaId(value: string): boolean {
  return value.length > 0 && value.length <= 512 && /^[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*$/.test(value) && !value.split('/').some((s) => s === '.' || s === '..');
}

/** The image store key of a provider's Superdesk asset: per provider, so one newsroom can never replace another's picture. */
export function superdeskAssetKey(providerSlug: string, mediaId: string): string {
  return `asset:superdesk/${providerSlug}/${mediaId}`;
}

/** The URL a stored asset is known by in stories: the Assets URL and the media id, as Superdesk itself names it. */
export function superdeskAssetUrl(publicUrl: string, providerSlug: string, mediaId: string): string {
  return `${superdeskUrls(publicUrl, providerSlug).assets}/${mediaId}`;
}

/** The store key of a URL that names a Superdesk asset on this site, or undefined for any other URL. */
export function superdeskAssetKeyOf(publicUrl: string, url: string): string | undefined {
  const prefix = `${publicUrl.replace(/\/+$/, '')}/superdesk/`;
  if (!url.startsWith(prefix)) return undefined;
  const m = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/assets\/(.+)$/.exec(url.slice(prefix.length));
  return m && isSuperdeskMediaId(m[2]!) ? superdeskAssetKey(m[1]!, m[2]!) : undefined;
}
