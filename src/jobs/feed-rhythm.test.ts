import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { updateRhythm, type FeedRhythm } from './feed-rhythm.js';

const rules = { quietFactor: 4, minQuietMs: 6 * 3_600_000 };
const t0 = new Date('2026-03-02T00:00:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
const fresh: FeedRhythm = { lastNewItemAt: null, typicalIntervalSeconds: null, quietSince: null };

describe('updateRhythm', () => {
  it('learns the usual gap between new items', () => {
    let r = updateRhythm(fresh, 3, at(0), rules);
    assert.equal(r.typicalIntervalSeconds, null, 'one sighting is no rhythm yet');
    r = updateRhythm(r, 1, at(2), rules);
    assert.equal(r.typicalIntervalSeconds, 7200);
    r = updateRhythm(r, 1, at(4), rules);
    assert.equal(r.typicalIntervalSeconds, 7200);
    assert.equal(r.lastNewItemAt?.toISOString(), at(4).toISOString());
  });

  it('flags a feed quiet only after much longer than its rhythm, and clears it on the next new item', () => {
    let r = updateRhythm(updateRhythm(fresh, 1, at(0), rules), 1, at(2), rules); // every 2 h
    r = updateRhythm(r, 0, at(7), rules);
    assert.equal(r.quietSince, null, '5 h silent is within 4 × 2 h');
    r = updateRhythm(r, 0, at(11), rules);
    assert.equal(r.quietSince?.toISOString(), at(11).toISOString(), '9 h silent is more than 4 × 2 h');
    r = updateRhythm(r, 0, at(20), rules);
    assert.equal(r.quietSince?.toISOString(), at(11).toISOString(), 'quiet since the first time it was noticed');
    r = updateRhythm(r, 2, at(21), rules);
    assert.equal(r.quietSince, null);
  });

  it('does not call a fast feed quiet after a short lull', () => {
    let r = updateRhythm(updateRhythm(fresh, 1, at(0), rules), 1, at(0.25), rules); // every 15 min
    r = updateRhythm(r, 0, at(3), rules);
    assert.equal(r.quietSince, null, 'under the six-hour minimum');
    r = updateRhythm(r, 0, at(7), rules);
    assert.ok(r.quietSince);
  });

  it('has nothing to say about a feed that never brought anything new', () => {
    assert.deepEqual(updateRhythm(fresh, 0, at(1000), rules), fresh);
  });
});
