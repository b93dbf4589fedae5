import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseFeed } from './parse-feed.js';

const seeds = ['rss2.xml', 'atom10.xml', 'rdf.xml', 'json-feed-1.1.json', 'newsml-g2-item.xml'].map((name) =>
  readFileSync(new URL(`./testdata/formats/${name}`, import.meta.url), 'utf8'),
);

/** parseFeed must answer with data for any input: never throw. */
function answers(input: Uint8Array | string, contentType: string | null = null): void {
  const result = parseFeed(input, { contentType });
  assert.ok(result.kind === 'feed' || (result.kind === 'rejected' && result.reason.length > 0));
}

describe('parseFeed never throws', () => {
  it('on random bytes, with or without a charset header', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(null, 'text/xml; charset=utf-16', 'text/xml; charset=koi8-r'), (bytes, ct) => answers(bytes, ct)),
      { numRuns: 300 },
    );
  });

  it('on random text made of XML-ish pieces', () => {
    const piece = fc.constantFrom('<rss>', '</rss>', '<channel>', '<item>', '</item>', '<title>', '</title>', '<feed>', '<entry>', '<![CDATA[', ']]>', '<!DOCTYPE x [', '<!ENTITY a "&a;">', ']>', '&a;', '&amp;', '&eacute;', '&#0;', '<', '>', '"', '{', '"version":"https://jsonfeed.org/version/1"', 'x', ' ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 200 }), (parts) => answers(parts.join(''))), { numRuns: 300 });
  });

  it('on real feeds cut short or with a slice replaced by garbage', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.nat(), fc.nat(), fc.string({ maxLength: 40 }), (seed, a, b, junk) => {
        const i = a % seed.length;
        const j = i + (b % 200);
        answers(seed.slice(0, i));
        answers(seed.slice(0, i) + junk + seed.slice(j));
      }),
      { numRuns: 300 },
    );
  });
});
