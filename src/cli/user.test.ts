/**
 * `gazette user …` and `gazette article …` as an operator runs them: the real command line
 * (in-process) on a real SQLite file, and the result checked through the real app on it.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { articleDraft } from '../../test/support/article-draft.js';
import { cookieHeader, mergeCookies, signIn } from '../../test/support/admin-session.js';
import { makeMigratedDataDir, runGazette } from '../../test/support/cli.js';
import { loadConfig } from '../config/load-config.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import type { Store } from '../store/store.js';
import { buildApp } from '../web/app.js';

describe('gazette user and gazette article (command line)', () => {
  let dataDir: string;
  const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: '', DEMO_CONTENT: 'false', PUBLIC_URL: 'https://news.example' });
  const gazette = (args: string[], stdin = '') => runGazette(args, env(), stdin);

  /** Runs `work` with the real app on the file the commands wrote. */
  async function withApp<T>(work: (app: ReturnType<typeof buildApp>, store: Store) => Promise<T>): Promise<T> {
    const store = openSqliteStore(join(dataDir, 'gazette.sqlite'));
    try {
      return await work(buildApp({ store, config: loadConfig({ DEMO_CONTENT: 'false', PAGE_CACHE_MB: '0', SIGNIN_RATE_LIMIT: '0' }), logger: pino({ level: 'silent' }) }), store);
    } finally {
      await store.close();
    }
  }

  before(async () => {
    dataDir = await makeMigratedDataDir();
    assert.equal((await runGazette(['provider', 'add', 'wire', '--name', 'Wire'], env())).code, 0);
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('adds the first admin with a password from standard input, who can then sign in', async () => {
    const added = await gazette(['user', 'add', 'Chief@Example.org', '--role', 'admin', '--password-stdin'], 'a long enough password\n');
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /Added admin chief@example\.org \(id \d+\)/);
    await withApp(async (app) => {
      assert.equal((await signIn(app, 'chief@example.org', 'a long enough password')).res.status, 303);
      assert.equal((await signIn(app, 'chief@example.org', 'a long enough password\n')).res.status, 401, 'the trailing line feed is not part of it');
    });
  });

  it('prints a one-time link that sets a password and signs in, once', async () => {
    const added = await gazette(['user', 'add', 'desk@wire.example', '--role', 'provider', '--provider', 'wire']);
    assert.equal(added.code, 0, added.stderr);
    const link = /^https:\/\/news\.example(\/admin\/sign-in\/link\/\S+)$/m.exec(added.stdout)?.[1];
    assert.ok(link, added.stdout);
    await withApp(async (app) => {
      const jar = new Map<string, string>();
      const page = await app.request(link!);
      assert.equal(page.status, 200);
      mergeCookies(jar, page);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
      const post = (password: string, confirm = password) =>
        app.request(link!, { method: 'POST', headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, password, confirm }) });
      const short = await post('short');
      assert.equal(short.status, 400);
      assert.match(await short.text(), /at least 12 characters/);
      assert.equal((await post('twelve chars ok', 'different one!')).status, 400);
      const ok = await post('twelve chars ok');
      assert.equal(ok.status, 303);
      mergeCookies(jar, ok);
      assert.equal((await app.request('/admin', { headers: { cookie: cookieHeader(jar) } })).status, 200, 'signed in');
      assert.equal((await post('another password!')).status, 410, 'the link works once');
      assert.equal((await app.request(link!)).status, 410);
    });
  });

  it('refuses bad input with one clear line, and lists, disables and enables accounts', async () => {
    const badEmail = await gazette(['user', 'add', 'not-an-email', '--role', 'editor']);
    assert.equal(badEmail.code, 1);
    assert.match(badEmail.stderr, /This is not an email address/);
    assert.match((await gazette(['user', 'add', 'x@example.org', '--role', 'boss'])).stderr, /--role: one of admin, editor, provider/);
    assert.match((await gazette(['user', 'add', 'x@example.org', '--role', 'provider'])).stderr, /a provider user needs its provider/);
    assert.match((await gazette(['user', 'add', 'x@example.org', '--role', 'editor', '--password-stdin'], 'short')).stderr, /at least 12 characters/);
    assert.match((await gazette(['user', 'add', 'chief@example.org', '--role', 'editor'])).stderr, /There is already an account for chief@example\.org/);

    const list = await gazette(['user', 'list']);
    assert.match(list.stdout, /^\d+  chief@example\.org  admin  active  last sign-in \d{4}-/m);
    assert.match(list.stdout, /^\d+  desk@wire\.example  provider  provider wire  active/m);
    assert.equal((await gazette(['user', 'disable', 'chief@example.org'])).code, 0);
    await withApp(async (app) => assert.equal((await signIn(app, 'chief@example.org', 'a long enough password')).res.status, 401));
    assert.match((await gazette(['user', 'list'])).stdout, /chief@example\.org  admin  disabled/);
    assert.equal((await gazette(['user', 'enable', 'chief@example.org'])).code, 0);
    await withApp(async (app) => assert.equal((await signIn(app, 'chief@example.org', 'a long enough password')).res.status, 303));
  });

  it('takes an article down and restores it: 410, then the page again, each recorded', async () => {
    const id = await withApp(async (_app, store) => {
      const provider = (await store.providers.findBySlug('wire'))!;
      return (await store.articles.upsert(articleDraft({ providerId: provider.id, guid: 'cli-takedown', headline: 'A story to take down' }))).article.id;
    });
    assert.match((await gazette(['article', 'takedown', String(id)])).stderr, /required option '--reason <text>'/);
    const down = await gazette(['article', 'takedown', String(id), '--reason', 'Court order 12/2026']);
    assert.equal(down.code, 0, down.stderr);
    assert.match(down.stdout, new RegExp(`Took down article ${id}: A story to take down`));
    await withApp(async (app, store) => {
      const page = await app.request(`/article/${id}/a-story-to-take-down`);
      assert.equal(page.status, 410);
      assert.match(await page.text(), /This story has been removed/);
      const [entry] = await store.audit.page({ subject: { type: 'article', id: String(id) } });
      assert.equal(entry?.actorLabel, 'command line');
      assert.match(entry!.summary, /Court order 12\/2026/);
    });
    assert.equal((await gazette(['article', 'restore', String(id)])).code, 0);
    await withApp(async (app) => assert.equal((await app.request(`/article/${id}/a-story-to-take-down`)).status, 200));
    assert.match((await gazette(['article', 'restore', 'abc'])).stderr, /an article id is a number/);
    assert.match((await gazette(['article', 'takedown', '999999', '--reason', 'x'])).stderr, /There is no article with id 999999/);
  });
});
