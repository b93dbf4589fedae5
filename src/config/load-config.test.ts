import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { isAbsolute } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 3000);
    assert.ok(isAbsolute(config.dataDir) && config.dataDir.endsWith('data'));
    assert.ok(config.sqliteFile.endsWith('gazette.sqlite'));
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.logLevel, 'info');
    assert.equal(config.publicUrl, 'http://127.0.0.1:3000');
    assert.equal(config.demoContent, true);
    assert.equal(config.scheduler, true);
    assert.deepEqual(config.clustering, { similarity: 0.5, windowHours: 72 });
    assert.deepEqual(config.rateLimits, { pushPerMinute: 120, websubPerMinute: 60, readPerMinute: 300, signinPerMinute: 10 });
    assert.equal(config.fetchMaxPerHost, 4);
    // A core is left to the main thread, which stores every item; one thread at least.
    assert.equal(config.ingestWorkers, Math.max(1, availableParallelism() - 1));
  });

  it('takes INGEST_WORKERS from 0 (no pool) up, and refuses a negative or fractional count', () => {
    assert.equal(loadConfig({ INGEST_WORKERS: '0' }).ingestWorkers, 0);
    assert.equal(loadConfig({ INGEST_WORKERS: '3' }).ingestWorkers, 3);
    for (const bad of ['-1', '1.5', 'many']) assert.throws(() => loadConfig({ INGEST_WORKERS: bad }), /INGEST_WORKERS: /);
  });

  it('reads every variable and freezes the result', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: '8080',
      DATABASE_URL: 'postgres://gazette@db:5432/gazette',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: 'https://news.example/',
      DEMO_CONTENT: 'false',
      SCHEDULER: 'false',
      CLUSTER_SIMILARITY: '0.6',
      CLUSTER_WINDOW_HOURS: '24',
      PUSH_RATE_LIMIT: '0',
      WEBSUB_RATE_LIMIT: '10',
      SIGNIN_RATE_LIMIT: '3',
      API_RATE_LIMIT: '50',
      FEED_HUB_URL: 'https://hub.example/',
      FETCH_MAX_PER_HOST: '2',
    });
    assert.equal(config.port, 8080);
    assert.equal(config.databaseUrl, 'postgres://gazette@db:5432/gazette');
    assert.equal(config.publicUrl, 'https://news.example', 'no trailing slash');
    assert.equal(config.demoContent, false);
    assert.equal(config.scheduler, false);
    assert.deepEqual(config.clustering, { similarity: 0.6, windowHours: 24 });
    assert.deepEqual(config.rateLimits, { pushPerMinute: 0, websubPerMinute: 10, readPerMinute: 50, signinPerMinute: 3 });
    assert.equal(config.websubHub, 'https://hub.example/');
    assert.equal(config.fetchMaxPerHost, 2);
    assert.ok(Object.isFrozen(config) && Object.isFrozen(config.clustering) && Object.isFrozen(config.rateLimits));
  });

  it('treats an empty DATABASE_URL as unset (SQLite)', () => {
    assert.equal(loadConfig({ DATABASE_URL: '' }).databaseUrl, undefined);
  });

  it('lists every bad key at once, with code CONFIG_INVALID', () => {
    assert.throws(
      () => loadConfig({ PORT: '99999', DATABASE_URL: 'mysql://x', CLUSTER_SIMILARITY: '2', LOG_LEVEL: 'chatty', PUSH_RATE_LIMIT: '-1', FETCH_MAX_PER_HOST: '0' }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'CONFIG_INVALID');
        for (const key of ['PORT', 'DATABASE_URL', 'CLUSTER_SIMILARITY', 'LOG_LEVEL', 'PUSH_RATE_LIMIT', 'FETCH_MAX_PER_HOST']) assert.match(error.message, new RegExp(`${key}: `));
        return true;
      },
    );
  });
});

describe('loadConfig: time, language and popularity', () => {
  it('defaults to UTC, en-GB and a 24-hour half-life', () => {
    const config = loadConfig({});
    assert.deepEqual(config.site, { timeZone: 'UTC', locale: 'en-GB' });
    assert.deepEqual(config.popularity, { halfLifeHours: 24, flushSeconds: 10 });
  });
  it('takes a real IANA zone and BCP 47 locale, and names a bad one', () => {
    const config = loadConfig({ SITE_TIMEZONE: 'Asia/Dubai', SITE_LOCALE: 'ar-AE', POPULAR_HALF_LIFE_HOURS: '6' });
    assert.deepEqual(config.site, { timeZone: 'Asia/Dubai', locale: 'ar-AE' });
    assert.equal(config.popularity.halfLifeHours, 6);
    assert.throws(() => loadConfig({ SITE_TIMEZONE: 'Mars/Olympus' }), /SITE_TIMEZONE: must be an IANA time zone/);
    assert.throws(() => loadConfig({ SITE_LOCALE: 'not a locale!' }), /SITE_LOCALE: must be a BCP 47 locale/);
    assert.throws(() => loadConfig({ POPULAR_HALF_LIFE_HOURS: '0' }), /POPULAR_HALF_LIFE_HOURS/);
  });
});
