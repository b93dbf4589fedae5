import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nlp from 'compromise';
import wordTagData from './gazetteer-data/word-tags.json' with { type: 'json' };
import { isRoleNoun, tagsOf } from './word-tags.js';

describe('word tags', () => {
  it('are compromise’s lexicon, word for word (after upgrading compromise, run scripts/build-word-tags.mjs)', () => {
    const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon;
    const words = Object.keys(lexicon).filter((w) => lexicon[w] !== undefined);
    assert.equal(wordTagData.words.length, words.length);
    const differ = words.filter((w) => {
      const raw = lexicon[w]!;
      return JSON.stringify(tagsOf(w)) !== JSON.stringify(Array.isArray(raw) ? raw : [raw]);
    });
    assert.deepEqual(differ.slice(0, 10), []);
  });

  it('tag a word whatever its case, and know nothing of an unknown one', () => {
    assert.ok(tagsOf('Mary').includes('FemaleName'));
    assert.ok(tagsOf('LONDON').includes('City'));
    assert.deepEqual(tagsOf('Zqxwv'), []);
    assert.equal(isRoleNoun('Officials'), true);
    assert.equal(isRoleNoun('Mark'), false);
  });
});
