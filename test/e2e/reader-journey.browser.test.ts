import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startGazette, type RunningGazette } from '../../src/main.js';
import { launchBrowser, skipBrowser } from '../support/browser.js';

describe('a reader in a real browser', { skip: skipBrowser }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-browser-'));
  let gazette: RunningGazette;
  let browser: Browser;

  before(async () => {
    gazette = await startGazette({ DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await gazette?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the home page, follows the sample article, and reads it once, with its disclaimer', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${gazette.url}/`);
    assert.equal(await page.title(), 'Gazette');
    await page.getByRole('link', { name: 'NATO director voices remarks on possible Ukrainian membership' }).click();
    await page.waitForURL(/\/article\/\d+\/nato-director-voices-remarks/);

    assert.equal(
      await page.getByRole('heading', { level: 1 }).textContent(),
      'NATO director voices remarks on possible Ukrainian membership',
    );
    const disclaimer = page.getByRole('complementary', { name: 'Legal disclaimer' });
    assert.match((await disclaimer.textContent()) ?? '', /MENAFN provides the information “as is” without warranty/);

    const paragraphs = (await page.locator('.story-body p').allTextContents()).map((p) => p.trim());
    assert.equal(paragraphs.length, 5);
    assert.equal(new Set(paragraphs).size, paragraphs.length, 'the same paragraph appears twice');
    assert.ok(paragraphs.some((p) => p.startsWith('“We have never agreed that NATO membership')));
    const bodyText = await page.locator('.story-body').textContent();
    assert.doesNotMatch(bodyText ?? '', /Most popular stories|Legal Disclaimer/);

    // Not an empty comment block under a story: a form readers can comment with.
    assert.equal(await page.locator('form.comment-form').count(), 1);
    await page.close();
  });

  it('gives screen readers one h1 and a heading outline that never skips a level', async () => {
    const page = await browser.newPage();
    await page.goto(`${gazette.url}/`);
    const article = await page.locator('.teaser a').first().getAttribute('href');
    for (const path of ['/', article!, '/category/energy', '/provider/menafn', '/entity/mark-rutte', '/no-such-page']) {
      await page.goto(gazette.url + path);
      const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
      assert.equal(levels.filter((l) => l === 1).length, 1, `${path}: one h1`);
      assert.equal(levels[0], 1, `${path}: the h1 comes first`);
      levels.forEach((level, i) => assert.ok(i === 0 || level <= levels[i - 1]! + 1, `${path}: h${levels[i - 1]} then h${level}`));
      assert.equal(await page.locator('main#main').count(), 1, `${path}: a main landmark the skip link reaches`);
    }
    await page.close();
  });

  it('works under the strict CSP: every page styled, no CSP violation or console error', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/404 \(Not Found\)/.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    const first = await page.goto(`${gazette.url}/`);
    assert.match(first?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    const article = await page.locator('.teaser a').first().getAttribute('href');
    for (const path of ['/', article!, '/category/energy', '/provider/menafn', '/entity/mark-rutte', '/no-such-page']) {
      await page.goto(gazette.url + path);
      const styled = await page.evaluate(() => Array.from(document.styleSheets).some((s) => s.href?.endsWith('/assets/site.css') && s.cssRules.length > 0));
      assert.ok(styled, `${path}: the stylesheet loaded`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('reads well on a phone: no horizontal scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${gazette.url}/`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than a 360px screen`);
    await page.close();
  });
});
