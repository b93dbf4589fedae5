import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshnessMs, retryAfterMs } from './http-freshness.js';

const now = new Date('2026-03-02T12:00:00Z');
const none = { cacheControl: null, expires: null, date: null, age: null };

describe('freshnessMs', () => {
  it('reads max-age, less the Age the response already had', () => {
    assert.equal(freshnessMs({ ...none, cacheControl: 'public, max-age=3600' }, now), 3_600_000);
    assert.equal(freshnessMs({ ...none, cacheControl: 'max-age=3600', age: '600' }, now), 3_000_000);
  });

  it('prefers max-age over Expires, and reads Expires against Date', () => {
    assert.equal(freshnessMs({ ...none, cacheControl: 'max-age=60', expires: 'Tue, 03 Mar 2026 12:00:00 GMT' }, now), 60_000);
    assert.equal(
      freshnessMs({ ...none, expires: 'Mon, 02 Mar 2026 14:00:00 GMT', date: 'Mon, 02 Mar 2026 12:00:00 GMT' }, now),
      2 * 3_600_000,
    );
  });

  it('treats an invalid Expires as already expired, and no-cache as nothing to go by', () => {
    assert.equal(freshnessMs({ ...none, expires: '0' }, now), 0);
    assert.equal(freshnessMs({ ...none, cacheControl: 'no-cache, max-age=600' }, now), null);
    assert.equal(freshnessMs(none, now), null);
  });
});

describe('retryAfterMs', () => {
  it('reads delay-seconds and HTTP-dates', () => {
    assert.equal(retryAfterMs('120', now), 120_000);
    assert.equal(retryAfterMs('Mon, 02 Mar 2026 13:00:00 GMT', now), 3_600_000);
    assert.equal(retryAfterMs('Mon, 02 Mar 2026 11:00:00 GMT', now), 0);
  });

  it('ignores what it cannot read', () => {
    assert.equal(retryAfterMs('soon', now), null);
    assert.equal(retryAfterMs(null, now), null);
  });
});
