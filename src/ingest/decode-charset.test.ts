import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { charsetSamples } from './testdata/make-charset-fixtures-data.js';
import { decodeCharset } from './decode-charset.js';
import { parseFeed } from './parse-feed.js';

const bytes = (name: string) => readFileSync(new URL(`./testdata/charsets/${name}`, import.meta.url));

function firstTitle(input: Uint8Array, contentType: string | null = null): string | null {
  const result = parseFeed(input, { contentType });
  assert.equal(result.kind, 'feed', result.kind === 'rejected' ? result.reason : '');
  return result.kind === 'feed' ? result.items[0]!.headline : null;
}

describe('decodeCharset', () => {
  for (const [charset, headline] of Object.entries(charsetSamples)) {
    it(`reads ${charset} declared in the XML declaration`, () => {
      assert.equal(firstTitle(bytes(`${charset}.xml`)), headline);
    });
  }

  it('reads UTF-8 with a BOM and without any declaration', () => {
    assert.deepEqual(decodeCharset(bytes('utf-8-bom.xml')).source, 'bom');
    assert.equal(firstTitle(bytes('utf-8-bom.xml')), charsetSamples['utf-8']);
    assert.equal(firstTitle(bytes('utf-8-undeclared.xml')), charsetSamples['utf-8']);
  });

  it('reads UTF-16 LE and BE with a BOM, and LE without one (XML 1.0 Appendix F)', () => {
    for (const name of ['utf-16le-bom.xml', 'utf-16be-bom.xml', 'utf-16le-no-bom.xml']) {
      assert.equal(firstTitle(bytes(name)), charsetSamples['utf-8'], name);
    }
    assert.equal(decodeCharset(bytes('utf-16be-bom.xml')).charset, 'utf-16be');
    assert.equal(decodeCharset(bytes('utf-16le-no-bom.xml')).source, 'sniffed');
  });

  it('takes the charset from the HTTP header when the document declares none', () => {
    const arabic = bytes('windows-1256-header-only.xml');
    assert.equal(firstTitle(arabic, 'application/rss+xml; charset=windows-1256'), charsetSamples['windows-1256']);
    assert.notEqual(firstTitle(arabic), charsetSamples['windows-1256'], 'without the header the bytes are not Arabic');
  });

  it('lets the HTTP header outrank the XML declaration (RFC 7303 §3)', () => {
    const decoded = decodeCharset(bytes('utf-8-declared-latin1.xml'), { contentType: 'text/xml; charset="UTF-8"' });
    assert.equal(decoded.source, 'http');
    assert.match(decoded.text, /Café crème à Zürich/);
    // Trusting the declaration instead would produce mojibake.
    assert.match(decodeCharset(bytes('utf-8-declared-latin1.xml')).text, /CafÃ©/);
  });

  it('lets a BOM outrank the HTTP header', () => {
    const decoded = decodeCharset(bytes('utf-16le-bom.xml'), { contentType: 'text/xml; charset=iso-8859-1' });
    assert.equal(decoded.source, 'bom');
    assert.match(decoded.text, /Ελλάδα/);
  });

  it('reads the charset of an HTML page from its meta tag', () => {
    const decoded = decodeCharset(bytes('koi8-r-meta.html'));
    assert.deepEqual([decoded.charset, decoded.source], ['koi8-r', 'meta']);
    assert.match(decoded.text, /Новости Москвы/);
  });

  it('falls back to windows-1252 for undeclared bytes that are not UTF-8', () => {
    const decoded = decodeCharset(bytes('windows-1252-undeclared.xml'));
    assert.deepEqual([decoded.charset, decoded.source], ['windows-1252', 'fallback']);
    assert.equal(firstTitle(bytes('windows-1252-undeclared.xml')), charsetSamples['windows-1252']);
  });

  it('skips a charset label it does not know and uses the next source', () => {
    const decoded = decodeCharset(bytes('koi8-r.xml'), { contentType: 'text/xml; charset=x-no-such-charset' });
    assert.equal(decoded.source, 'xml');
    assert.match(decoded.text, /Новости Москвы/);
  });
});
