import type { Kysely, Selectable } from 'kysely';
import type { AuditEntry, AuditFilter, AuditInput } from '../domain/audit.js';
import { toDate, toTimestamp } from './map-rows.js';
import type { AuditLogTable, Database } from './schema.js';

/** The audit log: every editorial action, never edited. */
export interface AuditRepo {
  /** Records one action; inside `Store.transaction` it commits with the action itself. */
  record(entry: AuditInput, at?: Date): Promise<AuditEntry>;
  /** A page newest first below `beforeId`, filtered; one index range per filter. */
  page(filter?: AuditFilter, beforeId?: number, limit?: number): Promise<AuditEntry[]>;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
const parse = (text: string | null) => (text === null ? undefined : (JSON.parse(text) as unknown));

function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    at: toDate(row.at),
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    providerId: row.provider_id,
    summary: row.summary,
    before: parse(row.before_json),
    after: parse(row.after_json),
  };
}

/** The audit log on any engine. */
export function auditRepo(db: Kysely<Database>): AuditRepo {
  return {
    async record(entry, at = new Date()) {
      const row = await db
        .insertInto('audit_log')
        .values({
          at: toTimestamp(at),
          actor_id: entry.actorId,
          actor_label: entry.actorLabel,
          action: entry.action,
          subject_type: entry.subjectType,
          subject_id: entry.subjectId,
          provider_id: entry.providerId,
          summary: entry.summary,
          before_json: json(entry.before),
          after_json: json(entry.after),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toEntry(row);
    },

    async page(filter = {}, beforeId, limit = 50) {
      let query = db.selectFrom('audit_log').selectAll();
      if (filter.action) query = query.where('action', '=', filter.action);
      if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
      if (filter.providerId !== undefined) query = query.where('provider_id', '=', filter.providerId);
      if (filter.subject) query = query.where('subject_type', '=', filter.subject.type).where('subject_id', '=', filter.subject.id);
      if (beforeId !== undefined) query = query.where('id', '<', beforeId);
      const rows = await query.orderBy('id', 'desc').limit(Math.min(Math.max(1, limit), 200)).execute();
      return rows.map(toEntry);
    },
  };
}
