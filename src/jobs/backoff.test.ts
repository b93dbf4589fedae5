import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { backoffDelayMs, withJitter } from './backoff.js';

const minute = 60_000;
const hour = 60 * minute;

describe('backoffDelayMs', () => {
  it('doubles with each consecutive failure', () => {
    const delays = [1, 2, 3, 4].map((n) => backoffDelayMs(15 * minute, n, 6 * hour));
    assert.deepEqual(delays, [30 * minute, 60 * minute, 120 * minute, 240 * minute]);
  });

  it('stops growing at the cap and stays there however long the feed fails', () => {
    assert.equal(backoffDelayMs(15 * minute, 5, 6 * hour), 6 * hour);
    assert.equal(backoffDelayMs(15 * minute, 50, 6 * hour), 6 * hour);
    assert.equal(backoffDelayMs(15 * minute, 10_000, 6 * hour), 6 * hour);
  });

  it('never polls a slow feed more often because it failed', () => {
    assert.equal(backoffDelayMs(24 * hour, 3, 6 * hour), 24 * hour);
  });

  it('is the plain interval without failures', () => {
    assert.equal(backoffDelayMs(15 * minute, 0, 6 * hour), 15 * minute);
  });

  it('is monotonic and bounded for any interval and failure count', () => {
    fc.assert(
      fc.property(fc.integer({ min: minute, max: 48 * hour }), fc.integer({ min: 0, max: 200 }), (interval, failures) => {
        const d = backoffDelayMs(interval, failures, 6 * hour);
        assert.ok(d >= interval && d <= Math.max(6 * hour, interval));
        assert.ok(backoffDelayMs(interval, failures + 1, 6 * hour) >= d);
      }),
    );
  });
});

describe('withJitter', () => {
  it('adds between 0 and the fraction of the delay', () => {
    assert.equal(withJitter(10 * minute, 0.1, () => 0), 10 * minute);
    assert.equal(withJitter(10 * minute, 0.1, () => 1), 11 * minute);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 48 * hour }), fc.double({ min: 0, max: 1, noNaN: true }), (delay, r) => {
        const j = withJitter(delay, 0.1, () => r);
        assert.ok(j >= delay && j <= Math.round(delay * 1.1));
      }),
    );
  });

  it('spreads feeds that were due together', () => {
    const times = new Set(Array.from({ length: 50 }, () => withJitter(15 * minute, 0.1)));
    assert.ok(times.size > 10, `only ${times.size} distinct delays out of 50`);
  });
});
