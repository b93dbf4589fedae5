import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDemoApp } from '../../../test/support/demo-app.js';

describe('wrong methods on the real app', () => {
  let demo: Awaited<ReturnType<typeof openDemoApp>>;
  before(async () => {
    demo = await openDemoApp({ demo: false });
  });
  after(async () => demo.drop());

  it('answers a wrong method on a known route with 405 and Allow, an unknown route with 404', async () => {
    const post = await demo.app.request('/', { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD, OPTIONS');

    const deleteList = await demo.app.request('/api/v1/articles', { method: 'DELETE' });
    assert.equal(deleteList.status, 405);
    assert.equal(deleteList.headers.get('allow'), 'POST, GET, HEAD, OPTIONS');
    assert.equal((await deleteList.json()).error.code, 'METHOD_NOT_ALLOWED');

    const deleteArticle = await demo.app.request('/article/1/some-slug', { method: 'DELETE' });
    assert.equal(deleteArticle.status, 405);
    const websub = await demo.app.request('/websub/1/token', { method: 'PUT' });
    assert.equal(websub.status, 405);
    assert.equal(websub.headers.get('allow'), 'GET, HEAD, POST, OPTIONS');

    const options = await demo.app.request('/healthz', { method: 'OPTIONS' });
    assert.equal(options.status, 204);
    assert.equal(options.headers.get('allow'), 'GET, HEAD, OPTIONS');

    assert.equal((await demo.app.request('/no-such-page', { method: 'POST' })).status, 404);
    assert.equal((await demo.app.request('/', { method: 'HEAD' })).status, 200);
  });
});
