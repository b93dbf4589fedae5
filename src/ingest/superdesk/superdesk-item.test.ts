import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyRawItem } from '../../domain/raw-item.js';
import { readNinjsItem } from '../parse-ninjs.js';
import { superdeskMediaIds, withStoredMedia } from './superdesk-media.js';
import { packageStory, readSuperdeskPackage } from './superdesk-package.js';

const rendition = (id: string) => ({ href: `http://sd.internal/upload-raw/${id}.jpg`, media: `2026/${id}.jpg`, mimetype: 'image/jpeg', width: 1200, height: 800 });
const picture = (id: string, caption: string) => ({ guid: `pic-${id}`, type: 'picture', headline: caption, description_text: caption, renditions: { original: rendition(id) } });

describe('Superdesk items through the ninjs reader', () => {
  it('reads guid as the id, keywords as category terms, and featuremedia as the lead picture whatever its place', () => {
    const read = readNinjsItem({
      guid: 'urn:newsml:sd:1',
      type: 'text',
      headline: 'A story',
      body_html: '<p>Some text of the story.</p>',
      keywords: ['sport', ' '],
      associations: { editor_0: picture('a', 'In the body'), featuremedia: picture('b', 'Featured') },
    });
    assert.equal(read.kind, 'accepted');
    if (read.kind !== 'accepted') return;
    assert.equal(read.item.guid, 'urn:newsml:sd:1');
    assert.ok(read.item.categories.includes('sport'));
    assert.equal(read.item.image?.caption, 'Featured');
  });
});

describe('Superdesk media', () => {
  const item = {
    guid: 'x',
    body_html: '<p>a</p><figure><img src="http://sd.internal/upload-raw/a.jpg?x=1&amp;y=2"></figure><img src="http://sd.internal/upload-raw/b.jpg">',
    renditions: { original: { ...rendition('a'), href: 'http://sd.internal/upload-raw/a.jpg?x=1&y=2' } },
    associations: { featuremedia: picture('b', 'B'), editor_1: { ...picture('c', 'C'), associations: { deep: picture('d', 'D') } }, empty: null },
  };

  it('finds every media id of the item and its associations, once', () => {
    assert.deepEqual(superdeskMediaIds(item).sort(), ['2026/a.jpg', '2026/b.jpg', '2026/c.jpg', '2026/d.jpg']);
    assert.deepEqual(superdeskMediaIds('not an item'), []);
  });

  it('points held media, and the body pictures showing them, at Gazette; leaves the rest and the original untouched', () => {
    const held = new Set(['2026/a.jpg', '2026/b.jpg']);
    const out = withStoredMedia(item, (id) => (held.has(id) ? `https://gz.example/superdesk/n/assets/${id}` : null)) as typeof item;
    assert.equal(out.renditions.original.href, 'https://gz.example/superdesk/n/assets/2026/a.jpg');
    assert.equal(out.associations.featuremedia.renditions.original.href, 'https://gz.example/superdesk/n/assets/2026/b.jpg');
    assert.equal(out.associations.editor_1.renditions.original.href, 'http://sd.internal/upload-raw/c.jpg', 'not held: unchanged');
    assert.ok(out.body_html.includes('src="https://gz.example/superdesk/n/assets/2026/a.jpg"'), out.body_html);
    assert.ok(out.body_html.includes('src="https://gz.example/superdesk/n/assets/2026/b.jpg"'));
    assert.equal(item.renditions.original.href, 'http://sd.internal/upload-raw/a.jpg?x=1&y=2', 'the input is not changed');
  });
});

describe('Superdesk packages', () => {
  it('reads the main text item first, pictures in order, embedded or sent first', () => {
    const pkg = readSuperdeskPackage({
      guid: 'p',
      type: 'composite',
      headline: 'Package',
      pubstatus: 'canceled',
      associations: { 'sidebars-0': { guid: 'side', type: 'text' }, 'main-0': { guid: 'main', type: 'text', headline: 'Main', body_html: '<p>x</p>' }, 'main-1': picture('a', 'A'), 'main-2': { guid: 'pic-b', type: 'picture' } },
    });
    assert.equal(pkg.pubStatus, 'canceled');
    assert.equal(pkg.text?.kind, 'embedded');
    assert.deepEqual(pkg.pictures.map((p) => (p.kind === 'embedded' ? p.item.guid : p.guid)), ['pic-a', 'pic-b']);
  });

  it('makes one story: the text’s own lead first, other pictures under the text once', () => {
    const text = { ...emptyRawItem('Main'), guid: 'main', html: '<p>Body</p>', image: { url: 'https://gz/a.jpg', alt: null, caption: 'A', credit: null, width: null, height: null } };
    const pics = [text.image, { url: 'https://gz/b.jpg', alt: null, caption: 'B "quoted"', credit: 'Ana', width: null, height: null }];
    const story = packageStory(text, pics, 'usable');
    assert.equal(story.image?.url, 'https://gz/a.jpg');
    assert.equal(story.html, '<p>Body</p><figure><img src="https://gz/b.jpg" alt="B &quot;quoted&quot;"><figcaption>B "quoted" Ana</figcaption></figure>');
    assert.equal(packageStory({ ...story }, pics, 'usable').html, story.html, 'a picture already under the text is not added twice');
    assert.equal(packageStory(text, pics, 'canceled').pubStatus, 'canceled');
  });
});
