import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeed, type FeedParseResult } from './parse-feed.js';
import { readNinjsItem } from './parse-ninjs.js';
import { readPushArticle } from './push-payload.js';
import { plainTextField } from './html-to-text.js';

function items(result: FeedParseResult) {
  assert.equal(result.kind, 'feed', result.kind === 'rejected' ? result.reason : '');
  return (result as Extract<FeedParseResult, { kind: 'feed' }>).items;
}

const hostileTitle = 'Markets rally &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;as rates fall';

describe('plain-text feed fields', () => {
  it('drops tags and script content from a title and decodes entities once', () => {
    assert.equal(plainTextField('Markets rally <script>alert(1)</script><img src=x onerror=alert(2)>as rates fall'), 'Markets rally as rates fall');
    assert.equal(plainTextField('Q3 &amp; Q4: <b>Apple</b> &amp;amp; peers'), 'Q3 & Q4: Apple &amp; peers');
    assert.equal(plainTextField('AT&T beats forecasts as 5 < 6'), 'AT&T beats forecasts as 5 < 6');
    assert.equal(plainTextField('<script>alert(1)</script>'), null);
  });

  it('cleans RSS 2.0 titles, authors and descriptions', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire &lt;b&gt;desk&lt;/b&gt;</title><link>https://w.example/</link>
      <item><title>${hostileTitle}</title><link>https://w.example/a</link><author>desk@w.example (Ana &lt;i&gt;Lima&lt;/i&gt;)</author>
      <description>&lt;p&gt;Full story &lt;a href="/x"&gt;here&lt;/a&gt; with more text.&lt;/p&gt;</description>
      <content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;p&gt;The body.&lt;/p&gt;</content:encoded></item></channel></rss>`;
    const result = parseFeed(rss);
    assert.equal(result.kind === 'feed' && result.feed.title, 'Wire desk');
    const [item] = items(result);
    assert.equal(item!.headline, 'Markets rally as rates fall');
    assert.equal(item!.byline, 'Ana Lima');
    assert.equal(item!.summary, 'Full story here with more text.');
  });

  it('cleans Atom html titles and JSON Feed titles', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2026-01-01T00:00:00Z</updated>
      <entry><id>urn:a:1</id><title type="html">${hostileTitle}</title><updated>2026-01-01T00:00:00Z</updated><content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>`;
    assert.equal(items(parseFeed(atom))[0]!.headline, 'Markets rally as rates fall');
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      items: [{ id: '1', title: 'Oil <script>steal()</script>slips <img src=x onerror="x()">', content_html: '<p>Body</p>', authors: [{ name: '<b>Jo</b> Doe' }] }],
    });
    const [item] = items(parseFeed(json));
    assert.equal(item!.headline, 'Oil slips');
    assert.equal(item!.byline, 'Jo Doe');
  });

  it('cleans ninjs and pushed articles', () => {
    const ninjs = readNinjsItem({ uri: 'urn:n:1', headline: 'Vote <script>x()</script>delayed', body_text: 'Body text.', byline: '<i>Staff</i>' });
    assert.equal(ninjs.kind === 'accepted' && ninjs.item.headline, 'Vote delayed');
    assert.equal(ninjs.kind === 'accepted' && ninjs.item.byline, 'Staff');
    const pushed = readPushArticle({ guid: 'p-1', headline: 'Rates <img src=x onerror=alert(1)>cut', body_text: 'Body text.', summary: 'A &amp; B' });
    assert.equal(pushed.kind === 'accepted' && pushed.pushed.item.headline, 'Rates cut');
    assert.equal(pushed.kind === 'accepted' && pushed.pushed.item.summary, 'A & B');
  });
});
