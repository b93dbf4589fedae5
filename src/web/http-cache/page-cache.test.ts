import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PageCache, type CachedPage } from './page-cache.js';

const page = (bytes: number): CachedPage => ({
  status: 200,
  headers: [['content-type', 'text/html']],
  identity: { body: Buffer.alloc(bytes, 'a'), etag: '"x"' },
  lastModified: new Date(0).toUTCString(),
});

describe('PageCache', () => {
  it('drops exactly the pages carrying a changed tag, and everything for "*"', () => {
    const cache = new PageCache(1_000_000);
    cache.set('/', page(100), ['scope:latest'], cache.generation);
    cache.set('/article/1/a', page(100), ['article:1', 'story:1'], cache.generation);
    cache.set('/article/2/b', page(100), ['article:2', 'story:1'], cache.generation);
    cache.set('/category/world', page(100), ['scope:category:world'], cache.generation);
    cache.invalidate(['story:1', 'scope:latest']);
    assert.equal(cache.get('/'), undefined);
    assert.equal(cache.get('/article/1/a'), undefined);
    assert.equal(cache.get('/article/2/b'), undefined);
    assert.ok(cache.get('/category/world'));
    cache.invalidate(['*']);
    assert.equal(cache.get('/category/world'), undefined);
  });

  it('never stores a page rendered before a change it did not see', () => {
    const cache = new PageCache(1_000_000);
    const renderStartedAt = cache.generation;
    cache.invalidate(['article:9']);
    cache.set('/article/9/x', page(100), ['article:9'], renderStartedAt);
    assert.equal(cache.get('/article/9/x'), undefined);
  });

  it('stays within its byte bound, dropping the least recently used pages', () => {
    const cache = new PageCache(10_000);
    for (let i = 0; i < 20; i++) cache.set(`/p/${i}`, page(1_000), [`article:${i}`], cache.generation);
    assert.ok(cache.size <= 10_000, String(cache.size));
    assert.equal(cache.get('/p/0'), undefined);
    assert.ok(cache.get('/p/19'));
    // An evicted page leaves no tag behind to drop later.
    cache.invalidate(['article:0']);
    assert.ok(cache.get('/p/19'));
  });

  it('keeps nothing when turned off, but still moves Last-Modified on changes', () => {
    const cache = new PageCache(0);
    cache.set('/', page(10), ['scope:latest'], cache.generation);
    assert.equal(cache.get('/'), undefined);
    const before = cache.lastChange;
    cache.invalidate(['scope:latest']);
    assert.ok(cache.lastChange >= before);
  });
});

describe('PageCache lifetimes', () => {
  it('drops a page kept with a lifetime once it has passed', async () => {
    const cache = new PageCache(1_000_000);
    cache.set('/', page(10), ['scope:latest'], cache.generation, 30);
    cache.set('/kept', page(10), ['scope:latest'], cache.generation);
    assert.ok(cache.get('/'));
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(cache.get('/'), undefined);
    assert.ok(cache.get('/kept'));
  });
});
