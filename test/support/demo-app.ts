import { pino } from 'pino';
import { loadConfig } from '../../src/config/load-config.js';
import { loadDemoContent } from '../../src/demo/load-demo-content.js';
import { createIngestService } from '../../src/pipeline/run-ingest.js';
import { seedTaxonomy } from '../../src/store/seed-taxonomy.js';
import type { Store } from '../../src/store/store.js';
import { buildApp } from '../../src/web/app.js';
import type { AppDeps } from '../../src/web/deps.js';
import { openTestPostgresStore } from './postgres.js';
import { openTestSqliteStore } from './sqlite.js';

/** The real app on a real SQLite file holding the demo content, called without a socket. */
export async function openDemoApp(options: { demo?: boolean; store?: Store; signinPerMinute?: string; images?: AppDeps['images'] } = {}) {
  const opened = options.store ? { store: options.store, drop: async () => {} } : await openTestSqliteStore();
  const store = opened.store;
  await seedTaxonomy(store);
  const config = loadConfig({ DEMO_CONTENT: 'false', PUBLIC_URL: 'http://gazette.test', SIGNIN_RATE_LIMIT: options.signinPerMinute ?? '0' });
  if (options.demo !== false) await loadDemoContent(store, createIngestService({ store, cluster: config.clustering }));
  const app = buildApp({ store, config, logger: pino({ level: 'silent' }), ...(options.images && { images: options.images }) });
  return { app, store, config, drop: opened.drop };
}

/**
 * The real app with no demo content, on a fresh SQLite file or a fresh PostgreSQL schema:
 * what the admin tests run on each engine. `drop` removes whichever store it made.
 */
export async function openEmptyAppOn(engine: 'sqlite' | 'postgres') {
  const pg = engine === 'postgres' ? await openTestPostgresStore() : undefined;
  const opened = await openDemoApp({ demo: false, store: pg?.store });
  const drop = async () => {
    await opened.drop();
    await pg?.drop();
  };
  return { ...opened, drop };
}
