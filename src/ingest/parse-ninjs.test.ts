import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { processItem } from '../pipeline/process-item.js';
import { mapTerm } from '../enrich/categorize.js';
import { parseNinjs, readNinjsItem } from './parse-ninjs.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./testdata/ninjs/${name}`, import.meta.url), 'utf8')) as unknown;

describe('parseNinjs', () => {
  it('reads a ninjs 2.0 wire story: headline, HTML body, by, summary, dates, dateline, subjects, lead image', () => {
    const result = parseNinjs(fixture('ninjs-2.0-wire-story.json'));
    assert.equal(result.kind, 'accepted');
    if (result.kind !== 'accepted') return;
    const [item] = result.items;
    assert.equal(result.items.length, 1);
    assert.equal(item!.guid, 'urn:newsml:wire.example:20260212:nato-air-defence-4417');
    assert.equal(item!.headline, 'NATO allies agree to pool air-defence orders as Rutte urges faster deliveries');
    assert.match(item!.html!, /^<p>BRUSSELS, Feb 12/);
    assert.equal(item!.text, null, 'of an HTML and a text body, the richer one is taken');
    assert.equal(item!.byline, 'Anna Lindqvist and Tomasz Nowak');
    assert.match(item!.summary!, /^Defence ministers from twelve NATO countries/);
    assert.equal(item!.language, 'en-GB');
    assert.equal(item!.publishedAt?.toISOString(), '2026-02-12T06:45:00.000Z');
    assert.equal(item!.updatedAt?.toISOString(), '2026-02-12T08:10:31.000Z');
    assert.equal(item!.dateline, 'Brussels');
    assert.equal(mapTerm(item!.categories[0]!), 'conflict', 'medtop:16000000 maps to our Conflict & Defence category');
    assert.equal(item!.image?.url, 'https://media.wire.example/photo-99120/web.jpg', 'the widest rendition that is not a print master');
    assert.equal(item!.url, null, 'a ninjs uri names the item, it is not a web page');
  });

  it('the 2.0 story goes through the pipeline with its script and handler removed', () => {
    const result = parseNinjs(fixture('ninjs-2.0-wire-story.json'));
    assert.equal(result.kind, 'accepted');
    const processed = processItem(result.kind === 'accepted' ? result.items[0]! : (null as never), { providerId: 1, now: new Date() });
    assert.equal(processed.kind, 'accepted');
    if (processed.kind !== 'accepted') return;
    assert.doesNotMatch(processed.draft.bodyHtml, /script|onclick|trackView/);
    assert.match(processed.draft.bodyText, /Rutte told reporters/);
    assert.equal(processed.draft.language, 'en');
    assert.deepEqual(processed.draft.categories.slice(0, 1), ['conflict']);
  });

  it('reads a ninjs 1.x item: headline, body_text, byline, located, description_text, subject codes, associations map', () => {
    const result = parseNinjs(fixture('ninjs-1.4-press-release.json'));
    assert.equal(result.kind, 'accepted');
    if (result.kind !== 'accepted') return;
    const item = result.items[0]!;
    assert.equal(item.headline, 'Global solar capacity report: installations rose 28% in 2025');
    assert.equal(item.html, null);
    assert.match(item.text!, /China accounted for more than half/);
    assert.equal(item.byline, 'Market Research Desk');
    assert.equal(item.dateline, 'LONDON');
    assert.match(item.summary!, /^Installed solar capacity grew/);
    assert.equal(item.publishedAt?.toISOString(), '2026-02-10T14:00:00.000Z');
    assert.ok(item.categories.map(mapTerm).includes('business'), 'subj:04000000 maps to Business');
    assert.ok(item.categories.includes('Market Research'));
    assert.equal(item.image?.url, 'https://pr.example/media/solar-farm-1200.jpg');
  });

  it('reads an array of items', () => {
    const result = parseNinjs([fixture('ninjs-2.0-wire-story.json'), fixture('ninjs-1.4-press-release.json')]);
    assert.equal(result.kind === 'accepted' && result.items.length, 2);
  });

  it('rejects a document with a bad item, naming the item and the field', () => {
    const result = parseNinjs([fixture('ninjs-1.4-press-release.json'), { uri: 'urn:x:2', headlines: [{ value: 'No body' }] }]);
    assert.equal(result.kind, 'rejected');
    assert.match(result.kind === 'rejected' ? result.reason : '', /item 1: bodies/);
    assert.equal(parseNinjs([]).kind, 'rejected');
    assert.equal(parseNinjs('a string').kind, 'rejected');
  });

  it('lists every problem of one item by field', () => {
    const read = readNinjsItem({ type: 'planning', versioncreated: 'yesterday', language: 'english!', pubstatus: 'killed' });
    assert.equal(read.kind, 'rejected');
    const fields = read.kind === 'rejected' ? read.issues.map((i) => i.field).sort() : [];
    assert.deepEqual(fields, ['headlines', 'language', 'pubStatus', 'type', 'uri', 'versioncreated']);
    const text = readNinjsItem({ uri: 'urn:x:t', headline: 'No body' });
    assert.deepEqual(text.kind === 'rejected' && text.issues.map((i) => i.field), ['bodies']);
  });

  it('passes an embargo on to the pipeline, which holds the item', () => {
    const future = new Date(Date.now() + 86_400_000);
    const read = readNinjsItem({ uri: 'urn:x:e', headline: 'Embargoed', body_text: 'Body.', embargoed: future.toISOString() });
    assert.equal(read.kind === 'accepted' && read.item.embargoedUntil?.getTime(), future.getTime());
    const noTime = readNinjsItem({ uri: 'urn:x:e', headline: 'Embargoed', body_text: 'Body.', pubStatus: 'embargoed' });
    assert.deepEqual(noTime.kind === 'rejected' && noTime.issues.map((i) => i.field), ['embargoed']);
  });

  it('reads a kill notice with nothing but its uri', () => {
    const read = readNinjsItem({ uri: 'urn:x:k', pubStatus: 'canceled' });
    assert.equal(read.kind === 'accepted' && read.item.pubStatus, 'canceled');
  });

  it('prefers the main headline and skips bodies it cannot show', () => {
    const read = readNinjsItem({
      uri: 'urn:x:3',
      headlines: [{ role: 'short', value: 'Short' }, { role: 'main', value: 'The  main\nheadline' }],
      bodies: [{ contenttype: 'application/xml', value: '<x/>' }, { value: 'Plain body.' }],
    });
    assert.equal(read.kind, 'accepted');
    if (read.kind !== 'accepted') return;
    assert.equal(read.item.headline, 'The main headline');
    assert.equal(read.item.text, 'Plain body.');
    assert.equal(read.item.html, null);
  });

  it("gives a video or picture sent with only a caption its caption's first sentence as headline; a text item still needs one", () => {
    const video = readNinjsItem({
      uri: 'urn:x:v',
      type: 'video',
      descriptions: [{ role: 'caption', value: 'Ships wait outside the port. Then they sail in.' }],
      renditions: [{ href: 'https://cdn.example.org/v.mp4', contenttype: 'video/mp4', width: 640 }],
    });
    assert.equal(video.kind === 'accepted' && video.item.headline, 'Ships wait outside the port');
    assert.match(video.kind === 'accepted' ? video.item.html! : '', /<video controls preload="none" src="https:\/\/cdn\.example\.org\/v\.mp4">/);
    const text = readNinjsItem({ uri: 'urn:x:t', type: 'text', descriptions: [{ role: 'summary', value: 'Ships wait. Then they sail.' }] });
    assert.equal(text.kind, 'rejected');
  });
});
