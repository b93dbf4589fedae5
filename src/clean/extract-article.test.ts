import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { extractArticle } from './extract-article.js';
import { pageCounts, scoreCounts } from './extraction-metric.js';

const dir = new URL('./testdata/extraction/', import.meta.url);
const truth = JSON.parse(readFileSync(new URL('ground-truth.json', dir), 'utf8')) as Record<string, { articleBody: string; url: string }>;
const ids = readdirSync(new URL('html/', dir)).map((f) => f.replace('.html.gz', ''));

describe('extractArticle on corpus pages', () => {
  for (const id of ids) {
    it(`finds the article body of ${truth[id]!.url}`, () => {
      const html = gunzipSync(readFileSync(new URL(`html/${id}.html.gz`, dir))).toString('utf8');
      const result = extractArticle(html, truth[id]!.url);
      assert.equal(result.kind, 'extracted', result.kind === 'rejected' ? result.reason : '');
      if (result.kind !== 'extracted') return;
      const scores = scoreCounts([pageCounts(truth[id]!.articleBody, result.text)]);
      assert.ok(scores.precision >= 0.9 && scores.recall >= 0.9, `precision ${scores.precision}, recall ${scores.recall}`);
      assert.ok(result.headline && result.headline.length > 10, 'a headline');
      assert.doesNotMatch(result.html, /<script|\son\w+=/i);
    });
  }

  it('reads headline, byline, date and lead image from the page metadata', () => {
    const html = `<html lang="en"><head><title>T | Site</title><meta property="og:image" content="/img/lead.jpg"><meta property="og:image:alt" content="Councillors raise their hands"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council approves budget","datePublished":"2024-03-05T10:00:00Z","author":{"@type":"Person","name":"Ana Ruiz"}}</script></head>
      <body><nav><a href="/">Home</a><a href="/world">World</a></nav><article><h1>Council approves budget</h1>
      <p class="byline">By Ana Ruiz, March 5, 2024</p>
      ${'<p>The council voted on Tuesday to approve the budget after a long debate about schools, roads and the new library in the old town.</p>'.repeat(4)}
      <p><a href="/other">SEE ALSO: ANOTHER STORY ABOUT THE COUNCIL</a></p>
      <figure><img src="/img/vote.jpg"><figcaption>The vote. Credit: Photo desk</figcaption></figure>
      <p>Follow us on Twitter @example</p></article></body></html>`;
    const result = extractArticle(html, 'https://city.example/news/budget');
    assert.equal(result.kind, 'extracted');
    if (result.kind !== 'extracted') return;
    assert.equal(result.headline, 'Council approves budget');
    assert.equal(result.byline, 'Ana Ruiz');
    assert.equal(result.publishedAt?.toISOString(), '2024-03-05T10:00:00.000Z');
    assert.equal(result.leadImage, 'https://city.example/img/lead.jpg');
    assert.equal(result.leadImageDetails.alt, 'Councillors raise their hands');
    assert.equal(result.leadImageDetails.width, 1200);
    assert.equal(result.leadImageDetails.height, 630);
    assert.equal(result.language, 'en');
    assert.doesNotMatch(result.text, /SEE ALSO|Follow us|Credit|By Ana Ruiz|Home/);
    assert.equal(result.text.split('\n').length, 4);
    assert.match(result.html, /<figcaption>/, 'the caption stays with its figure in the HTML');
  });
});

describe('extractArticle on bad input', () => {
  it('rejects an empty page and a page with no article', () => {
    assert.equal(extractArticle('', null).kind, 'rejected');
    assert.equal(extractArticle('<html><body><nav><a href="/">Home</a></nav></body></html>', null).kind, 'rejected');
  });

  it('rejects binary junk', () => {
    const junk = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 31 + 7) % 256)).toString('latin1');
    const result = extractArticle(junk, null);
    assert.equal(result.kind, 'rejected');
  });

  it('rejects a page over the size limit and one nested 100,000 levels deep', () => {
    const big = `<html><body>${'<p>word </p>'.repeat(600_000)}</body></html>`;
    const tooBig = extractArticle(big, null);
    assert.equal(tooBig.kind, 'rejected');
    assert.match(tooBig.kind === 'rejected' ? tooBig.reason : '', /limit/);
    const deep = extractArticle(`<html><body>${'<div>'.repeat(100_000)}text${'</div>'.repeat(100_000)}</body></html>`, null);
    assert.equal(deep.kind, 'rejected');
    assert.match(deep.kind === 'rejected' ? deep.reason : '', /levels deep/);
  });

  it('extracts a several-megabyte page within the limit', () => {
    const paragraph = '<p>This is a long and ordinary sentence of a very long article, repeated to make the page big.</p>';
    const result = extractArticle(`<html><body><article>${paragraph.repeat(30_000)}</article></body></html>`, null);
    assert.equal(result.kind, 'extracted');
  });
});
