import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { needsFullText } from '../clean/needs-full-text.js';
import { closeFetchAgents } from '../ingest/fetch/fetch-url.js';
import { fetchFullText } from './fetch-full-text.js';
import { emptyRawItem } from '../domain/raw-item.js';
import { startLocalServer } from '../../test/support/local-server.js';

const paragraph = '<p>The harbour authority said on Monday that the new ferry line would start in spring, after two years of delays caused by the rebuilding of the north pier.</p>';
const page = `<html><head><meta name="author" content="Lea Berg"></head><body><article><h1>Ferry line opens</h1>${paragraph.repeat(5)}</article></body></html>`;

describe('fetchFullText', () => {
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  let base = '';
  before(async () => {
    server = await startLocalServer((req, res) => {
      if (req.url === '/story') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      else if (req.url === '/pdf') res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF');
      else res.writeHead(404).end();
    });
    base = server.base;
  });
  after(async () => {
    await closeFetchAgents();
    await server.close();
  });

  const teaser = (path: string) => ({ ...emptyRawItem('Ferry line opens'), url: `${base}${path}`, summary: 'The ferry line starts in spring…', text: 'The ferry line starts in spring…' });

  it('replaces a teaser with the article from its page', async () => {
    const outcome = await fetchFullText(teaser('/story'), { fetch: { allowPrivate: true } });
    assert.equal(outcome.status, 'fetched');
    assert.equal((outcome.item.html?.match(/harbour authority/g) ?? []).length, 5);
    assert.equal(outcome.item.byline, 'Lea Berg');
    assert.equal(outcome.item.summary, 'The ferry line starts in spring…');
  });

  it('keeps the item when the address is refused by the SSRF guard', async () => {
    const outcome = await fetchFullText(teaser('/story'));
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.item.text, 'The ferry line starts in spring…');
  });

  it('keeps the item when the page is missing or not HTML', async () => {
    assert.equal((await fetchFullText(teaser('/missing'), { fetch: { allowPrivate: true } })).status, 'failed');
    assert.match((await fetchFullText(teaser('/pdf'), { fetch: { allowPrivate: true } })).reason ?? '', /not HTML/);
  });
});

describe('needsFullText', () => {
  const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
  it('asks for the page for summaries, short bodies and teasers with a link', () => {
    const item = { ...emptyRawItem('H'), url: 'https://news.example/a' };
    assert.equal(needsFullText(item), true, 'no body');
    assert.equal(needsFullText({ ...item, text: long }), false, 'a full body');
    assert.equal(needsFullText({ ...item, text: `${long} Read more` }), true, 'a teaser ending');
    assert.equal(needsFullText({ ...item, html: `<p>${long}</p>` }, { always: true }), true, 'provider asks for it');
    assert.equal(needsFullText({ ...emptyRawItem('H'), text: 'short' }), false, 'nothing to fetch without a link');
  });
});
