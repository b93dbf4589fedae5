import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchesFilter } from './webhook-event.js';

describe('webhook filters', () => {
  const subject = { article: { categories: ['business', 'world'], language: 'en', provider: { id: 1, slug: 'wire', name: 'Wire', disclaimer: '', logo: null } }, entitySlugs: ['nato'] };

  it('takes everything when empty, and needs every given field to match', () => {
    assert.equal(matchesFilter({}, subject), true);
    assert.equal(matchesFilter({ category: 'world', provider: 'wire', language: 'EN', entity: 'nato' }, subject), true);
    assert.equal(matchesFilter({ category: 'sport' }, subject), false);
    assert.equal(matchesFilter({ provider: 'other' }, subject), false);
    assert.equal(matchesFilter({ language: 'ar' }, subject), false);
    assert.equal(matchesFilter({ entity: 'kremlin' }, subject), false);
    assert.equal(matchesFilter({ category: 'world', language: 'ar' }, subject), false);
  });
});
