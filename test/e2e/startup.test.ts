import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startGazette } from '../../src/main.js';
import { runGazette as runCli } from '../support/cli.js';
import { gazetteCommand } from '../support/gazette-process.js';


describe('starting Gazette', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-start-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the demo site over a real socket on an empty data directory', async () => {
    const gazette = await startGazette({ DATA_DIR: join(dir, 'data'), PORT: '0', LOG_LEVEL: 'silent' });
    try {
      const home = await fetch(`${gazette.url}/`);
      assert.equal(home.status, 200);
      assert.match(await home.text(), /NATO director voices remarks/);
      const health = await fetch(`${gazette.url}/healthz`);
      assert.equal(health.status, 200);
    } finally {
      await gazette.stop();
    }
    // A second start finds the articles and loads nothing twice.
    const again = await startGazette({ DATA_DIR: join(dir, 'data'), PORT: '0', LOG_LEVEL: 'silent' });
    try {
      assert.equal(await again.store.articles.count(), 8);
    } finally {
      await again.stop();
    }
  });

  it('says so clearly when the port is taken', async () => {
    const first = await startGazette({ DATA_DIR: join(dir, 'port'), PORT: '0', LOG_LEVEL: 'silent', SCHEDULER: 'false' });
    try {
      const port = new URL(first.url).port;
      await assert.rejects(startGazette({ DATA_DIR: join(dir, 'port-2'), PORT: port, LOG_LEVEL: 'silent', SCHEDULER: 'false' }), {
        code: 'LISTEN_FAILED',
        message: `Cannot listen on 127.0.0.1:${port}: the port is in use; set PORT to a free one.`,
      });
    } finally {
      await first.stop();
    }
  });

  it('stops with one clear line when DATABASE_URL points nowhere', async () => {
    const result = await runCli(['migrate'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    assert.equal(result.code, 1);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /^gazette: Cannot connect to PostgreSQL at postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
  });

  it('stops with one clear line when DATABASE_URL is not a postgres URL (the real binary, in its own process)', () => {
    const result = spawnSync(gazetteCommand[0], [...gazetteCommand.slice(1), 'migrate'], {
      env: { ...process.env, DATABASE_URL: 'mysql://x@y/z' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr.trim(), /^gazette: Invalid configuration: DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL$/);
  });

  it('stops with one clear line when the data directory cannot be written', async () => {
    const file = join(dir, 'not-a-directory');
    writeFileSync(file, 'x');
    const result = await runCli(['migrate'], { DATA_DIR: join(file, 'data'), DATABASE_URL: '' });
    assert.equal(result.code, 1);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /^gazette: The data directory .* cannot be written \(ENOTDIR\); set DATA_DIR/);
  });

  it('lists every bad setting at once', async () => {
    const result = await runCli(['migrate'], { PORT: 'eighty', LOG_LEVEL: 'loud' });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /PORT: .*LOG_LEVEL: /);
  });

  it('migrates an empty database with `gazette migrate` and then says it is up to date', async () => {
    const env = { DATA_DIR: join(dir, 'migrate'), DATABASE_URL: '' };
    const first = await runCli(['migrate'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /sqlite: applied 0001-foundation/);
    const second = await runCli(['migrate'], env);
    assert.match(second.stdout, /sqlite: schema is up to date\./);
  });
});
