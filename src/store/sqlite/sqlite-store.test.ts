import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestSqliteStore } from '../../../test/support/sqlite.js';
import { runStoreContract } from '../store.contract.js';

runStoreContract({ name: 'SQLite', createStore: openTestSqliteStore });

describe('SQLite transactions and the event loop', () => {
  it('lets waiting work run between transactions run back to back (a big push keeps pages answering)', async () => {
    const { store, drop } = await openTestSqliteStore();
    try {
      const provider = await store.providers.create({ slug: 'wire', name: 'Wire' });
      // Stands for a request that arrived while a batch is being stored.
      let answeredAt: number | null = null;
      let begun = 0;
      setImmediate(() => (answeredAt = begun));
      for (let i = 0; i < 20; i++) {
        begun++;
        await store.transaction((tx) => tx.providers.update(provider.id, { name: `Wire ${i}` }));
      }
      // better-sqlite3 is synchronous: without a turn of the loop after each transaction the
      // request would wait for all 20 (answeredAt would be null here).
      assert.equal(answeredAt, 1, 'answered once the first transaction ended');
      assert.equal((await store.providers.findById(provider.id))?.name, 'Wire 19');
    } finally {
      await drop();
    }
  });
});

describe('SQLite temporary data', () => {
  it('keeps a savepoint’s undo pages in memory, and sorts in files while migrating', async () => {
    const statements: string[] = [];
    const { store, drop } = await openTestSqliteStore({ migratedTo: '0005-source-hash-and-full-text', onQuery: (sql) => statements.push(sql) });
    try {
      const tempStore = async () => Number((await sql<{ temp_store: number }>`pragma temp_store`.execute(store.db)).rows[0]?.temp_store);
      assert.equal(await tempStore(), 2, 'memory (each stored item runs in a savepoint)');
      statements.length = 0;
      assert.ok((await store.migrate()).length > 0);
      // The migrations ran between the switch to files and the switch back.
      assert.equal(statements[1], 'pragma temp_store = FILE');
      assert.equal(statements.at(-1), 'pragma temp_store = 2');
      assert.ok(statements.slice(2, -1).some((s) => /^create index/i.test(s)));
      assert.equal(await tempStore(), 2);
    } finally {
      await drop();
    }
  });
});
