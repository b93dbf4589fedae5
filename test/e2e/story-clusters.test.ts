import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parseTextArticle } from '../../src/ingest/parse-text-article.js';
import { emptyRawItem, type RawItem } from '../../src/domain/raw-item.js';
import { ingestItems } from '../../src/pipeline/run-ingest.js';
import type { Provider } from '../../src/domain/provider.js';
import { openDemoApp } from '../support/demo-app.js';

const page = parseTextArticle(readFileSync(new URL('../../src/enrich/testdata/menafn-nato-article.txt', import.meta.url), 'utf8'));
const paragraphs = (page.text ?? '').split('\n').filter((p) => p.trim() !== '').slice(0, 5);
const story = (overrides: Partial<RawItem>): RawItem => ({
  ...emptyRawItem(page.headline),
  text: paragraphs.join('\n\n'),
  publishedAt: new Date('2025-09-12T09:30:00Z'),
  ...overrides,
});

describe('story clusters through ingest, listings and pages (SQLite)', () => {
  let ctx: Awaited<ReturnType<typeof openDemoApp>>;
  let menafn: Provider;
  let wire: Provider;
  let digest: Provider;
  before(async () => {
    ctx = await openDemoApp({ demo: false });
    menafn = await ctx.store.providers.create({ slug: 'menafn', name: 'MENAFN' });
    wire = await ctx.store.providers.create({ slug: 'wire', name: 'Wire Agency' });
    digest = await ctx.store.providers.create({ slug: 'digest', name: 'Daily Digest' });
  });
  after(async () => ctx.drop());

  it('puts the same story from two providers in one cluster, listed once, with "Also reported by"', async () => {
    const first = await ingestItems(ctx.store, menafn, [story({ guid: 'm-1' })]);
    const second = await ingestItems(ctx.store, wire, [story({ guid: 'w-1', publishedAt: new Date('2025-09-12T10:15:00Z') })]);
    const [a, b] = [first.articleIds[0]!, second.articleIds[0]!];
    const [ma, mb] = [await ctx.store.clusters.membershipOf(a), await ctx.store.clusters.membershipOf(b)];
    assert.equal(mb?.clusterId, ma?.clusterId);
    assert.equal(mb?.match, 'exact');

    const home = await (await ctx.app.request('/')).text();
    assert.equal(home.split(page.headline).length - 1, 1, 'the home page lists the story once');

    const articleA = await ctx.store.articles.findById(a);
    const html = await (await ctx.app.request(`/article/${a}/${articleA!.slug}`)).text();
    assert.match(html, /Also reported by/);
    assert.match(html, new RegExp(`href="/article/${b}/[^"]+">Wire Agency</a>`));
    // The page links its entities and shows the quote with its speaker.
    assert.match(html, /href="\/entity\/mark-rutte">Mark Rutte<\/a>/);
    assert.match(html, /We have never agreed that NATO membership for Ukraine would be part of a peace deal/);
  });

  it('joins a lightly edited re-send to the cluster, and keeps unrelated or distant stories apart', async () => {
    const edited = story({
      guid: 'd-1',
      headline: 'Rutte: NATO never promised Ukraine membership in peace deal',
      text: [...paragraphs.slice(0, 4), 'Subscribe to our newsletter for the latest headlines. Follow us on social media.'].join('\n\n'),
      publishedAt: new Date('2025-09-12T14:00:00Z'),
    });
    const unrelated = story({
      guid: 'd-2',
      headline: 'Port operators test automated cranes',
      text: 'Two container terminals began a six-month trial of remotely operated cranes this week, as traffic through northern European ports returned to the levels seen before last year’s slowdown. Operators said the cranes would be supervised from a control room on site, with one supervisor watching up to four machines. Unions said they would follow the trial closely.',
    });
    const late = story({ guid: 'd-3', publishedAt: new Date('2025-10-30T09:30:00Z'), text: [...paragraphs.slice(0, 4), 'Archive copy.'].join('\n\n') });
    const { articleIds } = await ingestItems(ctx.store, digest, [edited, unrelated, late]);
    const original = (await ctx.store.articles.findByGuid(menafn.id, 'm-1'))!;
    const clusterOf = async (id: number) => (await ctx.store.clusters.membershipOf(id))?.clusterId;
    const near = await ctx.store.clusters.membershipOf(articleIds[0]!);
    assert.equal(near?.match, 'near');
    assert.equal(near?.clusterId, await clusterOf(original.id));
    assert.notEqual(await clusterOf(articleIds[1]!), await clusterOf(original.id));
    assert.notEqual(await clusterOf(articleIds[2]!), await clusterOf(original.id), 'outside the time window');
  });

  it('renders entity pages with stories and quotes, paginated, and 404s an unknown entity', async () => {
    const html = await (await ctx.app.request('/entity/mark-rutte')).text();
    assert.match(html, /<h1>Mark Rutte<\/h1>/);
    assert.match(html, /We have never agreed that NATO membership/);
    assert.equal((await ctx.app.request('/entity/nobody-at-all')).status, 404);

    const items = Array.from({ length: 23 }, (_, i) =>
      story({
        guid: `lagarde-${i}`,
        headline: `Lagarde speaks on rates, part ${i + 1}`,
        text: `Christine Lagarde spoke in Frankfurt about policy number ${i + 1} on day ${i + 1} of the meeting. “We will watch the data carefully before the next decision number ${i + 1},” Lagarde said.`,
        // Four days apart: outside the clustering window, so each is a story of its own.
        publishedAt: new Date(Date.UTC(2025, 0, 1 + 4 * i)),
      }),
    );
    await ingestItems(ctx.store, wire, items);
    const page1 = await (await ctx.app.request('/entity/christine-lagarde')).text();
    assert.match(page1, /part 23</);
    assert.doesNotMatch(page1, /part 3</);
    const older = /rel="next" href="(\/entity\/christine-lagarde\?before=[0-9.-]+)"/.exec(page1)?.[1];
    assert.ok(older, 'an "Older stories" link');
    const page2 = await (await ctx.app.request(older)).text();
    assert.match(page2, /part 3</);
    assert.match(page2, /part 1</);
    assert.doesNotMatch(page2, /Older stories/);
  });
});
