/**
 * The storage contract of "Most popular"; part of the one suite in `store.contract.ts`, so
 * it runs on SQLite and PostgreSQL alike. Each test ranks stories of a language of its own
 * (ISO 639 private-use codes), so stories of other tests never share its listing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleDraft } from '../../test/support/article-draft.js';
import type { ListingScope } from '../domain/listing.js';
import type { ContractFixture } from './enrichment.contract.js';

const HOUR = 3_600_000;

export function describePopularityContract(fixture: () => ContractFixture): void {
  let n = 0;
  const language = () => `qa${String.fromCharCode(97 + (n++ % 26))}-x${Date.now() % 100000}`;

  async function stories(f: ContractFixture, lang: string, count: number, options: { publishedAt?: Date; category?: string } = {}) {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const { article } = await f.store.articles.upsert(
        articleDraft({
          providerId: f.providerId,
          guid: `${lang}-${i}`,
          headline: `${lang} story ${i}`,
          language: lang,
          publishedAt: options.publishedAt ?? new Date(Date.now() - HOUR),
          categories: options.category ? [options.category] : [],
        }),
      );
      ids.push(article.id);
    }
    return ids;
  }
  const ranking = async (f: ContractFixture, scope: ListingScope, since = 0) => (await f.store.listings.popular(scope, since, 10)).map((t) => t.id);

  describe('most popular', () => {
    it('adds views per UTC day and provider, for the dashboards, across flushes', async () => {
      const f = fixture();
      const lang = language();
      const [mine] = await stories(f, lang, 1);
      const { article: theirs } = await f.store.articles.upsert(articleDraft({ providerId: f.otherProviderId, guid: `${lang}-other`, headline: `${lang} other`, language: lang }));
      // Days long past, so views other tests count today never mix in.
      const day1 = new Date('2001-03-04T10:00:00Z');
      const day2 = new Date('2001-03-05T23:59:00Z');
      await f.store.popularity.record([{ articleId: mine!, views: 3, at: day1 }, { articleId: theirs.id, views: 2, at: day1 }, { articleId: mine!, views: 4, at: day2 }], 24);
      await f.store.popularity.record([{ articleId: mine!, views: 1, at: day1 }, { articleId: 999_999_999, views: 5, at: day1 }], 24);
      const in2001 = (rows: { day: Date; views: number }[]) => rows.filter((r) => r.day.getUTCFullYear() === 2001).map((r) => [r.day.toISOString().slice(0, 10), r.views]);
      const since = new Date('2001-03-04T00:00:00Z');
      assert.deepEqual(in2001(await f.store.popularity.viewsPerDay(since, f.providerId)), [['2001-03-04', 4], ['2001-03-05', 4]]);
      assert.deepEqual(in2001(await f.store.popularity.viewsPerDay(since, f.otherProviderId)), [['2001-03-04', 2]]);
      assert.deepEqual(in2001(await f.store.popularity.viewsPerDay(since)), [['2001-03-04', 6], ['2001-03-05', 4]]);
      assert.deepEqual(in2001(await f.store.popularity.viewsPerDay(new Date('2001-03-05T00:00:00Z'))), [['2001-03-05', 4]], 'from a day on');
    });

    it('ranks stories by their views, in their language and category listings', async () => {
      const f = fixture();
      const lang = language();
      await f.store.categories.upsert({ slug: 'market-research', name: 'Market Research', iptcCode: '04000000' });
      const [a, b, c] = await stories(f, lang, 3, { category: 'market-research' });
      const now = new Date();
      await f.store.popularity.record([{ articleId: a!, views: 2, at: now }, { articleId: b!, views: 9, at: now }, { articleId: c!, views: 5, at: now }], 24);
      assert.deepEqual(await ranking(f, { kind: 'language', language: lang }), [b, c, a]);
      const inCategory = await ranking(f, { kind: 'category', slug: 'market-research' });
      assert.ok(inCategory.indexOf(b!) < inCategory.indexOf(c!) && inCategory.indexOf(c!) < inCategory.indexOf(a!), String(inCategory));
      // More views later move a story up.
      await f.store.popularity.record([{ articleId: a!, views: 20, at: now }], 24);
      assert.deepEqual(await ranking(f, { kind: 'language', language: lang }), [a, b, c]);
    });

    it('adds counts from several nodes flushing at once', async () => {
      const f = fixture();
      const lang = language();
      const [a, b] = await stories(f, lang, 2);
      const at = new Date();
      // Two nodes each saw 3 views of a; one node saw 5 views of b: together a has 6.
      await Promise.all([
        f.store.popularity.record([{ articleId: a!, views: 3, at }], 24),
        f.store.popularity.record([{ articleId: a!, views: 3, at }, { articleId: b!, views: 5, at }], 24),
      ]);
      assert.deepEqual(await ranking(f, { kind: 'language', language: lang }), [a, b]);
      const scores = await f.store.popularity.scores([a!, b!]);
      assert.ok(Math.abs(2 ** (scores.get(a!)! - scores.get(b!)!) - 6 / 5) < 1e-6, 'a holds 6 views to b’s 5');
    });

    it('lets old views decay: yesterday’s crowd counts half today', async () => {
      const f = fixture();
      const lang = language();
      const [old, fresh] = await stories(f, lang, 2);
      const now = Date.now();
      await f.store.popularity.record([{ articleId: old!, views: 10, at: new Date(now - 72 * HOUR) }], 24);
      await f.store.popularity.record([{ articleId: fresh!, views: 3, at: new Date(now) }], 24);
      // 10 views three half-lives ago weigh 1.25 now; 3 fresh views outrank them.
      assert.deepEqual(await ranking(f, { kind: 'language', language: lang }), [fresh, old]);
    });

    it('counts views of any version for the story, shown under its head', async () => {
      const f = fixture();
      const lang = language();
      const [head, other] = await stories(f, lang, 2);
      const { article: copy } = await f.store.articles.upsert(articleDraft({ providerId: f.otherProviderId, guid: `${lang}-copy`, headline: 'copy', language: lang, publishedAt: new Date(Date.now() - HOUR) }));
      await f.store.clusters.assign({ articleId: head!, clusterId: head!, match: 'first', similarity: 1, signature: 'AAAA', bandKeys: [], publishedAt: new Date() });
      await f.store.clusters.assign({ articleId: copy.id, clusterId: head!, match: 'near', similarity: 0.9, signature: 'AAAB', bandKeys: [], publishedAt: new Date() });
      const at = new Date();
      await f.store.popularity.record([{ articleId: other!, views: 3, at }, { articleId: head!, views: 2, at }, { articleId: copy.id, views: 2, at }], 24);
      assert.deepEqual(await ranking(f, { kind: 'language', language: lang }), [head, other]);
    });

    it('shows only stories listed within the window, and prunes older entries', async () => {
      const f = fixture();
      const lang = language();
      const [recent] = await stories(f, lang, 1);
      const { article: old } = await f.store.articles.upsert(articleDraft({ providerId: f.providerId, guid: `${lang}-old`, headline: 'old', language: lang, publishedAt: new Date(Date.now() - 5 * 24 * HOUR) }));
      const lastWeek = old.id;
      const at = new Date();
      await f.store.popularity.record([{ articleId: recent!, views: 1, at }, { articleId: lastWeek, views: 50, at }], 24);
      const scope: ListingScope = { kind: 'language', language: lang };
      assert.deepEqual(await ranking(f, scope, Date.now() - 24 * HOUR), [recent]);
      assert.deepEqual((await ranking(f, scope, Date.now() - 7 * 24 * HOUR))[0], lastWeek);
      await f.store.popularity.prune(Date.now() - 2 * 24 * HOUR);
      assert.ok(!(await ranking(f, scope)).includes(lastWeek));
    });

    it('ignores counts for articles that do not exist and never shows taken-down stories', async () => {
      const f = fixture();
      const lang = language();
      const [a, b] = await stories(f, lang, 2);
      await f.store.popularity.record([{ articleId: 2_000_000_000, views: 4, at: new Date() }, { articleId: -1, views: 1, at: new Date() }, { articleId: a!, views: 4, at: new Date() }, { articleId: b!, views: 1, at: new Date() }], 24);
      await f.store.articles.setStatus(a!, 'taken_down');
      assert.deepEqual(await ranking(f, { kind: 'language', language: lang }), [b]);
    });
  });
}
