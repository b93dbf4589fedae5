import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import type { GazetteMetrics } from '../observe/metrics.js';
import { createIngestService, type IngestService } from '../pipeline/run-ingest.js';
import type { Store } from '../store/store.js';
import type { PageCache } from './http-cache/page-cache.js';
import type { ImageService } from '../images/image-service.js';
import type { ImageStore } from '../images/image-store.js';
import { imageUrls, type ImageUrls } from './images/image-urls.js';
import { randomBytes } from 'node:crypto';
import { webhookSecretBox, type WebhookSecretBox } from '../domain/webhook-secret-box.js';

/** What the web layer is given by the composition root. */
export interface AppDeps {
  store: Store;
  config: Readonly<Config>;
  logger: Logger;
  /** This node's rendered pages, connected to the store's changes (`connectPageCache`); built from config when absent. */
  pageCache?: PageCache;
  /** The ingest service (on the worker pool); one on the event loop when absent (tests). */
  ingest?: IngestService;
  /**
   * The image endpoint and the server secret its URLs are signed with (sealed secrets are keyed
   * from it too); without it pages show no pictures. `store` takes uploads (Superdesk assets).
   */
  images?: { service: ImageService; secret: string; store?: ImageStore };
  /** This process's metrics; /metrics is served and requests are counted only when given. */
  metrics?: GazetteMetrics;
}

/** The app's ingest service: the one given, else one that processes on this thread. */
export function ingestOf(deps: AppDeps): IngestService {
  return deps.ingest ?? createIngestService({ store: deps.store, cluster: deps.config.clustering });
}

const urlsOf = new WeakMap<object, ImageUrls>();

/** The signer of image URLs pages use, or undefined when the app serves no images. */
export function imagesOf(deps: AppDeps): ImageUrls | undefined {
  if (!deps.images) return undefined;
  let urls = urlsOf.get(deps.images);
  if (!urls) urlsOf.set(deps.images, (urls = imageUrls(deps.images.secret, deps.images.service.limits.widths)));
  return urls;
}

const boxOf = new WeakMap<object, WebhookSecretBox>();

/**
 * What seals partners' webhook secrets: keyed from the server secret. An app built without
 * one (no images: a test's app) seals under a key of its own process, which no dispatcher
 * elsewhere can open.
 */
export function webhookSecretsOf(deps: AppDeps): WebhookSecretBox {
  let box = boxOf.get(deps);
  if (!box) boxOf.set(deps, (box = webhookSecretBox(deps.images?.secret ?? randomBytes(32).toString('base64url'))));
  return box;
}
