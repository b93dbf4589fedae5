import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slugify } from './article.js';

describe('slugify', () => {
  it('keeps Arabic letters whole: the hamza stays on its alif', () => {
    assert.equal(slugify('تصريحات الناتو بشأن أوكرانيا'), 'تصريحات-الناتو-بشأن-أوكرانيا');
    assert.ok(!slugify('بشأن').includes('-'));
    assert.equal(slugify('مؤتمر'), 'مؤتمر');
  });
  it('keeps Cyrillic letters whole (й is not и)', () => {
    assert.equal(slugify('Новый район Москвы'), 'новый-район-москвы');
    assert.equal(slugify('Ёлка'), 'ёлка');
  });
  it('keeps CJK, Devanagari and Hangul text', () => {
    assert.equal(slugify('北约 秘书长 讲话'), '北约-秘书长-讲话');
    assert.equal(slugify('東京の天気'), '東京の天気');
    assert.equal(slugify('हिन्दी समाचार'), 'हिन्दी-समाचार');
    assert.equal(slugify('서울 뉴스'), '서울-뉴스');
  });
  it('folds accented Latin to plain letters', () => {
    assert.equal(slugify('Crème brûlée à São Paulo, Ærø!'), 'creme-brulee-a-sao-paulo-ærø');
    assert.equal(slugify('Łódź and Kraków'), 'łodz-and-krakow');
  });
  it('cuts at 80 characters on a letter boundary and never ends with a dash', () => {
    const slug = slugify('word '.repeat(40));
    assert.ok(slug.length <= 80);
    assert.doesNotMatch(slug, /-$/);
    const arabic = slugify('بشأن '.repeat(30));
    assert.ok(arabic.length <= 80);
    assert.ok(arabic.split('-').every((w) => w === 'بشأن'), arabic);
  });
  it('falls back to "article" when nothing readable is left', () => {
    assert.equal(slugify('!!! ???'), 'article');
    assert.equal(slugify('\u0301\u0654'), 'article');
  });
});
