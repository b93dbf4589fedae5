import assert from 'node:assert/strict';
import { it } from 'node:test';
import { SEARCH_KEY_SPAN } from './search-index-writer.js';
import { timeBucketsQuery, TIME_BUCKET_SHIFTS } from './search-time-buckets.js';

const HOUR_KEYS = 3_600_000n * BigInt(SEARCH_KEY_SPAN);
const keyAt = (ms: number) => BigInt(ms) * BigInt(SEARCH_KEY_SPAN);

/** The (shift, bucket) pairs of a query text. */
const bucketsOf = (query: string) => [...query.matchAll(/' t(\d+) (-?\d+)'/g)].map((m) => ({ shift: BigInt(m[1]!), bucket: BigInt(m[2]!) }));

it('covers a window of keys with at most three buckets of the finest level that can', () => {
  const now = keyAt(Date.UTC(2026, 10, 28, 13, 5));
  for (const width of [1n, HOUR_KEYS, 8n * HOUR_KEYS, 64n * HOUR_KEYS, 512n * HOUR_KEYS, 4096n * HOUR_KEYS]) {
    const top = now;
    const bottom = now - width + 1n;
    const buckets = bucketsOf(timeBucketsQuery(top, bottom)!);
    assert.ok(buckets.length >= 1 && buckets.length <= 3, `${width}: ${buckets.length} buckets`);
    const shift = buckets[0]!.shift;
    assert.ok(buckets.every((b) => b.shift === shift), 'one level');
    // Every key of the window lies in a listed bucket: its two ends and its middle.
    for (const key of [top, bottom, (top + bottom) / 2n]) assert.ok(buckets.some((b) => key >> shift === b.bucket), `${key} in a bucket`);
    // A finer level would have needed more than three buckets.
    const finer = TIME_BUCKET_SHIFTS.filter((s) => BigInt(s) < shift);
    for (const s of finer) assert.ok((top >> BigInt(s)) - (bottom >> BigInt(s)) >= 3n, `level ${s} was fine enough`);
  }
});

it('gives no buckets for a window wider than the coarsest level covers, such as the whole key range', () => {
  assert.equal(timeBucketsQuery(2n ** 63n - 1n, -(2n ** 63n)), undefined);
  assert.equal(timeBucketsQuery(keyAt(Date.UTC(2026, 0, 1)), keyAt(Date.UTC(2010, 0, 1))), undefined);
});
