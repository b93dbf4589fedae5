import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planNextPoll } from './plan-next-poll.js';
import { defaultScheduleRules as rules } from './schedule-rules.js';

const now = new Date('2026-03-02T12:00:00Z');
const minute = 60_000;
const hour = 60 * minute;
const noJitter = () => 0;
const after = (d: Date) => d.getTime() - now.getTime();

describe('planNextPoll', () => {
  it('polls again after the interval, plus at most 10 % jitter', () => {
    const base = { now, intervalMs: 15 * minute, succeeded: true, consecutiveFailures: 0 };
    assert.equal(after(planNextPoll(base, rules, noJitter)), 15 * minute);
    assert.equal(after(planNextPoll(base, rules, () => 1)), 16.5 * minute);
  });

  it('waits as long as the response stays fresh, up to a day', () => {
    const base = { now, intervalMs: 15 * minute, succeeded: true, consecutiveFailures: 0 };
    assert.equal(after(planNextPoll({ ...base, freshnessMs: 2 * hour }, rules, noJitter)), 2 * hour);
    assert.equal(after(planNextPoll({ ...base, freshnessMs: 60_000 }, rules, noJitter)), 15 * minute);
    assert.equal(after(planNextPoll({ ...base, freshnessMs: 365 * 24 * hour }, rules, noJitter)), 24 * hour);
  });

  it('backs off exponentially on failure up to the cap', () => {
    const plan = (n: number) => after(planNextPoll({ now, intervalMs: 15 * minute, succeeded: false, consecutiveFailures: n }, rules, noJitter));
    assert.deepEqual([1, 2, 3, 4, 5, 20].map(plan), [30 * minute, hour, 2 * hour, 4 * hour, 6 * hour, 6 * hour]);
  });

  it('never polls before Retry-After, up to a day', () => {
    const base = { now, intervalMs: 15 * minute, succeeded: false, consecutiveFailures: 1 };
    assert.equal(after(planNextPoll({ ...base, retryAfterMs: 3 * hour }, rules, noJitter)), 3 * hour);
    assert.equal(after(planNextPoll({ ...base, retryAfterMs: 10 * 24 * hour }, rules, noJitter)), 24 * hour);
    assert.ok(after(planNextPoll({ ...base, retryAfterMs: 3 * hour }, rules, () => 1)) >= 3 * hour);
  });

  it('polls rarely while a WebSub lease is valid, and in time to renew it', () => {
    const base = { now, intervalMs: 15 * minute, succeeded: true, consecutiveFailures: 0 };
    const long = new Date(now.getTime() + 10 * 24 * hour);
    assert.equal(after(planNextPoll({ ...base, websubLeaseUntil: long }, rules, noJitter)), 24 * hour);
    const short = new Date(now.getTime() + 20 * hour);
    assert.equal(after(planNextPoll({ ...base, websubLeaseUntil: short }, rules, noJitter)), 8 * hour);
    const expired = new Date(now.getTime() - hour);
    assert.equal(after(planNextPoll({ ...base, websubLeaseUntil: expired }, rules, noJitter)), 15 * minute);
  });

  it('never polls more often than the minimum interval', () => {
    assert.equal(after(planNextPoll({ now, intervalMs: 1000, succeeded: true, consecutiveFailures: 0 }, rules, noJitter)), minute);
  });
});
