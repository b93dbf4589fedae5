/**
 * Comments in a real browser without JavaScript: a reader comments and is told it waits,
 * a mistake is shown with the text kept, a report reaches the queue; an editor signs in,
 * approves the comment, and it appears under the story.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../src/domain/password.js';
import { startGazette, type RunningGazette } from '../../src/main.js';
import { TEST_PASSWORD } from '../support/admin-session.js';
import { launchBrowser, skipBrowser } from '../support/browser.js';

describe('comments and reports in a real browser', { skip: skipBrowser }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-comments-browser-'));
  let gazette: RunningGazette;
  let browser: Browser;
  let articleUrl: string;

  before(async () => {
    gazette = await startGazette({ DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent', SCHEDULER: 'false' });
    browser = await launchBrowser();
    await gazette.store.users.create({ email: 'editor@example.org', role: 'editor', providerId: null, passwordHash: await hashPassword(TEST_PASSWORD) });
    const latest = await gazette.store.listings.page({ kind: 'latest' });
    const sample = latest.items.find((a) => a.headline.startsWith('NATO director'))!;
    articleUrl = `${gazette.url}/article/${sample.id}/${sample.slug}`;
  });
  after(async () => {
    await browser?.close();
    await gazette?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps what a reader typed when the comment is refused, and says it waits once sent', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(articleUrl);
    await page.getByLabel('Name').fill('Ines <b>Reader</b>');
    await page.getByLabel('Comment', { exact: true }).fill('   ');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.getByText('The comment is empty.').waitFor();
    assert.equal(await page.getByLabel('Name').inputValue(), 'Ines <b>Reader</b>', 'the name is kept');

    await page.getByLabel('Comment', { exact: true }).fill('Rutte is right about the <script>alert(1)</script> timeline.\nSecond line.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.waitForURL(/\?comment=pending#comments$/);
    assert.match((await page.getByRole('status').first().textContent()) ?? '', /will appear once an editor has read it/);
    assert.equal(await page.locator('.comment-list').count(), 0, 'not shown before approval');
    await page.close();
  });

  it('sends a report about the story from the disclosure under it', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(articleUrl);
    await page.getByText('Report a problem with this story').click();
    await page.getByLabel('Factual error').check();
    await page.getByLabel('What should we know?').fill('The date of the summit is wrong.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForURL(/\?report=received#report$/);
    await page.getByText('your report was received').waitFor();
    await page.close();
  });

  it('lets an editor sign in and approve the comment, which then appears on the article', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${gazette.url}/admin/sign-in`);
    await page.getByLabel('Email').fill('editor@example.org');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Comments queue' }).click();
    const card = page.locator('.queue .card').filter({ hasText: 'Ines <b>Reader</b>' });
    assert.match((await card.textContent()) ?? '', /<script>alert\(1\)<\/script>/, 'the payload reads as text');
    await card.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approved the comment by Ines <b>Reader</b>.').waitFor();

    await page.getByRole('link', { name: 'Complaints queue' }).click();
    await page.getByText('The date of the summit is wrong.').waitFor();

    await page.goto(articleUrl);
    const comment = page.getByRole('article', { name: 'Comment by Ines <b>Reader</b>' });
    assert.match((await comment.textContent()) ?? '', /Rutte is right about the <script>alert\(1\)<\/script> timeline\.Second line\./);
    assert.equal(await page.locator('.comments script').count(), 0);
    assert.equal(await page.getByRole('heading', { name: 'Comments (1)' }).count(), 1);
    await page.close();
  });

  it('has no WCAG 2 A or AA violations in the comments, the open report form and a refused form', async () => {
    // axe runs as a script: this page only, with the site's CSP bypassed for it.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(articleUrl);
    await page.locator('#report summary').click();
    assert.deepEqual(await violations(page, ['#comments', '#report']), []);
    await page.getByLabel('Name').fill('Ines');
    await page.getByLabel('Comment', { exact: true }).fill('  ');
    await page.locator('#comment-form').evaluate((form) => (form as HTMLFormElement).submit());
    await page.getByText('The comment is empty.').waitFor();
    assert.deepEqual(await violations(page, ['main']), []);
    await context.close();
  });
});

/** The WCAG 2 A/AA rules axe finds broken inside these parts of the page, as "rule: target". */
async function violations(page: Page, include: string[]): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const found = await page.evaluate(
    (selectors) =>
      (window as unknown as { axe: typeof axe }).axe
        .run({ include: selectors.map((s) => [s]) }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })
        .then((r) => r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))),
    include,
  );
  return found;
}
