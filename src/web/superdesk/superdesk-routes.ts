import { Hono, type Context } from 'hono';
import { isSuperdeskMediaId, superdeskAssetKey, superdeskAssetUrl } from '../../domain/superdesk-destination.js';
import { superdeskMediaIds, withStoredMedia } from '../../ingest/superdesk/superdesk-media.js';
import { imagesOf, ingestOf, type AppDeps } from '../deps.js';
import { apiError } from '../errors.js';
import { readAssetUpload } from './read-asset-upload.js';
import { receiveSuperdeskItem } from './receive-item.js';
import { destinationProvider, verifySuperdeskRequest } from './verify-superdesk-request.js';

/** Largest item Superdesk may POST: a long story with its associations is well under it. */
const MAX_ITEM_BYTES = 16 * 1024 * 1024;
/** Width of the picture a browser is sent to from an asset URL. */
const ASSET_VIEW_WIDTH = 1280;

/**
 * Superdesk's "HTTP Push" destination (see README, Publishing from Superdesk), per provider:
 * `POST /superdesk/<slug>/items` takes an item, `GET /superdesk/<slug>/assets/<media id>`
 * says whether a file is here, `POST /superdesk/<slug>/assets` takes one. POSTs are signed
 * with the destination's token; media are kept in the image store.
 */
export function superdeskRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.post('/:slug/items', async (c) => {
    const request = await verifySuperdeskRequest(deps, c, c.req.param('slug'), MAX_ITEM_BYTES);
    if (request.kind === 'refused') return request.response;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(request.body).toString('utf8'));
    } catch (error) {
      return apiError(c, 400, 'INVALID_JSON', `The body is not valid JSON: ${(error as Error).message}`);
    }
    const { provider } = request;
    // Renditions whose files were uploaded first point at Gazette's copies: no fetch from the newsroom.
    const held = new Set<string>();
    const store = deps.images?.store;
    if (store) for (const id of superdeskMediaIds(json)) if (await store.has(superdeskAssetKey(provider.slug, id))) held.add(id);
    const item = withStoredMedia(json, (id) => (held.has(id) ? superdeskAssetUrl(deps.config.publicUrl, provider.slug, id) : null));
    const received = await receiveSuperdeskItem({ store: deps.store, ingest: ingestOf(deps) }, provider, item);
    const guid = typeof (json as { guid?: unknown })?.guid === 'string' ? (json as { guid: string }).guid : null;
    deps.logger.info({ provider: provider.slug, guid, outcome: received.kind === 'invalid' ? 'invalid' : received.status, media: held.size }, 'Superdesk item received');
    if (received.kind === 'invalid') return apiError(c, 400, 'VALIDATION_FAILED', received.message, received.issues);
    if (received.kind === 'withdrawn') return c.json({ guid, status: received.status, id: received.articleId, message: received.message }, 200);
    const answer = { guid, status: received.status, id: received.articleId, url: `${deps.config.publicUrl}/article/${received.articleId}` };
    // Superdesk's transmitter wants 2xx: 201 for a new story, 200 for an update or a repeat.
    return c.json(answer, received.status === 'created' ? 201 : 200);
  });

  app.get('/:slug/assets/*', async (c) => {
    const slug = c.req.param('slug');
    const found = await destinationProvider(deps, c, slug);
    if (found.kind === 'refused') return found.response;
    c.header('Cache-Control', 'no-store');
    let mediaId = '';
    try {
      mediaId = decodeURIComponent(c.req.path.slice(`/superdesk/${slug}/assets/`.length));
    } catch {
      // A malformed escape names no asset.
    }
    const held = isSuperdeskMediaId(mediaId) && ((await deps.images?.store?.has(superdeskAssetKey(slug, mediaId))) ?? false);
    if (!held) return apiError(c, 404, 'NOT_FOUND', `No asset "${mediaId}" here yet.`);
    const urls = imagesOf(deps);
    // A browser (or feed reader) that asks for a picture is sent to the resized one; Superdesk's existence check gets a small answer.
    if (urls && /\bimage\//i.test(c.req.header('accept') ?? '')) {
      const width = [...urls.widths].reverse().find((w) => w <= ASSET_VIEW_WIDTH) ?? urls.widths[0]!;
      return c.redirect(urls.src(superdeskAssetUrl(deps.config.publicUrl, slug, mediaId), width), 303);
    }
    return c.json({ media_id: mediaId }, 200);
  });

  app.post('/:slug/assets', async (c) => uploadAsset(deps, c));
  return app;
}

/** The multipart upload of one file, verified, checked and kept under the provider's asset key. */
async function uploadAsset(deps: AppDeps, c: Context): Promise<Response> {
  const store = deps.images?.store;
  if (!store || !deps.images) return apiError(c, 503, 'STORAGE_UNAVAILABLE', 'This server keeps no images.');
  const { maxBytes, maxPixels } = deps.images.service.limits;
  // Room for base64 (4 bytes per 3) and the form's own parts around the file.
  const request = await verifySuperdeskRequest(deps, c, c.req.param('slug')!, Math.ceil(maxBytes * 4 / 3) + 64 * 1024);
  if (request.kind === 'refused') return request.response;
  const upload = await readAssetUpload(request.body, c.req.header('content-type'), { maxBytes, maxPixels });
  if (upload.kind === 'refused') {
    deps.logger.warn({ provider: request.provider.slug, code: upload.code, reason: upload.message }, 'Superdesk asset refused');
    return apiError(c, upload.status, upload.code, upload.message);
  }
  await store.put(superdeskAssetKey(request.provider.slug, upload.mediaId), upload.bytes);
  deps.logger.info({ provider: request.provider.slug, mediaId: upload.mediaId, bytes: upload.bytes.length, format: upload.format }, 'Superdesk asset stored');
  return c.json({ media_id: upload.mediaId, url: superdeskAssetUrl(deps.config.publicUrl, request.provider.slug, upload.mediaId) }, 201);
}
