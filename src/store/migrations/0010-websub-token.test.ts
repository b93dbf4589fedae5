/**
 * Upgrading a database made before 0010 on both engines: the step adds the column, the
 * feed and its old subscription survive, and the old subscription has no token (so the next
 * poll subscribes again with one).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Migrator } from 'kysely';
import { openTestPostgresStore, skipPostgres } from '../../../test/support/postgres.js';
import { openSqliteStore } from '../sqlite/open-sqlite-store.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyStore } from '../kysely-store.js';
import { migrationsFor } from './index.js';

interface EmptyStore {
  store: KyselyStore;
  schema?: string;
  drop: () => Promise<void>;
}

async function openEmptySqlite(): Promise<EmptyStore> {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-upgrade-'));
  const store = openSqliteStore(join(dir, 'gazette.sqlite'));
  return { store, drop: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
}

/** A store with an empty schema. */
const openEmptyPostgres = (): Promise<EmptyStore> => openTestPostgresStore({ migrate: false });

const engines = [
  { name: 'SQLite', open: openEmptySqlite, skip: false as const },
  { name: 'PostgreSQL', open: openEmptyPostgres, skip: skipPostgres },
];

for (const engine of engines) {
  describe(`upgrading to 0010-websub-token on ${engine.name}`, { skip: engine.skip }, () => {
    it('keeps a feed subscribed before tokens existed, with no token', async () => {
      const { store, schema, drop } = await engine.open();
      try {
        const all = migrationsFor(store.engine);
        const before = Object.fromEntries(Object.entries(all).filter(([name]) => name < '0010'));
        const old = new Migrator({ db: store.db, provider: { getMigrations: async () => before }, ...(schema && { migrationTableSchema: schema }) });
        const first = await old.migrateToLatest();
        assert.equal(first.error, undefined);

        const provider = await store.providers.create({ slug: 'old-wire', name: 'Old Wire' });
        const feed = await store.feeds.create({ providerId: provider.id, url: 'https://old.example/feed', pollIntervalSeconds: 900 });
        await store.feeds.update(feed.id, { websubHub: 'https://hub.example/', websubSecret: 'old' });

        assert.ok((await store.migrate()).includes('0010-websub-token'));
        const [upgraded] = await store.feeds.list(provider.id);
        assert.equal(upgraded?.websubHub, 'https://hub.example/');
        assert.equal(upgraded?.websubSecret, 'old');
        assert.equal(upgraded?.websubToken, null);
      } finally {
        await drop();
      }
    });
  });
}
