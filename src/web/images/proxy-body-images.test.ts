import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sanitizeHtml } from '../../clean/sanitize-html.js';
import { verifyImagePath } from '../../images/image-signature.js';
import { imageUrls } from './image-urls.js';
import { proxyBodyImages } from './proxy-body-images.js';

const secret = 'body-images-secret-of-32-characters!';
const urls = imageUrls(secret, [320, 640, 960, 1280]);

describe('proxyBodyImages', () => {
  it('points every body picture at a signed endpoint URL of its exact source, lazily loaded', () => {
    const body = sanitizeHtml('<p>One</p><figure><img src="/a b.jpg?x=1&y=2" alt="A &quot;quoted&quot; pier" width="600"><figcaption>Pier</figcaption></figure><img src="https://cdn.example/c.png">', {
      baseUrl: 'https://provider.example/story',
    });
    const out = proxyBodyImages(body, urls);
    const paths = [...out.matchAll(/<img[^>]* src="([^"]+)"/g)].map((m) => m[1]!);
    assert.equal(paths.length, 2);
    const sources = paths.map((p) => {
      const [, , sig, width, encoded] = p.split('/');
      assert.equal(width, '960');
      return verifyImagePath(secret, sig!, 960, encoded!);
    });
    assert.deepEqual(sources, ['https://provider.example/a%20b.jpg?x=1&y=2', 'https://cdn.example/c.png']);
    assert.match(out, /alt="A &quot;quoted&quot; pier"/, 'other attributes stay as the sanitizer wrote them');
    assert.equal(out.match(/loading="lazy"/g)?.length, 2);
    assert.doesNotMatch(out, /provider\.example|cdn\.example/);
  });

  it('leaves a body without pictures as it is', () => {
    const body = sanitizeHtml('<p>No pictures here.</p>', { baseUrl: null });
    assert.equal(proxyBodyImages(body, urls), body);
  });
});

describe('imageUrls.responsive', () => {
  it('offers only widths the original can fill, and the smallest for a tiny original', () => {
    const wide = urls.responsive('https://p.example/a.jpg', 1000);
    assert.deepEqual(wide.srcset.split(', ').map((c) => c.split(' ')[1]), ['320w', '640w', '960w']);
    assert.match(wide.src, /\/640\//);
    const tiny = urls.responsive('https://p.example/b.jpg', 200);
    assert.deepEqual(tiny.srcset.split(', ').map((c) => c.split(' ')[1]), ['200w']);
  });
});
