import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseFeed, type FeedParseResult } from './parse-feed.js';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url));

function feedOf(result: FeedParseResult) {
  assert.equal(result.kind, 'feed', result.kind === 'rejected' ? result.reason : '');
  return result as Extract<FeedParseResult, { kind: 'feed' }>;
}

describe('parseFeed: formats', () => {
  it('reads RSS 2.0 with content:encoded, dc:creator, media:content, enclosures, hub and self links', () => {
    const { feed, items } = feedOf(parseFeed(fixture('formats/rss2.xml'), { url: 'https://harbour.example/feed.xml' }));
    assert.deepEqual(feed, {
      title: 'Harbour Wire',
      link: 'https://harbour.example/',
      hubUrl: 'https://hub.harbour.example/',
      selfUrl: 'https://harbour.example/feed.xml',
      format: 'rss',
    });
    assert.equal(items.length, 2);
    const [first, second] = items;
    assert.equal(first!.guid, 'harbour-1001');
    assert.equal(first!.headline, 'Port reopens after storm');
    assert.equal(first!.url, 'https://harbour.example/news/port-reopens', 'relative link resolved against the feed URL');
    assert.match(first!.html!, /two-day closure/);
    assert.equal(first!.summary, 'The port reopened on Tuesday.');
    assert.equal(first!.byline, 'Ana Lima');
    assert.deepEqual(first!.categories, ['Business', 'Shipping']);
    assert.equal(first!.image?.url, 'https://img.harbour.example/port.jpg');
    assert.equal(first!.language, 'en-gb');
    assert.equal(first!.publishedAt?.toISOString(), '2025-06-03T08:30:00.000Z');
    // RSS 2.0 without content:encoded: the description is the body.
    assert.match(second!.html!, /<b>summer<\/b>/);
    assert.equal(second!.summary, null);
    assert.equal(second!.image?.url, 'https://img.harbour.example/ferry.jpg');
    assert.equal(second!.publishedAt?.toISOString(), '2025-06-02T16:00:00.000Z');
  });

  it('reads RSS 0.91 with its external DTD ignored and HTML entities decoded', () => {
    const { feed, items } = feedOf(parseFeed(fixture('formats/rss091.xml'), {}));
    assert.equal(feed.title, 'Old Town Gazette');
    assert.equal(items[0]!.headline, 'Café opens on the square');
    assert.match(items[0]!.text ?? items[0]!.html ?? '', /café opened — with a terrace/);
  });

  it('reads RSS 1.0 (RDF) with Dublin Core creator, date, subject and language', () => {
    const { feed, items } = feedOf(parseFeed(fixture('formats/rdf.xml'), {}));
    assert.equal(feed.format, 'rdf');
    assert.equal(feed.title, 'Valley Times');
    const item = items[0]!;
    assert.equal(item.headline, 'Brücke wird saniert');
    assert.equal(item.url, 'https://valley.example/a/1');
    assert.equal(item.byline, 'Jonas Weber');
    assert.equal(item.publishedAt?.toISOString(), '2025-05-20T08:00:00.000Z');
    assert.equal(item.language, 'de');
    assert.deepEqual(item.categories, ['Politics']);
  });

  it('reads Atom 1.0 with xml:base, xml:lang, html content, summary and dates (RFC 4287)', () => {
    const { feed, items } = feedOf(parseFeed(fixture('formats/atom10.xml'), { url: 'https://other.example/x' }));
    assert.equal(feed.format, 'atom');
    assert.equal(feed.title, 'Presse Libre');
    assert.equal(feed.link, 'https://presse.example/');
    assert.equal(feed.selfUrl, 'https://presse.example/atom.xml');
    assert.equal(feed.hubUrl, 'https://pubsubhubbub.example/');
    const item = items[0]!;
    assert.equal(item.guid, 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a');
    assert.equal(item.url, 'https://presse.example/articles/budget', 'xml:base wins over the fetch URL');
    assert.equal(item.html, '<p>Le Parlement a adopté le budget mardi soir.</p>');
    assert.equal(item.summary, 'Le Parlement a adopté le budget.');
    assert.equal(item.byline, 'Claire Martin');
    assert.equal(item.language, 'fr');
    assert.deepEqual(item.categories, ['Politics']);
    assert.equal(item.publishedAt?.toISOString(), '2025-06-01T09:00:00.000Z');
    assert.equal(item.updatedAt?.toISOString(), '2025-06-01T11:30:00.000Z');
  });

  it('reads Atom 0.3 leniently', () => {
    const { items } = feedOf(parseFeed(fixture('formats/atom03.xml'), {}));
    assert.equal(items[0]!.headline, 'An old entry');
    assert.equal(items[0]!.url, 'http://legacy.example/old');
    assert.match(items[0]!.html ?? '', /Written in 2005/);
  });

  it('reads JSON Feed 1.1 with hubs, authors, tags, image and per-item language', () => {
    const { feed, items } = feedOf(parseFeed(fixture('formats/json-feed-1.1.json'), {}));
    assert.deepEqual(feed, {
      title: 'Metro JSON',
      link: 'https://metro.example/',
      hubUrl: 'https://hub.metro.example/',
      selfUrl: 'https://metro.example/feed.json',
      format: 'json-feed',
    });
    const [tram, note] = items;
    assert.equal(tram!.url, 'https://metro.example/2025/06/tram');
    assert.equal(tram!.image?.url, 'https://metro.example/img/tram.jpg');
    assert.equal(tram!.byline, 'Sam Okoye');
    assert.deepEqual(tram!.categories, ['Transport', 'Business']);
    assert.equal(tram!.updatedAt?.toISOString(), '2025-06-02T09:00:00.000Z');
    assert.equal(note!.guid, '78');
    assert.equal(note!.text, 'Only text here.');
    assert.equal(note!.language, 'es');
  });

  it('reads JSON Feed 1.0 with the single author object', () => {
    const { items } = feedOf(parseFeed(fixture('formats/json-feed-1.0.json'), {}));
    assert.equal(items[0]!.byline, 'Lee');
  });

  it('reads a NewsML-G2 newsItem: headline, XHTML body, subjects, dates, language, image', () => {
    const { feed, items } = feedOf(parseFeed(fixture('formats/newsml-g2-item.xml'), {}));
    assert.equal(feed.format, 'newsml-g2');
    const item = items[0]!;
    assert.equal(item.guid, 'urn:newsml:agency.example:20250603:wire-5521');
    assert.equal(item.headline, 'Trade talks resume in Geneva');
    assert.match(item.html!, /^<p>Negotiators met again on Tuesday &amp; agreed an agenda\.<\/p>/);
    assert.doesNotMatch(item.html!, /<title>/);
    assert.equal(item.summary, 'Negotiators met again on Tuesday.');
    assert.equal(item.byline, 'By Priya Nair');
    assert.equal(item.dateline, 'GENEVA');
    assert.equal(item.language, 'en-GB');
    assert.deepEqual(item.categories, ['Business', 'medtop:04000000', 'medtop:20000344']);
    assert.equal(item.publishedAt?.toISOString(), '2025-06-03T09:40:00.000Z');
    assert.equal(item.updatedAt?.toISOString(), '2025-06-03T10:15:00.000Z');
    assert.equal(item.url, 'https://agency.example/stories/5521');
    assert.equal(item.image?.url, 'https://agency.example/img/5521.jpg');
  });

  it('reads every newsItem of a NewsML-G2 newsMessage, with inlineData text bodies', () => {
    const { items } = feedOf(parseFeed(fixture('formats/newsml-g2-message.xml'), {}));
    assert.deepEqual(items.map((i) => [i.headline, i.language, i.text]), [
      ['Lluvias en el norte', 'es', 'Fuertes lluvias afectan al norte del país.'],
      ['Segunda nota', 'es', 'Texto de la segunda nota.'],
    ]);
  });

  it('accepts a string as well as bytes', () => {
    const { items } = feedOf(parseFeed(fixture('formats/rss2.xml').toString('utf8'), {}));
    assert.equal(items.length, 2);
  });
});

describe('parseFeed: malformed input', () => {
  it('reads a feed with undefined entities, keeping the unknown ones as text', () => {
    const { feed, items } = feedOf(parseFeed(fixture('malformed/undefined-entities.xml'), {}));
    assert.equal(feed.title, 'Entities & more &foo; été');
    assert.equal(items[0]!.headline, 'R&D spending … up');
    assert.match(items[0]!.text ?? items[0]!.html ?? '', /Price £5 &bogus; ok/);
  });

  it('reads what it can of a feed with unclosed tags', () => {
    const { items } = feedOf(parseFeed(fixture('malformed/unclosed-tags.xml'), {}));
    assert.ok(items.length >= 1);
    assert.equal(items[0]!.headline, 'First story');
  });

  it('rejects garbage bytes with a reason', () => {
    const result = parseFeed(fixture('malformed/garbage.bin'), {});
    assert.equal(result.kind, 'rejected');
  });

  it('rejects an HTML page, an empty document and non-feed JSON with readable reasons', () => {
    for (const [input, pattern] of [
      [fixture('malformed/html-page.xml'), /HTML page/],
      ['   ', /empty/],
      ['{"hello": "world"}', /not a JSON Feed/],
      ['{"version": "https://jsonfeed.org/version/1.1", "items": 3}', /"items" must be an array/],
    ] as const) {
      const result = parseFeed(input, {});
      assert.equal(result.kind, 'rejected');
      assert.match((result as { reason: string }).reason, pattern);
    }
  });

  it('refuses a document over the size limit before reading it', () => {
    const result = parseFeed(fixture('formats/rss2.xml'), { maxBytes: 100 });
    assert.equal(result.kind, 'rejected');
    assert.match((result as { reason: string }).reason, /more than the limit of 100/);
  });
});

describe('parseFeed: XML attacks', () => {
  it('refuses an external entity (XXE) and resolves nothing', () => {
    for (const name of ['malformed/xxe.xml', 'malformed/xxe-parameter.xml']) {
      const result = parseFeed(fixture(name), {});
      assert.equal(result.kind, 'rejected', name);
      assert.match((result as { reason: string }).reason, /external entit/);
      assert.doesNotMatch(JSON.stringify(result), /root:/);
    }
  });

  it('refuses a billion-laughs entity bomb without expanding it', () => {
    const result = parseFeed(fixture('malformed/billion-laughs.xml'), {});
    assert.equal(result.kind, 'rejected');
    assert.match((result as { reason: string }).reason, /entity "lol\d" would expand to more than/);
  });

  it('refuses a quadratic blow-up (one large entity referenced many times)', () => {
    const big = 'x'.repeat(50_000);
    const refs = '&big;'.repeat(1_000);
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "${big}">]><rss><channel><title>${refs}</title></channel></rss>`;
    const result = parseFeed(xml, { maxBytes: 20_000_000 });
    assert.equal(result.kind, 'rejected');
    assert.match((result as { reason: string }).reason, /entity-expansion attack/);
  });

  it('refuses a feed nested 200,000 levels deep before parsing it, and reads one whose items carry unclosed HTML', () => {
    // 1.4 MB: the XML reader overflowed its stack and the tag-soup fallback then took 30 s.
    const depth = 200_000;
    const deep = `<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title><item><title>Deep item</title><guid>d1</guid><description>${'<x>'.repeat(depth)}text${'</x>'.repeat(depth)}</description></item></channel></rss>`;
    const result = parseFeed(deep, {});
    assert.equal(result.kind, 'rejected');
    assert.match((result as { reason: string }).reason, /nests elements more than 1000 levels deep/);
    // Paragraphs and line breaks left open, in CDATA and outside it, are not nesting.
    const loose = '<p>Line<br>'.repeat(1_200);
    const soup = `<?xml version="1.0"?><rss version="2.0"><channel><title>Loose</title><item><title>One</title><guid>l1</guid><description><![CDATA[${'<b>'.repeat(1_500)}]]></description></item><item><title>Two</title><guid>l2</guid><description>${loose}</description></item></channel></rss>`;
    assert.equal(feedOf(parseFeed(soup, {})).items.length, 2);
  });

  it('expands small internal entities as XML says', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY org "Harbour &amp; Co"><!ENTITY name "&org; Wire">]><rss version="2.0"><channel><title>&name;</title></channel></rss>`;
    const { feed } = feedOf(parseFeed(xml, {}));
    assert.equal(feed.title, 'Harbour & Co Wire');
  });
});
