/**
 * The storage contract for items stored several per transaction (savepoints, grouped ingest);
 * part of the one suite in `store.contract.ts`, so it runs on SQLite and PostgreSQL alike.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { articleDraft } from '../../test/support/article-draft.js';
import { emptyRawItem, type RawItem } from '../domain/raw-item.js';
import { MAX_AGENCY_META_CHARS } from '../domain/article.js';
import { createIngestService } from '../pipeline/run-ingest.js';
import type { ContractFixture } from './enrichment.contract.js';
import { seedTaxonomy } from './seed-taxonomy.js';

/** Reports on unrelated events, each long enough to be compared with others. */
const reports = {
  harbour:
    'Dockworkers in the northern harbour voted on Tuesday to accept a pay offer after nine weeks of talks. The union said cranes would run again from Thursday morning, and shipping lines expect the queue of forty vessels anchored offshore to clear within a fortnight. Grain exporters, who had diverted cargo to southern ports, welcomed the deal but warned that storage fees had already eaten most of their margin this season.',
  ferry:
    'A new ferry timetable starts in April, adding late crossings on weekdays and dropping the early Sunday sailing that carried few passengers. Islanders had petitioned for an evening boat so that students and hospital staff could return home after late shifts. The operator said fuel costs forced it to cut one vessel from the winter fleet, and fares for cars will rise by six percent.',
  rail: 'Engineers found cracks in a viaduct on the coastal line, and trains between the two towns will be replaced by buses until the summer. The regional railway said inspections after the January floods showed the stonework had moved. Commuters face journeys up to forty minutes longer, and the council asked for a discount on season tickets while the repairs last.',
  school:
    'The roof of the village primary school was repaired over the holidays with money raised by parents at fairs, concerts and a sponsored swim. Rainwater had poured into two classrooms last autumn, and pupils were taught in the library for weeks. The headteacher thanked volunteers who painted the corridors, and said the new skylights make the art room the brightest in the county.',
  bridge:
    'The old suspension bridge reopened to walkers and cyclists after a restoration that replaced every cable and half of the wooden deck. Historians had campaigned for years to save the crossing, built by a local blacksmith in the eighteen-nineties. Cars remain banned, and a toll of one coin for visitors will pay for yearly maintenance, the trust that owns it announced.',
  orchard:
    'Apple growers began the harvest early after a warm spring, and pickers from three countries arrived in the valley this week. Cooperative managers predict a record crop of cider varieties but smaller dessert fruit, as hail in June bruised the orchards on the western slopes. Prices at the first auction were steady, buyers said, despite cheaper imports.',
};
type Topic = keyof typeof reports;

const report = (topic: Topic) => reports[topic];

function item(guid: string, headline: string, text: string, extra: Partial<RawItem> = {}): RawItem {
  return { ...emptyRawItem(headline), guid, text, publishedAt: new Date('2026-03-02T09:00:00Z'), ...extra };
}

export function describeGroupedIngestContract(fixture: () => ContractFixture): void {
  let n = 0;
  const unique = (name: string) => `${name}-${++n}-${Date.now()}`;
  // Groups as big as the test's items, whatever the machine's load: one transaction for all.
  const service = () => createIngestService({ store: fixture().store, groupBudgetMs: 60_000 });

  describe('several items per transaction', () => {
    // The pipeline files items under the taxonomy's categories.
    before(() => seedTaxonomy(fixture().store));

    it('a savepoint that fails undoes its own writes only, and the transaction commits the rest', async () => {
      const { store, providerId } = fixture();
      const [a, b, c] = [unique('sp-a'), unique('sp-b'), unique('sp-c')];
      const refused = await store.transaction(async (tx) => {
        await tx.savepoint((sp) => sp.articles.upsert(articleDraft({ providerId, guid: a })));
        const error = await tx
          .savepoint(async (sp) => {
            await sp.articles.upsert(articleDraft({ providerId, guid: b }));
            throw new Error('refused after writing');
          })
          .catch((e: Error) => e.message);
        await tx.savepoint((sp) => sp.articles.upsert(articleDraft({ providerId, guid: c })));
        return error;
      });
      assert.equal(refused, 'refused after writing');
      assert.ok(await store.articles.findByGuid(providerId, a));
      assert.equal(await store.articles.findByGuid(providerId, b), undefined);
      assert.ok(await store.articles.findByGuid(providerId, c));
    });

    // PostgreSQL releases a savepoint with the next one (kysely-store.ts): a part that fails
    // right after others succeeded, or inside one, still undoes its own writes only.
    it('a failing savepoint after or inside succeeded ones undoes its own writes only', async () => {
      const { store, providerId } = fixture();
      const [a, b, c, d, e] = [unique('nest-a'), unique('nest-b'), unique('nest-c'), unique('nest-d'), unique('nest-e')];
      const refuse = (guid: string) => (sp: typeof store) => sp.articles.upsert(articleDraft({ providerId, guid })).then(() => Promise.reject(new Error(`refused ${guid}`)));
      const errors = await store.transaction(async (tx) => {
        const seen: string[] = [];
        await tx.savepoint((sp) => sp.articles.upsert(articleDraft({ providerId, guid: a })));
        await tx.savepoint(async (outer) => {
          await outer.savepoint((inner) => inner.articles.upsert(articleDraft({ providerId, guid: b })));
          await outer.savepoint(refuse(c)).catch((error: Error) => seen.push(error.message));
          await outer.articles.upsert(articleDraft({ providerId, guid: d }));
        });
        await tx.savepoint(refuse(e)).catch((error: Error) => seen.push(error.message));
        return seen;
      });
      assert.deepEqual(errors, [`refused ${c}`, `refused ${e}`]);
      for (const guid of [a, b, d]) assert.ok(await store.articles.findByGuid(providerId, guid), guid);
      for (const guid of [c, e]) assert.equal(await store.articles.findByGuid(providerId, guid), undefined, guid);
    });

    it('stores the good items of a group and refuses the bad one with its reason, with exact counts', async () => {
      const { store } = fixture();
      const provider = await store.providers.create({ slug: unique('grouped'), name: 'Grouped' });
      const before = await store.articles.count();
      // Metadata the pipeline passes through but the store refuses as too large.
      const oversized = { extra: { note: 'x'.repeat(MAX_AGENCY_META_CHARS + 10) } };
      const summary = await service().ingest(provider, [
        item('g1', 'Dockworkers accept pay offer', report('harbour')),
        item('g2', 'Ferry timetable changes', report('ferry')),
        item('g3', 'Viaduct cracks close coastal line', report('rail'), { agencyMeta: oversized }),
        item('g4', 'School roof repaired', report('school')),
        item('g5', 'Suspension bridge reopens', report('bridge')),
      ]);
      assert.deepEqual(
        summary.items.map((o) => (o.outcome === 'rejected' ? 'rejected' : `${o.outcome}`)),
        ['created', 'created', 'rejected', 'created', 'created'],
        JSON.stringify(summary.rejected),
      );
      assert.equal(summary.created, 4);
      assert.equal(summary.read, 5);
      assert.equal(summary.rejected.length, 1);
      assert.equal(summary.rejected[0]!.item, 'g3');
      assert.match(summary.rejected[0]!.reason, /could not be stored: The article is not valid\. \(agencyMeta: is larger than/);
      assert.equal(await store.articles.count(), before + 4);
      assert.equal(await store.articles.findByGuid(provider.id, 'g3'), undefined);
      for (const guid of ['g1', 'g2', 'g4', 'g5']) {
        const stored = await store.articles.findByGuid(provider.id, guid);
        assert.ok(stored, guid);
        // Each stored item has its entities, cluster and listing entry despite the refusal beside it.
        assert.ok(await store.clusters.membershipOf(stored.id), `${guid} has a story`);
      }
      // The refused item is not half there: sending it again fixed stores it.
      const again = await service().ingest(provider, [item('g3', 'Viaduct cracks close coastal line', report('rail'))]);
      assert.deepEqual(again.items.map((o) => o.outcome), ['created']);
    });

    it('puts two versions of a story that arrive in one group into the same story', async () => {
      const { store } = fixture();
      const provider = await store.providers.create({ slug: unique('versions'), name: 'Versions' });
      // Dated apart from the other tests' items, so only these two can be versions of one story.
      const at = { publishedAt: new Date('2026-05-20T07:00:00Z') };
      const story = `${report('harbour')} Talks had lasted into the night.`;
      const summary = await service().ingest(provider, [
        item('v1', 'Dockworkers accept pay offer', story, at),
        item('other', 'Apple harvest begins early', report('orchard'), at),
        item('v2', 'Harbour strike ends as dockworkers accept offer', `${story} A spokesman for the port declined to comment.`, at),
        item('v1', 'Dockworkers accept pay offer', `${story} The mayor answered them.`, at),
      ]);
      assert.deepEqual(summary.items.map((o) => o.outcome), ['created', 'created', 'created', 'updated']);
      const [first, other, second] = await Promise.all(['v1', 'other', 'v2'].map((g) => store.articles.findByGuid(provider.id, g)));
      const own = await store.clusters.membershipOf(first!.id);
      const joined = await store.clusters.membershipOf(second!.id);
      assert.equal(own?.clusterId, first!.id);
      assert.equal(joined?.clusterId, first!.id, `the second version joined by ${joined?.match}`);
      assert.notEqual((await store.clusters.membershipOf(other!.id))?.clusterId, first!.id);
      // The correction of v1 in the same group is the stored text.
      assert.match(first!.bodyText, /The mayor answered them/);
      assert.equal(summary.articleIds.length, 4);
    });
  });
}
