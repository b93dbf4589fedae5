import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addScores, decayedViews, rankTopStories, scoreOf } from './popularity.js';

describe('popularity scores', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  it('adds views in the log domain and halves them every half-life', () => {
    const s = addScores(scoreOf(3, now, 24), scoreOf(5, now, 24));
    assert.ok(Math.abs(decayedViews(s, now, 24) - 8) < 1e-9);
    assert.ok(Math.abs(decayedViews(s, now + 24 * 3_600_000, 24) - 4) < 1e-9);
    assert.ok(Math.abs(decayedViews(scoreOf(8, now, 6), now + 12 * 3_600_000, 6) - 2) < 1e-9);
  });
  it('stays finite decades from its epoch', () => {
    const far = Date.parse('2090-01-01T00:00:00Z');
    const s = addScores(scoreOf(1e6, far, 1), scoreOf(1, far, 1));
    assert.ok(Number.isFinite(s));
  });
});

describe('rankTopStories', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  const story = (storyId: number, hoursAgo: number) => ({ storyId, publishedAt: new Date(now - hoursAgo * 3_600_000) });
  it('puts the newest first when nobody has read anything', () => {
    const ranked = rankTopStories([story(1, 3), story(2, 1), story(3, 2)], new Map(), now, 24);
    assert.deepEqual(ranked.map((s) => s.storyId), [2, 3, 1]);
  });
  it('lifts a much-read story above newer ones, but not for ever', () => {
    const scores = new Map([[1, scoreOf(64, now, 24)]]);
    assert.deepEqual(rankTopStories([story(2, 1), story(1, 5)], scores, now, 24).map((s) => s.storyId), [1, 2]);
    // Two days later its views have decayed to 16 and it is 53 hours old: fresh news wins.
    const later = now + 48 * 3_600_000;
    const fresh = { storyId: 3, publishedAt: new Date(later - 3_600_000) };
    assert.deepEqual(rankTopStories([fresh, story(1, 5)], scores, later, 24).map((s) => s.storyId), [3, 1]);
  });
});
