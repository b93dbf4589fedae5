import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFormToken, commenterKey, FORM_TOKEN_MAX_AGE_MS, issueFormToken, newCommenterToken, readCommenterToken, submissionKey, visitorHash } from './form-token.js';

const secret = 'test-secret-of-enough-length-0123456789';

describe('anonymous form tokens', () => {
  it('accepts its own token for its purpose only, and refuses tampering', () => {
    const token = issueFormToken(secret, 'comment:1');
    assert.equal(checkFormToken(secret, 'comment:1', token), 'ok');
    assert.equal(checkFormToken(secret, 'comment:2', token), 'invalid');
    assert.equal(checkFormToken('another-secret', 'comment:1', token), 'invalid');
    assert.equal(checkFormToken(secret, 'comment:1', token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')), 'invalid');
    for (const junk of ['', 'a.b.c', `${token}x`, '\u0000', 'x'.repeat(10_000)]) assert.equal(checkFormToken(secret, 'comment:1', junk), 'invalid');
  });

  it('expires after its time, and refuses one from the future', () => {
    const now = Date.now();
    const old = issueFormToken(secret, 'comment:1', now - FORM_TOKEN_MAX_AGE_MS - 1);
    assert.equal(checkFormToken(secret, 'comment:1', old, now), 'expired');
    assert.equal(checkFormToken(secret, 'comment:1', issueFormToken(secret, 'comment:1', now + 3_600_000), now), 'invalid');
  });

  it('keys a submission by token, visitor and content', () => {
    const key = submissionKey('t', 'v', ['Ada', 'text']);
    assert.equal(submissionKey('t', 'v', ['Ada', 'text']), key);
    assert.notEqual(submissionKey('t', 'w', ['Ada', 'text']), key);
    assert.notEqual(submissionKey('t', 'v', ['Ada', 'other']), key);
    assert.notEqual(submissionKey('t', 'v', ['Ad', 'atext']), key, 'field boundaries count');
  });

  it('hashes visitors and commenters without the address or email in them', () => {
    const v = visitorHash(secret, '203.0.113.7');
    assert.doesNotMatch(v, /203|113/);
    assert.equal(v, visitorHash(secret, '203.0.113.7'));
    assert.notEqual(v, visitorHash('other', '203.0.113.7'));
    const token = newCommenterToken();
    assert.equal(readCommenterToken(token), token, 'a token Gazette issued reads back');
    assert.notEqual(newCommenterToken(), token);
    const key = commenterKey(secret, token);
    assert.doesNotMatch(key, new RegExp(token.slice(0, 8)), 'the stored key does not carry the token');
    assert.equal(commenterKey(secret, token), key, 'the same browser is the same commenter');
    assert.notEqual(commenterKey('other secret', token), key);
    for (const forged of ['', 'ada@example.test', 'x'.repeat(42), `${token}=`, `${token.slice(0, 42)}.`]) assert.equal(readCommenterToken(forged), undefined, `refused: ${forged}`);
  });
});
