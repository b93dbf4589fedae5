import type { Kysely, Selectable } from 'kysely';
import { GazetteError } from '../domain/errors.js';
import type { PartnerKey } from '../domain/partner.js';
import { keyTable } from './key-table.js';
import { toDate, toTimestamp } from './map-rows.js';
import type { Database, PartnerKeysTable } from './schema.js';

/** A partner key with the hash of its secret, for checking a presented token. */
export interface StoredPartnerKey extends PartnerKey {
  secretHash: string;
}

/** Partners' read keys for the JSON API. Only hashes of secrets are stored. */
export interface PartnerKeyRepo {
  create(input: { name: string; keyId: string; secretHash: string; perMinute: number }): Promise<PartnerKey>;
  findByKeyId(keyId: string): Promise<StoredPartnerKey | undefined>;
  /** Every key, revoked ones included, oldest first. */
  list(): Promise<PartnerKey[]>;
  /** Revokes a key; NOT_FOUND when there is none with this id. */
  revoke(keyId: string, at?: Date): Promise<PartnerKey>;
}

function toPartnerKey(row: Selectable<PartnerKeysTable>): PartnerKey {
  return {
    id: row.id,
    name: row.name,
    keyId: row.key_id,
    perMinute: row.per_minute,
    createdAt: toDate(row.created_at),
    revokedAt: row.revoked_at === null ? null : toDate(row.revoked_at),
  };
}

/** Partner keys on any engine. */
export function partnerKeyRepo(db: Kysely<Database>): PartnerKeyRepo {
  const keys = keyTable(db, 'partner_keys', toPartnerKey);
  return {
    create: ({ name, keyId, secretHash, perMinute }) =>
      keys.insert({ name, key_id: keyId, secret_hash: secretHash, per_minute: perMinute, created_at: toTimestamp(new Date()), revoked_at: null }),

    findByKeyId: (keyId) => keys.findByKeyId(keyId),

    async list() {
      return (await db.selectFrom('partner_keys').selectAll().orderBy('id').execute()).map(toPartnerKey);
    },

    async revoke(keyId, at = new Date()) {
      const key = await keys.revoke(keyId, at);
      if (!key) throw new GazetteError('NOT_FOUND', `There is no partner key "${keyId}" (see \`gazette partner list\`).`);
      return key;
    },
  };
}
