import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
