import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseFeed } from './parse-feed.js';

const fixture = (name: string) => readFileSync(new URL(`./testdata/formats/${name}`, import.meta.url));

function items(name: string, url: string) {
  const result = parseFeed(fixture(name), { url });
  assert.equal(result.kind, 'feed');
  return result.kind === 'feed' ? result.items : [];
}

describe('lead images of RSS and Atom items', () => {
  const [grouped, enclosure, thumbnail] = items('rss2-media.xml', 'https://pictures.example/feed.xml');

  it('takes the picture of a media:group with its own title, credit and size, and the group caption as text', () => {
    assert.deepEqual(grouped!.image, {
      url: 'https://pictures.example/img/barrier-1600.jpg',
      alt: "The flood barrier's gates rising at dawn",
      caption: 'Gates of the barrier, seen from the north bank.',
      credit: 'Reuters/Jane Doe',
      width: 1600,
      height: 900,
    });
  });

  it('takes an image enclosure, resolved against the feed URL, with the item-level Media RSS texts', () => {
    assert.equal(enclosure!.image?.url, 'https://pictures.example/img/ferry.jpg');
    assert.equal(enclosure!.image?.caption, 'The ferry at its new berth.');
    assert.equal(enclosure!.image?.credit, 'Harbour Wire');
  });

  it('falls back to a media:thumbnail past a non-image enclosure, and ignores a title that repeats the headline', () => {
    assert.equal(thumbnail!.image?.url, 'https://pictures.example/img/thumb.png');
    assert.equal(thumbnail!.image?.width, 320);
    assert.equal(thumbnail!.image?.alt, null);
  });

  it('takes an Atom link rel="enclosure" of an image type, not one of another type', () => {
    const [entry] = items('atom-enclosure.xml', 'https://atom.example/feed.atom');
    assert.equal(entry!.image?.url, 'https://atom.example/img/bridge.webp');
  });
});
