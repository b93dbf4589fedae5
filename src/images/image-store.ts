import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LRUCache } from 'lru-cache';

/**
 * Gazette's image files on disk, under one folder:
 * - `kept/`: files put there on purpose (an uploaded picture, keyed by its asset id), never evicted;
 * - `cache/`: what can be made again (providers' originals fetched once, resized variants),
 *   bounded in bytes, the least recently used evicted first.
 * Keys are any text; files are named by its SHA-256, so a key can never name a path.
 */
export interface ImageStore {
  /** Keeps `bytes` under `key` until deleted (uploads). */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** Caches `bytes` under `key`; it may be evicted to stay within the size bound. */
  cache(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under `key`, kept or cached; undefined when there are none. */
  get(key: string): Promise<Buffer | undefined>;
  /** Whether bytes are kept under `key` (put there, not cached), without reading them. */
  has(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Bytes in the cache part now (at most the bound). */
  readonly cachedBytes: number;
}

/** Opens (creating) an image store in `dir`, with at most `maxCacheBytes` in its cache part. */
export async function openImageStore(options: { dir: string; maxCacheBytes: number }): Promise<ImageStore> {
  const keptDir = join(options.dir, 'kept');
  const cacheDir = join(options.dir, 'cache');
  await mkdir(keptDir, { recursive: true });
  await mkdir(cacheDir, { recursive: true });

  const fileOf = (root: string, name: string) => join(root, name.slice(0, 2), name);
  // The index of the cache part: file name → size. Evicting a name deletes its file.
  const index = new LRUCache<string, number>({
    maxSize: Math.max(1, options.maxCacheBytes),
    sizeCalculation: (size) => Math.max(1, size),
    dispose: (_size, name, reason) => {
      if (reason === 'evict' || reason === 'delete') void rm(fileOf(cacheDir, name), { force: true });
    },
  });
  // Rebuilt from the files at start, least recently written first, so a restart keeps the bound.
  for (const entry of await listFiles(cacheDir)) index.set(entry.name, entry.size);

  async function write(root: string, name: string, bytes: Uint8Array): Promise<void> {
    const file = fileOf(root, name);
    await mkdir(join(root, name.slice(0, 2)), { recursive: true });
    // Written beside and renamed: a reader never sees half a file, even across processes.
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, file);
  }

  return {
    async put(key, bytes) {
      await write(keptDir, nameOf(key), bytes);
    },
    async cache(key, bytes) {
      // Larger than the whole bound: not worth evicting everything else for.
      if (bytes.length > options.maxCacheBytes) return;
      const name = nameOf(key);
      await write(cacheDir, name, bytes);
      index.set(name, bytes.length);
    },
    async get(key) {
      const name = nameOf(key);
      const kept = await readFile(fileOf(keptDir, name)).catch(() => undefined);
      if (kept) return kept;
      if (index.get(name) === undefined) return undefined;
      const cached = await readFile(fileOf(cacheDir, name)).catch(() => undefined);
      if (!cached) index.delete(name);
      return cached;
    },
    async has(key) {
      const info = await stat(fileOf(keptDir, nameOf(key))).catch(() => undefined);
      return info?.isFile() ?? false;
    },
    async delete(key) {
      const name = nameOf(key);
      await rm(fileOf(keptDir, name), { force: true });
      if (!index.delete(name)) await rm(fileOf(cacheDir, name), { force: true });
    },
    get cachedBytes() {
      return index.calculatedSize;
    },
  };
}

function nameOf(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Every finished file under the cache folder, oldest first; leftovers of an interrupted write are removed. */
async function listFiles(root: string): Promise<{ name: string; size: number }[]> {
  const found: { name: string; size: number; at: number }[] = [];
  for (const shard of await readdir(root).catch(() => [] as string[])) {
    for (const name of await readdir(join(root, shard)).catch(() => [] as string[])) {
      const file = join(root, shard, name);
      if (name.endsWith('.tmp')) {
        await rm(file, { force: true });
        continue;
      }
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile()) found.push({ name, size: info.size, at: info.mtimeMs });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}
