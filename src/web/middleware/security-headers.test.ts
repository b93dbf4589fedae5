import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDemoApp } from '../../../test/support/demo-app.js';

describe('security headers on the real app', () => {
  let demo: Awaited<ReturnType<typeof openDemoApp>>;
  before(async () => {
    demo = await openDemoApp();
  });
  after(async () => demo.drop());

  it('sends a strict CSP, nosniff, a referrer policy and no framing on pages, assets, API answers and errors', async () => {
    const article = /href="(\/article\/\d+[^"]*)"/.exec(await (await demo.app.request('/')).text())?.[1];
    assert.ok(article, 'the home page links an article');
    const paths = ['/', article, '/assets/site.css', '/healthz', '/api/v1/articles/999999', '/no-such-page'];
    for (const path of paths) {
      const res = await demo.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/, path);
      assert.match(csp, /style-src 'self'/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
    }
  });
});
