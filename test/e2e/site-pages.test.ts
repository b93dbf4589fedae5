import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDemoApp } from '../support/demo-app.js';

type DemoApp = Awaited<ReturnType<typeof openDemoApp>>;

/** Fetches a page and answers its status, headers and HTML. */
async function get(app: DemoApp['app'], path: string) {
  const res = await app.request(path);
  return { status: res.status, headers: res.headers, html: await res.text() };
}

/** The visible text of an HTML fragment, tags removed. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('reader pages over HTTP', () => {
  let demo: DemoApp;
  let samplePath: string;

  before(async () => {
    demo = await openDemoApp();
    const menafn = await demo.store.providers.findBySlug('menafn');
    const listing = await demo.store.listings.page({ kind: 'provider', providerId: menafn!.id });
    const sample = listing.items.find((a) => a.headline.startsWith('NATO director'));
    samplePath = `/article/${sample!.id}/${sample!.slug}`;
  });
  after(() => demo.drop());

  it('front page leads with the newest story and pages through the latest at /latest, newest first', async () => {
    const { status, html, headers } = await get(demo.app, '/');
    assert.equal(status, 200);
    assert.match(headers.get('content-type') ?? '', /text\/html/);
    assert.match(html, /^<!DOCTYPE html>/);
    const lead = html.slice(html.indexOf('class="lead"'));
    assert.match(lead, /^class="lead"><article class="teaser teaser-lead"[^>]*><div class="teaser-text"><h2 class="teaser-headline"><a href="\/article\/\d+\/[^"]+">NATO director voices remarks on possible Ukrainian membership<\/a>/);
    assert.match(html, /<a class="provider" href="\/provider\/menafn" dir="auto">MENAFN<\/a>/);
    const latest = await get(demo.app, '/latest');
    const headlines = [...latest.html.matchAll(/<h2 class="teaser-headline"><a href="\/article\/\d+\/[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);
    assert.equal(headlines[0], 'NATO director voices remarks on possible Ukrainian membership');
    assert.ok(headlines.length >= 8, `expected the demo stories, got ${headlines.length}`);
    const times = [...latest.html.matchAll(/<time datetime="([^"]+)"/g)].map((m) => Date.parse(m[1]!));
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
  });

  it('article page shows headline, provider, dateline, time, clean body and disclaimer, and a working comment form, not an empty comment block', async () => {
    const { status, html } = await get(demo.app, samplePath);
    assert.equal(status, 200);
    assert.match(html, /<h1>NATO director voices remarks on possible Ukrainian membership<\/h1>/);
    assert.match(html, /By <a href="\/provider\/menafn">MENAFN<\/a>/);
    assert.match(html, /<p class="dateline">\(MENAFN\)<\/p>/);
    assert.match(html, /<time datetime="2025-09-12T09:30:00.000Z">/);
    // The sanitizer allows no <div>, so the body ends at the first </div> after it opens.
    const bodyStart = html.indexOf('class="story-body"');
    const body = html.slice(bodyStart, html.indexOf('</div>', bodyStart));
    const paragraphs = [...body.matchAll(/<p>(.*?)<\/p>/gs)].map((m) => m[1]);
    assert.equal(paragraphs.length, 5, 'five paragraphs, each once');
    assert.equal(new Set(paragraphs).size, paragraphs.length, 'no paragraph twice');
    assert.doesNotMatch(textOf(body), /Legal Disclaimer|Most popular stories|Market Research|No comment/);
    const disclaimerStart = html.indexOf('class="disclaimer"');
    const disclaimer = textOf(html.slice(disclaimerStart, html.indexOf('</aside>', disclaimerStart)));
    assert.match(disclaimer, /MENAFN provides the information “as is” without warranty of any kind/);
    assert.match(html, /<form[^>]* action="\/article\/\d+\/[^"]*\/comments"/, 'readers can comment');
  });

  it('redirects an article URL with a wrong or missing slug to the canonical one', async () => {
    const id = samplePath.split('/')[2];
    for (const path of [`/article/${id}`, `/article/${id}/wrong-slug`]) {
      const res = await demo.app.request(path);
      assert.equal(res.status, 301);
      assert.equal(res.headers.get('location'), samplePath);
    }
  });

  it('paginates listings twenty stories a page, with newer/older links', async () => {
    const provider = await demo.store.providers.create({ slug: 'prolific', name: 'Prolific Wire' });
    const { ingestItems } = await import('../../src/pipeline/run-ingest.js');
    const { emptyRawItem } = await import('../../src/domain/raw-item.js');
    const items = Array.from({ length: 25 }, (_, i) => ({
      ...emptyRawItem(`Prolific story number ${i}`),
      guid: `prolific-${i}`,
      text: `Paragraph of story ${i}, long enough to be a paragraph of its own.`,
      publishedAt: new Date(Date.UTC(2024, 0, 1, 0, i)),
      categories: ['sport'],
    }));
    await ingestItems(demo.store, provider, items);
    const first = await get(demo.app, '/provider/prolific');
    assert.equal([...first.html.matchAll(/class="teaser teaser-/g)].length, 20);
    assert.doesNotMatch(first.html, /rel="prev"/, 'the newest page has no newer link');
    const older = /<a rel="next" href="(\/provider\/prolific\?before=[0-9.-]+)">Older stories/.exec(first.html)?.[1];
    assert.ok(older, 'an "Older stories" link with a cursor');
    const second = await get(demo.app, older);
    assert.equal([...second.html.matchAll(/class="teaser teaser-/g)].length, 5);
    assert.match(second.html, /Prolific story number 0</);
    assert.doesNotMatch(second.html, /Older stories/, 'the oldest page has no older link');
    assert.match(second.html, new RegExp(`<link rel="canonical" href="http://gazette.test${older.replace(/[?.]/g, '\\$&')}"`), 'an older page is its own canonical page');
    const newer = /<a rel="prev" href="([^"]+)">/.exec(second.html)?.[1];
    assert.match(newer ?? '', /^\/provider\/prolific\?after=/);
    const back = await demo.app.request(newer!);
    assert.equal(back.status, 302, 'back at the newest stories: the first page itself');
    assert.equal(back.headers.get('location'), '/provider/prolific');

    // Old ?page=N links redirect to the cursor they stood for.
    const legacy = await demo.app.request('/category/sport?page=2');
    assert.equal(legacy.status, 301);
    const legacyPage = await get(demo.app, legacy.headers.get('location')!);
    assert.equal([...legacyPage.html.matchAll(/class="teaser teaser-/g)].length, 5);
    assert.equal((await demo.app.request('/category/sport?page=1')).headers.get('location'), '/category/sport');
    assert.equal((await get(demo.app, '/category/sport?page=3')).status, 404, 'past the last page');
    assert.equal((await get(demo.app, '/?page=999')).status, 404);
    // Malformed positions are a 400 page; a well-formed one with nothing beyond it goes to the first page.
    for (const bad of ['/category/sport?page=banana', '/?before=banana', '/?after=1e9.5', '/?before=1.1&after=1.1', `/?before=${'9'.repeat(40)}.1`]) {
      const res = await get(demo.app, bad);
      assert.equal(res.status, 400, bad);
      assert.match(res.html, /This address does not work/);
    }
    const forged = await demo.app.request('/provider/prolific?before=0.1');
    assert.equal(forged.status, 302);
    assert.equal(forged.headers.get('location'), '/provider/prolific');
  });

  it('category page lists that category only', async () => {
    const { status, html } = await get(demo.app, '/category/energy');
    assert.equal(status, 200);
    assert.match(html, /<h1>Energy<\/h1>/);
    assert.match(html, /Grid operator orders battery storage/);
    assert.match(html, /Green hydrogen capacity set to multiply/);
    assert.doesNotMatch(html, /NATO director/);
    const empty = await get(demo.app, '/category/weather');
    assert.equal(empty.status, 200);
    assert.match(empty.html, /No Weather stories yet\./);
  });

  it('provider page lists the provider’s stories', async () => {
    const { status, html } = await get(demo.app, '/provider/harbor-research');
    assert.equal(status, 200);
    assert.match(html, /<h1>Harbor Market Research<\/h1>/);
    assert.equal([...html.matchAll(/class="teaser teaser-/g)].length, 3);
    assert.doesNotMatch(html, /NATO director/);
  });

  it('lays out a story in Arabic right to left, with its language', async () => {
    const provider = await demo.store.providers.create({ slug: 'arabic-wire', name: 'Arabic Wire' });
    const { ingestItems } = await import('../../src/pipeline/run-ingest.js');
    const { emptyRawItem } = await import('../../src/domain/raw-item.js');
    const summary = await ingestItems(demo.store, provider, [
      {
        ...emptyRawItem('وزارة الطاقة تعلن خطة لتوسيع شبكة الكهرباء'),
        guid: 'ar-1',
        text: [
          'أعلنت وزارة الطاقة يوم الاثنين عن خطة جديدة لتوسيع شبكة الكهرباء في المناطق الريفية، وقالت إن المشروع سيستغرق ثلاث سنوات وسيوفر الكهرباء لأكثر من مليون شخص.',
          'وأضافت الوزارة أن التمويل سيأتي من الميزانية العامة ومن قروض ميسرة من بنوك التنمية الإقليمية.',
        ].join('\n'),
      },
    ]);
    const id = summary.articleIds[0]!;
    const res = await demo.app.request(`/article/${id}`, { redirect: 'manual' });
    const page = await get(demo.app, res.headers.get('location')!);
    assert.equal(page.status, 200);
    assert.match(page.html, /<article class="story" lang="ar" dir="rtl">/);
    const listing = await get(demo.app, '/provider/arabic-wire');
    assert.match(listing.html, /<article class="teaser teaser-standard" lang="ar" dir="rtl">/);
  });

  it('leaves out the "More stories" rail of a story with nothing related and nothing read yet', async () => {
    const provider = await demo.store.providers.create({ slug: 'lone-wire', name: 'Lone Wire' });
    const { ingestItems } = await import('../../src/pipeline/run-ingest.js');
    const { emptyRawItem } = await import('../../src/domain/raw-item.js');
    const summary = await ingestItems(demo.store, provider, [
      {
        ...emptyRawItem('Beekeepers count a record honey harvest in the highlands'),
        guid: 'lone-1',
        language: 'en',
        text: 'Beekeepers in the highlands counted a record honey harvest this autumn, after a warm and dry summer kept their colonies foraging for weeks longer than usual.',
      },
    ]);
    const id = summary.articleIds[0]!;
    const res = await demo.app.request(`/article/${id}`, { redirect: 'manual' });
    const page = await get(demo.app, res.headers.get('location')!);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.html, /class="article-rail"/, 'no empty box with a rule beside the story');
  });

  it('answers real 404 pages for unknown ids, slugs and paths', async () => {
    for (const path of ['/article/999999/nothing', '/article/abc', '/article/99999999999999', '/category/no-such-thing', '/provider/nobody', '/no/such/page']) {
      const { status, html } = await get(demo.app, path);
      assert.equal(status, 404, path);
      assert.match(html, /<h1>Page not found<\/h1>/, path);
      assert.match(html, /<a href="\/">Go to the latest stories<\/a>/, path);
    }
  });

  it('hides a taken-down story: 410 with a notice, and gone from listings; an unpublished one is a 404', async () => {
    const id = Number(samplePath.split('/')[2]);
    await demo.store.articles.setStatus(id, 'taken_down');
    try {
      const gone = await get(demo.app, samplePath);
      assert.equal(gone.status, 410);
      assert.match(gone.html, /This story has been removed/);
      assert.doesNotMatch((await get(demo.app, '/')).html, /NATO director/);
      await demo.store.articles.setStatus(id, 'unpublished');
      assert.equal((await get(demo.app, samplePath)).status, 404);
    } finally {
      await demo.store.articles.setStatus(id, 'published');
    }
  });

  it('escapes provider-controlled text', async () => {
    const p = await demo.store.providers.create({ slug: 'evil', name: '<script>alert(1)</script>Evil' });
    const { html } = await get(demo.app, '/provider/evil');
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;Evil/);
    assert.ok(p.id > 0);
  });

  it('answers /healthz for load balancers', async () => {
    const res = await demo.app.request('/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', engine: 'sqlite' });
  });

  it('serves the stylesheet with a cache lifetime', async () => {
    const res = await demo.app.request('/assets/site.css');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/css/);
    assert.match(res.headers.get('cache-control') ?? '', /max-age=\d+/);
  });
});
