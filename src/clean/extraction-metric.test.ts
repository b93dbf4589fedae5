import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageCounts, scoreCounts, shingles, tokenize, tokensEqual } from './extraction-metric.js';

describe('extraction metric (upstream evaluate.py)', () => {
  it('tokenizes like Python\'s Unicode \\w+', () => {
    assert.deepEqual(tokenize("It's 3:45 — São Paulo_x, 東京 №5"), ['It', 's', '3', '45', 'São', 'Paulo_x', '東京', '5']);
  });

  it('gives one short shingle for 1–3 tokens and none for an empty text', () => {
    assert.deepEqual([...shingles('a b').keys()], ['a\u0001b']);
    assert.equal(shingles('').size, 0);
    assert.equal(shingles('a b c d e').size, 2);
  });

  it('counts a hand-computed page', () => {
    // truth: a b c d e → {abcd, bcde}; predicted: a b c d x → {abcd, bcdx}: tp 1, fp 1, fn 1.
    const c = pageCounts('a b c d e', 'a b c d x');
    assert.deepEqual(c, { tp: 1 / 3, fp: 1 / 3, fn: 1 / 3 });
    // Repeated shingles count as a multiset: truth has abcd once, prediction twice.
    const d = pageCounts('a b c d', 'a b c d. a b c d');
    // predicted shingles: abcd, bcda, cdab, dabc, abcd → tp 1, fp 4, fn 0.
    assert.deepEqual(d, { tp: 1 / 5, fp: 4 / 5, fn: 0 });
  });

  it('macro-averages precision and recall and takes F1 of the means', () => {
    const pages = [pageCounts('a b c d e', 'a b c d x'), pageCounts('a b c d', 'a b c d. a b c d'), pageCounts('same text here now', 'same text here now')];
    const s = scoreCounts(pages);
    const precision = (0.5 + 0.2 + 1) / 3;
    const recall = (0.5 + 1 + 1) / 3;
    assert.ok(Math.abs(s.precision - precision) < 1e-12);
    assert.ok(Math.abs(s.recall - recall) < 1e-12);
    assert.ok(Math.abs(s.f1 - (2 * precision * recall) / (precision + recall)) < 1e-12);
  });

  it('leaves pages with nothing predicted out of precision but not out of recall', () => {
    const s = scoreCounts([pageCounts('a b c d', ''), pageCounts('a b c d', 'a b c d')]);
    assert.equal(s.precision, 1);
    assert.equal(s.recall, 0.5);
  });

  it('compares token lists for accuracy', () => {
    assert.equal(tokensEqual('Hello, world!', 'hello world'), false);
    assert.equal(tokensEqual('Hello, world!', 'Hello world'), true);
  });
});
