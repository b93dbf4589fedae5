/**
 * The storage contract for full-text search; part of the one suite in `store.contract.ts`,
 * so it runs on SQLite (FTS5) and PostgreSQL (tsvector + GIN) alike. Every test uses words
 * of its own, so the tests share one database without seeing each other's stories.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { articleDraft } from '../../test/support/article-draft.js';
import type { Article } from '../domain/article.js';
import { parseSearchQuery } from '../domain/parse-search-query.js';
import type { SearchCursor, SearchFilters, SearchPage } from '../domain/search.js';
import type { ContractFixture } from './enrichment.contract.js';
import type { KyselyStore } from './kysely-store.js';
import { searchRepo } from './search/search-repo.js';
import type { Store } from './store.js';

let unique = 0;
/** A made-up word no other test (or language) has: letters only, so every tokenizer keeps it whole. */
function word(): string {
  const n = (++unique * 7919 + Date.now()) % 26 ** 5;
  return `zq${[0, 1, 2, 3, 4].map((i) => String.fromCharCode(97 + (Math.floor(n / 26 ** i) % 26))).join('')}${String.fromCharCode(97 + (unique % 26))}`;
}

interface StoryText {
  headline?: string;
  body?: string;
  summary?: string;
  providerId?: number;
  publishedAt?: Date;
  categories?: string[];
  language?: string;
}

async function addStory(f: ContractFixture, text: StoryText): Promise<Article> {
  const guid = `search-${++unique}-${Date.now()}`;
  const { article } = await f.store.articles.upsert(
    articleDraft({
      providerId: text.providerId ?? f.providerId,
      guid,
      headline: text.headline ?? 'An unrelated headline',
      summary: text.summary ?? 'A summary.',
      bodyText: text.body ?? 'Nothing to see.',
      publishedAt: text.publishedAt ?? new Date(Date.now() - 3_600_000),
      categories: text.categories ?? [],
      language: text.language ?? 'en',
    }),
  );
  return article;
}

async function search(store: Store, q: string, filters: SearchFilters = {}, after?: SearchCursor, limit?: number): Promise<SearchPage> {
  return store.search.query({ query: parseSearchQuery(q), filters, ...(after && { after }), ...(limit && { limit }) });
}

async function ids(store: Store, q: string, filters: SearchFilters = {}): Promise<number[]> {
  return (await search(store, q, filters)).hits.map((h) => h.article.id);
}

export function describeSearchContract(fixture: () => ContractFixture): void {
  describe('search', () => {
    it('finds a story by a word of its body, and ranks a headline match above a body match', async () => {
      const f = fixture();
      const w = word();
      const inBody = await addStory(f, { body: `The minister spoke about ${w} at length.` });
      const inHeadline = await addStory(f, { headline: `${w} talks resume`, body: `The minister spoke about ${w}.`, publishedAt: new Date(Date.now() - 7_200_000) });
      assert.deepEqual(await ids(f.store, w), [inHeadline.id, inBody.id]);
      assert.deepEqual(await ids(f.store, w.toUpperCase()), [inHeadline.id, inBody.id], 'case does not matter');
    });

    it('indexes a story whose search key another article holds under the next free key below', async () => {
      // A key is the sort time · 2²¹ + the id mod 2²¹: two articles of one millisecond whose
      // ids are 2²¹ apart share it. Here another article is moved onto the key the next one will want.
      const f = fixture();
      const at = new Date(Date.now() - 7_200_000);
      const holder = await addStory(f, { headline: `${word()} holder` });
      const db = (f.store as KyselyStore).db;
      const wanted = BigInt(at.getTime()) * 2_097_152n + BigInt((holder.id + 1) % 2_097_152);
      // (Keys pass 2⁵³: bound as bigint on SQLite, as decimal text on PostgreSQL, and compared in SQL.)
      const param = (key: bigint) => (f.store.engine === 'sqlite' ? key : key.toString()) as never;
      await db.updateTable('search_entries').set({ key: param(wanted) }).where('article_id', '=', holder.id).execute();
      const w = word();
      const story = await addStory(f, { headline: `The ${w} story`, publishedAt: at });
      assert.equal(story.id, holder.id + 1, 'the next article took the next id');
      const below = await db.selectFrom('search_entries').select('article_id').where('key', '=', param(wanted - 1n)).execute();
      assert.deepEqual(below.map((r) => r.article_id), [story.id]);
      assert.deepEqual(await ids(f.store, w), [story.id]);
    });

    it('puts the newer of two equally relevant stories first (recency boost)', async () => {
      const f = fixture();
      const w = word();
      const old = await addStory(f, { body: `Report on ${w}.`, publishedAt: new Date(Date.now() - 60 * 86_400_000) });
      const fresh = await addStory(f, { body: `Report on ${w}.`, publishedAt: new Date(Date.now() - 3_600_000) });
      assert.deepEqual(await ids(f.store, w), [fresh.id, old.id]);
    });

    it('stems words in the article language (nations finds nation) and matches word* prefixes', async () => {
      const f = fixture();
      const stem = word();
      // "vqx" is no ending any stemmer strips, so the longer word never stems to the shorter.
      const a = await addStory(f, { body: `The ${stem}vqx were running the nations meeting.` });
      assert.deepEqual(await ids(f.store, `${stem}vqx nation`), [a.id]);
      assert.deepEqual(await ids(f.store, `${stem}*`), [a.id]);
      assert.deepEqual(await ids(f.store, stem), [], 'a word is not a prefix unless asked with *');
    });

    it('matches "a phrase" only with its words in order, and leaves out -excluded words and phrases', async () => {
      const f = fixture();
      const [x, y, z] = [word(), word(), word()];
      // A story in another language puts a second stemmer in play: an exclusion must hold in both.
      await addStory(f, { body: `Les ${z} du marché.`, language: 'fr' });
      const inOrder = await addStory(f, { body: `The ${x} ${y} met today.` });
      const apart = await addStory(f, { body: `The ${y} ${z} and the ${x} met.` });
      assert.deepEqual(await ids(f.store, `"${x} ${y}"`), [inOrder.id]);
      assert.deepEqual(new Set(await ids(f.store, `${x} ${y}`)), new Set([inOrder.id, apart.id]));
      assert.deepEqual(await ids(f.store, `${x} -${z}`), [inOrder.id]);
      assert.deepEqual(await ids(f.store, `${x} -${z}s`), [inOrder.id], 'a plural excluded under each language’s stemming');
      assert.deepEqual(await ids(f.store, `${x} -"${y} ${z}"`), [inOrder.id]);
      assert.deepEqual(await ids(f.store, `${x} -"${z} ${y}"`).then((r) => new Set(r)), new Set([inOrder.id, apart.id]), 'an excluded phrase is a phrase');
      assert.deepEqual(await ids(f.store, `-${z}`), [], 'exclusion alone asks for nothing');
    });

    it('returns one result per story (its head), and a provider filter finds that provider’s own version', async () => {
      const f = fixture();
      const w = word();
      const head = await addStory(f, { body: `Wire copy on ${w}.` });
      const copy = await addStory(f, { providerId: f.otherProviderId, body: `Rewritten copy on ${w}, ${w}, ${w}.` });
      await f.store.clusters.assign({ articleId: head.id, clusterId: head.id, match: 'first', similarity: 1, signature: 'AAAA', bandKeys: [], publishedAt: head.publishedAt });
      await f.store.clusters.assign({ articleId: copy.id, clusterId: head.id, match: 'near', similarity: 0.9, signature: 'AAAB', bandKeys: [], publishedAt: copy.publishedAt });
      const page = await search(f.store, w);
      assert.deepEqual(page.hits.map((h) => h.article.id), [head.id]);
      assert.equal(page.hits[0]!.article.storyId, head.id);
      assert.deepEqual(await ids(f.store, w, { providerId: f.otherProviderId }), [copy.id]);
    });

    it('drops a taken-down or unpublished story from search in the same commit, and brings it back', async () => {
      const f = fixture();
      const w = word();
      const a = await addStory(f, { body: `Disputed claim about ${w}.` });
      await f.store.articles.setStatus(a.id, 'taken_down');
      assert.deepEqual(await ids(f.store, w), []);
      await f.store.articles.setStatus(a.id, 'published');
      assert.deepEqual(await ids(f.store, w), [a.id]);
      await f.store.articles.setStatus(a.id, 'unpublished');
      assert.deepEqual(await ids(f.store, w), []);
    });

    it('follows a correction: the old words leave the index and the new ones enter', async () => {
      const f = fixture();
      const [before, after] = [word(), word()];
      const a = await addStory(f, { body: `First version mentions ${before}.` });
      const corrected = await f.store.articles.upsert(articleDraft({ providerId: a.providerId, guid: a.guid, headline: a.headline, publishedAt: a.publishedAt, bodyText: `Corrected version mentions ${after}.` }));
      assert.equal(corrected.outcome, 'updated');
      assert.deepEqual(await ids(f.store, before), []);
      assert.deepEqual(await ids(f.store, after), [a.id]);
    });

    it('filters by category, language and date range', async () => {
      const f = fixture();
      const w = word();
      await f.store.categories.upsert({ slug: 'search-politics', name: 'Politics', iptcCode: null });
      await f.store.categories.upsert({ slug: 'search-sport', name: 'Sport', iptcCode: null });
      const politics = await addStory(f, { body: `${w} in parliament.`, categories: ['search-politics'], publishedAt: new Date('2026-03-10T12:00:00Z') });
      const sport = await addStory(f, { body: `${w} at the stadium.`, categories: ['search-sport', 'search-politics'], publishedAt: new Date('2026-03-12T12:00:00Z') });
      const french = await addStory(f, { body: `Le ${w} au parlement.`, language: 'fr', publishedAt: new Date('2026-03-14T12:00:00Z') });
      assert.deepEqual(new Set(await ids(f.store, w, { category: 'search-politics' })), new Set([politics.id, sport.id]));
      assert.deepEqual(await ids(f.store, w, { category: 'search-sport' }), [sport.id]);
      assert.deepEqual(await ids(f.store, w, { language: 'fr' }), [french.id]);
      assert.deepEqual(new Set(await ids(f.store, w, { language: 'en' })), new Set([politics.id, sport.id]));
      const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
      assert.deepEqual(await ids(f.store, w, { from: day('2026-03-11'), to: day('2026-03-13') - 1 + 86_400_000 }), [sport.id]);
      assert.deepEqual(await ids(f.store, w, { from: day('2026-03-13') }), [french.id]);
      assert.deepEqual(await ids(f.store, w, { to: day('2026-03-10') + 86_399_999 }), [politics.id]);
    });

    it('finds matches years apart, newest first, however far back the next one lies', async () => {
      const f = fixture();
      const w = word();
      const daysAgo = [0.01, 0.3, 5, 200, 1100];
      const made = [];
      for (const d of daysAgo) made.push(await addStory(f, { body: `Report on ${w}.`, publishedAt: new Date(Date.now() - d * 86_400_000) }));
      assert.deepEqual(await ids(f.store, w), made.map((a) => a.id));
      const page = await search(f.store, w, {}, undefined, 2);
      assert.deepEqual(page.hits.map((h) => h.article.id), made.slice(0, 2).map((a) => a.id));
      const rest = await search(f.store, w, {}, page.next!, 10);
      assert.deepEqual(rest.hits.map((h) => h.article.id), made.slice(2).map((a) => a.id));
    });

    it('finds Chinese and Japanese words inside unspaced text, and Korean words, and marks them', async () => {
      const f = fixture();
      const w = word();
      const chinese = await addStory(f, { headline: `中国总理今天在北京发表讲话 ${w}`, body: `国务院总理今天在北京人民大会堂发表讲话，谈到经济增长。${w}`, language: 'zh' });
      const japanese = await addStory(f, { headline: `東京都が新しい防災計画を発表 ${w}`, body: `東京都は月曜日、首都直下地震に備えた新しい防災計画を発表した。${w}`, language: 'ja' });
      const korean = await addStory(f, { headline: `서울 시장이 새 교통 정책을 발표했다 ${w}`, body: `서울시는 대중교통 요금을 동결한다고 밝혔다. ${w}`, language: 'ko' });
      assert.deepEqual(await ids(f.store, `北京 ${w}`), [chinese.id], 'a word in the middle of a Chinese sentence');
      assert.deepEqual(await ids(f.store, `经济 ${w}`), [chinese.id]);
      assert.deepEqual(await ids(f.store, `防災計画 ${w}`), [japanese.id], 'a Japanese compound');
      assert.deepEqual(await ids(f.store, `地震 ${w}`), [japanese.id]);
      assert.deepEqual(await ids(f.store, `"新しい防災計画" ${w}`), [japanese.id], 'a phrase typed without spaces');
      assert.deepEqual(await ids(f.store, `교통 ${w}`), [korean.id]);
      assert.deepEqual(await ids(f.store, `上海 ${w}`), [], 'a word the text does not have');
      assert.deepEqual(await ids(f.store, `${w} -北京`).then((r) => new Set(r)), new Set([japanese.id, korean.id]), 'excluded inside unspaced text');
      const [hit] = (await search(f.store, `北京 ${w}`)).hits;
      assert.deepEqual(hit?.headline.filter((r) => r.mark).map((r) => r.text), ['北京', w]);
    });

    it('highlights the matched words in the headline and a passage around the first match, as plain text', async () => {
      const f = fixture();
      const w = word();
      const filler = Array.from({ length: 60 }, (_, i) => `filler${i}`).join(' ');
      await addStory(f, { headline: `<b>${w}</b> & "friends"`, body: `${filler} The <script>alert(1)</script> ${w} programme was announced. ${filler}` });
      const [hit] = (await search(f.store, w)).hits;
      assert.ok(hit);
      assert.deepEqual(hit.headline, [
        { text: '<b>', mark: false },
        { text: w, mark: true },
        { text: '</b> & "friends"', mark: false },
      ]);
      const marked = hit.snippet.filter((r) => r.mark).map((r) => r.text);
      assert.deepEqual(marked, [w]);
      const text = hit.snippet.map((r) => r.text).join('');
      assert.match(text, /^…/, 'the passage starts near the match, not at the top');
      assert.ok(text.includes('<script>alert(1)</script>'), 'markup in text stays text for the view to escape');
      assert.ok(text.length < 400);
    });

    it('pages by key through every match exactly once, also across ranking windows', async () => {
      const f = fixture();
      const w = word();
      const made = new Set<number>();
      for (let i = 0; i < 23; i++) made.add((await addStory(f, { body: `${w} ${i % 3 === 0 ? w : ''} note ${i}.`, publishedAt: new Date(Date.now() - (i + 1) * 60_000) })).id);
      for (const repo of [f.store.search, searchRepo((f.store as KyselyStore).db, f.store.engine, { window: 4 })]) {
        const seen: number[] = [];
        let after: SearchCursor | undefined;
        let pages = 0;
        do {
          const page = await repo.query({ query: parseSearchQuery(w), filters: {}, limit: 5, ...(after && { after }) });
          seen.push(...page.hits.map((h) => h.article.id));
          after = page.next ?? undefined;
          pages++;
        } while (after && pages < 20);
        assert.equal(seen.length, made.size, 'no duplicates');
        assert.deepEqual(new Set(seen), made, 'no gaps');
      }
    });

    it('answers any text without an error: operators, SQL, quotes, 10 KB, emoji, RTL, NUL', async () => {
      const f = fixture();
      const w = word();
      const a = await addStory(f, { headline: `${w} بشأن الاتفاق`, body: `${w} 😀 content.` });
      const hostile = [
        `"${w}`, `${w}"`, `${w} OR`, `${w} AND NOT`, `NEAR(${w} x)`, `${w} ^x`, `headline:${w}`, `{body}: ${w}`, `(${w}`, `${w})`,
        `${w}' OR 1=1 --`, `${w}'); DROP TABLE articles; --`, `${w} & | ! <-> :*`, `${w}\u0000`, `\u202e${w}`, `${w} ${'x'.repeat(10_000)}`,
        `${w} 😀`, `${w} بشأن`, `${w}***`, `-${w} ${w}`, '*', '"', '-', '""', '\u0000', 'NOT', ' ',
      ];
      for (const q of hostile) {
        const page = await search(f.store, q);
        assert.ok(Array.isArray(page.hits), q.slice(0, 40));
      }
      assert.deepEqual(await ids(f.store, `${w}' OR 1=1 --`), [], 'SQL is words, and these are not in the story');
      assert.deepEqual(await ids(f.store, `"${w}`), [a.id], 'an unbalanced quote runs to the end');
      assert.deepEqual(await ids(f.store, `${w} بشأن`), [a.id], 'right-to-left words are words');
      assert.deepEqual(await ids(f.store, `${w}\u0000`), [a.id], 'NUL is dropped');
    });

    it('never fails on arbitrary text (property)', async () => {
      const f = fixture();
      const alphabet = fc.constantFrom('"', '*', '-', '(', ')', ':', '^', '{', '}', "'", ';', '&', '|', '!', '<', '>', ' ', 'NOT', 'OR', 'AND', 'NEAR', '\u0000', '😀', 'ب', 'the', 'a', 'x');
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.array(alphabet, { maxLength: 20 }).map((p) => p.join(''))), async (q) => {
          const page = await search(f.store, q);
          assert.ok(Array.isArray(page.hits));
        }),
        { numRuns: 150 },
      );
    });
  });
}
