import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PollOutcome } from '../jobs/poll-feed.js';
import { describeOutcome } from './feed.js';

describe('gazette feed poll: what it prints', () => {
  const base: PollOutcome = { feedId: 7, url: 'https://wire.example/feed', result: 'not-modified', httpStatus: 304, error: null, summary: null, nextPollAt: new Date('2026-01-01T10:15:00Z'), websub: null };

  it('says why a feed was not read: a 304, or the same bytes as the last poll', () => {
    assert.equal(describeOutcome(base), 'feed 7 https://wire.example/feed: not modified (HTTP 304); next poll 2026-01-01T10:15:00.000Z');
    assert.equal(describeOutcome({ ...base, httpStatus: 200 }), 'feed 7 https://wire.example/feed: not modified (the same bytes as the last poll); next poll 2026-01-01T10:15:00.000Z');
  });
});
