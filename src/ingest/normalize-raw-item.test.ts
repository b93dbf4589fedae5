import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyRawItem } from '../domain/raw-item.js';
import { normalizeRawItem } from './normalize-raw-item.js';

const now = new Date('2026-03-01T12:00:00Z');

describe('normalizeRawItem', () => {
  it('removes NUL, C0/C1 controls, bidi overrides and isolates and zero-width spaces from every text field', () => {
    const raw = {
      ...emptyRawItem('A\u0000B\u0085C\u202eD\u2066E\u2069F\u200bG\ufeffH\u001bI'),
      guid: 'id\u0000',
      url: 'https://x.example/\u0007a',
      html: '<p>x\u0000y</p>',
      text: 'line one\r\nline two\rline three\ttabbed',
      byline: '\u202aBy Staff\u202c',
      categories: ['mar\u0000kets'],
    };
    const { item, notes } = normalizeRawItem(raw, now);
    assert.equal(item.headline, 'ABCDEFGHI');
    assert.equal(item.guid, 'id');
    assert.equal(item.url, 'https://x.example/a');
    assert.equal(item.html, '<p>xy</p>');
    assert.equal(item.text, 'line one\nline two\nline three\ttabbed', 'line breaks and tabs stay');
    assert.equal(item.byline, 'By Staff');
    assert.deepEqual(item.categories, ['markets']);
    assert.equal(notes.length, 1);
    assert.match(notes[0]!, /guid, url, headline, html, byline, categories/);
  });

  it('keeps the joiners and marks that scripts need: ZWNJ in Persian, ZWJ in emoji, RLM in Arabic', () => {
    const headline = 'می\u200cخواهم 👩\u200d💻 \u200fعربي';
    const { item, notes } = normalizeRawItem(emptyRawItem(headline), now);
    assert.equal(item.headline, headline);
    assert.deepEqual(notes, []);
  });

  it('drops dates before 1970 or after now + 1 day with a note, and keeps the rest', () => {
    const cases: [string, boolean][] = [
      ['0000-01-01T00:00:00Z', false],
      ['1969-12-31T23:59:59Z', false],
      ['1970-01-01T00:00:00Z', true],
      ['2026-03-02T11:59:00Z', true],
      ['2026-03-02T12:01:00Z', false],
      ['9999-12-31T23:59:59Z', false],
    ];
    for (const [iso, kept] of cases) {
      const { item, notes } = normalizeRawItem({ ...emptyRawItem('H'), publishedAt: new Date(iso), updatedAt: new Date(Number.NaN) }, now);
      assert.equal(item.publishedAt?.toISOString() ?? null, kept ? new Date(iso).toISOString() : null, iso);
      assert.equal(item.updatedAt, null);
      assert.equal(notes.length, kept ? 1 : 2, `${iso}: ${notes.join(' | ')}`);
    }
  });
});
