import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultRetryPolicy, nextAttemptAt } from './retry-plan.js';

describe('webhook retry plan', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const delays = (random: () => number) =>
    Array.from({ length: defaultRetryPolicy.maxAttempts - 1 }, (_, i) => nextAttemptAt(i + 1, defaultRetryPolicy, now, random)!.getTime() - now.getTime());

  it('doubles the delay up to the cap and keeps trying for more than 24 hours, jitter or not', () => {
    const least = delays(() => 0);
    assert.deepEqual(least.slice(0, 4), [30_000, 60_000, 120_000, 240_000]);
    assert.equal(Math.max(...least), 6 * 3_600_000);
    assert.ok(least.reduce((a, b) => a + b) > 24 * 3_600_000, 'the shortest schedule still spans a day');
  });

  it('adds up to half the delay at random, never less', () => {
    const most = delays(() => 1);
    const least = delays(() => 0);
    most.forEach((d, i) => assert.equal(d, Math.round(least[i]! * 1.5)));
  });

  it('gives up after the last attempt', () => {
    assert.equal(nextAttemptAt(defaultRetryPolicy.maxAttempts, defaultRetryPolicy, now), null);
    assert.ok(nextAttemptAt(defaultRetryPolicy.maxAttempts - 1, defaultRetryPolicy, now));
  });
});
