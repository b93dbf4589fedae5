/**
 * What a reader on a phone or a desktop, with or without a screen reader, gets: axe-core
 * (WCAG 2.2 A and AA rules) finds no serious or critical violation on the front page, an
 * article, a category, an entity and a language front page, at 390 and 1366 px; no page
 * scrolls sideways at 320 px; the phone's section menu opens without JavaScript.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { emptyRawItem } from '../../src/domain/raw-item.js';
import { startGazette, type RunningGazette } from '../../src/main.js';
import { launchBrowser, skipBrowser } from '../support/browser.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) does not apply.
  await page.evaluate(axeSource);
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG)} } })`)) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join(', ')}`);
}

describe('accessibility in a real browser', { skip: skipBrowser }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-a11y-'));
  let gazette: RunningGazette;
  let browser: Browser;
  let paths: string[];

  before(async () => {
    gazette = await startGazette({ DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent', SCHEDULER: 'false', INGEST_WORKERS: '0' });
    // Today's stories in English and Arabic, and readers, so every block and rail is on the page.
    const provider = (await gazette.store.providers.findBySlug('menafn'))!;
    const items = [
      ['Ministers agree on grid plan for Wiesbaden region', 'energy', 'en'],
      ['Port strike ends after talks in Hamburg', 'business', 'en'],
      ['Global solar inverter market to reach $28 billion by 2030', 'market-research', 'en'],
      ['Airline adds daily flights to Lisbon from March', 'press-releases', 'en'],
      ['أسعار النفط تتراجع مع ارتفاع المخزونات الأمريكية', 'energy', 'ar'],
    ].map(([headline, category, language], i) => ({
      ...emptyRawItem(headline!),
      guid: `a11y-${i}`,
      text: `${headline}. ${language === 'ar' ? 'قال المسؤولون إن التفاصيل ستتبع لاحقاً.' : 'Officials said more details would follow later in the day.'}`,
      language: language!,
      categories: [category!],
      publishedAt: new Date(Date.now() - (i + 1) * 3_600_000),
    }));
    await gazette.ingest.ingest(provider, items);
    const latest = (await gazette.store.listings.page({ kind: 'latest' }, {}, 10)).items;
    latest.forEach((s, k) => {
      for (let r = 0; r <= k; r++) gazette.views.count({ articleId: s.id, ip: `192.0.2.${r}`, userAgent: `Mozilla/5.0 Chrome/${120 + r}`, headers: {} });
    });
    await gazette.views.flush();
    const article = latest.find((s) => s.language === 'en')!;
    paths = ['/', `/article/${article.id}/${encodeURIComponent(article.slug)}`, '/category/energy', '/entity/mark-rutte', '/lang/ar', '/latest'];
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await gazette?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const width of [390, 1366]) {
    it(`has no serious WCAG 2.2 AA violation at ${width} px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const found: string[] = [];
      for (const path of paths) {
        const res = await page.goto(gazette.url + path);
        assert.equal(res?.status(), 200, path);
        for (const v of await seriousViolations(page)) found.push(`${path}: ${v}`);
      }
      await page.close();
      assert.deepEqual(found, []);
    });
  }

  it('never scrolls sideways at 320 px', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    for (const path of paths) {
      await page.goto(gazette.url + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} is ${overflow}px wider than a 320px screen`);
    }
    await page.close();
  });

  it('puts stories first on a phone, and opens the section menu without JavaScript', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await page.goto(`${gazette.url}/`);
    const lead = await page.locator('.lead .teaser-headline a').boundingBox();
    assert.ok(lead && lead.y < 200, `the lead headline starts ${lead?.y}px down`);
    const menu = page.locator('details.section-menu');
    assert.equal(await menu.getByRole('link', { name: 'Market Research' }).isVisible(), false);
    await menu.locator('summary').click();
    await menu.getByRole('link', { name: 'Market Research' }).click();
    await page.waitForURL(/\/category\/market-research$/);
    // Tap targets: the footer's feed links and the menu are at least 44 px tall (WCAG 2.2, 2.5.8 asks 24).
    const heights = await page.locator('.site-footer a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height));
    assert.ok(heights.length > 0 && heights.every((h) => h >= 44), String(heights));
    await page.close();
  });

  it('lays out a wide screen in columns: the most popular rail beside the top stories', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${gazette.url}/`);
    const top = await page.locator('.top-stories').boundingBox();
    const rail = await page.locator('.front-rail').boundingBox();
    assert.ok(top && rail && rail.x > top.x + top.width - 1 && Math.abs(rail.y - top.y) < 5, 'the rail sits beside the stories');
    assert.ok(top!.width + rail!.width > 1000, 'the page uses the width');
    await page.close();
  });
});
