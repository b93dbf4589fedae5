/**
 * A reader searches from the masthead in a real browser (no JavaScript needed), narrows the
 * results with a filter, and opens a result.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startGazette, type RunningGazette } from '../../src/main.js';
import { launchBrowser, skipBrowser } from '../support/browser.js';

describe('search in a real browser', { skip: skipBrowser }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-search-browser-'));
  let gazette: RunningGazette;
  let browser: Browser;

  before(async () => {
    gazette = await startGazette({ DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent', SCHEDULER: 'false' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await gazette?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('searches from the header box, sees the match highlighted, and opens the story', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    await page.goto(`${gazette.url}/`);
    // On a phone the search box is in the Sections menu, which opens without JavaScript.
    await page.locator('.section-menu > summary').click();
    const box = page.getByRole('search').getByRole('searchbox', { name: 'Search stories' });
    await box.fill('Rutte membership');
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=Rutte\+membership/);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Results for “Rutte membership”');
    const result = page.locator('.search-results .teaser').first();
    const marked = await result.locator('mark').allTextContents();
    assert.ok(marked.some((m) => /^Rutte$/i.test(m)), `marked: ${marked.join(', ')}`);
    const headline = (await result.getByRole('heading').textContent())!.trim();
    await result.getByRole('link', { name: headline }).click();
    await page.waitForURL(/\/article\/\d+\//);
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent())!.trim(), headline);
    await page.close();
  });

  it('narrows results with the filters form and shows an honest empty state', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
    await page.goto(`${gazette.url}/search?q=NATO`);
    const before = await page.locator('.search-results .teaser').count();
    assert.ok(before > 0);
    await page.getByText('Filters').click();
    await page.getByLabel('From', { exact: true }).fill('2001-01-01');
    await page.getByLabel('To', { exact: true }).fill('2001-01-31');
    await page.getByRole('button', { name: 'Search', exact: true }).last().click();
    await page.waitForURL(/from=2001-01-01/);
    assert.equal(await page.locator('.search-results .teaser').count(), 0);
    assert.match((await page.locator('.search-empty').textContent()) ?? '', /No stories match your search/);
    assert.equal(await page.locator('details.search-filters[open]').count(), 1, 'the filters in use stay open');
    await page.close();
  });
});
