/**
 * What an operator sees of a running Gazette: /metrics in Prometheus text (behind its token,
 * or on its own port), counting real requests by route — the fast path's cache hits too —
 * and ingest by outcome and stage; one access-log line per request with a request id that
 * the response names and the error log repeats; readable log lines for a terminal.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { emptyRawItem } from '../../src/domain/raw-item.js';
import { startGazette, type RunningGazette } from '../../src/main.js';
import { createMetrics } from '../../src/observe/metrics.js';
import { formatLogLine } from '../../src/observe/pretty-log.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { parsePrometheusText, sampleValue } from '../support/prometheus-text.js';

const TOKEN = 'metrics-token-for-tests-0123';

/** A log destination that keeps every line, parsed. */
function logCollector() {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe('operating Gazette: metrics and logs', () => {
  let dir: string;
  let gazette: RunningGazette;
  const logs = logCollector();
  const scrape = async (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) => fetch(`${gazette.url}/metrics`, { headers });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gazette-ops-'));
    gazette = await startGazette(
      { DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'info', SCHEDULER: 'false', DEMO_CONTENT: 'false', INGEST_WORKERS: '0', METRICS_TOKEN: TOKEN },
      { logDestination: logs.stream },
    );
  });
  after(async () => {
    await gazette?.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /metrics only to the token, in Prometheus text that counts requests by route, cache hits and ingest', async () => {
    assert.equal((await scrape({})).status, 401);
    assert.equal((await scrape({ authorization: 'Bearer wrong-token-of-the-same-size' })).status, 401);

    const provider = await gazette.store.providers.create({ slug: 'wire', name: 'Wire' });
    const item = { ...emptyRawItem('Ministers meet in Brussels'), guid: 'm-1', text: 'Ministers met in Brussels on Monday to talk about trade and energy prices.' };
    const summary = await gazette.ingest.ingest(provider, [item, { ...emptyRawItem(''), guid: 'empty' }]);
    assert.deepEqual([summary.created, summary.rejected.length], [1, 1]);

    for (let i = 0; i < 3; i++) assert.equal((await fetch(`${gazette.url}/`)).status, 200);
    assert.equal((await fetch(`${gazette.url}/article/${summary.articleIds[0]}/x`)).status, 200);
    assert.equal((await fetch(`${gazette.url}/no/such/page/${Date.now()}`)).status, 404);

    const res = await scrape();
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const samples = parsePrometheusText(await res.text());
    assert.equal(sampleValue(samples, 'gazette_http_requests_total', { route: '/', method: 'GET', status: '200' }), 3);
    assert.equal(sampleValue(samples, 'gazette_http_requests_total', { route: '/article/:id/:slug?', status: '200' }), 1);
    assert.equal(sampleValue(samples, 'gazette_http_requests_total', { route: 'unmatched', status: '404' }), 1, 'a 404 is one series, not one per path');
    assert.ok(!samples.some((s) => s.labels.route?.includes('/no/such/page')), 'no raw path becomes a label');
    assert.equal(sampleValue(samples, 'gazette_http_request_duration_seconds_count', { route: '/', method: 'GET' }), 3);
    assert.equal(sampleValue(samples, 'gazette_page_cache_requests_total', { result: 'miss', layer: 'app' }), 2, 'the home page and the article were rendered once each');
    assert.equal(sampleValue(samples, 'gazette_page_cache_requests_total', { result: 'hit', layer: 'fast' }), 2, 'then the home page came from the fast path');
    assert.equal(sampleValue(samples, 'gazette_ingest_items_total', { outcome: 'created' }), 1);
    assert.equal(sampleValue(samples, 'gazette_ingest_items_total', { outcome: 'rejected' }), 1);
    for (const stage of ['normalize', 'clean', 'enrich', 'fingerprint', 'store']) {
      assert.equal(sampleValue(samples, 'gazette_pipeline_stage_seconds_count', { stage }), 1, stage);
    }
    assert.equal(sampleValue(samples, 'gazette_db_up'), 1);
    assert.equal(sampleValue(samples, 'gazette_feeds', { state: 'failing' }), 0);
    assert.ok(sampleValue(samples, 'gazette_queue_size', { queue: 'webhook_outbox' })! >= 1, 'the new article waits in the webhook outbox (no dispatcher on this node)');
    assert.equal(typeof sampleValue(samples, 'gazette_queue_size', { queue: 'comments' }), 'number', 'comments waiting for a moderator');
    assert.equal(typeof sampleValue(samples, 'gazette_queue_size', { queue: 'complaints' }), 'number', 'open complaints');
    assert.ok(sampleValue(samples, 'gazette_process_resident_memory_bytes')! > 0);
  });

  it('writes one access-log line per request with its id, keeps a sane incoming id and replaces a bad one', async () => {
    const kept = await fetch(`${gazette.url}/`, { headers: { 'x-request-id': 'lb-7f3a.42' } });
    assert.equal(kept.headers.get('x-request-id'), 'lb-7f3a.42');
    const replaced = await fetch(`${gazette.url}/healthz`, { headers: { 'x-request-id': 'x'.repeat(300) } });
    const newId = replaced.headers.get('x-request-id') ?? '';
    assert.match(newId, /^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 50));
    const line = logs.lines.find((l) => l.msg === 'request' && l.reqId === 'lb-7f3a.42');
    assert.ok(line, 'the access log names the request id');
    assert.deepEqual([line.method, line.url, line.route, line.status, line.cache], ['GET', '/', '/', 200, 'hit']);
    assert.equal(typeof line.ms, 'number');
    assert.equal(logs.lines.filter((l) => l.msg === 'request' && l.reqId === newId).length, 1, 'one line per request');
    assert.equal(logs.lines.filter((l) => l.msg === 'request' && l.route === '/healthz').length, 1);
  });

  it('puts the request id of a failed request in its error log line', async () => {
    // The database goes away under the running server: the next page that needs it fails.
    await gazette.store.close();
    const res = await fetch(`${gazette.url}/category/world`, { headers: { 'x-request-id': 'failing-request-1' } });
    assert.equal(res.status, 500);
    assert.equal(res.headers.get('x-request-id'), 'failing-request-1');
    await new Promise((r) => setTimeout(r, 50));
    const error = logs.lines.find((l) => l.level === 50 && l.reqId === 'failing-request-1');
    assert.ok(error, 'the error line carries the request id');
    assert.ok(error.err?.stack, 'with the error’s stack');
    assert.ok(logs.lines.some((l) => l.msg === 'request' && l.reqId === 'failing-request-1' && l.status === 500));
  });
});

describe('operating Gazette: a separate metrics port', () => {
  it('serves /metrics on METRICS_PORT and not on the site’s port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-ops-port-'));
    const gazette = await startGazette({ DATA_DIR: dir, PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'silent', SCHEDULER: 'false', DEMO_CONTENT: 'false', INGEST_WORKERS: '0' });
    try {
      assert.ok(gazette.metricsUrl);
      assert.equal((await fetch(`${gazette.url}/metrics`)).status, 404);
      const res = await fetch(`${gazette.metricsUrl}/metrics`);
      assert.equal(res.status, 200);
      assert.ok(parsePrometheusText(await res.text()).length > 0);
      assert.equal((await fetch(`${gazette.metricsUrl}/`)).status, 404);
    } finally {
      await gazette.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('operating Gazette: the PostgreSQL pool in /metrics', { skip: skipPostgres }, () => {
  it('shows the pool’s connections', async () => {
    const { store, drop } = await openTestPostgresStore();
    try {
      await store.ping();
      const samples = parsePrometheusText((await createMetrics({ store }).render()).body);
      const total = sampleValue(samples, 'gazette_db_pool_connections', { state: 'total' })!;
      assert.ok(total >= 1 && total <= 4, `between one and the pool's maximum of 4: ${total}`);
      // The scrape's own queries run at once, so some may be waiting for a connection.
      assert.ok(sampleValue(samples, 'gazette_db_pool_connections', { state: 'waiting' })! >= 0);
      assert.ok(sampleValue(samples, 'gazette_db_pool_connections', { state: 'idle' })! <= total);
      assert.equal(sampleValue(samples, 'gazette_db_up'), 1);
    } finally {
      await drop();
    }
  });
});

describe('pretty log lines', () => {
  it('turns a JSON access-log line and an error into lines for people', () => {
    const request = formatLogLine(JSON.stringify({ level: 30, time: Date.UTC(2026, 0, 1, 12, 3, 7, 412), msg: 'request', reqId: 'r1', method: 'GET', url: '/a b', status: 200, ms: 1.4, route: '/' }));
    assert.equal(request, '12:03:07.412 INFO  GET /a b 200 1.4 ms  reqId=r1 route=/');
    const error = formatLogLine(JSON.stringify({ level: 50, time: 0, msg: 'unhandled error', reqId: 'r2', err: { message: 'boom', stack: 'Error: boom\n    at x' } }));
    assert.match(error, /^00:00:00\.000 ERROR unhandled error {2}reqId=r2\n {4}Error: boom\n {8}at x$/);
    assert.equal(formatLogLine('not json'), 'not json');
  });
});
