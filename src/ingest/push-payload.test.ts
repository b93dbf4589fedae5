import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPushArticle } from './push-payload.js';

const valid = {
  guid: 'story-1',
  url: 'https://provider.example/story-1',
  headline: 'A headline',
  body_html: '<p>Body.</p>',
  published_at: '2026-02-01T10:00:00Z',
};

describe('readPushArticle', () => {
  it('reads a full article into a RawItem', () => {
    const read = readPushArticle({
      ...valid,
      format: 'gazette',
      body_text: 'Body.',
      summary: 'Sum.',
      byline: 'A. Writer',
      dateline: 'LONDON',
      language: 'ar-AE',
      updated_at: '2026-02-01T12:30:00+02:00',
      categories: ['world', 'Markets'],
      image_url: 'https://provider.example/a.jpg',
    });
    assert.equal(read.kind, 'accepted');
    if (read.kind !== 'accepted') return;
    const item = read.pushed.item;
    assert.equal(item.guid, 'story-1');
    assert.equal(item.url, 'https://provider.example/story-1');
    assert.equal(item.html, '<p>Body.</p>');
    assert.equal(item.language, 'ar-AE');
    assert.equal(item.publishedAt?.toISOString(), '2026-02-01T10:00:00.000Z');
    assert.equal(item.updatedAt?.toISOString(), '2026-02-01T10:30:00.000Z');
    assert.deepEqual(item.categories, ['world', 'Markets']);
    assert.equal(item.image?.url, 'https://provider.example/a.jpg');
    assert.equal(read.pushed.articleId, null);
  });

  it('takes null for absent optional fields', () => {
    const read = readPushArticle({ url: 'https://p.example/x', headline: 'H', body_text: 'T', summary: null, byline: null });
    assert.equal(read.kind, 'accepted');
  });

  it('lists every wrong field with a message', () => {
    const read = readPushArticle({
      headline: '',
      url: 'javascript:alert(1)',
      published_at: '01/02/2026',
      language: 'English',
      categories: 'world',
      bodyhtml: '<p>typo</p>',
    });
    assert.equal(read.kind, 'rejected');
    if (read.kind !== 'rejected') return;
    const byField = Object.fromEntries(read.issues.map((i) => [i.field, i.message]));
    assert.match(byField.headline!, /empty/);
    assert.match(byField.url!, /http/);
    assert.match(byField.published_at!, /RFC 3339/);
    assert.match(byField.language!, /BCP 47/);
    assert.match(byField.categories!, /array/);
    assert.match(byField.bodyhtml!, /not a field/);
  });

  it('needs an identity and a body', () => {
    const read = readPushArticle({ headline: 'H' });
    assert.equal(read.kind, 'rejected');
    const fields = read.kind === 'rejected' ? read.issues.map((i) => i.field).sort() : [];
    assert.deepEqual(fields, ['body_html', 'guid']);
  });

  it('refuses a missing headline, and an update time before the publication time', () => {
    const noHeadline = readPushArticle({ ...valid, headline: undefined });
    assert.deepEqual(noHeadline.kind === 'rejected' && noHeadline.issues, [{ field: 'headline', message: 'is required' }]);
    const backwards = readPushArticle({ ...valid, updated_at: '2026-01-01T00:00:00Z' });
    assert.equal(backwards.kind === 'rejected' && backwards.issues[0]?.field, 'updated_at');
  });

  it('passes the article id and provider on for the API to check', () => {
    const read = readPushArticle({ ...valid, id: 42, provider: 'menafn' });
    assert.equal(read.kind === 'accepted' && read.pushed.articleId, 42);
    assert.equal(read.kind === 'accepted' && read.pushed.provider, 'menafn');
  });
});
