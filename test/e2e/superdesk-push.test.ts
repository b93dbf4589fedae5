/**
 * Gazette as a Superdesk "HTTP Push" destination, over real HTTP, on SQLite and PostgreSQL.
 * Each message shape Superdesk's ninjs formatter and transmitter send (superdesk-core
 * `publish/formatters/ninjs_formatter.py`, `publish/transmitters/http_push.py`) is driven in
 * Superdesk's order: for each rendition, `GET {assets}/{media_id}`, a multipart upload when
 * it answered 404, then the item, every POST signed `x-superdesk-signature: sha1=<HMAC>`.
 * Renditions point at the newsroom's own storage, which does not exist: pictures must come
 * from the uploads, with no fetch.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { getRequestListener } from '@hono/node-server';
import { pino } from 'pino';
import sharp from 'sharp';
import { makeSuperdeskToken } from '../../src/cli/provider-superdesk.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { Provider } from '../../src/domain/provider.js';
import { signSuperdeskBody } from '../../src/domain/superdesk-signature.js';
import { superdeskAssetKeyOf } from '../../src/domain/superdesk-destination.js';
import { createImageService } from '../../src/images/image-service.js';
import { openImageStore, type ImageStore } from '../../src/images/image-store.js';
import { createLeadImageProber, type LeadImageProber } from '../../src/images/lead-image-prober.js';
import { createIngestService } from '../../src/pipeline/run-ingest.js';
import { seedTaxonomy } from '../../src/store/seed-taxonomy.js';
import type { Store } from '../../src/store/store.js';
import { buildApp } from '../../src/web/app.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { openTestSqliteStore } from '../support/sqlite.js';

const SECRET = 'superdesk-e2e-server-secret-of-32-chars!';
/** The newsroom's storage: renditions name it, and nothing answers there. */
const NEWSROOM = 'http://superdesk.newsroom.invalid/api/upload-raw';
const paragraph = 'The council approved the new harbour budget on Tuesday after a long debate, and work on the breakwater is due to start in the spring. ';

const ENGINES = [
  { name: 'SQLite', open: openTestSqliteStore, skip: false as const },
  { name: 'PostgreSQL', open: openTestPostgresStore, skip: skipPostgres },
];

/** A photo-like JPEG (or PNG) of the given size. */
async function photo(width: number, height: number, format: 'jpeg' | 'png' = 'jpeg'): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1d4e89"/><stop offset="1" stop-color="#f4a259"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><rect y="${height * 0.7}" width="100%" height="${height * 0.3}" fill="#2b2d42"/></svg>`;
  const image = sharp(Buffer.from(svg));
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 80 }).toBuffer();
}

/** Superdesk's renditions of one picture: each names its file by media id; hrefs are the newsroom's. */
function renditions(id: string, width: number, height: number) {
  const r = (name: string, w: number, h: number) => ({ href: `${NEWSROOM}/${id}-${name}.jpg`, media: `20260301/${id}-${name}.jpg`, mimetype: 'image/jpeg', width: w, height: h });
  return { original: r('original', width, height), viewImage: r('view', Math.round(width / 2), Math.round(height / 2)) };
}

/** A picture item as Superdesk's ninjs formatter writes it. */
function picture(id: string, caption: string) {
  return {
    guid: `urn:newsml:newsroom.example:2026:${id}`,
    version: '1',
    type: 'picture',
    headline: caption,
    byline: 'Ana Lima',
    description_text: caption,
    pubstatus: 'usable',
    versioncreated: '2026-03-01T09:00:00+0000',
    firstcreated: '2026-03-01T08:55:00+0000',
    renditions: renditions(id, 1200, 800),
    priority: 5,
  };
}

/** A text item as Superdesk's ninjs formatter writes it. */
function text(id: string, extra: Record<string, unknown> = {}) {
  return {
    guid: `urn:newsml:newsroom.example:2026:${id}`,
    version: '1',
    type: 'text',
    headline: `Harbour budget approved after long debate (${id})`,
    slugline: 'harbour-budget',
    byline: 'By Marta Quinn',
    located: 'Portmouth',
    language: 'en',
    pubstatus: 'usable',
    urgency: 3,
    priority: 5,
    keywords: ['harbour', 'budget'],
    subject: [{ code: '11000000', name: 'politics', scheme: 'subject_custom' }],
    place: [{ name: 'Europe', code: 'EUR' }],
    versioncreated: '2026-03-01T10:00:00+0000',
    firstcreated: '2026-03-01T09:30:00+0000',
    description_text: 'The council approved the harbour budget.',
    body_html: `<p>${paragraph}</p><p>${paragraph}</p><p>${paragraph}</p>`,
    extra: { desk: 'City' },
    charcount: 900,
    wordcount: 150,
    ...extra,
  };
}

for (const engine of ENGINES) {
  describe(`Superdesk HTTP Push destination (${engine.name})`, { skip: engine.skip }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-superdesk-'));
    let store: Store;
    let drop: () => Promise<void>;
    let images: ImageStore;
    let prober: LeadImageProber;
    let server: Server;
    let site: string;
    let provider: Provider;
    let token: string;
    let resourceUrl: string;
    let assetsUrl: string;
    const publicUrl = 'http://gazette.test';
    /** Requests Superdesk made, in order, for the order assertions. */
    const log: string[] = [];

    const signed = (body: string | Uint8Array, key = token) => ({ 'x-superdesk-signature': signSuperdeskBody(key, body) });
    const local = (url: string) => url.replace(publicUrl, site);

    /** What Superdesk's transmitter does for one item: each rendition's file checked, uploaded when missing, then the item. */
    async function publish(item: Record<string, unknown>, files: Record<string, Buffer> = {}, options: { base64?: boolean } = {}) {
      for (const [mediaId, bytes] of Object.entries(files)) {
        const exists = await fetch(local(`${assetsUrl}/${mediaId}`));
        log.push(`GET ${mediaId} ${exists.status}`);
        assert.ok(exists.status === 200 || exists.status === 404, `existence check answers 200 or 404, not ${exists.status}`);
        if (exists.status === 200) continue;
        const form = new FormData();
        form.append('media_id', mediaId);
        if (options.base64) form.append('media', bytes.toString('base64'));
        else form.append('media', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), mediaId);
        form.append('mime_type', 'image/jpeg');
        form.append('filemeta', JSON.stringify({ length: bytes.length }));
        const encoded = new Request('http://x', { method: 'POST', body: form });
        const body = new Uint8Array(await encoded.arrayBuffer());
        const upload = await fetch(local(assetsUrl), { method: 'POST', headers: { 'content-type': encoded.headers.get('content-type')!, ...signed(body) }, body });
        log.push(`POST asset ${mediaId} ${upload.status}`);
        assert.equal(upload.status, 201, await upload.text());
      }
      const body = JSON.stringify(item);
      const res = await fetch(local(resourceUrl), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...signed(body) }, body });
      log.push(`POST item ${res.status}`);
      const json = (await res.json()) as { id?: number; status?: string; error?: { code: string; message: string } };
      await prober.idle();
      return { status: res.status, json };
    }

    const filesOf = async (id: string, width = 1200, height = 800) => ({
      [`20260301/${id}-original.jpg`]: await photo(width, height),
      [`20260301/${id}-view.jpg`]: await photo(Math.round(width / 2), Math.round(height / 2)),
    });

    before(async () => {
      ({ store, drop } = await engine.open());
      await seedTaxonomy(store);
      images = await openImageStore({ dir, maxCacheBytes: 20 * 1024 * 1024 });
      // No fetch is allowed anywhere (the default policy refuses every address these tests could name).
      const service = createImageService({
        store: images,
        limits: { maxBytes: 1024 * 1024, maxPixels: 40_000_000, widths: [320, 640, 960, 1280] },
        keptKeyOf: (source) => superdeskAssetKeyOf(publicUrl, source),
      });
      const logger = pino({ level: 'silent' });
      prober = createLeadImageProber({ store, images: service, logger });
      const ingest = createIngestService({ store, leadImages: prober });
      provider = await store.providers.create({ slug: 'newsroom', name: 'Newsroom Agency' });
      const made = await makeSuperdeskToken(store, 'newsroom', { publicUrl, serverSecret: SECRET, rotate: false });
      ({ token, resourceUrl, assetsUrl } = { token: made.token, resourceUrl: made.resourceUrl, assetsUrl: made.assetsUrl });
      const app = buildApp({ store, config: loadConfig({ PUBLIC_URL: publicUrl, DEMO_CONTENT: 'false' }), logger, ingest, images: { service, secret: SECRET, store: images } });
      server = createServer(getRequestListener(app.fetch));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
      await prober?.stop();
      await new Promise((resolve) => server?.close(resolve));
      await drop?.();
      rmSync(dir, { recursive: true, force: true });
    });

    const article = async (guid: string) => store.articles.findByGuid(provider.id, guid);

    it('text: 201 with the story stored from guid, headline, body, byline, dateline, subject and keywords; a replay is 200 and changes nothing', async () => {
      const item = text('text-1');
      const first = await publish(item);
      assert.equal(first.status, 201, JSON.stringify(first.json));
      const stored = await article(item.guid);
      assert.ok(stored);
      assert.equal(stored.headline, item.headline);
      assert.equal(stored.byline, 'Marta Quinn');
      assert.equal(stored.dateline, 'Portmouth');
      assert.match(stored.bodyHtml, /harbour budget/);
      assert.ok(stored.categories.includes('politics'), `categories from subject: ${stored.categories}`);
      assert.equal(stored.publishedAt.toISOString(), '2026-03-01T09:30:00.000Z');
      assert.deepEqual(stored.agencyMeta, { slugline: 'harbour-budget', priority: 5, urgency: 3, keywords: ['harbour', 'budget'], places: ['Europe'], extra: { desk: 'City' } }, 'the newsroom’s labels are kept');
      const again = await publish(item);
      assert.equal(again.status, 200);
      assert.equal(again.json.status, 'unchanged');
      assert.equal(again.json.id, stored.id);
    });

    it('picture item with renditions: existence check 404, uploads, then the item; its picture comes from the upload', async () => {
      const item = picture('pic-1', 'Ships wait outside the breakwater at dawn.');
      log.length = 0;
      const res = await publish(item, await filesOf('pic-1'));
      assert.equal(res.status, 201, JSON.stringify(res.json));
      assert.deepEqual(log, ['GET 20260301/pic-1-original.jpg 404', 'POST asset 20260301/pic-1-original.jpg 201', 'GET 20260301/pic-1-view.jpg 404', 'POST asset 20260301/pic-1-view.jpg 201', 'POST item 201']);
      const stored = await article(item.guid);
      assert.equal(stored?.leadImage?.url, `${assetsUrl}/20260301/pic-1-original.jpg`);
      assert.equal(stored?.leadImage?.status, 'ready', 'measured from the upload, with no fetch');
      assert.equal(stored?.leadImage?.width, 1200);
      // Published again (a correction of the caption): the files are there, so no upload.
      log.length = 0;
      const corrected = await publish({ ...item, version: '2', description_text: 'Ships wait outside the breakwater at first light.' }, await filesOf('pic-1'));
      assert.equal(corrected.status, 200);
      assert.deepEqual(log, ['GET 20260301/pic-1-original.jpg 200', 'GET 20260301/pic-1-view.jpg 200', 'POST item 200']);
    });

    it('text with a featured picture (sent as base64) and a picture embedded in the body: the lead picture and the body picture are Gazette’s copies', async () => {
      const feature = picture('feat-1', 'The harbour master at the quay.');
      const embedded = picture('emb-1', 'The old breakwater in 1950.');
      const body = `<p>${paragraph}</p><!-- EMBED START Image {id: "editor_0"} --><figure><img src="${embedded.renditions.viewImage.href}" alt="The old breakwater"><figcaption>The old breakwater in 1950.</figcaption></figure><!-- EMBED END Image {id: "editor_0"} --><p>${paragraph}</p>`;
      const item = text('text-feat', { body_html: body, associations: { editor_0: embedded, featuremedia: feature } });
      const res = await publish(item, { ...(await filesOf('feat-1')), ...(await filesOf('emb-1', 800, 600)) }, { base64: true });
      assert.equal(res.status, 201, JSON.stringify(res.json));
      const stored = await article(item.guid);
      assert.equal(stored?.leadImage?.url, `${assetsUrl}/20260301/feat-1-original.jpg`, 'featuremedia is the lead picture');
      assert.equal(stored?.leadImage?.status, 'ready');
      assert.equal(stored?.leadImage?.caption, 'The harbour master at the quay.');
      assert.ok(stored?.bodyHtml.includes(`${assetsUrl}/20260301/emb-1-view.jpg`), stored?.bodyHtml);
      assert.ok(!stored?.bodyHtml.includes(NEWSROOM), 'no picture from the newsroom server is left');
      // The article page shows both through the image endpoint, and the picture variant is made from the upload.
      const page = await (await fetch(`${site}/article/${stored!.id}`)).text();
      const srcs = [...page.matchAll(/<img[^>]*\ssrc="(\/img\/[^"]+)"/g)].map((m) => m[1]!);
      assert.ok(srcs.length >= 2, page);
      for (const src of srcs) {
        const img = await fetch(`${site}${src}`, { headers: { accept: 'image/webp' } });
        assert.equal(img.status, 200, src);
        assert.equal(img.headers.get('content-type'), 'image/webp');
      }
      // A browser opening an asset URL is sent to the picture.
      const view = await fetch(`${site}/superdesk/newsroom/assets/20260301/feat-1-original.jpg`, { headers: { accept: 'image/avif,image/webp,*/*' }, redirect: 'manual' });
      assert.equal(view.status, 303);
      assert.match(view.headers.get('location') ?? '', /^\/img\//);
    });

    it('package with embedded items: one story of its text item, with its pictures', async () => {
      const main = text('pkg-text-1');
      const pics = [picture('pkg-pic-1', 'Cranes over the new quay.'), picture('pkg-pic-2', 'Divers inspect the breakwater.')];
      const pkg = {
        guid: 'urn:newsml:newsroom.example:2026:pkg-1',
        type: 'composite',
        version: '1',
        headline: 'Harbour package',
        pubstatus: 'usable',
        versioncreated: '2026-03-01T11:00:00+0000',
        associations: { 'main-0': main, 'main-1': pics[0], 'main-2': pics[1] },
      };
      const res = await publish(pkg, { ...(await filesOf('pkg-pic-1')), ...(await filesOf('pkg-pic-2')) });
      assert.equal(res.status, 201, JSON.stringify(res.json));
      const stored = await article(main.guid);
      assert.ok(stored, 'the story is the text item’s');
      assert.equal(stored.leadImage?.url, `${assetsUrl}/20260301/pkg-pic-1-original.jpg`);
      assert.equal(stored.leadImage?.status, 'ready');
      assert.ok(stored.bodyHtml.includes(`${assetsUrl}/20260301/pkg-pic-2-original.jpg`), 'the second picture is under the text');
      assert.equal(await article(pkg.guid), undefined, 'the package is no story of its own');
    });

    it('package of items sent first: the text story gets the package’s picture; a package naming an unknown item is refused', async () => {
      const main = text('pkg-text-2');
      const pic = picture('pkg-pic-3', 'The new lighthouse lamp.');
      assert.equal((await publish(main)).status, 201);
      assert.equal((await publish(pic, await filesOf('pkg-pic-3'))).status, 201);
      const pkg = { guid: 'urn:newsml:newsroom.example:2026:pkg-2', type: 'composite', version: '1', headline: 'Lighthouse', pubstatus: 'usable', associations: { main: { guid: main.guid, type: 'text' }, sidebars: { guid: pic.guid, type: 'picture' } } };
      const res = await publish(pkg);
      assert.equal(res.status, 200, JSON.stringify(res.json));
      const stored = await article(main.guid);
      assert.equal(stored?.leadImage?.url, `${assetsUrl}/20260301/pkg-pic-3-original.jpg`);
      assert.equal(stored?.leadImage?.status, 'ready');
      const unknown = await publish({ ...pkg, guid: 'urn:newsml:newsroom.example:2026:pkg-3', associations: { main: { guid: 'urn:never-sent', type: 'text' } } });
      assert.equal(unknown.status, 400);
      assert.match(unknown.json.error?.message ?? '', /does not have/);
    });

    it('correction (same guid, new version) updates the story; kill (pubstatus canceled) takes it down', async () => {
      const item = text('text-kill');
      assert.equal((await publish(item)).status, 201);
      const corrected = await publish({ ...item, version: '2', headline: 'Harbour budget approved after a long debate, corrected', versioncreated: '2026-03-01T12:00:00+0000' });
      assert.equal(corrected.status, 200);
      assert.equal(corrected.json.status, 'updated');
      assert.equal((await article(item.guid))?.headline, 'Harbour budget approved after a long debate, corrected');
      const kill = await publish({ ...item, version: '3', pubstatus: 'canceled', headline: 'Kill: harbour budget', body_html: '<p>Please kill this story.</p>', versioncreated: '2026-03-01T13:00:00+0000' });
      assert.equal(kill.status, 200);
      assert.equal(kill.json.status, 'taken_down');
      const stored = await article(item.guid);
      assert.equal(stored?.status, 'taken_down');
      assert.equal((await fetch(`${site}/article/${stored!.id}`)).status, 410);
    });

    it('a wrong or missing signature, or a revoked token, gets 403 and nothing is stored', async () => {
      const item = text('text-unsigned');
      const body = JSON.stringify(item);
      for (const headers of [{}, signed(body, 'not-the-token'), { 'x-superdesk-signature': `sha1=${'0'.repeat(40)}` }, signed(`${body} `)]) {
        const res = await fetch(local(resourceUrl), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
        assert.equal(res.status, 403);
      }
      assert.equal(await article(item.guid), undefined);
      const form = new FormData();
      form.append('media_id', 'unsigned/one.jpg');
      form.append('media', new Blob([new Uint8Array(await photo(100, 80))]), 'one.jpg');
      const res = await fetch(local(assetsUrl), { method: 'POST', body: form, headers: { 'x-superdesk-signature': 'sha1=abc' } });
      assert.equal(res.status, 403);
      assert.equal(await images.has('asset:superdesk/newsroom/unsigned/one.jpg'), false);
    });

    it('an oversized or non-image asset gets a clear 4xx and is not kept', async () => {
      const upload = async (mediaId: string, bytes: Buffer) => {
        const form = new FormData();
        form.append('media_id', mediaId);
        form.append('media', new Blob([new Uint8Array(bytes)]), mediaId);
        const encoded = new Request('http://x', { method: 'POST', body: form });
        const body = new Uint8Array(await encoded.arrayBuffer());
        const res = await fetch(local(assetsUrl), { method: 'POST', headers: { 'content-type': encoded.headers.get('content-type')!, ...signed(body) }, body });
        return { status: res.status, json: (await res.json()) as { error: { code: string; message: string } } };
      };
      const text = await upload('bad/notes.jpg', Buffer.from('<html><script>alert(1)</script></html>'.repeat(10)));
      assert.equal(text.status, 415);
      assert.match(text.json.error.message, /pictures only/);
      const big = await upload('bad/huge.png', Buffer.concat([await photo(64, 64, 'png'), Buffer.alloc(1100 * 1024)]));
      assert.equal(big.status, 413);
      assert.match(big.json.error.message, /at most 1 MB/);
      assert.equal((await fetch(local(`${assetsUrl}/bad/notes.jpg`))).status, 404);
      assert.equal((await fetch(local(`${assetsUrl}/bad/huge.png`))).status, 404);
    });

    it('a rotated token works and the old one no longer does; a revoked one gets 403', async () => {
      const old = token;
      const rotated = await makeSuperdeskToken(store, 'newsroom', { publicUrl, serverSecret: SECRET, rotate: true });
      token = rotated.token;
      const item = text('text-rotated');
      const body = JSON.stringify(item);
      const withOld = await fetch(local(resourceUrl), { method: 'POST', headers: { 'content-type': 'application/json', ...signed(body, old) }, body });
      assert.equal(withOld.status, 403);
      assert.equal((await publish(item)).status, 201);
      await store.superdeskDestinations.revoke(provider.id);
      const revoked = await fetch(local(resourceUrl), { method: 'POST', headers: { 'content-type': 'application/json', ...signed(body) }, body });
      assert.equal(revoked.status, 403);
      assert.equal((await fetch(local(`${assetsUrl}/20260301/pic-1-original.jpg`))).status, 403);
    });
  });
}
