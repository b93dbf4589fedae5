import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAutomated, isPrefetch } from './is-automated.js';

test('readers’ browsers count as readers', () => {
  for (const agent of [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  ]) assert.equal(isAutomated(agent), false, agent);
});

test('crawlers, link previews, feed readers, headless browsers and HTTP libraries do not count', () => {
  for (const agent of [
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
    'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
    'WhatsApp/2.23.20.0',
    'Feedly/1.0 (+http://www.feedly.com/fetcher.html; like FeedFetcher-Google)',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    'curl/8.5.0',
    'python-requests/2.32.3',
    'Go-http-client/1.1',
  ]) assert.equal(isAutomated(agent), true, agent);
});

test('no agent, or one far longer than any browser sends, is a program', () => {
  assert.equal(isAutomated(undefined), true);
  assert.equal(isAutomated(''), true);
  assert.equal(isAutomated(`Mozilla/5.0 ${'x'.repeat(1000)}`), true);
});

test('prefetches and previews are not views', () => {
  assert.equal(isPrefetch({ 'sec-purpose': 'prefetch;prerender' }), true);
  assert.equal(isPrefetch({ purpose: 'prefetch' }), true);
  assert.equal(isPrefetch({ 'x-purpose': 'preview' }), true);
  assert.equal(isPrefetch({}), false);
});
