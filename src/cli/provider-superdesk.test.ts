/**
 * `gazette provider superdesk` as an administrator runs it: the real command line on a real
 * SQLite file, and the token it prints used to sign a push to the real app on that file,
 * with the server secret the command found in DATA_DIR.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { makeMigratedDataDir, runGazette } from '../../test/support/cli.js';
import { loadConfig } from '../config/load-config.js';
import { signSuperdeskBody } from '../domain/superdesk-signature.js';
import { createImageService } from '../images/image-service.js';
import { openImageStore } from '../images/image-store.js';
import { serverSecret } from '../command-context.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import { buildApp } from '../web/app.js';

describe('gazette provider superdesk (command line)', () => {
  let dataDir: string;
  const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: '', DEMO_CONTENT: 'false', PUBLIC_URL: 'https://news.example.org', IMAGE_SECRET: '' });
  const gazette = (...args: string[]) => runGazette(args, env());

  /** Posts one Superdesk text item signed with `token` to the app on the command's SQLite file. */
  const pushWith = async (token: string, guid: string) => {
    const config = loadConfig(env());
    const store = openSqliteStore(join(dataDir, 'gazette.sqlite'));
    try {
      const service = createImageService({ store: await openImageStore({ dir: join(dataDir, 'images'), maxCacheBytes: 1024 * 1024 }), limits: { maxBytes: 1024 * 1024, maxPixels: 1e7, widths: [640] } });
      const app = buildApp({ store, config, logger: pino({ level: 'silent' }), images: { service, secret: await serverSecret(config) } });
      const body = JSON.stringify({ guid, type: 'text', headline: 'From the newsroom', body_html: '<p>A short story from the newsroom, sent by Superdesk.</p>', pubstatus: 'usable' });
      const res = await app.request('/superdesk/newsroom/items', { method: 'POST', headers: { 'content-type': 'application/json', 'x-superdesk-signature': signSuperdeskBody(token, body) }, body });
      return res.status;
    } finally {
      await store.close();
    }
  };

  const settings = (stdout: string) => {
    const m = /^Resource URL: (\S+)\nAssets URL: (\S+)\nSecret token: (\S+)\n$/.exec(stdout);
    assert.ok(m, `exactly three lines: ${JSON.stringify(stdout)}`);
    return { resource: m[1], assets: m[2], token: m[3]! };
  };

  before(async () => {
    dataDir = await makeMigratedDataDir();
    assert.equal((await gazette('provider', 'add', 'newsroom', '--name', 'Newsroom')).code, 0);
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the Resource URL, Assets URL and a token, once; the token signs pushes', async () => {
    const run = await gazette('provider', 'superdesk', 'newsroom');
    assert.equal(run.code, 0, run.stderr);
    const made = settings(run.stdout);
    assert.equal(made.resource, 'https://news.example.org/superdesk/newsroom/items');
    assert.equal(made.assets, 'https://news.example.org/superdesk/newsroom/assets');
    assert.equal(await pushWith(made.token, 'sd-cli-1'), 201);
    assert.equal(await pushWith('gzs_wrong', 'sd-cli-2'), 403);

    const again = await gazette('provider', 'superdesk', 'newsroom');
    assert.equal(again.code, 1, 'a second run does not silently replace the working token');
    assert.match(again.stderr, /already has a Superdesk token .* --rotate/);
    assert.equal(again.stdout, '');
  });

  it('--rotate gives a new token and stops the old one; --revoke stops it; --rotate after that starts again', async () => {
    const old = settings((await gazette('provider', 'superdesk', 'newsroom', '--rotate')).stdout).token;
    const rotated = await gazette('provider', 'superdesk', 'newsroom', '--rotate');
    const token = settings(rotated.stdout).token;
    assert.notEqual(token, old);
    assert.equal(await pushWith(old, 'sd-cli-3'), 403);
    assert.equal(await pushWith(token, 'sd-cli-3'), 201);

    const revoke = await gazette('provider', 'superdesk', 'newsroom', '--revoke');
    assert.equal(revoke.code, 0, revoke.stderr);
    assert.match(revoke.stdout, /Revoked the Superdesk token of newsroom/);
    assert.equal(await pushWith(token, 'sd-cli-4'), 403);

    const fresh = settings((await gazette('provider', 'superdesk', 'newsroom')).stdout).token;
    assert.equal(await pushWith(fresh, 'sd-cli-4'), 201);
  });

  it('fails with one clear line for an unknown provider, both flags, or revoking what was never made', async () => {
    assert.equal((await gazette('provider', 'add', 'quiet', '--name', 'Quiet')).code, 0);
    const cases: [string[], RegExp][] = [
      [['provider', 'superdesk', 'nobody'], /No provider with slug "nobody"/],
      [['provider', 'superdesk', 'newsroom', '--rotate', '--revoke'], /not both/],
      [['provider', 'superdesk', 'quiet', '--revoke'], /no Superdesk destination/],
    ];
    for (const [args, message] of cases) {
      const run = await gazette(...args);
      assert.equal(run.code, 1, `${args.join(' ')} should fail`);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    }
  });
});
