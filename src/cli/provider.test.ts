/**
 * `gazette provider …` as a user runs it: the real command line (run in-process) on a real
 * SQLite file, and the key it prints used against the real app on that same file.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { makeMigratedDataDir, runGazette } from '../../test/support/cli.js';
import { openTestSqliteStore } from '../../test/support/sqlite.js';
import { loadConfig } from '../config/load-config.js';
import { addProvider, createProviderKey, listProviders, revokeProviderKey } from './provider.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import { buildApp } from '../web/app.js';

describe('gazette provider (command line)', () => {
  let dataDir: string;

  /** Runs `gazette <args>` (in this process) against the test's data directory. */
  const gazette = (...args: string[]) => runGazette(args, { DATA_DIR: dataDir, DATABASE_URL: '', DEMO_CONTENT: 'false' });

  /** Pushes one article with `key` to the app on the same SQLite file the command wrote. */
  const pushWith = async (key: string, guid: string) => {
    const store = openSqliteStore(join(dataDir, 'gazette.sqlite'));
    try {
      const app = buildApp({ store, config: loadConfig({ DEMO_CONTENT: 'false' }), logger: pino({ level: 'silent' }) });
      const res = await app.request('/api/v1/articles', {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ guid, headline: 'Pushed with a printed key', body_text: 'A short body.' }),
      });
      return res.status;
    } finally {
      await store.close();
    }
  };

  before(async () => {
    dataDir = await makeMigratedDataDir();
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start an empty database in the wrong folder and says which file it looked for', async () => {
    const elsewhere = dataDir;
    dataDir = mkdtempSync(join(tmpdir(), 'gazette-empty-'));
    try {
      const list = await gazette('provider', 'list');
      assert.equal(list.code, 1);
      assert.match(list.stderr, new RegExp(`No Gazette database at ${join(dataDir, 'gazette.sqlite').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      assert.deepEqual(readdirSync(dataDir), [], 'no file was created');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      dataDir = elsewhere;
    }
    assert.ok(existsSync(join(dataDir, 'gazette.sqlite')));
  });

  it('adds a provider with a disclaimer file', async () => {
    const disclaimer = join(dataDir, 'disclaimer.txt');
    writeFileSync(disclaimer, 'MENAFN provides the information "as is" without warranty.\n');
    const add = await gazette('provider', 'add', 'menafn', '--name', 'MENAFN', '--homepage', 'https://menafn.example', '--contact', 'desk@menafn.example', '--disclaimer-file', disclaimer);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /Created provider menafn/);
  });

  it('prints a key once; it works until revoke-key, then the API answers 401', async () => {
    const made = await gazette('provider', 'key', 'menafn');
    assert.equal(made.code, 0, made.stderr);
    const token = /^(gzt_[0-9a-f]{12}_\S+)$/m.exec(made.stdout)?.[1];
    const keyId = /^API key ([0-9a-f]{12}) for menafn/m.exec(made.stdout)?.[1];
    assert.ok(token && keyId, made.stdout);
    const list = (await gazette('provider', 'list')).stdout;
    assert.match(list, /^menafn {2}MENAFN {2}\(https:\/\/menafn\.example, desk@menafn\.example, has a disclaimer\)/m);
    assert.match(list, new RegExp(`key ${keyId} .* active, last used never`));
    assert.ok(!list.includes(token.slice(18)), 'the secret is never shown again');

    assert.equal(await pushWith(token, 'cli-1'), 201);
    const revoke = await gazette('provider', 'revoke-key', 'menafn', keyId);
    assert.equal(revoke.code, 0, revoke.stderr);
    assert.match(revoke.stdout, new RegExp(`Revoked key ${keyId}`));
    assert.equal(await pushWith(token, 'cli-2'), 401);
  });

  it('fails with one clear line for a duplicate slug, an unknown key, a bad email', async () => {
    const cases: [string[], RegExp][] = [
      [['provider', 'add', 'menafn', '--name', 'Again'], /already exists/],
      [['provider', 'revoke-key', 'menafn', '000000000000'], /no API key "000000000000"/],
      [['provider', 'add', 'other', '--name', 'Other', '--contact', 'not-an-email'], /--contact: not a valid email address/],
    ];
    for (const [args, message] of cases) {
      const run = await gazette(...args);
      assert.equal(run.code, 1, `${args.join(' ')} should fail`);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}: ${run.stderr}`);
    }
  });
});

describe('provider commands (the functions behind them)', () => {
  it('refuses an unknown provider, a non-http homepage, a bad slug, an unreadable disclaimer file', async () => {
    const { store, drop } = await openTestSqliteStore();
    try {
      await assert.rejects(createProviderKey(store, 'nobody'), { code: 'NOT_FOUND', message: /No provider with slug "nobody"/ });
      await assert.rejects(revokeProviderKey(store, 'nobody', '000000000000'), { code: 'NOT_FOUND' });
      await assert.rejects(addProvider(store, 'x', { name: 'X', homepage: 'ftp://x.example' }), { code: 'VALIDATION_FAILED', message: /--homepage/ });
      await assert.rejects(addProvider(store, 'Bad Slug', { name: 'X' }), { code: 'VALIDATION_FAILED', message: /^<slug>: must be lower-case/ });
      await assert.rejects(addProvider(store, 'x', { name: 'X', disclaimerFile: join(tmpdir(), 'no-such-gazette-file.txt') }), {
        code: 'VALIDATION_FAILED',
        message: /--disclaimer-file: cannot read .* \(ENOENT\)/,
      });
      assert.deepEqual(await listProviders(store), ['No providers yet. Add one with `gazette provider add <slug> --name <name>`.']);
    } finally {
      await drop();
    }
  });
});
