import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeed, type FeedParseResult } from './parse-feed.js';

const NS = 'xmlns="http://iptc.org/std/nar/2006-10-01/"';

function item(itemClass: string, contentMeta: string, contentSet = '', extra = ''): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<newsItem ${NS} guid="urn:newsml:example.org:20260101:one" version="1" standard="NewsML-G2" standardversion="2.35" xml:lang="en">
  ${extra}
  <itemMeta><itemClass qcode="ninat:${itemClass}"/><provider qcode="nprov:Example"/><versionCreated>2026-01-02T10:00:00Z</versionCreated><firstCreated>2026-01-02T09:00:00Z</firstCreated><pubStatus qcode="stat:usable"/></itemMeta>
  <contentMeta>${contentMeta}</contentMeta>
  ${contentSet}
</newsItem>`);
}

function only(result: FeedParseResult) {
  assert.equal(result.kind, 'feed', result.kind === 'rejected' ? result.reason : '');
  const items = (result as Extract<FeedParseResult, { kind: 'feed' }>).items;
  assert.equal(items.length, 1);
  return items[0]!;
}

function refusal(result: FeedParseResult): string {
  assert.equal(result.kind, 'rejected');
  return (result as Extract<FeedParseResult, { kind: 'rejected' }>).reason;
}

const body = '<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>The slalom was won by a skier from Norway.</p></body></html></inlineXML></contentSet>';

describe('NewsML-G2: subjects, captions only, video renditions, items without a headline', () => {
  it('reads a subject given as a mainConcept (qcode or URI) and the names AP asserts for its own codes, not facets', () => {
    const subjects = `<headline>Slalom won</headline>
      <subject><mainConcept qcode="medtop:20001057"><name>alpine skiing</name></mainConcept>
        <facetConcept rel="aspfacet:gender" qcode="aspfacetvalue:women"><name>women</name></facetConcept></subject>
      <subject><mainConcept uri="http://cv.iptc.org/newscodes/mediatopic/20001071"><name>swimming</name></mainConcept></subject>
      <subject type="cpnat:organisation" qcode="apcompany:b406"/>`;
    const assertion = '';
    const read = only(parseFeed(item('text', subjects, body, assertion).toString().replace('</newsItem>', '<assert qcode="apcompany:b406"><name>Volkswagen AG</name><related qcode="apsubject:a4b7"><name>Automobile manufacturing</name></related></assert></newsItem>'), { url: null }));
    assert.deepEqual(read.categories, ['alpine skiing', 'medtop:20001057', 'swimming', 'http://cv.iptc.org/newscodes/mediatopic/20001071', 'apcompany:b406', 'Volkswagen AG', 'Automobile manufacturing']);
  });

  it('makes a video with only a caption a media story: headline from the caption, the best playable rendition, no shot list', () => {
    const meta = `<creditline>AFP</creditline>
      <description role="afpdescRole:synthe">- Ana Lima, mayor of the port city - Jo Ng, harbour master</description>
      <description role="afpdescRole:script">SHOTLIST: the harbour at dawn. SOUNDBITE 1 - Ana Lima: "We reopen today."</description>`;
    const renditions = `<contentSet>
      <remoteContent contenttype="video/mpeg-2" href="http://cdn.example.org/v.mpg" width="720" height="576"/>
      <remoteContent contenttype="video/mp4-1920x1080" href="http://cdn.example.org/v.1920.mp4" width="1920" height="1080"/>
      <remoteContent contenttype="video/mp4-1280x720" href="http://cdn.example.org/v.1280.mp4" width="1280" height="720"/>
    </contentSet>`;
    const read = only(parseFeed(item('video', meta, renditions), { url: null }));
    assert.equal(read.headline, 'Ana Lima, mayor of the port city');
    assert.equal(read.publishedAt?.toISOString(), '2026-01-02T09:00:00.000Z');
    // MPEG-2 does not play in browsers; of the MP4s the smaller one streams to phones.
    assert.match(read.html!, /^<figure><video controls preload="none" src="http:\/\/cdn\.example\.org\/v\.1280\.mp4"><\/video><\/figure>/);
    assert.match(read.html!, /<\/figure><p>Ana Lima, mayor of the port city - Jo Ng, harbour master<\/p><p><small>AFP/);
    assert.doesNotMatch(read.html!, /SHOTLIST/, 'the broadcasters\' shot list is not the story');
    assert.match(read.html!, /<p><small>AFP<\/small><\/p>$/);
  });

  it('refuses an item without a headline, naming its class and what it lacks', () => {
    assert.match(refusal(parseFeed(item('text', '<subject qcode="medtop:15000000"/>'), { url: null })), /^This NewsML-G2 text item carries metadata only \(1 subject\): no headline and no content/);
    assert.match(refusal(parseFeed(item('text', '<language tag="en"/>', body), { url: null })), /^This NewsML-G2 text item has content but no headline/);
    assert.match(refusal(parseFeed(item('video', ''), { url: null })), /^This NewsML-G2 video item carries metadata only: no headline and no content/);
    assert.match(refusal(parseFeed(Buffer.from(`<newsMessage ${NS}><itemSet><newsItem guid="N1"> ..... </newsItem></itemSet></newsMessage>`), { url: null })), /^This NewsML-G2 newsItem is empty/);
  });

  it('prefers an agency headline to the caption', () => {
    const read = only(parseFeed(item('picture', '<headline>Port reopens</headline><description role="drol:caption">Ships wait. Then they sail.</description>', '<contentSet><remoteContent contenttype="image/jpeg" href="http://cdn.example.org/p.jpg" width="1024"/></contentSet>'), { url: null }));
    assert.equal(read.headline, 'Port reopens');
    assert.equal(read.image?.url, 'http://cdn.example.org/p.jpg');
    assert.equal(read.image?.caption, 'Ships wait. Then they sail.');
  });
});
