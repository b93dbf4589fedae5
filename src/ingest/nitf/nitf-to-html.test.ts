import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanBody } from '../../clean/clean-body.js';
import { nitfToHtml, parseNitfDate } from './nitf-to-html.js';
import { readNitfArticle } from './read-nitf-article.js';

const story = `<?xml version="1.0" encoding="UTF-8"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" xml:lang="en">
  <head><title>Harbour reopens</title><docdata><doc-id id-string="wire-2026-0042"/><date.issue norm="20260301T091500Z"/></docdata></head>
  <body>
    <body.head>
      <hedline><hl1>Harbour reopens after storm</hl1><hl2>Ferries run again from noon</hl2></hedline>
      <byline>By <person>Jane Doe</person>, <byttl>Staff Writer</byttl></byline>
      <dateline><location>GOTHENBURG</location>, <story.date>March 1</story.date></dateline>
      <abstract><p>The harbour reopened on Sunday.</p></abstract>
    </body.head>
    <body.content>
      <p>The harbour <em>reopened</em> on Sunday after the storm, the <org>port authority</org> said.</p>
      <block><p>Crews cleared the quay overnight.</p></block>
      <media media-type="image"><media-reference source="https://img.example/quay.jpg" alternate-text="The cleared quay"/><media-caption>The quay on Sunday.</media-caption><media-producer>Photo: Ann Lee</media-producer></media>
      <table><tr><th>Route</th><th>From</th></tr><tr><td>Frederikshavn</td><td>12:00</td></tr></table>
      <ul><li>Stena Line</li><li>DFDS</li></ul>
      <bq><p>We are open again.</p><credit>Port director</credit></bq>
    </body.content>
    <body.end><tagline>Reporting by the wire desk.</tagline></body.end>
  </body>
</nitf>`;

describe('nitfToHtml', () => {
  it('turns the NITF body into HTML and hands back headline, byline, dateline and abstract apart', () => {
    const read = nitfToHtml(story);
    assert.equal(read.headline, 'Harbour reopens after storm');
    assert.equal(read.byline, 'Jane Doe, Staff Writer');
    assert.equal(read.dateline, 'GOTHENBURG');
    assert.equal(read.summary, 'The harbour reopened on Sunday.');
    assert.equal(read.language, 'en');
    assert.equal(read.docId, 'wire-2026-0042');
    assert.equal(read.issued?.toISOString(), '2026-03-01T09:15:00.000Z');
    assert.match(read.html, /^<h2>Ferries run again from noon<\/h2><p>The harbour <em>reopened<\/em> on Sunday/);
    assert.doesNotMatch(read.html, /Harbour reopens after storm/, 'the headline is not repeated in the body');
    assert.match(read.html, /<figure><img src="https:\/\/img\.example\/quay\.jpg" alt="The cleared quay"><figcaption>The quay on Sunday\. Photo: Ann Lee<\/figcaption><\/figure>/);
    assert.match(read.html, /<table><tr><th>Route<\/th><th>From<\/th><\/tr><tr><td>Frederikshavn<\/td><td>12:00<\/td><\/tr><\/table>/);
    assert.match(read.html, /<ul><li>Stena Line<\/li><li>DFDS<\/li><\/ul>/);
    assert.match(read.html, /<blockquote><p>We are open again\.<\/p><p>Port director<\/p><\/blockquote>/);
    assert.match(read.html, /<p>Reporting by the wire desk\.<\/p>$/);
  });

  it('goes through the sanitizer like every body: hostile markup leaves nothing that runs', () => {
    const hostile = `<nitf><body><body.content>
      <p onclick="steal()">Text <a href="javascript:alert(1)">link</a> <script>alert(2)</script></p>
      <media media-type="image"><media-reference source="javascript:alert(3)"/><media-caption>cap<img src=x onerror=alert(4)></media-caption></media>
      <media media-type="video"><media-reference source="data:text/html,&lt;script&gt;alert(5)&lt;/script&gt;" mime-type="video/mp4"/></media>
      <p>&lt;script&gt;alert(6)&lt;/script&gt;</p>
      <style>body{display:none}</style>
      <iframe src="https://evil.example/"></iframe>
    </body.content></body></nitf>`;
    const read = nitfToHtml(hostile);
    const cleaned = cleanBody({ html: read.html, text: null, baseUrl: null });
    assert.ok(cleaned.html, 'a body remains');
    assert.doesNotMatch(cleaned.html!, /<script|onclick|onerror|javascript:|data:text|<iframe|<style|display:none/i);
    assert.match(cleaned.html!, /&lt;script&gt;alert\(6\)&lt;\/script&gt;/, 'escaped text stays text');
    assert.match(cleaned.text!, /Text link/);
  });

  it('reads ISO 8601 dates in basic and extended format', () => {
    assert.equal(parseNitfDate('20130709T103700+0000')?.toISOString(), '2013-07-09T10:37:00.000Z');
    assert.equal(parseNitfDate('20130709')?.toISOString(), '2013-07-09T00:00:00.000Z');
    assert.equal(parseNitfDate('2013-07-09T10:37:00+02:00')?.toISOString(), '2013-07-09T08:37:00.000Z');
    assert.equal(parseNitfDate('yesterday'), null);
  });

  it('reads a standalone NITF file as one item, and refuses unsafe XML', () => {
    const read = readNitfArticle(story, 'harbour.xml', { maxBytes: 1_000_000 });
    assert.equal(read.kind === 'item' && read.item.guid, 'wire-2026-0042');
    const xxe = readNitfArticle('<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]><nitf><body><body.content><p>&x;</p></body.content></body></nitf>', 'x.xml', { maxBytes: 1_000_000 });
    assert.equal(xxe.kind, 'rejected');
    const empty = readNitfArticle('<nitf><head><title>Only a title</title></head></nitf>', 'e.xml', { maxBytes: 1_000_000 });
    assert.match(empty.kind === 'rejected' ? empty.reason : '', /without body text/);
  });
});
