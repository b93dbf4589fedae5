import { LRUCache } from 'lru-cache';
import type { FetchOptions } from '../ingest/fetch/fetch-url.js';
import { fetchImage } from './fetch-image.js';
import { contentTypes, type OutputFormat } from './image-format.js';
import type { ImageSource } from './image-signature.js';
import type { ImageStore } from './image-store.js';
import { inspectImage, resizeImage } from './read-image.js';

/** Limits of the image endpoint (from config). */
export interface ImageLimits {
  /** Largest original accepted, in bytes. */
  maxBytes: number;
  /** Largest original accepted, in pixels (a decompression bomb stops here). */
  maxPixels: number;
  /** Widths offered; any other is refused. */
  widths: readonly number[];
}

/** A variant ready to send, or why there is none. */
export type VariantResult = { kind: 'image'; bytes: Buffer; contentType: string } | { kind: 'failed'; reason: string };

/** A measured picture, or why it cannot be shown. */
export type ProbeResult = { kind: 'image'; width: number; height: number } | { kind: 'failed'; reason: string };

/**
 * Gazette's images: originals fetched once into the image store, resized variants made
 * once and cached beside them. The same variant asked for twice at once is made once.
 */
export interface ImageService {
  readonly limits: ImageLimits;
  /** The variant of `source` at `width` in `format`, from the cache or made now. */
  variant(source: ImageSource, width: number, format: OutputFormat): Promise<VariantResult>;
  /** Fetches (or finds) a provider's picture and measures it, keeping the original for the endpoint. */
  probe(url: string): Promise<ProbeResult>;
}

/** How long a picture that could not be had is not asked for again (a broken URL on a busy page). */
const FAILURE_TTL_MS = 10 * 60_000;
/** Resizes at once at most: each takes a core while it runs. */
const PARALLEL_RESIZES = 2;

/**
 * Builds the image service over a store, with the fetcher's options (SSRF policy, per-host cap)
 * and limits. `keptKeyOf` names the store key of a URL Gazette serves from its own store (a
 * Superdesk asset's URL): such a picture is read from disk and never fetched. `loadAsset`
 * reads an upload kept in the database (a provider's logo) on a node whose disk lacks it.
 */
export function createImageService(deps: {
  store: ImageStore;
  limits: ImageLimits;
  fetch?: Omit<FetchOptions, 'maxBytes' | 'accept'>;
  keptKeyOf?: (source: ImageSource) => string | undefined;
  /**
   * Reads an upload kept elsewhere (a provider's logo in the database), for a node whose disk
   * does not hold it yet; it is cached on this node's disk after the first read.
   */
  loadAsset?: (source: ImageSource) => Promise<Uint8Array | undefined>;
}): ImageService {
  const { store, limits } = deps;
  const inFlight = new Map<string, Promise<unknown>>();
  const failures = new LRUCache<string, string>({ max: 10_000, ttl: FAILURE_TTL_MS });
  const resizes = semaphore(PARALLEL_RESIZES);

  /** An upload this node's disk lacks, from where it is kept, cached here (its source names its content: it never changes). */
  async function loadAsset(source: ImageSource): Promise<Buffer | undefined> {
    if (!source.startsWith('asset:') || !deps.loadAsset) return undefined;
    const bytes = await deps.loadAsset(source);
    if (!bytes) return undefined;
    await store.cache(originalKey(source), bytes);
    return Buffer.from(bytes);
  }

  /** Runs `work` once for concurrent callers of the same key. */
  function once<T>(key: string, work: () => Promise<T>): Promise<T> {
    const running = inFlight.get(key) as Promise<T> | undefined;
    if (running) return running;
    const started = work().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  }

  /** The original bytes of a source: an upload in the store, or a provider's picture fetched once. */
  function original(source: ImageSource): Promise<{ kind: 'image'; bytes: Uint8Array; width: number; height: number } | { kind: 'failed'; reason: string }> {
    return once(`original:${source}`, async () => {
      const failed = failures.get(source);
      if (failed) return { kind: 'failed', reason: failed };
      const kept = deps.keptKeyOf?.(source);
      const stored = (await store.get(kept ?? originalKey(source))) ?? (await loadAsset(source));
      if (stored) {
        const inspected = await inspectImage(stored, limits.maxPixels);
        return inspected.kind === 'image' ? { kind: 'image', bytes: stored, width: inspected.width, height: inspected.height } : { kind: 'failed', reason: inspected.reason };
      }
      if (kept || source.startsWith('asset:')) return { kind: 'failed', reason: 'no such stored picture' };
      const fetched = await fetchImage(source, { ...deps.fetch, maxBytes: limits.maxBytes, maxPixels: limits.maxPixels });
      if (fetched.kind === 'failed') {
        failures.set(source, fetched.reason);
        return fetched;
      }
      await store.cache(originalKey(source), fetched.bytes);
      return fetched;
    });
  }

  return {
    limits,

    async variant(source, width, format) {
      if (!limits.widths.includes(width)) return { kind: 'failed', reason: `${width} is not an offered width` };
      const key = `variant:${width}:${format}:${source}`;
      const cached = await store.get(key);
      if (cached) return { kind: 'image', bytes: cached, contentType: contentTypes[format] };
      return once(key, async () => {
        const source_ = await original(source);
        if (source_.kind === 'failed') return source_;
        try {
          const made = await resizes(() => resizeImage(source_.bytes, { width, format, maxPixels: limits.maxPixels }));
          await store.cache(key, made.bytes);
          return { kind: 'image', ...made };
        } catch (error) {
          return { kind: 'failed', reason: `the picture could not be resized (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
        }
      });
    },

    async probe(url) {
      const found = await original(url);
      return found.kind === 'image' ? { kind: 'image', width: found.width, height: found.height } : found;
    },
  };
}

/** The store key of an original: `original:<provider URL>`, or an upload's own `asset:<id>` (put there with `ImageStore.put`). */
export function originalKey(source: ImageSource): string {
  return source.startsWith('asset:') ? source : `original:${source}`;
}

/** At most `n` tasks at once; the rest wait their turn in order. */
function semaphore(n: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
