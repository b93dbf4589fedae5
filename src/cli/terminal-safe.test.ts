import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { terminalSafe } from './terminal-safe.js';

describe('terminalSafe', () => {
  it('shows escape sequences, line breaks and bidi controls as text', () => {
    assert.equal(terminalSafe('\u001b[2J\u001b]0;owned\u0007Title'), '\\x1B[2J\\x1B]0;owned\\x07Title');
    assert.equal(terminalSafe('one\nrejected fake: line'), 'one\\x0Arejected fake: line');
    assert.equal(terminalSafe('\u009b31m\u202Egnp.exe'), '\\x9B31m\\u202Egnp.exe');
  });

  it('leaves ordinary text, including non-Latin scripts, as it is', () => {
    const text = 'Markets rally — أسواق الخليج ترتفع — 市场上涨';
    assert.equal(terminalSafe(text), text);
  });
});
