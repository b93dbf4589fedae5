import type { Kysely, Selectable } from 'kysely';
import { toTimestamp } from './map-rows.js';
import type { Database } from './schema.js';

/** The key tables: providers' push keys (`api_keys`) and partners' read keys (`partner_keys`). */
type KeyTableName = 'api_keys' | 'partner_keys';
type KeyRow<T extends KeyTableName> = Selectable<Database[T]>;
/** The columns the two tables share, as one table Kysely can type a query over. */
type SharedKeyColumns = { keys: { id: number; key_id: string; secret_hash: string; revoked_at: string | Date | null } };

/**
 * What both key tables do alike: insert a key, find one by its public id with the hash of its
 * secret, and revoke one (revoking twice keeps the first time: it is when the key stopped
 * working). `scope` narrows the rows a revoke may touch (a provider's own keys).
 */
export function keyTable<T extends KeyTableName, K>(db: Kysely<Database>, name: T, toKey: (row: KeyRow<T>) => K) {
  // The two tables share these columns; Kysely cannot type a query over a union of tables.
  const any = db as unknown as Kysely<SharedKeyColumns>;
  const table = name as unknown as 'keys';
  return {
    async insert(values: Record<string, unknown>): Promise<K> {
      return toKey((await any.insertInto(table).values(values as never).returningAll().executeTakeFirstOrThrow()) as unknown as KeyRow<T>);
    },
    async findByKeyId(keyId: string): Promise<(K & { secretHash: string }) | undefined> {
      const row = await any.selectFrom(table).selectAll().where('key_id', '=', keyId).executeTakeFirst();
      return row && { ...toKey(row as unknown as KeyRow<T>), secretHash: row.secret_hash };
    },
    async revoke(keyId: string, at: Date, scope: Record<string, number> = {}): Promise<K | undefined> {
      let query = any.selectFrom(table).selectAll().where('key_id', '=', keyId);
      for (const [column, value] of Object.entries(scope)) query = query.where(column as 'id', '=', value);
      const row = await query.executeTakeFirst();
      if (!row) return undefined;
      if (row.revoked_at !== null) return toKey(row as unknown as KeyRow<T>);
      const updated = await any.updateTable(table).set({ revoked_at: toTimestamp(at) }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
      return toKey(updated as unknown as KeyRow<T>);
    },
  };
}
