import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Provider } from '../../src/domain/provider.js';
import type { RawItem } from '../../src/domain/raw-item.js';
import { parseNinjs } from '../../src/ingest/parse-ninjs.js';
import { releaseDueEmbargoes } from '../../src/jobs/release-embargoes.js';
import { createIngestService, type IngestService } from '../../src/pipeline/run-ingest.js';
import { seedTaxonomy } from '../../src/store/seed-taxonomy.js';
import type { Store } from '../../src/store/store.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { openTestSqliteStore } from '../support/sqlite.js';

/**
 * What agencies do with a story after sending it, on both engines: the same story in ninjs
 * 2.x and 3.x (with a NITF body) is one article; a kill notice (pubStatus canceled) takes it
 * down; an embargoed story is held and appears when its embargo lifts.
 */
const testdata = new URL('../../src/ingest/testdata/', import.meta.url);
const ninjs = (path: string): RawItem => {
  const read = parseNinjs(JSON.parse(readFileSync(new URL(path, testdata), 'utf8')));
  if (read.kind !== 'accepted') throw new Error(read.reason);
  return read.items[0]!;
};
const ninjsItem = (value: unknown): RawItem => {
  const read = parseNinjs(value);
  if (read.kind !== 'accepted') throw new Error(read.reason);
  return read.items[0]!;
};

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`agency story lifecycle on ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`, { skip: engine === 'postgres' && skipPostgres }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let ingest: IngestService;
    let slug = 0;
    const provider = (): Promise<Provider> => store.providers.create({ slug: `agency-${slug++}`, name: 'Agency' });
    const listedIds = async () => (await store.listings.page({ kind: 'latest' }, undefined, 50)).items.map((i) => i.id);

    before(async () => {
      const opened = engine === 'sqlite' ? await openTestSqliteStore() : await openTestPostgresStore();
      store = opened.store;
      drop = opened.drop;
      await seedTaxonomy(store);
      ingest = createIngestService({ store });
    });
    after(() => drop());

    for (const [v2, v3] of [
      ['agency/ninjs/2.1/tt_text_image_2.json', 'ninjs-3/tt_text_image_3.json'],
      ['agency/ninjs/2.1/dpa_text.json', 'ninjs-3/dpa_text_3_nitf.json'],
    ]) {
      it(`${v2} and its 3.x version ${v3} give the same article`, async () => {
        const [a, b] = [await provider(), await provider()];
        const first = await ingest.ingest(a, [ninjs(v2!)]);
        const second = await ingest.ingest(b, [ninjs(v3!)]);
        const [x, y] = [await store.articles.findById(first.articleIds[0]!), await store.articles.findById(second.articleIds[0]!)];
        assert.ok(x && y, 'both are stored');
        for (const field of ['guid', 'headline', 'summary', 'bodyHtml', 'bodyText', 'byline', 'dateline', 'language', 'categories', 'copyrightNotice', 'usageTerms', 'status'] as const) {
          assert.deepEqual(y[field], x[field], field);
        }
        assert.equal(y.publishedAt.toISOString(), x.publishedAt.toISOString());
        assert.doesNotMatch(y.bodyHtml, /nitf|<\?xml/i);
      });
    }

    it('a canceled notice takes the stored story down; for an unknown uri it stores nothing and says so', async () => {
      const wire = await provider();
      // A story of its own: versions of one story from several providers list only its head.
      const story = ninjsItem({
        uri: `urn:kill:${engine}`,
        versionCreated: '2021-05-26T13:40:18+02:00',
        headlines: [{ role: 'main', value: 'Harbour crane collapses during storm in Gothenburg' }],
        bodies: [{ contentType: 'text/html', value: '<p>A container crane collapsed at the harbour during the night as gusts reached hurricane strength, the port authority said.</p>' }],
      });
      const stored = await ingest.ingest(wire, [story]);
      const id = stored.articleIds[0]!;
      assert.ok((await listedIds()).includes(id), 'listed before the notice');

      const kill = await ingest.ingest(wire, [ninjsItem({ uri: story.guid, pubStatus: 'canceled', versionCreated: '2021-05-26T15:00:00+02:00' })]);
      assert.deepEqual(kill.items, [{ outcome: 'taken_down', articleId: id, reason: 'The provider marked the story canceled; it was taken down.' }]);
      assert.equal((await store.articles.findById(id))?.status, 'taken_down');
      assert.ok(!(await listedIds()).includes(id), 'gone from the listings');

      const before = await store.articles.count();
      const unknown = await ingest.ingest(wire, [ninjsItem({ uri: 'urn:never-sent', pubstatus: 'withheld' })]);
      assert.equal(unknown.items[0]?.outcome, 'not_stored');
      assert.match(unknown.withdrawn[0]!.reason, /No stored story has the uri "urn:never-sent"/);
      assert.equal(await store.articles.count(), before, 'nothing stored');
    });

    it('the story and its kill notice in one delivery end with the story down', async () => {
      const wire = await provider();
      const story = ninjsItem({ uri: `urn:kill-same-delivery:${engine}`, headline: 'Ferry timetable changes from Monday', body_text: 'The ferry company changes its timetable from Monday, with two fewer crossings a day.' });
      const run = await ingest.ingest(wire, [story, ninjsItem({ uri: story.guid, pubstatus: 'canceled' })]);
      assert.deepEqual(run.items.map((i) => i.outcome), ['created', 'taken_down']);
      assert.equal((await store.articles.findById(run.articleIds[0]!))?.status, 'taken_down');
    });

    it('an embargoed story is held, and appears only after its time', async () => {
      const wire = await provider();
      // Tomorrow, in whole seconds: a reprocess (which runs on the clock) still sees the embargo ahead.
      const t0 = new Date(Math.floor(Date.now() / 1000) * 1000 + 86_400_000);
      const lifts = new Date(t0.getTime() + 3_600_000);
      const item = ninjsItem({
        uri: `urn:embargo:${engine}`,
        type: 'text',
        pubStatus: 'embargoed',
        embargoed: lifts.toISOString(),
        versionCreated: t0.toISOString(),
        headlines: [{ role: 'main', value: 'Central bank lifts rates at noon' }],
        bodies: [{ contentType: 'text/html', value: '<p>The central bank raised its main interest rate by a quarter point, the bank said in a statement.</p>' }],
      });
      const run = await ingest.ingest(wire, [item], { now: () => t0 });
      const id = run.articleIds[0]!;
      assert.equal((await store.articles.findById(id))?.status, 'unpublished', 'held');
      assert.ok(!(await listedIds()).includes(id), 'not listed while embargoed');

      assert.deepEqual(await releaseDueEmbargoes(store, new Date(t0.getTime() + 30 * 60_000)), [], 'not before its time');
      assert.ok(!(await listedIds()).includes(id), 'still not listed');
      await ingest.reprocess((await store.articles.findById(id))!);
      const reprocessed = await store.articles.findById(id);
      assert.equal(reprocessed?.embargoedUntil?.toISOString(), lifts.toISOString(), 'reprocessing keeps the embargo');
      assert.equal(reprocessed?.status, 'unpublished');

      assert.deepEqual(await releaseDueEmbargoes(store, new Date(lifts.getTime() + 1000)), [id]);
      const released = await store.articles.findById(id);
      assert.equal(released?.status, 'published');
      assert.equal(released?.publishedAt.toISOString(), lifts.toISOString(), 'published at the embargo time');
      assert.ok((await listedIds()).includes(id), 'listed once the embargo lifted');
      assert.deepEqual(await releaseDueEmbargoes(store, new Date(lifts.getTime() + 60_000)), [], 'released once');
    });

    it('an editor who unpublishes a held story ends its embargo; the job leaves it alone', async () => {
      const wire = await provider();
      const t0 = new Date('2030-04-01T08:00:00Z');
      const item = ninjsItem({
        uri: `urn:embargo-editor:${engine}`,
        embargoed: new Date(t0.getTime() + 60_000).toISOString(),
        headline: 'Held story',
        body_text: 'A story held for its embargo, then stopped by an editor before it went out.',
      });
      const id = (await ingest.ingest(wire, [item], { now: () => t0 })).articleIds[0]!;
      await store.articles.setStatus(id, 'unpublished');
      assert.deepEqual(await releaseDueEmbargoes(store, new Date(t0.getTime() + 120_000)), []);
      assert.equal((await store.articles.findById(id))?.status, 'unpublished');
    });
  });
}
