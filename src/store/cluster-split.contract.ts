/**
 * The storage contract of story clusters that split (migration 0032): a story is the
 * connected components of its versions' links, recomputed when a version is taken down,
 * restored, corrected or reprocessed; listings, search and cached pages follow in the same
 * commit. Part of the one suite in `store.contract.ts`, so it runs on SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleDraft } from '../../test/support/article-draft.js';
import type { Article } from '../domain/article.js';
import type { ListingPosition, ListingScope } from '../domain/listing.js';
import { parseSearchQuery } from '../domain/parse-search-query.js';
import type { SearchCursor, SearchFilters } from '../domain/search.js';
import { emptyRawItem, type RawItem } from '../domain/raw-item.js';
import { ingestItems } from '../pipeline/run-ingest.js';
import type { ClusterLink } from '../cluster/cluster-index.js';
import type { ContractFixture } from './enrichment.contract.js';

const editor = { id: null, label: 'contract test' };

export function describeClusterSplitContract(fixture: () => ContractFixture): void {
  let n = 0;
  const tag = () => `zqsplit${(++n).toString(36)}${Date.now().toString(36)}`;

  /**
   * Stores a version and clusters it the way the pipeline does, in one transaction: into the
   * story of `into` (its own without), by links to `links`.
   */
  async function version(providerId: number, headline: string, word: string, minutes: number, into?: Article, links: Article[] = []): Promise<Article> {
    const publishedAt = new Date(Date.UTC(2032, 2, 1, 9, minutes));
    const draft = articleDraft({ providerId, guid: `split-${tag()}`, headline, bodyText: `A report on ${word}.`, publishedAt });
    return fixture().store.transaction(async (tx) => {
      const { article } = await tx.articles.upsert(draft);
      const clusterId = into?.id ?? article.id;
      const byLinks: ClusterLink[] = links.map((l) => ({ articleId: l.id, similarity: 0.6 }));
      await tx.clusters.assign({ articleId: article.id, clusterId, match: into ? 'event' : 'first', similarity: 0.6, signature: 'AAAA', bandKeys: [], publishedAt, links: byLinks });
      return article;
    });
  }

  const storyOf = async (a: Article) => (await fixture().store.clusters.membershipOf(a.id))?.clusterId;
  const latest = async (word: string) =>
    (await fixture().store.listings.page({ kind: 'latest' }, {}, 200)).items.filter((i) => i.headline.includes(word)).map((i) => i.id).sort((x, y) => x - y);
  const found = async (word: string) =>
    (await fixture().store.search.query({ query: parseSearchQuery(word), filters: {} })).hits.map((h) => h.article.id).sort((x, y) => x - y);

  /** Two stories, each of one version, joined by a third version linking both. */
  async function bridged() {
    const { store, providerId, otherProviderId } = fixture();
    const word = tag();
    const left = await version(providerId, `Left ${word}`, word, 0);
    const right = await version(otherProviderId, `Right ${word}`, word, 1);
    // The bridge links both: the younger story merges into the older, as the pipeline does.
    await store.clusters.mergeClusters(right.id, left.id);
    const bridge = await version(otherProviderId, `Bridge ${word}`, word, 2, left, [left, right]);
    return { word, left, right, bridge };
  }

  /** Every story a scope lists whose headline holds `word`, paged through as a reader would. */
  async function listedIn(scope: ListingScope, word: string): Promise<number[]> {
    const ids: number[] = [];
    let position: ListingPosition = {};
    for (;;) {
      const page = await fixture().store.listings.page(scope, position, 100);
      ids.push(...page.items.filter((i) => i.headline.includes(word)).map((i) => i.id));
      if (!page.older) return ids.sort((x, y) => x - y);
      position = { before: page.older };
    }
  }

  /** Every search result for `word`, paged through. */
  async function foundAll(word: string, filters: SearchFilters = {}): Promise<number[]> {
    const ids: number[] = [];
    let after: SearchCursor | undefined;
    do {
      const page = await fixture().store.search.query({ query: parseSearchQuery(word), filters, limit: 100, ...(after && { after }) });
      ids.push(...page.hits.map((h) => h.article.id));
      after = page.next ?? undefined;
    } while (after);
    return ids.sort((x, y) => x - y);
  }

  describe('story clusters that split', () => {
    it('lists a growing story as a rebuild would: the head, and each provider by its first version', async () => {
      const { store, providerId, otherProviderId } = fixture();
      const word = tag();
      const byProvider = async (id: number) =>
        (await store.listings.page({ kind: 'provider', providerId: id }, {}, 200)).items.filter((i) => i.headline.includes(word)).map((i) => i.id);
      const head = await version(providerId, `Head ${word}`, word, 0);
      // Versions created after the head only add what is new: the other provider's first one.
      const other = await version(otherProviderId, `Other ${word}`, word, 1, head, [head]);
      const again = await version(providerId, `Again ${word}`, word, 2, head, [head]);
      const otherAgain = await version(otherProviderId, `Other again ${word}`, word, 3, head, [head, other]);
      assert.deepEqual(await latest(word), [head.id]);
      assert.deepEqual(await byProvider(providerId), [head.id], 'the head stands for its provider, not the later version');
      assert.deepEqual(await byProvider(otherProviderId), [other.id]);
      // Taking that first version down rebuilds the story from its versions: the provider's
      // next version takes its place, and nothing the appended entries held is left over.
      await store.articles.setStatus(other.id, 'taken_down');
      assert.deepEqual(await byProvider(otherProviderId), [otherAgain.id]);
      assert.deepEqual(await byProvider(providerId), [head.id]);
      assert.deepEqual(await latest(word), [head.id]);
      assert.equal(await storyOf(again), head.id);
    });

    it('splits a story when the version linking its parts is taken down, and joins it again when restored', async () => {
      const { store } = fixture();
      const { word, left, right, bridge } = await bridged();
      assert.deepEqual(await latest(word), [left.id], 'one story, listed under its first version');
      assert.deepEqual(await found(word), [left.id], 'one search result for the story');

      const dropped: string[] = [];
      const stop = store.changes.subscribe((tags) => dropped.push(...tags));
      try {
        await store.articles.takeDown(bridge.id, { reason: 'Disputed.', actor: editor });
      } finally {
        stop();
      }
      assert.equal(await storyOf(left), left.id);
      assert.equal(await storyOf(right), right.id, 'the part without the first version is a story of its own, headed by its earliest version');
      assert.equal(await storyOf(bridge), left.id, 'the hidden version goes with the earliest story it links to');
      assert.deepEqual(await latest(word), [left.id, right.id]);
      assert.deepEqual(await found(word), [left.id, right.id]);
      assert.deepEqual(await store.clusters.otherVersions(left.id), [], '"also reported by" no longer names the other part');
      assert.ok(dropped.includes(`article:${right.id}`), `the moved version's cached page is dropped: ${dropped.join(' ')}`);

      await store.articles.restore(bridge.id, { actor: editor });
      assert.equal(await storyOf(right), left.id);
      assert.equal(await storyOf(bridge), left.id);
      assert.deepEqual(await latest(word), [left.id]);
      assert.deepEqual((await store.clusters.otherVersions(left.id)).map((v) => v.id), [right.id, bridge.id]);
    });

    it('splits a story when a reprocessed version no longer links both parts', async () => {
      const { store } = fixture();
      const { word, left, right, bridge } = await bridged();
      // The corrected bridge matches the left part only.
      const story = await store.transaction((tx) =>
        tx.clusters.assign({ articleId: bridge.id, clusterId: left.id, match: 'event', similarity: 0.6, signature: 'AAAA', bandKeys: [], publishedAt: bridge.publishedAt, links: [{ articleId: left.id, similarity: 0.6 }] }),
      );
      assert.equal(story, left.id);
      assert.equal(await storyOf(right), right.id);
      assert.deepEqual(await latest(word), [left.id, right.id]);
    });

    it('gives the part left when a story\'s first version is hidden its earliest version as head', async () => {
      const { store, providerId, otherProviderId } = fixture();
      const word = tag();
      const first = await version(providerId, `First ${word}`, word, 0);
      const second = await version(otherProviderId, `Second ${word}`, word, 1, first, [first]);
      const third = await version(providerId, `Third ${word}`, word, 2, first, [first, second]);
      await store.articles.setStatus(first.id, 'taken_down');
      assert.equal(await storyOf(second), second.id);
      assert.equal(await storyOf(third), second.id, 'still linked to the second version');
      assert.equal(await storyOf(first), second.id, 'the hidden first version stays with the versions it links to');
      assert.deepEqual(await latest(word), [second.id]);
      assert.deepEqual((await store.clusters.otherVersions(second.id)).map((v) => v.id), [third.id]);
      await store.articles.setStatus(first.id, 'published');
      assert.deepEqual(await latest(word), [first.id]);
      assert.equal(await storyOf(third), first.id);
    });

    it('keeps a story whole when a hidden version was not the only link between its parts', async () => {
      const { store, providerId, otherProviderId } = fixture();
      const word = tag();
      const a = await version(providerId, `A ${word}`, word, 0);
      const b = await version(otherProviderId, `B ${word}`, word, 1, a, [a]);
      const c = await version(providerId, `C ${word}`, word, 2, a, [a, b]);
      await store.articles.setStatus(b.id, 'taken_down');
      assert.equal(await storyOf(c), a.id);
      assert.deepEqual(await latest(word), [a.id]);
    });

    it('splits off the versions a corrected first report no longer matches, through the ingest service', async () => {
      const { store, providerId, otherProviderId } = fixture();
      const wire = (await store.providers.findById(providerId))!;
      const other = (await store.providers.findById(otherProviderId))!;
      const word = tag();
      const at = new Date('2032-04-02T08:00:00Z');
      const item = (guid: string, headline: string, text: string, minutes: number): RawItem => {
        const publishedAt = new Date(at.getTime() + minutes * 60_000);
        return { ...emptyRawItem(headline), guid, text, language: 'en', publishedAt, updatedAt: publishedAt };
      };
      const harbour = [
        'The harbour authority of Port Velmar closed the northern container terminal on Tuesday after a crane collapsed onto a cargo ship during unloading, injuring four dock workers.',
        'Investigators from the national transport safety board arrived in the afternoon to examine the crane, which had been inspected in March according to the operator.',
        'Shipping lines were told to divert vessels to the southern terminal, where officials expect delays of up to three days while the wreckage is cleared.',
        'The terminal handled nearly a third of the port\'s container traffic last year, most of it bound for the inland rail depot at Corvane.',
      ];
      const changedLast = 'Port officials said the southern terminal would take the diverted ships, though unions warned that crews there were already working double shifts.';
      const changedMiddle = 'A spokesman for the operator said the crane had passed its last safety inspection in March and that the cause of the collapse was not yet known.';
      const first = (await ingestItems(store, wire, [item(`crane-${word}`, `Crane collapse shuts Port Velmar terminal ${word}`, harbour.join('\n\n'), 0)])).articleIds[0]!;
      const copy = (await ingestItems(store, other, [item(`crane-b-${word}`, `Port Velmar terminal shut ${word}`, [harbour[0], harbour[1], harbour[2], changedLast].join('\n\n'), 20)])).articleIds[0]!;
      const copyOfCopy = (await ingestItems(store, wire, [item(`crane-c-${word}`, `Four hurt at Port Velmar ${word}`, [harbour[0], harbour[1], changedMiddle, changedLast].join('\n\n'), 40)])).articleIds[0]!;
      const story = async (id: number) => (await store.clusters.membershipOf(id))?.clusterId;
      assert.equal(await story(copy), first);
      assert.equal(await story(copyOfCopy), first);

      // The first report is replaced by a different story altogether (a wrong text was sent).
      const corrected = [
        'Orlanda Foods reported a quarterly profit of 41 million euros on Tuesday, up from 29 million a year earlier, as sales of its frozen bakery lines rose in every market.',
        'The company raised its dividend by a tenth and said it would buy back shares worth 200 million euros over the next year.',
        'Its chief executive told analysts that flour and energy costs had eased since the spring, and that prices would be held steady until the end of the year.',
      ].join('\n\n');
      await ingestItems(store, wire, [item(`crane-${word}`, `Orlanda Foods profit rises ${word}`, corrected, 0)]);
      assert.equal(await story(first), first);
      assert.equal(await story(copy), copy, 'the versions it no longer matches form their own story…');
      assert.equal(await story(copyOfCopy), copy, '…held together by their own link, headed by the earlier');
      assert.deepEqual(await latest(word), [first, copy]);
    });

    it('splits a story of hundreds of versions linked only to its head into stories of one, and joins them again', async () => {
      const { store, providerId, otherProviderId } = fixture();
      const word = tag();
      const size = 300;
      // One transaction, as a grouped ingest would: the head, then versions that each link only
      // to it. Dated long ago, so that they stay below the first pages other tests read.
      const versions = await store.transaction(async (tx) => {
        const made: Article[] = [];
        for (let k = 0; k < size; k++) {
          const publishedAt = new Date(Date.UTC(2001, 4, 1, 6, k));
          const draft = articleDraft({
            providerId: k % 2 === 0 ? providerId : otherProviderId,
            guid: `split-many-${word}-${k}`,
            headline: `Version ${k} ${word}`,
            bodyText: `Report ${k} on ${word}.`,
            publishedAt,
            categories: k % 3 === 0 ? ['world', 'business'] : ['world'],
          });
          const { article } = await tx.articles.upsert(draft);
          const head = made[0];
          await tx.clusters.assign({
            articleId: article.id,
            clusterId: head?.id ?? article.id,
            match: head ? 'event' : 'first',
            similarity: 0.6,
            signature: 'AAAA',
            bandKeys: [],
            publishedAt,
            links: head ? [{ articleId: head.id, similarity: 0.6 }] : [],
          });
          made.push(article);
        }
        return made;
      });
      const [head, ...rest] = versions as [Article, ...Article[]];
      const ids = (list: Article[]) => list.map((v) => v.id).sort((x, y) => x - y);
      const ofProvider = (id: number, list: Article[]) => list.filter((v) => v.providerId === id);
      const firstOther = ofProvider(otherProviderId, rest)[0]!;
      const inBusiness = rest.filter((_, k) => (k + 1) % 3 === 0);
      assert.deepEqual(await listedIn({ kind: 'latest' }, word), [head.id], 'one story');
      assert.deepEqual(await foundAll(word), [head.id]);

      await store.articles.setStatus(head.id, 'unpublished');
      for (const v of rest) assert.equal(await storyOf(v), v.id, `version ${v.id} is a story of its own`);
      assert.deepEqual(await listedIn({ kind: 'latest' }, word), ids(rest), 'every version is listed, the head is not');
      assert.deepEqual(await listedIn({ kind: 'language', language: 'en' }, word), ids(rest));
      assert.deepEqual(await listedIn({ kind: 'provider', providerId }, word), ids(ofProvider(providerId, rest)));
      assert.deepEqual(await listedIn({ kind: 'provider', providerId: otherProviderId }, word), ids(ofProvider(otherProviderId, rest)));
      assert.deepEqual(await listedIn({ kind: 'category', slug: 'world' }, word), ids(rest));
      assert.deepEqual(await listedIn({ kind: 'category', slug: 'business' }, word), ids(inBusiness));
      assert.deepEqual(await foundAll(word), ids(rest), 'each version is found, as the head of its story');
      assert.deepEqual(await foundAll(word, { providerId: otherProviderId }), ids(ofProvider(otherProviderId, rest)));
      assert.deepEqual(await foundAll(word, { category: 'business' }), ids(inBusiness));
      assert.equal(await storyOf(head), rest[0]!.id, 'the hidden head goes with the earliest story it links to');
      assert.deepEqual((await store.listings.storySizes([rest[1]!.id])).get(rest[1]!.id), 1);

      await store.articles.setStatus(head.id, 'published');
      for (const v of rest) assert.equal(await storyOf(v), head.id, `version ${v.id} is back in the story`);
      assert.deepEqual(await listedIn({ kind: 'latest' }, word), [head.id]);
      assert.deepEqual(await listedIn({ kind: 'provider', providerId }, word), [head.id]);
      assert.deepEqual(await listedIn({ kind: 'provider', providerId: otherProviderId }, word), [firstOther.id], 'the other provider by its first version');
      assert.deepEqual(await listedIn({ kind: 'category', slug: 'world' }, word), [head.id]);
      assert.deepEqual(await listedIn({ kind: 'category', slug: 'business' }, word), [head.id]);
      assert.deepEqual(await foundAll(word), [head.id]);
      assert.deepEqual(await foundAll(word, { providerId: otherProviderId }), [firstOther.id]);
      assert.deepEqual((await store.listings.storySizes([head.id])).get(head.id), size);
    });
  });
}
