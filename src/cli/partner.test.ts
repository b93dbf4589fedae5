/**
 * `gazette partner …` as a user runs it: the real command line (in-process) on a real SQLite
 * file, and the key it prints used against the real app on that same file.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { makeMigratedDataDir, runGazette } from '../../test/support/cli.js';
import { loadConfig } from '../config/load-config.js';
import { imageSecret } from '../images/image-secret.js';
import { webhookSecretBox } from '../domain/webhook-secret-box.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import { buildApp } from '../web/app.js';

describe('gazette partner (command line)', () => {
  let dataDir: string;
  const gazette = (...args: string[]) => runGazette(args, { DATA_DIR: dataDir, DATABASE_URL: '', DEMO_CONTENT: 'false' });

  /** Reads the API twice with `token` from an app on the file the command wrote. */
  const readTwice = async (token: string) => {
    const store = openSqliteStore(join(dataDir, 'gazette.sqlite'));
    try {
      const app = buildApp({ store, config: loadConfig({ DEMO_CONTENT: 'false', API_RATE_LIMIT: '1', PAGE_CACHE_MB: '0' }), logger: pino({ level: 'silent' }) });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await app.request('/api/v1/providers', { headers: { authorization: `Bearer ${token}` } })).status);
      return statuses;
    } finally {
      await store.close();
    }
  };

  before(async () => {
    dataDir = await makeMigratedDataDir();
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('adds a partner key that reads at its own limit, lists it and revokes it', async () => {
    const escaped = await gazette('partner', 'add', 'Example \x1b[31mNews', '--per-minute', '2');
    assert.equal(escaped.code, 1, 'a name with a terminal escape is refused, as in the admin area');
    assert.match(escaped.stderr, /<name>: Contains control or invisible characters\./);
    const added = await gazette('partner', 'add', 'Example News', '--per-minute', '2');
    assert.equal(added.code, 0, added.stderr);
    const token = /^(gzp_[0-9a-f]{12}_\S{43})$/m.exec(added.stdout)?.[1];
    assert.ok(token, added.stdout);
    assert.match(added.stdout, /Example News \(2 reads a minute\)/);
    assert.deepEqual(await readTwice(token!), [200, 200, 429]);

    const keyId = token!.split('_')[1]!;
    const list = await gazette('partner', 'list');
    assert.match(list.stdout, new RegExp(`^${keyId}  Example News  2/min  created \\S+  active$`, 'm'));
    const revoked = await gazette('partner', 'revoke', keyId);
    assert.equal(revoked.code, 0);
    assert.deepEqual(await readTwice(token!), [401, 401, 401]);
    assert.match((await gazette('partner', 'list')).stdout, /revoked \d{4}-/);
  });

  it('refuses a bad limit or an unknown key with a one-line message', async () => {
    const bad = await gazette('partner', 'add', 'X', '--per-minute', 'lots');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--per-minute: a whole number/i);
    const unknown = await gazette('partner', 'revoke', 'ffffffffffff');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /There is no partner key "ffffffffffff"/);
  });

  it('adds a webhook and rotates its secret: the new one printed once, the old one signing for the overlap', async () => {
    const added = await gazette('partner', 'add', 'Hooked');
    const keyId = /gzp_([0-9a-f]{12})_/.exec(added.stdout)![1]!;
    const hook = await gazette('partner', 'webhook', 'add', keyId, 'http://127.0.0.1:9/hook', '--allow-private');
    assert.equal(hook.code, 0, hook.stderr);
    const id = /^Webhook (\d+):/m.exec(hook.stdout)![1]!;
    const first = /Signing secret \(shown once\): (whsec_\S+)/.exec(hook.stdout)![1]!;

    const rotated = await gazette('partner', 'webhook', 'rotate', id, '--overlap', '12');
    assert.equal(rotated.code, 0, rotated.stderr);
    const second = /New signing secret \(shown once\): (whsec_\S+)/.exec(rotated.stdout)?.[1];
    assert.ok(second && second !== first, rotated.stdout);
    assert.match(rotated.stdout, /each delivery is signed with both secrets/);
    assert.match((await gazette('partner', 'webhook', 'list')).stdout, /old secret also signs until \d{4}-/);
    const store = openSqliteStore(join(dataDir, 'gazette.sqlite'));
    try {
      const stored = (await store.webhooks.findById(Number(id)))!;
      // Kept sealed under the server secret in the data folder, which every command reads.
      const box = webhookSecretBox(await imageSecret(undefined, dataDir));
      assert.deepEqual([stored.secret, stored.previousSecret].map((s) => s!.slice(0, 3)), ['v1.', 'v1.']);
      assert.deepEqual([box.open(stored.secret), box.open(stored.previousSecret!)], [second, first]);
    } finally {
      await store.close();
    }

    const bad = await gazette('partner', 'webhook', 'rotate', id, '--overlap', 'forever');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /overlap: a whole number of hours from 0 to 168/);
    const leaked = await gazette('partner', 'webhook', 'rotate', id, '--overlap', '0');
    assert.match(leaked.stdout, /The old secret no longer signs anything/);
    assert.doesNotMatch((await gazette('partner', 'webhook', 'list')).stdout, /old secret also signs/);
  });
});
