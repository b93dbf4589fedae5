import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { letterRuns } from './letter-runs.js';

const byRegex = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

describe('letterRuns', () => {
  it('splits text as the Unicode letter-or-digit regex does', () => {
    for (const text of [
      '', '   ', 'Port council, budget!', '“We have never agreed,” Rutte stated.', 'São Paulo 2025—Zürich 3½',
      'مرحبا بالعالم ١٢٣', '東京都 2025年', 'emoji 😀 here𝐀𝐁 and 𝟙𝟚', 'lone \ud800 surrogate \udc00x', 'İstanbul ǅemal Ⅻ',
    ]) {
      assert.deepEqual(letterRuns(text), byRegex(text), JSON.stringify(text));
    }
  });

  it('agrees with the regex on any string, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => assert.deepEqual(letterRuns(text), byRegex(text))), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'Z', '7', ' ', '-', 'é', '’', '\ud83d', '\ude00', '٣', '中'), maxLength: 60 }), (text) => assert.deepEqual(letterRuns(text), byRegex(text))), { numRuns: 3000 });
  });
});
