/**
 * The admin area in a real browser, without JavaScript, against a real `startGazette` on a
 * SQLite file with the demo content: an admin signs in and takes a story down, and it is
 * gone from the home page; a provider user sees only its own stories. With
 * ADMIN_SCREENSHOTS=<dir> it also saves the pages at 390 and 1366 px.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../src/domain/password.js';
import { startGazette, type RunningGazette } from '../../src/main.js';
import { launchBrowser, skipBrowser } from '../support/browser.js';

const PASSWORD = 'a password for the browser test';
const shots = process.env.ADMIN_SCREENSHOTS;

describe('the admin area in a real browser', { skip: skipBrowser }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-admin-browser-'));
  let gazette: RunningGazette;
  let browser: Browser;

  before(async () => {
    gazette = await startGazette({ DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent', SCHEDULER: 'false', INGEST_WORKERS: '0' });
    browser = await launchBrowser();
    const menafn = (await gazette.store.providers.findBySlug('menafn'))!;
    await gazette.store.users.create({ email: 'chief@example.org', role: 'admin', providerId: null, passwordHash: await hashPassword(PASSWORD) });
    await gazette.store.users.create({ email: 'desk@menafn.example', role: 'provider', providerId: menafn.id, passwordHash: await hashPassword(PASSWORD) });
  });
  after(async () => {
    await browser?.close();
    await gazette?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signIn(page: Page, email: string) {
    await page.goto(`${gazette.url}/admin`);
    assert.match(page.url(), /\/admin\/sign-in$/, 'an anonymous visitor is sent to sign in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin$/);
  }

  async function shoot(page: Page, name: string) {
    if (!shots) return;
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }

  it('an admin signs in, takes a story down and sees it gone from the home page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && cspViolations.push(m.text()));
    await page.goto(`${gazette.url}/admin/sign-in`);
    await shoot(page, 'sign-in');
    await page.getByLabel('Email').fill('chief@example.org');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /The email or the password is wrong/);
    assert.equal(await page.getByLabel('Email').inputValue(), 'chief@example.org', 'what was typed stays');
    await signIn(page, 'chief@example.org');
    await shoot(page, 'dashboard');

    const headline = 'NATO director voices remarks on possible Ukrainian membership';
    await page.goto(`${gazette.url}/`);
    assert.equal(await page.getByRole('link', { name: headline }).count(), 1, 'the story is on the home page first');

    await page.goto(`${gazette.url}/admin/articles`);
    await shoot(page, 'articles');
    await page.getByRole('link', { name: headline }).click();
    await shoot(page, 'edit-form');
    await page.getByRole('link', { name: 'Take down…' }).click();
    await shoot(page, 'confirm-take-down');
    await page.getByLabel(/Reason/).fill('Copyright complaint');
    await page.getByRole('button', { name: 'Take down' }).click();
    assert.match((await page.getByRole('status').textContent()) ?? '', /Taken down/);

    await page.goto(`${gazette.url}/`);
    assert.equal(await page.getByRole('link', { name: headline }).count(), 0, 'gone from the home page');
    const gone = await page.goto(`${gazette.url}/admin/audit`);
    assert.equal(gone?.status(), 200);
    assert.match((await page.locator('main').textContent()) ?? '', /article\.take_down/);
    assert.deepEqual(cspViolations, [], 'no page broke the content security policy');
    await context.close();
  });

  it('a provider user signs in and sees only its own stories', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, 'desk@menafn.example');
    assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /MENAFN: dashboard/);
    await page.getByRole('link', { name: 'Articles' }).click();
    await page.getByLabel('Status').selectOption('taken_down');
    await page.getByRole('button', { name: 'Filter' }).click();
    const providers = new Set((await page.locator('td[data-label="Provider"]').allTextContents()).map((t) => t.trim()));
    await page.getByLabel('Status').selectOption('published');
    await page.getByRole('button', { name: 'Filter' }).click();
    for (const t of await page.locator('td[data-label="Provider"]').allTextContents()) providers.add(t.trim());
    assert.deepEqual([...providers], ['MENAFN'], 'only its own provider’s stories');
    assert.equal(await page.getByRole('link', { name: 'Users' }).count(), 0, 'no Users entry for a provider user');
    await shoot(page, 'provider-articles');
    await context.close();
  });
});
