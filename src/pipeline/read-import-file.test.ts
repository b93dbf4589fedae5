import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readImportBytes } from './read-import-file.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readImportBytes: HTML pages', () => {
  it('rejects a page with no article with the extractor’s reason, never importing its <body>', async () => {
    const links = Array.from({ length: 25 }, (_, i) => `<li><a href="/section/${i}">Section number ${i} of the site</a></li>`).join('');
    const result = await readImportBytes(bytes(`<html><head><title>Home</title></head><body><nav><ul>${links}</ul></nav><div class="menu"><ul>${links}</ul></div></body></html>`), 'home.html');
    assert.equal(result.kind, 'rejected');
    assert.match(result.kind === 'rejected' ? result.reason : '', /No article found/);
  });

  it('imports the article of a page that has one', async () => {
    const paragraph = '<p>Dredging of the harbour channel started on Monday and will take six weeks, the port authority said in a statement.</p>';
    const result = await readImportBytes(bytes(`<html><head><title>Harbour</title></head><body><article><h1>Harbour dredging starts</h1>${paragraph.repeat(3)}</article></body></html>`), 'harbour.html');
    assert.equal(result.kind, 'items');
    if (result.kind !== 'items') return;
    assert.equal(result.format, 'html-page');
    assert.match(result.items[0]!.html ?? '', /Dredging of the harbour channel/);
  });
});

describe('readImportBytes: agency files', () => {
  it('reads a standalone NITF article and a NewsML 1.2 release by their content', async () => {
    const nitf = '<?xml version="1.0"?><nitf><head><docdata><doc-id id-string="nitf-1"/></docdata></head><body><body.head><hedline><hl1>Dam opens</hl1></hedline></body.head><body.content><p>The dam opened on Monday.</p></body.content></body></nitf>';
    const read = await readImportBytes(Buffer.from(nitf), 'story.txt');
    assert.equal(read.kind === 'items' && read.format, 'nitf');
    assert.equal(read.kind === 'items' && read.items[0]!.headline, 'Dam opens');
    const newsml = await readImportBytes(readFileSync(new URL('../ingest/testdata/agency/ninjs/NewsML/businesswire-newsml-20130731006140.xml', import.meta.url)), 'release.xml');
    assert.equal(newsml.kind === 'items' && newsml.format, 'newsml-1');
  });
});
