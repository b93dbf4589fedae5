import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeed as parseIndependently } from 'feedsmith';
import { trustSanitizedHtml } from '../domain/safe-html.js';
import { parseFeed } from '../ingest/parse-feed.js';
import { renderAtom } from './atom.js';
import type { FeedDocument } from './feed-document.js';
import { renderJsonFeed } from './json-feed.js';
import { renderRss } from './rss.js';

/** Everything that breaks naive XML and JSON writers, in one string. */
const HOSTILE = `Q&A: <b>"bold"</b> & 'quoted' ]]> end\u0001\u0007\u001B — مرحبا بالعالم (RTL) 😀🇺🇦 ‏עברית‏`;
/** What survives: XML 1.0 cannot carry C0 controls, so every format drops them alike. */
const SURVIVING = HOSTILE.replace(/[\u0001\u0007\u001B]/g, '');
/**
 * What Gazette's own reader keeps of it as a headline: feeds put markup in titles, so the
 * reader takes a title that looks like HTML as HTML and keeps its text (the tags go).
 */
const SURVIVING_AS_HEADLINE = SURVIVING.replace(/<\/?b>/g, '');

const published = new Date('2026-03-01T08:15:30.000Z');
const updated = new Date('2026-03-02T09:00:00.000Z');

function hostileFeed(): FeedDocument {
  return {
    title: `Feed ${HOSTILE}`,
    description: `About ${HOSTILE}`,
    homePageUrl: 'https://news.example/category/business',
    selfUrls: { rss: 'https://news.example/feeds/category/business.rss', atom: 'https://news.example/feeds/category/business.atom', json: 'https://news.example/feeds/category/business.json' },
    hubUrl: 'https://hub.example/',
    updatedAt: updated,
    entries: [
      {
        id: 'https://news.example/article/42',
        url: 'https://news.example/article/42/q-a-bold',
        title: HOSTILE,
        summary: `Summary ${HOSTILE}`,
        contentHtml: trustSanitizedHtml(`<p>Body ${HOSTILE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`),
        author: { name: `Wire & <Co> ${HOSTILE}`, url: 'https://news.example/provider/wire' },
        categories: [
          { term: 'business', url: 'https://news.example/category/business' },
          { term: 'world', url: 'https://news.example/category/world' },
        ],
        language: 'ar',
        publishedAt: published,
        updatedAt: updated,
        image: {
          url: 'https://news.example/img/sig/1280/aHR0cHM6Ly9jZG4ud2lyZS5leGFtcGxlL3AuanBn',
          type: 'image/jpeg',
          width: 1280,
          height: 720,
          renditions: [],
          source: { url: 'https://cdn.wire.example/p.jpg', width: 2400, height: 1350 },
          alt: `Alt ${HOSTILE}`,
          caption: `Caption ${HOSTILE}`,
          credit: `Wire/Jane & <Doe>`,
        },
      },
    ],
  };
}

const IMAGE_URL = 'https://news.example/img/sig/1280/aHR0cHM6Ly9jZG4ud2lyZS5leGFtcGxlL3AuanBn';

const bodyOut = `<p>Body ${SURVIVING.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`;

/** XML character data decoded once: the five predefined entities (XML 1.0 §4.6). */
const xmlCharData = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);

describe('outbound feed serializers', () => {
  it('RSS 2.0 round-trips hostile text exactly through an independent parser and Gazette’s own', () => {
    const xml = renderRss(hostileFeed());
    assert.doesNotMatch(xml, /[\u0001\u0007\u001B]/);
    const parsed = parseIndependently(xml);
    assert.equal(parsed.format, 'rss');
    const feed = parsed.feed as any;
    assert.equal(feed.title, `Feed ${SURVIVING}`);
    assert.equal(feed.description, `About ${SURVIVING}`);
    assert.equal(feed.link, 'https://news.example/category/business');
    const item = feed.items[0];
    assert.equal(item.title, SURVIVING);
    assert.equal(item.link, 'https://news.example/article/42/q-a-bold');
    assert.deepEqual(item.guid, { value: 'https://news.example/article/42', isPermaLink: true });
    assert.equal(new Date(item.pubDate).getTime(), published.getTime() - published.getMilliseconds());
    assert.deepEqual(item.dc.creators, [`Wire & <Co> ${SURVIVING}`]);
    assert.deepEqual(item.categories.map((c: { name: string }) => c.name), ['business', 'world']);
    assert.equal(item.description, `Summary ${SURVIVING}`);
    // feedsmith decodes entities once more inside content:encoded (it treats it as HTML
    // text), so the exact body is read with a plain XML character-data decode.
    assert.match(item.content.encoded, /^<p>Body Q&(amp;)?A: /);
    assert.equal(xmlCharData(/<content:encoded>([^<]*)<\/content:encoded>/.exec(xml)![1]!), bodyOut);
    assert.match(xml, /<atom:link rel="self" type="application\/rss\+xml" href="https:\/\/news.example\/feeds\/category\/business.rss"\/>/);
    assert.match(xml, /<atom:link rel="hub" href="https:\/\/hub.example\/"\/>/);
    // The lead picture: an enclosure (size in bytes unknown: 0) and Media RSS with its texts.
    assert.deepEqual(item.enclosures, [{ url: IMAGE_URL, length: 0, type: 'image/jpeg' }]);
    assert.deepEqual(item.media.contents, [
      {
        url: IMAGE_URL,
        type: 'image/jpeg',
        medium: 'image',
        width: 1280,
        height: 720,
        title: { value: `Alt ${SURVIVING}`, type: 'plain' },
        description: { value: `Caption ${SURVIVING}`, type: 'plain' },
        credits: [{ value: 'Wire/Jane & <Doe>' }],
      },
    ]);

    const own = parseFeed(xml);
    assert.equal(own.kind, 'feed');
    if (own.kind !== 'feed') return;
    assert.equal(own.feed.selfUrl, 'https://news.example/feeds/category/business.rss');
    assert.equal(own.feed.hubUrl, 'https://hub.example/');
    assert.equal(own.items[0]!.headline, SURVIVING_AS_HEADLINE);
    assert.match(own.items[0]!.html!, /😀🇺🇦 ‏עברית‏<\/p>$/);
    // Gazette's reader takes Media RSS texts that look like HTML as HTML; the picture itself is exact.
    assert.deepEqual([own.items[0]!.image?.url, own.items[0]!.image?.width, own.items[0]!.image?.height], [IMAGE_URL, 1280, 720]);
    assert.match(own.items[0]!.image!.caption!, /^Caption Q&A: "bold" & 'quoted' \]\]> end/);
  });

  it('Atom 1.0 round-trips hostile text exactly, with every element RFC 4287 requires', () => {
    const xml = renderAtom(hostileFeed());
    const parsed = parseIndependently(xml);
    assert.equal(parsed.format, 'atom');
    const feed = parsed.feed as any;
    assert.equal(feed.id, 'https://news.example/feeds/category/business.atom');
    assert.equal(feed.title.value, `Feed ${SURVIVING}`);
    assert.equal(feed.subtitle.value, `About ${SURVIVING}`);
    assert.equal(feed.updated, updated.toISOString());
    assert.deepEqual(
      feed.links.map((l: { rel: string; href: string }) => [l.rel, l.href]),
      [
        ['self', 'https://news.example/feeds/category/business.atom'],
        ['alternate', 'https://news.example/category/business'],
        ['hub', 'https://hub.example/'],
      ],
    );
    const entry = feed.entries[0];
    assert.deepEqual(entry.links[1], { href: IMAGE_URL, rel: 'enclosure', type: 'image/jpeg', title: `Alt ${SURVIVING}` });
    assert.equal(entry.media.contents[0].description.value, `Caption ${SURVIVING}`);
    assert.deepEqual(entry.media.contents[0].credits, [{ value: 'Wire/Jane & <Doe>' }]);
    assert.equal(entry.id, 'https://news.example/article/42');
    assert.equal(entry.title.value, SURVIVING);
    assert.equal(entry.published, published.toISOString());
    assert.equal(entry.updated, updated.toISOString());
    assert.equal(entry.authors[0].name, `Wire & <Co> ${SURVIVING}`);
    assert.equal(entry.summary.value, `Summary ${SURVIVING}`);
    assert.deepEqual(entry.content, { type: 'html', value: bodyOut });
    assert.equal(entry.xml.lang, 'ar');
    assert.deepEqual(entry.categories.map((c: { term: string }) => c.term), ['business', 'world']);

    const own = parseFeed(xml);
    assert.equal(own.kind, 'feed');
    if (own.kind !== 'feed') return;
    assert.equal(own.items[0]!.headline, SURVIVING_AS_HEADLINE);
    assert.match(own.items[0]!.html!, /😀🇺🇦 ‏עברית‏<\/p>$/);
    assert.equal(own.items[0]!.guid, 'https://news.example/article/42');
    assert.equal(own.items[0]!.image?.url, IMAGE_URL);
    assert.match(own.items[0]!.image!.caption!, /^Caption Q&A: /);
  });

  it('JSON Feed 1.1 round-trips hostile text exactly (JSON carries control characters; they are kept)', () => {
    const json = renderJsonFeed(hostileFeed());
    const parsed = parseIndependently(json);
    assert.equal(parsed.format, 'json');
    const feed = parsed.feed as any;
    assert.equal(feed.feed_url, 'https://news.example/feeds/category/business.json');
    const item = feed.items[0];
    assert.equal(item.id, 'https://news.example/article/42');
    assert.equal(item.title, HOSTILE);
    assert.equal(item.date_published, published.toISOString());
    assert.equal(item.date_modified, updated.toISOString());
    assert.deepEqual(item.tags, ['business', 'world']);
    assert.equal(item.authors[0].name, `Wire & <Co> ${HOSTILE}`);
    assert.equal(item.language, 'ar');
    const raw = JSON.parse(json);
    assert.equal(raw.version, 'https://jsonfeed.org/version/1.1');
    assert.deepEqual(raw.hubs, [{ type: 'WebSub', url: 'https://hub.example/' }]);
    assert.equal(item.image, IMAGE_URL);
    assert.deepEqual(raw.items[0]._gazette.image, {
      url: IMAGE_URL,
      type: 'image/jpeg',
      width: 1280,
      height: 720,
      alt: `Alt ${HOSTILE}`,
      caption: `Caption ${HOSTILE}`,
      credit: 'Wire/Jane & <Doe>',
    });

    const own = parseFeed(json);
    assert.equal(own.kind, 'feed');
    if (own.kind === 'feed') assert.equal(own.items[0]!.image?.url, IMAGE_URL);
  });

  it('an entry without a picture has no enclosure, media element or image in any format', () => {
    const feed = hostileFeed();
    feed.entries[0]!.image = null;
    assert.doesNotMatch(renderRss(feed), /<enclosure|<media:/);
    assert.doesNotMatch(renderAtom(feed), /rel="enclosure"|<media:content/);
    const item = JSON.parse(renderJsonFeed(feed)).items[0];
    assert.equal('image' in item || '_gazette' in item, false);
  });

  it('an empty listing is still a valid feed in every format', () => {
    const empty = { ...hostileFeed(), entries: [], updatedAt: new Date(0) };
    for (const text of [renderRss(empty), renderAtom(empty), renderJsonFeed(empty)]) {
      const parsed = parseFeed(text);
      assert.equal(parsed.kind, 'feed');
      if (parsed.kind === 'feed') assert.equal(parsed.items.length, 0);
    }
  });
});
