import { statfsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../config/load-config.js';
import { GazetteError } from '../domain/errors.js';
import { formatBytes } from '../ingest/fetch/decode-content.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import type { CliIo } from './cli-io.js';
import { terminalSafe } from './terminal-safe.js';

/** One line of the report. */
export interface Check {
  name: string;
  status: 'ok' | 'warn' | 'fail' | 'skipped';
  detail: string;
}

/** Free space below which the disk check fails, and below which it warns. */
const DISK_FAIL = { bytes: 256 * 1024 * 1024, fraction: 0.01 };
const DISK_WARN = { bytes: 2 * 1024 * 1024 * 1024, fraction: 0.1 };
/** A feed failing this many polls in a row is named in the report. */
const FEED_FAILURES_TO_NAME = 3;

const skipped = (name: string, why: string): Check => ({ name, status: 'skipped', detail: why });

function checkDisk(dir: string): Check {
  try {
    const fs = statfsSync(dir);
    const free = fs.bavail * fs.bsize;
    const total = fs.blocks * fs.bsize;
    const fraction = total > 0 ? free / total : 1;
    const detail = `${formatBytes(free)} free of ${formatBytes(total)} (${Math.round(fraction * 100)}%) where ${dir} is`;
    if (free < DISK_FAIL.bytes || fraction < DISK_FAIL.fraction) return { name: 'disk space', status: 'fail', detail: `${detail}: writes will soon fail` };
    if (free < DISK_WARN.bytes || fraction < DISK_WARN.fraction) return { name: 'disk space', status: 'warn', detail: `${detail}: running low` };
    return { name: 'disk space', status: 'ok', detail };
  } catch (error) {
    return { name: 'disk space', status: 'fail', detail: `cannot read ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}

async function checkFeeds(store: Store): Promise<Check> {
  const feeds = await store.feeds.list();
  const failing = feeds.filter((f) => f.consecutiveFailures > 0);
  if (feeds.length === 0) return { name: 'feeds', status: 'ok', detail: 'no feeds registered' };
  if (failing.length === 0) return { name: 'feeds', status: 'ok', detail: `${feeds.length} feeds, none failing` };
  const named = failing
    .filter((f) => f.consecutiveFailures >= FEED_FAILURES_TO_NAME)
    .slice(0, 5)
    .map((f) => `feed ${f.id} ${f.url} (${f.consecutiveFailures} failures: ${f.lastError ?? 'unknown'})`);
  const status = named.length > 0 ? 'warn' : 'ok';
  return { name: 'feeds', status, detail: `${failing.length} of ${feeds.length} feeds failing${named.length > 0 ? `; ${named.join('; ')}` : ' (each fewer than 3 times in a row)'}` };
}

async function checkWebhooks(store: Store): Promise<Check> {
  const hooks = await store.webhooks.list();
  const disabled = hooks.filter((h) => h.disabledAt);
  const { outbox, pending } = await store.webhooks.queueSizes();
  const queues = `${outbox} events to fan out, ${pending} deliveries waiting`;
  if (disabled.length === 0) return { name: 'webhooks', status: 'ok', detail: `${hooks.length} endpoints; ${queues}` };
  const named = disabled.slice(0, 5).map((h) => `webhook ${h.id} ${h.url}: ${h.disabledReason ?? 'disabled'}`);
  return { name: 'webhooks', status: 'warn', detail: `${disabled.length} of ${hooks.length} endpoints disabled (${named.join('; ')}); ${queues}` };
}

function describeConfig(config: Readonly<Config>): string {
  const database = config.databaseUrl ? `PostgreSQL at ${config.databaseUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')}` : `SQLite at ${config.sqliteFile}`;
  const metrics = config.metrics.port !== undefined ? `metrics on port ${config.metrics.port}` : config.metrics.token ? 'metrics at /metrics with a token' : 'metrics off (set METRICS_TOKEN or METRICS_PORT)';
  return `${database}; public URL ${config.publicUrl}${config.publicUrlConfigured ? '' : ' (PUBLIC_URL not set)'}; ${metrics}`;
}

/**
 * Every check `gazette doctor` makes, in order: configuration, database, migrations, disk
 * space, feed health and webhooks. A check that cannot run because an earlier one failed
 * says so instead of failing again.
 */
export async function runDoctor(env: Record<string, string | undefined>): Promise<Check[]> {
  let config: Readonly<Config>;
  try {
    config = loadConfig(env);
  } catch (error) {
    const message = error instanceof GazetteError ? error.message : String(error);
    return [{ name: 'configuration', status: 'fail', detail: message }, ...['database', 'migrations', 'disk space', 'feeds', 'webhooks'].map((n) => skipped(n, 'needs a valid configuration'))];
  }
  const checks: Check[] = [{ name: 'configuration', status: 'ok', detail: describeConfig(config) }];
  let store: Store;
  try {
    const started = performance.now();
    store = await openStore(config, { migrate: false, mustExist: true });
    if (!(await store.ping())) throw new GazetteError('STORAGE_UNAVAILABLE', 'the database does not answer');
    checks.push({ name: 'database', status: 'ok', detail: `${store.engine} answers (${Math.round(performance.now() - started)} ms)` });
  } catch (error) {
    checks.push({ name: 'database', status: 'fail', detail: (error as Error).message });
    checks.push(skipped('migrations', 'needs the database'));
    if (!config.databaseUrl) checks.push(checkDisk(config.dataDir));
    checks.push(skipped('feeds', 'needs the database'), skipped('webhooks', 'needs the database'));
    return checks;
  }
  try {
    const pending = await store.pendingMigrations();
    checks.push(
      pending.length === 0
        ? { name: 'migrations', status: 'ok', detail: 'the schema is up to date' }
        : { name: 'migrations', status: 'fail', detail: `${pending.length} pending (${pending.join(', ')}): run \`gazette migrate\`` },
    );
    checks.push(config.databaseUrl ? skipped('disk space', 'PostgreSQL keeps its data on its own server') : checkDisk(config.dataDir));
    if (pending.length > 0) {
      checks.push(skipped('feeds', 'needs an up-to-date schema'), skipped('webhooks', 'needs an up-to-date schema'));
    } else {
      checks.push(await checkFeeds(store));
      checks.push(await checkWebhooks(store));
    }
  } finally {
    await store.close();
  }
  return checks;
}

const label = { ok: 'ok  ', warn: 'WARN', fail: 'FAIL', skipped: '-   ' } as const;

/** `gazette doctor`: one report of what is right and wrong; exit code 1 when anything failed. */
export function registerDoctor(program: Command, io: CliIo): void {
  program
    .command('doctor')
    .description('check configuration, database, migrations, disk space, feeds and webhooks; exit 1 on a failure')
    .action(async () => {
      const checks = await runDoctor(io.env);
      const width = Math.max(...checks.map((c) => c.name.length));
      for (const c of checks) io.out(terminalSafe(`${label[c.status]}  ${c.name.padEnd(width)}  ${c.detail}`));
      const failures = checks.filter((c) => c.status === 'fail').length;
      const warnings = checks.filter((c) => c.status === 'warn').length;
      io.out(failures + warnings === 0 ? 'All checks passed.' : `${failures} failed, ${warnings} warning${warnings === 1 ? '' : 's'}.`);
      if (failures > 0) io.exitCode = 1;
    });
}
