import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { openImageStore } from './image-store.js';

describe('the image store on disk', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-image-store-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const kb = (n: number, fill: number) => Buffer.alloc(n * 1024, fill);

  it('evicts the least recently used cached files to stay within its bound, and never a kept one', async () => {
    const store = await openImageStore({ dir: fresh(), maxCacheBytes: 30 * 1024 });
    await store.put('asset:upload-1', kb(20, 9));
    await store.cache('a', kb(10, 1));
    await store.cache('b', kb(10, 2));
    await store.cache('c', kb(10, 3));
    assert.ok(await store.get('a'), 'a is used again, so b is now the oldest');
    await store.cache('d', kb(10, 4));
    assert.equal(await store.get('b'), undefined);
    assert.deepEqual(await store.get('a'), kb(10, 1));
    assert.deepEqual(await store.get('d'), kb(10, 4));
    assert.ok(store.cachedBytes <= 30 * 1024);
    assert.deepEqual(await store.get('asset:upload-1'), kb(20, 9), 'a kept file is outside the bound');
  });

  it('keeps its bound across a restart, and forgets deleted keys', async () => {
    const dir = fresh();
    const first = await openImageStore({ dir, maxCacheBytes: 100 * 1024 });
    for (const key of ['x', 'y', 'z']) {
      await first.cache(key, kb(10, key.charCodeAt(0)));
      await delay(20); // distinct modification times: the order a restart reads
    }
    await first.put('asset:kept', kb(1, 7));
    await first.delete('y');
    const reopened = await openImageStore({ dir, maxCacheBytes: 15 * 1024 });
    assert.equal(reopened.cachedBytes, 10 * 1024, 'the oldest file went when the bound shrank');
    assert.deepEqual(await reopened.get('z'), kb(10, 'z'.charCodeAt(0)));
    assert.equal(await reopened.get('y'), undefined);
    assert.deepEqual(await reopened.get('asset:kept'), kb(1, 7));
  });

  it('does not cache a file larger than the whole bound', async () => {
    const store = await openImageStore({ dir: fresh(), maxCacheBytes: 4 * 1024 });
    await store.cache('big', kb(5, 1));
    assert.equal(await store.get('big'), undefined);
  });
});
