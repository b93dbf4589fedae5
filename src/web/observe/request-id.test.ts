import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptRequestId } from './request-id.js';

describe('acceptRequestId', () => {
  it('keeps an id a proxy made', () => {
    for (const id of ['abc', 'lb-7f3a.42', 'Root=1-5e1b4151:abc_9', 'x'.repeat(128)]) assert.equal(acceptRequestId(id), id);
    assert.equal(acceptRequestId(['first', 'second']), 'first');
  });

  it('replaces what could forge or flood a log line with a new UUID', () => {
    for (const bad of [undefined, '', 'x'.repeat(129), 'a b', 'line\nbreak', '"quoted"', 'ünï', 'a\u0000b']) {
      assert.match(acceptRequestId(bad), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, JSON.stringify(bad));
    }
  });
});
