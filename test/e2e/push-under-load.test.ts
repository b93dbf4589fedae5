/**
 * A big push must not stall the site: while 500 articles of ~20 KB each are pushed in one
 * request to a real `gazette serve`, a load test on /healthz keeps its p99 under 50 ms,
 * because cleaning and enriching run on the worker pool and each article commits in its
 * own short transaction.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import autocannon from 'autocannon';

const cli = [process.execPath, '--import', 'tsx', 'src/cli/gazette.ts'];
const ARTICLES = 500;
const words = 'port council budget harbour minister talks market shares election storm ferry school rail energy price court weather trains river'.split(' ');

/** About 20 KB of prose in paragraphs, different for each n. */
function body(n: number): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < 26; p++) {
    const sentence = Array.from({ length: 120 }, (_, i) => words[(n * 13 + p * 7 + i * 3) % words.length]).join(' ');
    paragraphs.push(`<p>${sentence} (report ${n}, paragraph ${p}).</p>`);
  }
  return paragraphs.join('');
}

describe('a 500 × 20 KB push under load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-push-load-'));
  const env = { ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: '', DEMO_CONTENT: 'false', SCHEDULER: 'false' };
  let server: ChildProcess | undefined;
  after(() => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores every article while /healthz keeps p99 under 50 ms', async (t) => {
    const quiet = { ...env, LOG_LEVEL: 'silent' };
    assert.equal(spawnSync(cli[0]!, [...cli.slice(1), 'provider', 'add', 'wire', '--name', 'Wire'], { env: quiet }).status, 0);
    const key = spawnSync(cli[0]!, [...cli.slice(1), 'provider', 'key', 'wire'], { env: quiet, encoding: 'utf8' });
    const token = key.stdout.split('\n')[1]!.trim();

    server = spawn(cli[0]!, [...cli.slice(1), 'serve'], { env: { ...env, PORT: '0', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server!.stdout!.on('data', (d) => {
        out += d;
        const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
        if (m) resolve(m[1]!);
      });
      server!.once('exit', () => reject(new Error(`the server stopped: ${out}`)));
    });

    const articles = Array.from({ length: ARTICLES }, (_, n) => ({
      guid: `load-${n}`,
      headline: `Harbour report ${n}`,
      body_html: body(n),
      published_at: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    }));
    const payload = JSON.stringify({ articles });
    assert.ok(payload.length > ARTICLES * 18_000, `${payload.length} bytes`);

    // Warm up the server's routes, then load /healthz for as long as the push runs.
    await fetch(`${url}/healthz`);
    let finish!: (result: autocannon.Result) => void;
    const loadDone = new Promise<autocannon.Result>((resolve) => (finish = resolve));
    const load = autocannon({ url: `${url}/healthz`, connections: 4, duration: 600 }, (_error, result) => finish(result));
    await new Promise((r) => setTimeout(r, 500));
    const started = Date.now();
    const response = await fetch(`${url}/api/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: payload,
    });
    const pushMs = Date.now() - started;
    await new Promise((r) => setTimeout(r, 200));
    load.stop();
    const result = await loadDone;

    t.diagnostic(`push ${pushMs} ms; /healthz ${result.requests.total} requests, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
    assert.equal(response.status, 201, await response.clone().text());
    const answer = (await response.json()) as { created: number };
    assert.equal(answer.created, ARTICLES);
    assert.equal(result.non2xx, 0);
    assert.ok(result.requests.total > 100, `${result.requests.total} health checks during a ${pushMs} ms push`);
    assert.ok(result.latency.p99 < 50, `/healthz p99 ${result.latency.p99} ms (max ${result.latency.max} ms) during a ${pushMs} ms push`);
  });
});
