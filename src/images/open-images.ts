import { join } from 'node:path';
import type { Config } from '../config/load-config.js';
import { superdeskAssetKeyOf } from '../domain/superdesk-destination.js';
import type { FetchOptions } from '../ingest/fetch/fetch-url.js';
import { createImageService, type ImageService } from './image-service.js';
import { imageSecret } from './image-secret.js';
import { openImageStore, type ImageStore } from './image-store.js';

/** The image endpoint's parts, built at start by the composition root. */
export interface Images {
  service: ImageService;
  /** Where uploads are put (`asset:<id>` keys) and fetched pictures cached. */
  store: ImageStore;
  /** The key of the URLs' signatures. */
  secret: string;
}

/** Opens the image store in `DATA_DIR/images` and builds the image service from config. */
export async function openImages(
  config: Pick<Config, 'dataDir' | 'images' | 'publicUrl'>,
  fetch: Omit<FetchOptions, 'maxBytes' | 'accept'> = {},
  loadAsset?: (source: string) => Promise<Uint8Array | undefined>,
): Promise<Images> {
  const { images } = config;
  const store = await openImageStore({ dir: join(config.dataDir, 'images'), maxCacheBytes: images.cacheBytes });
  // Superdesk assets are served under this site's own URL: read from disk, never fetched.
  const keptKeyOf = (source: string) => superdeskAssetKeyOf(config.publicUrl, source);
  const service = createImageService({ store, fetch, keptKeyOf, loadAsset, limits: { maxBytes: images.maxBytes, maxPixels: images.maxPixels, widths: images.widths } });
  return { service, store, secret: await imageSecret(images.secret, config.dataDir) };
}
