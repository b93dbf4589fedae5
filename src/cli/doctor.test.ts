/**
 * `gazette doctor` as an operator runs it: one report, exit code 1 when something failed.
 * A broken configuration, a database that does not answer (PostgreSQL) or that misses
 * migrations (SQLite), and failing feeds are each named; a healthy install passes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeMigratedDataDir, runGazette } from '../../test/support/cli.js';
import { migrationNames } from '../store/migrations/index.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';

describe('gazette doctor (command line)', () => {
  let dataDir: string;
  const doctor = (env: Record<string, string> = {}) => runGazette(['doctor'], { DATA_DIR: dataDir, DATABASE_URL: '', METRICS_TOKEN: '', METRICS_PORT: '', ...env });
  const line = (out: string, name: string) => out.split('\n').find((l) => new RegExp(`^\\S+\\s+${name}\\s`).test(l)) ?? '';

  before(async () => {
    dataDir = await makeMigratedDataDir();
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('passes a healthy installation', async () => {
    const run = await doctor();
    assert.equal(run.code, 0, run.stdout + run.stderr);
    for (const name of ['configuration', 'database', 'migrations', 'disk space', 'feeds', 'webhooks']) assert.match(line(run.stdout, name), /^ok /, name);
    assert.match(run.stdout, /All checks passed\.$/m);
    assert.match(line(run.stdout, 'configuration'), /metrics off/);
  });

  it('reports every bad configuration key at once, and checks nothing that needs it', async () => {
    const run = await doctor({ PORT: 'eighty', METRICS_TOKEN: 'short', LOG_FORMAT: 'loud' });
    assert.equal(run.code, 1);
    const config = line(run.stdout, 'configuration');
    assert.match(config, /^FAIL/);
    for (const key of ['PORT', 'METRICS_TOKEN', 'LOG_FORMAT']) assert.match(config, new RegExp(key));
    assert.match(line(run.stdout, 'database'), /^-\s+database\s+needs a valid configuration/);
    assert.match(run.stdout, /1 failed, 0 warnings\./);
  });

  it('fails on a database with pending migrations and names them', async () => {
    const old = mkdtempSync(join(tmpdir(), 'gazette-doctor-old-'));
    try {
      const store = openSqliteStore(join(old, 'gazette.sqlite'));
      // One migration short of the latest, whichever that is.
      const latest = migrationNames.at(-1)!;
      await store.migrateTo(migrationNames.at(-2)!);
      await store.close();
      const run = await doctor({ DATA_DIR: old });
      assert.equal(run.code, 1);
      assert.match(line(run.stdout, 'migrations'), new RegExp(`^FAIL.*1 pending \\(${latest}\\): run \`gazette migrate\``));
      assert.match(line(run.stdout, 'feeds'), /^-/);
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  });

  it('fails when there is no database where DATA_DIR points', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'gazette-doctor-none-'));
    try {
      const run = await doctor({ DATA_DIR: empty });
      assert.equal(run.code, 1);
      assert.match(line(run.stdout, 'database'), /^FAIL.*No Gazette database at/);
      assert.match(line(run.stdout, 'disk space'), /^ok /, 'the disk is still checked');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('fails when PostgreSQL does not answer', async () => {
    const run = await doctor({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/gazette' });
    assert.equal(run.code, 1);
    assert.match(line(run.stdout, 'database'), /^FAIL.*Cannot connect to PostgreSQL/);
  });

  it('warns of feeds that keep failing and of disabled webhooks, without failing', async () => {
    const store = openSqliteStore(join(dataDir, 'gazette.sqlite'));
    try {
      const provider = await store.providers.create({ slug: 'wire', name: 'Wire' });
      const feed = await store.feeds.create({ providerId: provider.id, url: 'https://wire.example/feed.xml', allowPrivate: false, fullText: false, pollIntervalSeconds: 600 });
      await store.feeds.update(feed.id, { consecutiveFailures: 4, lastError: 'the server answered 503 Service Unavailable' });
      const key = await store.partnerKeys.create({ name: 'P', keyId: 'pk1', secretHash: 'x', perMinute: 1 });
      const hook = await store.webhooks.create({ partnerKeyId: key.id, url: 'https://partner.example/hook', secret: 's', filter: {} });
      await store.webhooks.setDisabled(hook.id, 'stopped after 15 failed attempts');
    } finally {
      await store.close();
    }
    const run = await doctor();
    assert.equal(run.code, 0, 'warnings alone do not fail');
    assert.match(line(run.stdout, 'feeds'), /^WARN.*1 of 1 feeds failing; feed \d+ https:\/\/wire\.example\/feed\.xml \(4 failures: the server answered 503/);
    assert.match(line(run.stdout, 'webhooks'), /^WARN.*1 of 1 endpoints disabled.*stopped after 15 failed attempts/);
    assert.match(run.stdout, /0 failed, 2 warnings\./);
  });
});
