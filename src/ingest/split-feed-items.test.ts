import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { RawItem } from '../domain/raw-item.js';
import { parseFeed } from './parse-feed.js';
import { splitFeedItems } from './split-feed-items.js';

const testdata = (path: string) => readFileSync(new URL(`testdata/${path}`, import.meta.url));

/** The bytes in chunks of `size`, as a file stream delivers them. */
async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Every item of every piece, parsed as parseFeed reads a whole feed. */
async function itemsOfPieces(bytes: Buffer, chunkSize: number, itemsPerPiece = 2): Promise<{ items: RawItem[]; pieces: number }> {
  const items: RawItem[] = [];
  let pieces = 0;
  for await (const piece of splitFeedItems(chunked(bytes, chunkSize), { itemsPerPiece })) {
    pieces++;
    const parsed = parseFeed(piece);
    assert.equal(parsed.kind, 'feed', `piece ${pieces} parses: ${parsed.kind === 'rejected' ? parsed.reason : ''}`);
    if (parsed.kind === 'feed') items.push(...parsed.items);
  }
  return { items, pieces };
}

function wholeItems(bytes: Buffer): RawItem[] {
  const parsed = parseFeed(bytes);
  assert.equal(parsed.kind, 'feed');
  return parsed.kind === 'feed' ? parsed.items : [];
}

describe('splitFeedItems', () => {
  for (const file of ['formats/rss2.xml', 'formats/atom10.xml', 'formats/rdf.xml', 'formats/rss091.xml', 'charsets/windows-1256.xml', 'charsets/iso-8859-1.xml']) {
    it(`cuts ${file} into pieces that read as the whole does`, async () => {
      const bytes = testdata(file);
      const whole = wholeItems(bytes);
      assert.ok(whole.length > 0);
      for (const size of [7, 256, 1 << 20]) {
        const { items } = await itemsOfPieces(bytes, size, 1);
        assert.deepEqual(items, whole, `chunks of ${size} bytes`);
      }
    });
  }

  it('is not fooled by markup inside CDATA and comments, and reads 5,000 items in pieces', async () => {
    const items = Array.from(
      { length: 5000 },
      (_, n) => `<item><title>Story ${n}</title><guid>g-${n}</guid><!-- <item> in a comment --><description><![CDATA[<p>Text with </item> and <item> inside ${n}.</p>]]></description></item>`,
    );
    const bytes = Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${items.join('\n')}</channel></rss>`);
    const { items: read, pieces } = await itemsOfPieces(bytes, 4096, 50);
    assert.equal(pieces, 100);
    assert.equal(read.length, 5000);
    assert.deepEqual(read.map((i) => i.guid), Array.from({ length: 5000 }, (_, n) => `g-${n}`));
    assert.match(read[4999]!.summary ?? read[4999]!.html ?? '', /Text with/);
  });

  it('yields a feed without items as it is', async () => {
    const bytes = Buffer.from('<rss version="2.0"><channel><title>Empty</title></channel></rss>');
    const pieces: Buffer[] = [];
    for await (const piece of splitFeedItems(chunked(bytes, 5))) pieces.push(piece);
    assert.deepEqual(pieces.map(String), [String(bytes)]);
  });
});
