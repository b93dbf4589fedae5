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
  it('reads the lead picture with its alt text, caption and credit from "image", and refuses one that contradicts "image_url"', () => {
    const image = { url: 'https://provider.example/harbour.jpg', alt: 'Cranes at dusk', caption: 'The harbour reopened.', credit: 'Reuters/Jane Doe' };
    const read = readPushArticle({ ...valid, image });
    assert.equal(read.kind, 'accepted');
    assert.deepEqual(read.kind === 'accepted' && read.pushed.item.image, { ...image, width: null, height: null });
    const both = readPushArticle({ ...valid, image, image_url: 'https://provider.example/other.jpg' });
    assert.deepEqual(both.kind === 'rejected' && both.issues.map((i) => i.field), ['image_url']);
    const bad = readPushArticle({ ...valid, image: { url: 'javascript:alert(1)', colour: 'red' } });
    assert.deepEqual(bad.kind === 'rejected' && bad.issues.map((i) => i.field).sort(), ['image.url', 'image.colour'].sort());
  });

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
