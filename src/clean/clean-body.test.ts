import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseTextArticle } from '../ingest/parse-text-article.js';
import { cleanBody } from './clean-body.js';
import { collapseRepeats } from './collapse-repeats.js';
import { paragraphKey } from './normalize-text.js';
import { findBoilerplate } from './strip-boilerplate.js';

const sample = readFileSync(new URL('./testdata/menafn-nato-article.txt', import.meta.url), 'utf8');

describe('cleanBody on the sample page', () => {
  const item = parseTextArticle(sample);
  const body = cleanBody({ html: null, text: item.text });
  const paragraphs = body.text.split('\n\n');

  it('keeps each of the four body paragraphs once', () => {
    const openings = ['NATO has never promised', '“We have never agreed', 'Rutte highlighted that NATO', 'Russian officials have repeatedly', 'The renouncement of Ukraine'];
    for (const opening of openings) assert.equal(paragraphs.filter((p) => p.startsWith(opening)).length, 1, opening);
    assert.equal(paragraphs.length, 5, 'the opening paragraph and the four that were repeated');
  });

  it('drops the tail: disclaimer, most popular list and comments', () => {
    assert.doesNotMatch(body.text, /Legal Disclaimer|Most popular|Market Research|Baselight|Comments|No comment/);
    assert.match(body.disclaimer ?? '', /^MENAFN provides the information “as is” without warranty/);
    assert.match(body.disclaimer ?? '', /contact the provider above\.$/);
  });

  it('keeps smart quotes as written', () => {
    assert.ok(body.text.includes('“We have never agreed that NATO membership for Ukraine would be part of a peace deal,” Rutte stated'));
  });
});

describe('cleanBody', () => {
  it('leaves a body with no boilerplate as it was', () => {
    const html =
      '<p>The council voted 7–2 on Tuesday to approve the budget.</p>\n<p>“It was a long night,” the mayor said, thanking <a href="https://city.example/staff">staff</a>.</p>\n<h2>What happens next</h2>\n<p>The plan takes effect in January.</p>';
    const body = cleanBody({ html, text: null, baseUrl: 'https://city.example/news/1' });
    assert.equal(body.html, html);
    assert.equal(body.boilerplateRemoved, 0);
    assert.equal(body.repeatsRemoved, 0);
  });

  it('collapses a repeated run even when the copy differs in quotes, spacing and punctuation', () => {
    const html = '<p>First paragraph of the story, long enough.</p><p>Second paragraph "quoted" here, also long.</p><p>First  paragraph of the story – long enough!</p><p>Second paragraph “quoted” here, also long.</p>';
    const body = cleanBody({ html, text: null });
    assert.equal(body.text, 'First paragraph of the story, long enough.\n\nSecond paragraph "quoted" here, also long.');
    assert.equal(body.repeatsRemoved, 2);
  });

  it('removes share prompts, copyright lines and read-more stubs inside HTML bodies', () => {
    const html = '<p>The story itself, with enough words to be a paragraph.</p><p>Share this article</p><p>Read more: Other story</p><p>© 2024 Example News. All rights reserved.</p>';
    assert.equal(cleanBody({ html, text: null }).text, 'The story itself, with enough words to be a paragraph.');
  });

  it('gives an empty body for empty input, and for input that is only boilerplate', () => {
    assert.equal(cleanBody({ html: '', text: null }).text, '');
    assert.equal(cleanBody({ html: null, text: '' }).text, '');
    const onlyTail = cleanBody({ html: null, text: 'Intro\nComments\nNo comment\nMost popular stories\n- A\n- B' });
    assert.equal(onlyTail.text, 'Intro');
  });

  it('refuses binary junk, enormous and absurdly nested bodies with a reason, quickly', () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    assert.match(cleanBody({ html: junk, text: null }).refused ?? '', /binary/);
    assert.match(cleanBody({ html: `<p>${'x'.repeat(3_000_000)}</p>`, text: null }).refused ?? '', /limit/);
    const deep = `${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`;
    const result = cleanBody({ html: deep, text: null });
    assert.match(result.refused ?? '', /levels deep/);
    assert.equal(result.text, '');
  });
});

describe('collapseRepeats', () => {
  it('keeps short lines that repeat legitimately', () => {
    const blocks = ['***', 'A long paragraph that is unique in the body.', '***', 'Another long paragraph, also unique here.'];
    assert.deepEqual(collapseRepeats(blocks, (b) => b), blocks);
  });

  it('drops short blocks inside a repeated run', () => {
    const blocks = ['A long paragraph that opens the story.', 'Photo: AP', 'The second long paragraph of the story.', 'A long paragraph that opens the story.', 'Photo: AP', 'The second long paragraph of the story.'];
    assert.deepEqual(collapseRepeats(blocks, (b) => b), blocks.slice(0, 3));
  });
});

describe('findBoilerplate', () => {
  it('drops lines the provider sends with every article, by their key', () => {
    const seen = new Set([paragraphKey('Get the Daily Brief in your inbox every morning'), paragraphKey('Example Wire is an independent news agency.')]);
    const verdict = findBoilerplate(
      [{ text: 'The story opens here with news.' }, { text: 'Get the daily brief in your inbox every morning!' }, { text: 'The story goes on.' }, { text: 'Example Wire is an independent news agency.' }],
      { seenLines: seen },
    );
    assert.deepEqual(verdict.keep, [true, false, true, false]);
  });

  it('drops a link list after the story', () => {
    const verdict = findBoilerplate([{ text: 'The story.' }, { text: 'Story A Story B Story C', links: 3, linkDensity: 1 }]);
    assert.deepEqual(verdict.keep, [true, false]);
  });
});

describe('cleanBody: soft hyphens', () => {
  it('takes soft hyphens out of the text, where they would split words for search, and keeps them in the HTML', () => {
    const body = cleanBody({ html: '<p>Le ministre a rappelé la doc\u00adtrine de l’État ac\u00adtionnaire.</p>', text: null });
    assert.equal(body.text, 'Le ministre a rappelé la doctrine de l’État actionnaire.');
    assert.ok(body.html.includes('doc\u00adtrine') || body.html.includes('doc&shy;trine'), body.html);
  });
});
