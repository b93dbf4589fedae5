import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countLinks, decideCommentStatus, DEFAULT_COMMENT_SETTINGS, effectiveSettings, isLinkHeavy, threadComments, withinRateLimit } from './comment-policy.js';

describe('comment policy', () => {
  it('counts the links spam uses: schemes, bare www hosts, HTML and markdown links', () => {
    assert.equal(countLinks('No links here, just a.b and e-mail@host.example.'), 0);
    assert.equal(countLinks('See https://a.example/x?y=1 and http://b.example'), 2);
    assert.equal(countLinks('www.cheap.example <a href="x">y</a> [click](z)'), 3);
  });

  it('holds a comment with more than two links, and a name that is a link sooner', () => {
    assert.equal(isLinkHeavy('Ada', 'https://a.example https://b.example'), false);
    assert.equal(isLinkHeavy('Ada', 'https://a.example https://b.example https://c.example'), true);
    assert.equal(isLinkHeavy('www.shop.example', 'https://a.example'), true);
  });

  it('decides: links hold, no moderation approves, earned trust approves, else pending', () => {
    const moderated = { enabled: true, requireApproval: true, autoApproveAfter: 3 };
    assert.deepEqual(decideCommentStatus({ settings: moderated, linkHeavy: true, approvedFromCommenter: 99 }), { status: 'pending', heldReason: 'links' });
    assert.deepEqual(decideCommentStatus({ settings: { ...moderated, requireApproval: false }, linkHeavy: false, approvedFromCommenter: 0 }), { status: 'approved', heldReason: null });
    assert.deepEqual(decideCommentStatus({ settings: moderated, linkHeavy: false, approvedFromCommenter: 2 }), { status: 'pending', heldReason: 'moderation' });
    assert.deepEqual(decideCommentStatus({ settings: moderated, linkHeavy: false, approvedFromCommenter: 3 }), { status: 'approved', heldReason: null });
    assert.equal(decideCommentStatus({ settings: { ...moderated, autoApproveAfter: 0 }, linkHeavy: false, approvedFromCommenter: 1000 }).status, 'pending', '0 never approves automatically');
  });

  it('layers provider settings over site settings over the defaults', () => {
    assert.deepEqual(effectiveSettings(undefined, undefined), DEFAULT_COMMENT_SETTINGS);
    assert.deepEqual(effectiveSettings({ requireApproval: false, enabled: null }, { enabled: false, requireApproval: null }), { enabled: false, requireApproval: false, autoApproveAfter: 3 });
    assert.equal(effectiveSettings({ autoApproveAfter: 5 }, { autoApproveAfter: 0 }).autoApproveAfter, 0, 'a provider may turn automatic approval off');
  });

  it('allows up to the limit', () => {
    assert.equal(withinRateLimit(4, 5), true);
    assert.equal(withinRateLimit(5, 5), false);
  });

  it('threads one level deep, oldest first, and leaves out replies whose comment is not shown', () => {
    const c = (id: number, parentId: number | null) => ({ id, parentId });
    const threads = threadComments([c(5, 1), c(1, null), c(3, null), c(2, 1), c(9, 7)]);
    assert.deepEqual(threads.map((t) => [t.comment.id, t.replies.map((r) => r.id)]), [[1, [2, 5]], [3, []]]);
  });
});
