import { LRUCache } from 'lru-cache';
import type { ChangeFeed } from '../../store/store.js';

/** One encoding of a cached page, with the validator that names exactly these bytes. */
export interface Variant {
  body: Buffer;
  etag: string;
  /** Content-Encoding, or undefined for identity. */
  encoding?: 'gzip' | 'br';
  /** Header names and values, flat, for a 200 and for a 304 of this variant: built once, sent many times. */
  wire?: { ok: string[]; notModified: string[] };
}

/** A rendered page as it is sent: status, headers, and each encoding compressed once. */
export interface CachedPage {
  status: number;
  /** Every response header except the per-variant ones (ETag, Content-Encoding, Content-Length). */
  headers: [string, string][];
  identity: Variant;
  gzip?: Variant;
  br?: Variant;
  lastModified: string;
  /** The route pattern that rendered it, so a fast-path hit is counted under its route (/metrics). */
  route?: string;
}

const sizeOf = (page: CachedPage) =>
  page.identity.body.length + (page.gzip?.body.length ?? 0) + (page.br?.body.length ?? 0) + 512;

/**
 * Rendered pages kept in memory on this node, bounded in bytes (all variants counted),
 * least recently used first out. Each page carries tags (`article:12`, `story:12`,
 * `scope:latest`…); a change to any of them drops the page at once.
 */
export class PageCache {
  private readonly pages: LRUCache<string, CachedPage> | undefined;
  private readonly keysByTag = new Map<string, Set<string>>();
  private readonly tagsByKey = new Map<string, string[]>();
  /** Moves on every invalidation: a render that began before one is not stored. */
  generation = 0;
  /** When this node last heard of any change: every page's Last-Modified. */
  lastChange = Date.now();

  constructor(readonly maxBytes: number) {
    if (maxBytes > 0) {
      this.pages = new LRUCache<string, CachedPage>({
        maxSize: maxBytes,
        sizeCalculation: sizeOf,
        dispose: (_page, key) => this.forgetTags(key),
      });
    }
  }

  get enabled(): boolean {
    return this.pages !== undefined;
  }

  get(key: string): CachedPage | undefined {
    return this.pages?.get(key);
  }

  /**
   * Keeps a page unless anything changed since `generation` (its data may be stale), for at
   * most `ttlMs` when given: pages showing "2 hours ago" or a popularity ranking age without
   * any change to announce.
   */
  set(key: string, page: CachedPage, tags: readonly string[], generation: number, ttlMs?: number): void {
    if (!this.pages || generation !== this.generation || sizeOf(page) > this.maxBytes / 4) return;
    this.pages.set(key, page, ttlMs ? { ttl: ttlMs } : undefined);
    this.tagsByKey.set(key, [...tags]);
    for (const tag of tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  /** Drops every page carrying one of these tags; `*` drops them all. */
  invalidate(tags: readonly string[]): void {
    this.generation++;
    this.lastChange = Date.now();
    if (!this.pages) return;
    if (tags.includes('*')) {
      this.pages.clear();
      return;
    }
    for (const tag of tags) {
      for (const key of [...(this.keysByTag.get(tag) ?? [])]) this.pages.delete(key);
    }
  }

  /** Bytes held, all variants counted. */
  get size(): number {
    return this.pages?.calculatedSize ?? 0;
  }

  private forgetTags(key: string): void {
    for (const tag of this.tagsByKey.get(key) ?? []) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
    this.tagsByKey.delete(key);
  }
}

/** A page cache that drops pages as the store announces changes, from any process. */
export function connectPageCache(changes: ChangeFeed, maxBytes: number): PageCache {
  const cache = new PageCache(maxBytes);
  changes.subscribe((tags) => cache.invalidate(tags));
  return cache;
}
