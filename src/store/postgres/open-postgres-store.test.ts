import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestPostgresStore, skipPostgres } from '../../../test/support/postgres.js';

describe('PostgreSQL connections', { skip: skipPostgres }, () => {
  it('run without JIT compilation, on every connection of the pool', async () => {
    const { store, drop } = await openTestPostgresStore({ migrate: false });
    try {
      // Four statements at once take four connections of the pool (the test store's maximum).
      const settings = await Promise.all(
        Array.from({ length: 4 }, () => sql<{ jit: string; pid: number }>`select current_setting('jit') as jit, pg_backend_pid() as pid, pg_sleep(0.05)`.execute(store.db)),
      );
      const rows = settings.map((r) => r.rows[0]!);
      assert.equal(new Set(rows.map((r) => r.pid)).size, 4, 'four connections answered');
      assert.deepEqual(rows.map((r) => r.jit), ['off', 'off', 'off', 'off']);
    } finally {
      await drop();
    }
  });
});
