import type { Kysely, Selectable } from 'kysely';
import type { Complaint, ComplaintKind, ComplaintStatus, NewComplaint } from '../domain/complaint.js';
import type { QueuePage } from './comment-repo.js';
import { toDate, toTimestamp } from './map-rows.js';
import type { ComplaintsTable, Database } from './schema.js';

/** What saving a complaint did: a new row, or nothing because this submission was already kept. */
export type ComplaintSaved = { kind: 'created' | 'duplicate'; id: number };

/** What answering did: the answer was recorded, it had been answered already, or there is no such complaint. */
export type ComplaintAnswered = { kind: 'answered' | 'already-answered'; complaint: Complaint } | { kind: 'not-found' };

/** Readers' reports about stories, and their answers. */
export interface ComplaintRepo {
  /** Keeps a new complaint, once per submission key. */
  create(complaint: NewComplaint): Promise<ComplaintSaved>;
  /** The complaint kept under this submission key, if the form was sent before. */
  findSubmission(submissionKey: string): Promise<{ id: number } | undefined>;
  /** How many complaints this visitor sent since `since` (for the rate limit). */
  countFromVisitorSince(visitorHash: string, since: Date): Promise<number>;
  findById(id: number): Promise<Complaint | undefined>;
  /** Open complaints (one provider's when given), counted up to `cap`, read by index. */
  countOpen(providerId?: number, cap?: number): Promise<number>;
  /** Complaints of one status, oldest first, after the id `after`; only one provider's when `providerId` is given. */
  queue(status: ComplaintStatus, options?: { providerId?: number; after?: number; limit?: number }): Promise<QueuePage<Complaint>>;
  /** Answers an open complaint; a complaint is answered once (a second answer changes nothing). */
  answer(id: number, answer: { status: 'resolved' | 'rejected'; note: string; actor: string; at?: Date }): Promise<ComplaintAnswered>;
}

const PAGE = 50;
type Row = Selectable<ComplaintsTable> & { a_slug: string; a_headline: string; a_status: string };

function toComplaint(row: Row): Complaint {
  return {
    id: row.id,
    articleId: row.article_id,
    providerId: row.provider_id,
    kind: row.kind as ComplaintKind,
    message: row.message,
    contactEmail: row.contact_email,
    status: row.status as ComplaintStatus,
    note: row.note,
    answeredBy: row.answered_by,
    answeredAt: row.answered_at === null ? null : toDate(row.answered_at),
    createdAt: toDate(row.created_at),
    article: { slug: row.a_slug, headline: row.a_headline, status: row.a_status },
  };
}

/** Complaints on any engine. */
export function complaintRepo(db: Kysely<Database>): ComplaintRepo {
  const select = () =>
    db
      .selectFrom('complaints as k')
      .innerJoin('articles as a', 'a.id', 'k.article_id')
      .selectAll('k')
      .select(['a.slug as a_slug', 'a.headline as a_headline', 'a.status as a_status']);
  const findById = async (id: number) => {
    const row = await select().where('k.id', '=', id).executeTakeFirst();
    return row && toComplaint(row);
  };
  return {
    async create(c) {
      const inserted = await db
        .insertInto('complaints')
        .values({
          article_id: c.articleId,
          provider_id: c.providerId,
          kind: c.kind,
          message: c.message,
          contact_email: c.contactEmail,
          status: 'open',
          visitor_hash: c.visitorHash,
          submission_key: c.submissionKey,
          created_at: toTimestamp(c.createdAt),
        })
        .onConflict((oc) => oc.column('submission_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) return { kind: 'created', id: inserted.id };
      const kept = await db.selectFrom('complaints').select('id').where('submission_key', '=', c.submissionKey).executeTakeFirstOrThrow();
      return { kind: 'duplicate', id: kept.id };
    },

    findSubmission: (key) => db.selectFrom('complaints').select('id').where('submission_key', '=', key).executeTakeFirst(),

    async countFromVisitorSince(visitorHash, since) {
      const row = await db
        .selectFrom('complaints')
        .select(db.fn.countAll<number | string>().as('n'))
        .where('visitor_hash', '=', visitorHash)
        .where('created_at', '>=', toTimestamp(since))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    findById,

    async countOpen(providerId, cap = 1000) {
      const row = await db
        .selectFrom((eb) => {
          let open = eb.selectFrom('complaints').select('id').where('status', '=', 'open');
          if (providerId !== undefined) open = open.where('provider_id', '=', providerId);
          return open.limit(cap).as('o');
        })
        .select(db.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async queue(status, options = {}) {
      const limit = Math.min(Math.max(1, options.limit ?? PAGE), 200);
      let query = select().where('k.status', '=', status);
      if (options.providerId !== undefined) query = query.where('k.provider_id', '=', options.providerId);
      if (options.after !== undefined) query = query.where('k.id', '>', options.after);
      const rows = await query.orderBy('k.id').limit(limit + 1).execute();
      const items = rows.slice(0, limit).map(toComplaint);
      return { items, next: rows.length > limit ? items[items.length - 1]!.id : null };
    },

    async answer(id, answer) {
      const result = await db
        .updateTable('complaints')
        .set({ status: answer.status, note: answer.note, answered_by: answer.actor, answered_at: toTimestamp(answer.at ?? new Date()) })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      const complaint = await findById(id);
      if (!complaint) return { kind: 'not-found' };
      return { kind: Number(result.numUpdatedRows) > 0 ? 'answered' : 'already-answered', complaint };
    },
  };
}
