import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rawImage } from '../domain/raw-item.js';
import { cleanLeadImage } from './clean-lead-image.js';

describe('cleanLeadImage', () => {
  it('keeps an http(s) picture with its texts on one line', () => {
    assert.deepEqual(cleanLeadImage(rawImage('https://p.example/a.jpg', { alt: ' Cranes\n at dusk ', caption: 'The harbour.', credit: 'Reuters' })), {
      url: 'https://p.example/a.jpg',
      alt: 'Cranes at dusk',
      caption: 'The harbour.',
      credit: 'Reuters',
    });
  });

  it('drops pictures it cannot fetch once and cache, and alt text that repeats the caption', () => {
    for (const url of ['data:image/png;base64,AAAA', 'javascript:alert(1)', '/relative.jpg', 'https://user:pw@p.example/a.jpg', 'ftp://p.example/a.jpg']) {
      assert.equal(cleanLeadImage(rawImage(url)), null, url);
    }
    assert.equal(cleanLeadImage(rawImage('https://p.example/a.jpg', { alt: 'Same', caption: 'Same' }))?.alt, null);
  });

  it('cuts an overlong caption at a word, within the store’s limit', () => {
    const caption = cleanLeadImage(rawImage('https://p.example/a.jpg', { caption: 'word '.repeat(1000) }))?.caption ?? '';
    assert.ok(caption.length <= 2000 && caption.endsWith('…'));
  });
});
