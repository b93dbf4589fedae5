import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { categorize } from './categorize.js';

/**
 * The categories the keyword rules gave before they became one table per language, on every
 * language's own keywords (each category's words as a headline and a text), Arabic words with
 * their attached particles, and the dev set's real openings read under every language's rules
 * (bench/testdata/enrich-dev.json). The same input must give the same categories.
 */
const before = JSON.parse(readFileSync(new URL('testdata/categorize-before.json', import.meta.url), 'utf8')) as {
  keywordCases: { language: string | null; headline: string; text: string }[];
  devTags: (string | null)[];
  categories: string[][];
};
// (The openings only: the later passages of the same articles came after this snapshot.)
const dev = (JSON.parse(readFileSync(new URL('../../bench/testdata/enrich-dev.json', import.meta.url), 'utf8')).texts as { id: string; headline?: string; text: string }[]).filter(
  (t) => !t.id.includes('-more-'),
);

describe('category keyword rules', () => {
  it('give the categories they gave before, in every language', () => {
    const cases = [...before.keywordCases];
    for (const t of dev) for (const language of before.devTags) cases.push({ language, headline: t.headline ?? '', text: t.text });
    assert.equal(cases.length, before.categories.length);
    const changed = cases.flatMap((c, i) => {
      const now = categorize({ headline: c.headline, text: c.text, declared: [], entities: [], language: c.language });
      return JSON.stringify(now) === JSON.stringify(before.categories[i]) ? [] : [`${c.language}: "${c.headline.slice(0, 40)}" ${JSON.stringify(before.categories[i])} → ${JSON.stringify(now)}`];
    });
    assert.deepEqual(changed, []);
    assert.ok(before.categories.filter((c) => c.length > 0).length > 250, 'most cases have categories to compare');
  });
});
