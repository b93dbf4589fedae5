/**
 * A provider's logo from the editor's upload to every surface, on both engines: the admin
 * form (hostile and bad files refused with a message, nothing changed), the provider page and
 * the article page beside the name and disclaimer, the JSON API, and the image endpoint of a
 * second node whose disk never saw the upload (the logo is kept in the database).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { pino } from 'pino';
import sharp from 'sharp';
import { loadConfig } from '../../src/config/load-config.js';
import type { Article } from '../../src/domain/article.js';
import { openImages } from '../../src/images/open-images.js';
import type { Store } from '../../src/store/store.js';
import { buildApp } from '../../src/web/app.js';
import { adminClient, type AdminClient } from '../support/admin-session.js';
import { articleDraft } from '../support/article-draft.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { openTestSqliteStore } from '../support/sqlite.js';

const SECRET = 'logo-test-secret-of-at-least-32-characters';
const bomb = readFileSync(new URL('../../src/images/testdata/bomb-50-megapixels.png', import.meta.url));

/** A 400 × 100 PNG logo with a transparent background. */
const logoPng = () =>
  sharp({ create: { width: 400, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([{ input: Buffer.from('<svg width="400" height="100"><rect x="10" y="10" width="380" height="80" fill="#b00"/></svg>'), top: 0, left: 0 }])
    .png()
    .toBuffer();

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`provider logos (${engine})`, { skip: engine === 'postgres' && skipPostgres }, () => {
    const dirs = [mkdtempSync(join(tmpdir(), 'gazette-logo-a-')), mkdtempSync(join(tmpdir(), 'gazette-logo-b-'))];
    let store: Store;
    let drop: () => Promise<void>;
    let nodeA: Hono;
    let nodeB: Hono;
    let editor: AdminClient;
    let providerUser: AdminClient;
    let providerId: number;
    let article: Article;

    before(async () => {
      ({ store, drop } = engine === 'postgres' ? await openTestPostgresStore() : await openTestSqliteStore());
      const config = loadConfig({ DEMO_CONTENT: 'false', PUBLIC_URL: 'http://gazette.test', SIGNIN_RATE_LIMIT: '0', IMAGE_SECRET: SECRET });
      const node = async (dir: string) => {
        const images = await openImages({ ...config, dataDir: dir }, {}, (source) => store.providers.logoBytes(source));
        return buildApp({ store, config, logger: pino({ level: 'silent' }), images: { service: images.service, secret: images.secret } });
      };
      nodeA = await node(dirs[0]!);
      nodeB = await node(dirs[1]!);
      providerId = (await store.providers.create({ slug: 'harbour-wire', name: 'Harbour Wire', disclaimer: 'Harbour Wire provides this story as is.' })).id;
      article = (await store.articles.upsert(articleDraft({ providerId, guid: 'logo-story', headline: 'Ships return to the harbour' }))).article;
      editor = await adminClient(nodeA, store, 'editor');
      providerUser = await adminClient(nodeA, store, 'provider', providerId);
    });
    after(async () => {
      await drop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    /** Posts the logo form as a browser does: multipart, with the session's CSRF token. */
    async function upload(client: AdminClient, file: Uint8Array | null, type = 'image/png', name = 'logo.png') {
      const form = new FormData();
      form.set('_csrf', client.csrf);
      form.set('_form', `nonce-${Math.random()}`);
      if (file) form.set('logo', new Blob([Buffer.from(file)], { type }), name);
      const res = await nodeA.request(`/admin/providers/${providerId}/logo`, { method: 'POST', headers: { cookie: client.cookie }, body: form });
      return { status: res.status, html: await res.text() };
    }
    const html = async (path: string) => (await nodeA.request(path)).text();
    const logoImg = (page: string) => /<img class="provider-logo"[^>]*>/.exec(page)?.[0];

    it('refuses SVG, a decompression bomb, a file that is no picture, a tiny one and none, with a message, changing nothing', async () => {
      const refusals: [Uint8Array | null, string, RegExp][] = [
        [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'), 'image/svg+xml', /SVG is not accepted \(it can carry script\)/],
        [bomb, 'image/png', /megapixels, more than the 4\.0 allowed/],
        [Buffer.from('<html><script>alert(1)</script></html>'), 'image/png', /This file cannot be used: it is not a picture/],
        [await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer(), 'image/png', /a logo needs at least 16 on each side/],
        [null, 'image/png', /Choose a picture file to upload\./],
      ];
      for (const [file, type, message] of refusals) {
        const res = await upload(editor, file, type);
        assert.equal(res.status, 400, String(message));
        assert.match(res.html, message);
        assert.match(res.html, /The logo was not changed; see below\./);
        assert.doesNotMatch(res.html, /<script>alert/, 'nothing of the file is echoed as markup');
      }
      assert.equal((await store.providers.findById(providerId))?.logo, null);
    });

    it('refuses a file over 1 MB before reading it', async () => {
      const res = await upload(editor, new Uint8Array(1024 * 1024 + 300 * 1024));
      assert.equal(res.status, 413);
      assert.match(res.html, /a logo may be at most 1 MB/);
    });

    it('is the editors’ to change: a provider user sees its logo but cannot upload one', async () => {
      assert.equal((await upload(providerUser, await logoPng())).status, 403);
      assert.equal((await store.providers.findById(providerId))?.logo, null);
    });

    it('shows an uploaded logo with the name and disclaimer on the provider and article pages, in the API, and from another node', async () => {
      const png = await logoPng();
      const res = await nodeA.request(`/admin/providers/${providerId}/logo`, {
        method: 'POST',
        headers: { cookie: editor.cookie },
        body: (() => {
          const form = new FormData();
          form.set('_csrf', editor.csrf);
          form.set('logo', new Blob([png], { type: 'image/png' }), 'logo.png');
          return form;
        })(),
      });
      assert.equal(res.status, 303);
      const logo = (await store.providers.findById(providerId))!.logo!;
      assert.deepEqual({ width: logo.width, height: logo.height }, { width: 400, height: 100 });
      const audit = (await store.audit.page()).find((e) => e.action === 'provider.logo_set');
      assert.ok(audit, 'the upload is in the audit log');

      const admin = await (await editor.get(`/admin/providers/${providerId}`)).text();
      assert.ok(logoImg(admin), 'the admin page shows the logo as pages will');
      assert.match(admin, /400 × 100 pixels/);

      const providerPage = await html('/provider/harbour-wire');
      const onProvider = logoImg(providerPage);
      assert.ok(onProvider, 'the provider page shows the logo');
      assert.match(onProvider, /width="400" height="100"/);
      assert.match(onProvider, /alt=""/, 'decorative beside the name');
      assert.match(providerPage, /<header class="provider-head"><img class="provider-logo"[^>]*><h1>Harbour Wire<\/h1>/);
      assert.match(providerPage, /Harbour Wire provides this story as is\./, 'with the disclaimer');

      const articlePage = await html(`/article/${article.id}/${article.slug}`);
      const box = /<aside class="disclaimer"[\s\S]*?<\/aside>/.exec(articlePage)?.[0] ?? '';
      assert.ok(logoImg(box), 'the article page shows the logo in the disclaimer box');
      assert.match(box, /Provided by <a href="\/provider\/harbour-wire">Harbour Wire<\/a>/);
      assert.match(box, /Harbour Wire provides this story as is\./);

      const api = (await (await nodeA.request('/api/v1/providers')).json()) as { data: { slug: string; logo: { url: string; width: number; height: number } | null }[] };
      const listed = api.data.find((p) => p.slug === 'harbour-wire')!;
      assert.deepEqual({ width: listed.logo?.width, height: listed.logo?.height }, { width: 400, height: 100 });
      const detail = (await (await nodeA.request(`/api/v1/articles/${article.id}`)).json()) as { providerLogo: { url: string } | null };
      assert.equal(detail.providerLogo?.url, listed.logo!.url);

      // Node B never saw the upload: it reads the logo from the database and serves it re-encoded.
      const picture = await nodeB.request(new URL(listed.logo!.url).pathname, { headers: { accept: 'image/webp' } });
      assert.equal(picture.status, 200);
      assert.equal(picture.headers.get('content-type'), 'image/webp');
      const served = await sharp(Buffer.from(await picture.arrayBuffer())).metadata();
      assert.deepEqual([served.format, served.width, served.height, served.hasAlpha], ['webp', 320, 80, true], 'the largest offered width within the logo (never enlarged), transparency kept');
    });

    it('removes the logo: pages show the name alone', async () => {
      const res = await editor.post(`/admin/providers/${providerId}/logo/remove`);
      assert.equal(res.status, 303);
      assert.equal((await store.providers.findById(providerId))?.logo, null);
      assert.equal(logoImg(await html('/provider/harbour-wire')), undefined);
      assert.equal(logoImg(await html(`/article/${article.id}/${article.slug}`)), undefined);
      const api = (await (await nodeA.request('/api/v1/providers')).json()) as { data: { slug: string; logo: unknown }[] };
      assert.equal(api.data.find((p) => p.slug === 'harbour-wire')?.logo, null);
    });
  });
}
