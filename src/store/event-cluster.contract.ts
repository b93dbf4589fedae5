/**
 * The storage contract of event-level clustering (migration 0029): document frequencies,
 * the event index with its bounded lookups, cluster merges, and rewritten reports joined
 * through the ingest service; part of the one suite in `store.contract.ts`, so it runs on
 * SQLite and PostgreSQL alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleDraft } from '../../test/support/article-draft.js';
import { emptyRawItem, type RawItem } from '../domain/raw-item.js';
import { ingestItems } from '../pipeline/run-ingest.js';
import { sql } from 'kysely';
import { Counts, writeCounts } from './document-counts.js';
import type { ContractFixture } from './enrichment.contract.js';
import type { KyselyStore } from './kysely-store.js';

const at = new Date('2019-11-20T09:00:00Z');
const hours = (h: number) => new Date(at.getTime() + h * 3_600_000);

function item(guid: string, headline: string, text: string, publishedAt: Date): RawItem {
  return { ...emptyRawItem(headline), guid, text, language: 'en', publishedAt, updatedAt: publishedAt };
}

export function describeEventClusterContract(fixture: () => ContractFixture): void {
  let n = 0;
  const unique = () => `${++n}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

  async function stored(providerId: number, publishedAt: Date) {
    const { article } = await fixture().store.articles.upsert(articleDraft({ providerId, guid: `event-${unique()}`, publishedAt }));
    return article;
  }

  describe('event clusters', () => {
    it('counts each article once in the document frequencies, however often it is re-clustered', async () => {
      const { store, providerId } = fixture();
      const rare = `t:rare${unique()}`;
      const before = await store.clusters.documentFrequencies([rare]);
      const a = await stored(providerId, at);
      const event = { profile: '{"terms":[],"entities":[],"places":[],"at":0}', indexKeys: [rare], frequencyKeys: [rare, rare] };
      const m = { articleId: a.id, clusterId: a.id, match: 'first' as const, similarity: 1, signature: 'AAAA', bandKeys: [], publishedAt: at, event };
      await store.clusters.assign(m);
      await store.clusters.assign(m);
      const after = await store.clusters.documentFrequencies([rare, 't:never-seen-anywhere']);
      assert.equal(after.docs, before.docs + 1);
      assert.equal(after.df.get(rare), 1);
      assert.equal(after.df.has('t:never-seen-anywhere'), false);
      // Re-clustering replaced the index keys instead of adding to them.
      assert.deepEqual((await store.clusters.eventCandidates([rare], hours(-1), hours(1), -1, 10)).map((c) => c.articleId), [a.id]);
    });

    it('stores index keys and counts of any text as lookups send them: quotes, backslashes, other scripts, a lone surrogate', async () => {
      const { store, providerId } = fixture();
      const u = unique();
      // Rows sent as one JSON or array parameter (insert-rows.ts) must be stored as a bound
      // string would be, or lookups by the bound string would miss them.
      const keys = [`t:o'brien-${u}`, `t:"quoted"-${u}`, `t:back\\slash-${u}`, `e:قطر-${u}`, `t:lone\ud800-${u}`];
      const a = await stored(providerId, at);
      const profile = JSON.stringify({ terms: [['word', 1]], entities: [], places: [], at: at.getTime() });
      await store.clusters.assign({ articleId: a.id, clusterId: a.id, match: 'first', similarity: 1, signature: 'AAAA', bandKeys: [`b:${u}`, `b:lone\udc00-${u}`], publishedAt: at, event: { profile, indexKeys: keys, frequencyKeys: [] } });
      for (const key of keys) {
        assert.deepEqual((await store.clusters.eventCandidates([key], hours(-1), hours(1), -1, 10)).map((c) => c.articleId), [a.id], key);
      }
      assert.deepEqual((await store.clusters.candidates([`b:lone\udc00-${u}`], hours(-1), hours(1), -1)).map((c) => c.articleId), [a.id]);
      // Counts are written in batches of thousands of keys; these go with a thousand others.
      const counts = new Counts();
      counts.add([...keys, ...Array.from({ length: 1_000 }, (_, i) => `t:filler${i}-${u}`)]);
      counts.add([keys[0]!]);
      const kysely = store as KyselyStore;
      await writeCounts(kysely.db, kysely.engine, counts);
      const { rows } = await sql<{ key: string; docs: number | string }>`select key, docs from event_term_docs where key like ${`%-${u}`}`.execute(kysely.db);
      const table = new Map(rows.map((r) => [r.key, Number(r.docs)]));
      assert.equal(table.size, 1_005);
      assert.equal(table.get(keys[0]!), 2);
      const lone = await sql<{ docs: number | string }>`select docs from event_term_docs where key = ${keys[4]}`.execute(kysely.db);
      assert.deepEqual(lone.rows.map((r) => Number(r.docs)), [1], 'found by the bound string');
      assert.equal(table.get('t:filler999-' + u), 1);
    });

    it('finds candidates under a key within the time window, newest first and at most perKey each', async () => {
      const { store, providerId, otherProviderId } = fixture();
      const key = `e:person-${unique()}`;
      const other = `t:word${unique()}`;
      const ids: number[] = [];
      for (const h of [-100, -3, -2, -1, 5]) {
        const a = await stored(h % 2 === 0 ? providerId : otherProviderId, hours(h));
        const profile = JSON.stringify({ terms: [['word', 1]], entities: [], places: [], at: hours(h).getTime() });
        await store.clusters.assign({ articleId: a.id, clusterId: a.id, match: 'first', similarity: 1, signature: 'AAAA', bandKeys: [], publishedAt: hours(h), event: { profile, indexKeys: [key, other], frequencyKeys: [key] } });
        ids.push(a.id);
      }
      const [tooOld, threeBefore, twoBefore, oneBefore, after] = ids as [number, number, number, number, number];
      const all = await store.clusters.eventCandidates([key, other], hours(-72), hours(72), -1, 10);
      assert.deepEqual(all.map((c) => c.articleId), [threeBefore, twoBefore, oneBefore, after], 'the one 100 hours earlier is outside the window');
      assert.equal(all[0]!.clusterId, threeBefore);
      assert.match(all[0]!.profile, /"word"/);
      // Two per key, newest first: the newest two, and the article itself is never its own candidate.
      const bounded = await store.clusters.eventCandidates([key], hours(-72), hours(72), after, 2);
      assert.deepEqual(bounded.map((c) => c.articleId), [oneBefore]);
      assert.deepEqual(await store.clusters.eventCandidates([], hours(-72), hours(72), -1, 10), []);
      assert.deepEqual(await store.clusters.eventCandidates([`t:absent${unique()}`], hours(-72), hours(72), -1, 10), []);
    });

    it('returns only the articles that share at least minShared of the keys', async () => {
      const { store, providerId } = fixture();
      const [k1, k2, k3] = [`t:a${unique()}`, `t:b${unique()}`, `e:c${unique()}`];
      const index = async (keys: string[]) => {
        const a = await stored(providerId, at);
        const profile = JSON.stringify({ terms: [], entities: [], places: [], at: at.getTime() });
        await store.clusters.assign({ articleId: a.id, clusterId: a.id, match: 'first', similarity: 1, signature: 'AAAA', bandKeys: [], publishedAt: at, event: { profile, indexKeys: keys, frequencyKeys: keys } });
        return a.id;
      };
      const [one, two, three] = [await index([k1]), await index([k1, k2]), await index([k1, k2, k3])];
      const found = async (minShared?: number) => (await store.clusters.eventCandidates([k1, k2, k3], hours(-1), hours(1), -1, 10, minShared)).map((c) => c.articleId);
      assert.deepEqual(await found(), [one, two, three]);
      assert.deepEqual(await found(2), [two, three]);
      assert.deepEqual(await found(3), [three]);
    });

    it('merges a younger cluster into an older one: one story in the listings, every version named', async () => {
      const { store, providerId, otherProviderId } = fixture();
      const when = new Date('2031-05-01T10:00:00Z');
      const tag = unique();
      const older = (await store.articles.upsert(articleDraft({ providerId, guid: `old-${tag}`, headline: `Older story ${tag}`, publishedAt: when }))).article;
      const younger = (await store.articles.upsert(articleDraft({ providerId: otherProviderId, guid: `young-${tag}`, headline: `Younger story ${tag}`, publishedAt: new Date(when.getTime() + 60_000) }))).article;
      const copy = (await store.articles.upsert(articleDraft({ providerId, guid: `copy-${tag}`, headline: `Younger copy ${tag}`, publishedAt: new Date(when.getTime() + 120_000) }))).article;
      const base = { similarity: 1, signature: 'AAAA', bandKeys: [], publishedAt: when };
      await store.clusters.assign({ ...base, articleId: older.id, clusterId: older.id, match: 'first' });
      await store.clusters.assign({ ...base, articleId: younger.id, clusterId: younger.id, match: 'first' });
      await store.clusters.assign({ ...base, articleId: copy.id, clusterId: younger.id, match: 'near' });
      const latest = async () => (await store.listings.page({ kind: 'latest' }, {}, 100)).items.map((a) => a.headline).filter((h) => h.endsWith(tag));
      assert.deepEqual((await latest()).sort(), [`Older story ${tag}`, `Younger story ${tag}`]);

      const dropped: string[] = [];
      const stop = store.changes.subscribe((tags) => dropped.push(...tags));
      try {
        await store.transaction((tx) => tx.clusters.mergeClusters(younger.id, older.id));
      } finally {
        stop();
      }
      assert.deepEqual(await latest(), [`Older story ${tag}`], 'the merged story is listed once, under its first version');
      assert.equal((await store.clusters.membershipOf(copy.id))?.clusterId, older.id);
      assert.deepEqual((await store.clusters.otherVersions(older.id)).map((v) => v.id), [younger.id, copy.id]);
      // Cached pages of every moved version (their "also reported by" changed) are dropped.
      for (const id of [younger.id, copy.id]) assert.ok(dropped.includes(`article:${id}`), `article:${id} in ${dropped.join(' ')}`);
      // Merging a cluster into itself, or an empty one, changes nothing.
      await store.clusters.mergeClusters(older.id, older.id);
      await store.clusters.mergeClusters(-5, older.id);
      assert.equal((await store.clusters.otherVersions(older.id)).length, 2);
    });

    it('joins a rewritten report of the same event through the ingest service, and keeps the next day\'s event apart', async () => {
      const { store, providerId, otherProviderId } = fixture();
      const wire = (await store.providers.findById(providerId))!;
      const other = (await store.providers.findById(otherProviderId))!;
      const tag = unique();
      const original = await ingestItems(store, wire, [
        item(
          `emirates-${tag}`,
          'Emirates orders 30 Boeing 787 jets at Dubai Air Show',
          "DUBAI, United Arab Emirates — Dubai's flagship carrier Emirates Airline finalized a deal to purchase 30 of Boeing's 787-9 Dreamliner jets, executives of both companies announced Wednesday at the Dubai Air Show.\n\nThe deal sets up for a reduction to a prior commitment of 777x jets from the U.S. plane-maker, down by 30 to 126, which Emirates is opting for by employing its substitution rights. The 777 program has faced delays due to engine problems and other technical issues in its testing phase.\n\nThe mid-size wide body 787-9 jet is a larger and longer-range variant of Boeing's Dreamliner, seating 242 to 330 passengers in a two-class layout. The order is valued at $8.8 billion at list prices, but a steep discount is typically negotiated by airlines.\n\nThe order is crucial for the American manufacturing giant, whose sales have been badly hit following two catastrophic crashes of its popular 737 Max jet in less than five months that killed a total of 346 people.",
          hours(0),
        ),
      ]);
      const rewrite = await ingestItems(store, other, [
        item(
          `dreamliners-${tag}`,
          'Emirates trims 777X order, buys 30 Dreamliners for $8.8 billion',
          "Boeing won a much-needed order on Wednesday as Emirates finalised a purchase of 30 787-9 Dreamliners, valued at $8.8 billion at list prices.\n\nThe Dubai carrier will use substitution rights to cut its 777X commitment by 30 aircraft to 126. The 777X has been delayed by engine problems.\n\nThe deal, announced at the Dubai Air Show, comes as Boeing's 737 Max remains grounded after two crashes that killed 346 people.",
          hours(3),
        ),
      ]);
      const followUp = await ingestItems(store, other, [
        item(
          `airarabia-${tag}`,
          'Air Arabia orders 120 Airbus jets at Dubai Air Show',
          "Air Arabia agreed on Thursday to buy 120 Airbus A320neo family jets worth $14 billion at list prices, the largest order of the Dubai Air Show.\n\nThe Sharjah-based low-cost carrier's deal includes the long-range A321XLR. Boeing's main win of the week was a previously announced Emirates order for 30 787-9 Dreamliners, which cut the airline's 777X commitment.",
          hours(26),
        ),
      ]);
      const [a, b, c] = [original, rewrite, followUp].map((s) => s.articleIds[0]!);
      const joined = await store.clusters.membershipOf(b!);
      assert.equal(joined?.clusterId, a, 'the rewrite shares few word 4-grams, yet joins the story');
      assert.equal(joined?.match, 'event');
      assert.equal((await store.clusters.membershipOf(c!))?.clusterId, c, 'the next day\'s order is its own story');
    });

    it('leaves briefs too short to compare apart, however alike their few words are', async () => {
      const { store, providerId } = fixture();
      const wire = (await store.providers.findById(providerId))!;
      const tag = unique();
      // Two one-line market briefs a minute apart: the same words, different events.
      const briefs = await ingestItems(store, wire, [
        item(`brief-1-${tag}`, 'Gold rises 0.4% in early trade', 'Gold rose 0.4% in early Asian trade on Monday as the dollar eased.', hours(0)),
        item(`brief-2-${tag}`, 'Gold rises 0.6% in early trade', 'Gold rose 0.6% in early Asian trade on Tuesday as the dollar eased.', hours(24)),
      ]);
      const [first, second] = briefs.articleIds;
      assert.equal((await store.clusters.membershipOf(second!))?.clusterId, second, 'a brief of a dozen words is matched by content only');
      assert.equal((await store.clusters.membershipOf(first!))?.clusterId, first);
    });
  });
}
