import { sql, type Kysely, type Selectable } from 'kysely';
import { GazetteError } from '../domain/errors.js';
import { stripUnsafeText } from '../domain/text-safety.js';
import type { OutboxEvent, Webhook, WebhookDelivery, WebhookEventKind, WebhookFilter } from '../domain/webhook.js';
import { toDate, toTimestamp } from './map-rows.js';
import type { Database, WebhookDeliveriesTable, WebhooksTable } from './schema.js';
import type { Engine } from './store.js';

/** An endpoint with the secret that signs its deliveries, and the one before a rotation. */
export interface StoredWebhook extends Webhook {
  secret: string;
  /** Signs too until `previousSecretUntil`. */
  previousSecret: string | null;
}

/** A delivery claimed for sending, with what sending needs. */
export interface DueDelivery extends WebhookDelivery {
  payload: string;
  url: string;
  /** The secrets that sign it: the current one, then the one before a rotation while it overlaps. */
  secrets: string[];
  allowPrivate: boolean;
}

/** A delivery to queue: one event for one endpoint. */
export interface NewDelivery {
  webhookId: number;
  eventId: string;
  eventType: string;
  articleId: number;
  payload: string;
}

/** What one attempt came to. `nextAttemptAt` null with `delivered` false means "give up". */
export interface AttemptResult {
  delivered: boolean;
  status: number | null;
  error: string | null;
  nextAttemptAt: Date | null;
  at: Date;
}

/** Partners' webhook endpoints, the outbox of article changes, and the delivery queue and log. */
export interface WebhookRepo {
  create(input: { partnerKeyId: number; url: string; secret: string; filter: WebhookFilter; allowPrivate?: boolean }): Promise<Webhook>;
  findById(id: number): Promise<StoredWebhook | undefined>;
  /** Every endpoint, or one partner key's, oldest first. */
  list(partnerKeyId?: number): Promise<Webhook[]>;
  /** Endpoints that receive deliveries (not disabled), with their secrets. */
  active(): Promise<StoredWebhook[]>;
  /** Disables an endpoint with a reason, or enables it again (null); NOT_FOUND for an unknown id. */
  setDisabled(id: number, reason: string | null, at?: Date): Promise<Webhook>;
  /**
   * Makes `secret` the signing secret; the one it replaces keeps signing as well until
   * `previousUntil` (not at all when that is not after `at`). NOT_FOUND for an unknown id.
   */
  rotateSecret(id: number, secret: string, previousUntil: Date, at?: Date): Promise<Webhook>;
  /**
   * Rewrites every stored secret, current or previous, that `isPlain` picks as `seal` makes
   * it (secrets stored before sealing); returns how many endpoints changed.
   */
  sealPlainSecrets(isPlain: (stored: string) => boolean, seal: (secret: string) => string): Promise<number>;
  /** Removes an endpoint and its delivery log. */
  remove(id: number): Promise<void>;
  /**
   * The oldest `limit` outbox events. Call it inside a transaction with `enqueue` and
   * `deleteOutbox`: on PostgreSQL the rows stay locked until it commits and another node
   * skips them, so each event is fanned out once.
   */
  takeOutbox(limit: number): Promise<OutboxEvent[]>;
  deleteOutbox(ids: number[]): Promise<void>;
  enqueue(deliveries: NewDelivery[], at?: Date): Promise<void>;
  /** Claims up to `limit` due deliveries of enabled endpoints for `owner` until `until`; two nodes never get the same one. */
  claimDue(owner: string, now: Date, until: Date, limit: number): Promise<DueDelivery[]>;
  /** Records an attempt and releases the claim. */
  recordAttempt(id: number, result: AttemptResult): Promise<void>;
  /** An endpoint's delivery log, newest first, `limit` at most, from below `beforeId`. */
  deliveries(webhookId: number, page?: { beforeId?: number; limit?: number }): Promise<WebhookDelivery[]>;
  /** Events not yet fanned out, and deliveries waiting to be sent (for /metrics and doctor). */
  queueSizes(): Promise<{ outbox: number; pending: number }>;
}

function toWebhook(row: Selectable<WebhooksTable>): StoredWebhook {
  const filter: WebhookFilter = {};
  if (row.category !== null) filter.category = row.category;
  if (row.provider !== null) filter.provider = row.provider;
  if (row.entity !== null) filter.entity = row.entity;
  if (row.language !== null) filter.language = row.language;
  return {
    id: row.id,
    partnerKeyId: row.partner_key_id,
    url: row.url,
    secret: row.secret,
    previousSecret: row.previous_secret,
    filter,
    allowPrivate: Number(row.allow_private) === 1,
    createdAt: toDate(row.created_at),
    disabledAt: row.disabled_at === null ? null : toDate(row.disabled_at),
    disabledReason: row.disabled_reason,
    secretRotatedAt: row.secret_rotated_at === null ? null : toDate(row.secret_rotated_at),
    previousSecretUntil: row.previous_secret_until === null ? null : toDate(row.previous_secret_until),
  };
}

const withoutSecret = ({ secret: _secret, previousSecret: _previous, ...webhook }: StoredWebhook): Webhook => webhook;

/** The secrets that sign a delivery sent at `now`: the current one, and the previous one while its overlap lasts. */
function signingSecrets(row: { secret: string; previous_secret: string | null; previous_secret_until: Selectable<WebhooksTable>['previous_secret_until'] }, now: Date): string[] {
  const overlaps = row.previous_secret !== null && row.previous_secret_until !== null && toDate(row.previous_secret_until).getTime() > now.getTime();
  return overlaps ? [row.secret, row.previous_secret!] : [row.secret];
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    eventType: row.event_type,
    articleId: row.article_id,
    status: row.status as WebhookDelivery['status'],
    attempts: Number(row.attempts),
    nextAttemptAt: toDate(row.next_attempt_at),
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: toDate(row.created_at),
    finishedAt: row.finished_at === null ? null : toDate(row.finished_at),
  };
}

/** Webhooks on any engine; `engine` decides only how claimed rows are locked. */
export function webhookRepo(db: Kysely<Database>, engine: Engine): WebhookRepo {
  const findById = async (id: number) => {
    if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return undefined;
    const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toWebhook(row);
  };
  return {
    async create({ partnerKeyId, url, secret, filter, allowPrivate = false }) {
      const row = await db
        .insertInto('webhooks')
        .values({
          partner_key_id: partnerKeyId,
          url,
          secret,
          category: filter.category ?? null,
          provider: filter.provider ?? null,
          entity: filter.entity ?? null,
          language: filter.language ?? null,
          allow_private: allowPrivate ? 1 : 0,
          created_at: toTimestamp(new Date()),
          disabled_at: null,
          disabled_reason: null,
          previous_secret: null,
          previous_secret_until: null,
          secret_rotated_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return withoutSecret(toWebhook(row));
    },
    findById,
    async list(partnerKeyId) {
      let q = db.selectFrom('webhooks').selectAll().orderBy('id');
      if (partnerKeyId !== undefined) q = q.where('partner_key_id', '=', partnerKeyId);
      return (await q.execute()).map((r) => withoutSecret(toWebhook(r)));
    },
    async active() {
      return (await db.selectFrom('webhooks').selectAll().where('disabled_at', 'is', null).orderBy('id').execute()).map(toWebhook);
    },
    async setDisabled(id, reason, at = new Date()) {
      await db
        .updateTable('webhooks')
        .set({ disabled_at: reason === null ? null : toTimestamp(at), disabled_reason: reason === null ? null : stripUnsafeText(reason).slice(0, 500) })
        .where('id', '=', id)
        .execute();
      const hook = await findById(id);
      if (!hook) throw new GazetteError('NOT_FOUND', `There is no webhook ${id} (see \`gazette partner webhook list\`).`);
      return withoutSecret(hook);
    },
    async rotateSecret(id, secret, previousUntil, at = new Date()) {
      const overlaps = previousUntil.getTime() > at.getTime();
      // The right-hand `secret` is the row's value before this UPDATE, on both engines.
      await db
        .updateTable('webhooks')
        .set((eb) => ({
          previous_secret: overlaps ? eb.ref('secret') : null,
          previous_secret_until: overlaps ? toTimestamp(previousUntil) : null,
          secret,
          secret_rotated_at: toTimestamp(at),
        }))
        .where('id', '=', id)
        .execute();
      const hook = await findById(id);
      if (!hook) throw new GazetteError('NOT_FOUND', `There is no webhook ${id} (see \`gazette partner webhook list\`).`);
      return withoutSecret(hook);
    },
    async sealPlainSecrets(isPlain, seal) {
      // A few rows per partner at most: read them all, and rewrite each one only if it is
      // still what was read, so a rotation meanwhile on another node is not undone.
      const rows = await db.selectFrom('webhooks').select(['id', 'secret', 'previous_secret']).execute();
      let sealed = 0;
      for (const row of rows) {
        const plainPrevious = row.previous_secret !== null && isPlain(row.previous_secret);
        if (!isPlain(row.secret) && !plainPrevious) continue;
        let update = db
          .updateTable('webhooks')
          .set({ secret: isPlain(row.secret) ? seal(row.secret) : row.secret, previous_secret: plainPrevious ? seal(row.previous_secret!) : row.previous_secret })
          .where('id', '=', row.id)
          .where('secret', '=', row.secret);
        update = row.previous_secret === null ? update.where('previous_secret', 'is', null) : update.where('previous_secret', '=', row.previous_secret);
        sealed += Number((await update.executeTakeFirst()).numUpdatedRows) > 0 ? 1 : 0;
      }
      return sealed;
    },
    async remove(id) {
      // Deliveries first: SQLite enforces the cascade only with foreign keys on, which a
      // foreign tool may not have.
      await db.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
      const result = await db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw new GazetteError('NOT_FOUND', `There is no webhook ${id}.`);
    },
    async takeOutbox(limit) {
      let q = db.selectFrom('webhook_outbox').selectAll().orderBy('id').limit(limit);
      if (engine === 'postgres') q = q.forUpdate().skipLocked();
      return (await q.execute()).map((r) => ({ id: r.id, articleId: r.article_id, kind: r.kind as WebhookEventKind, at: toDate(r.at) }));
    },
    async deleteOutbox(ids) {
      if (ids.length === 0) return;
      await db.deleteFrom('webhook_outbox').where('id', 'in', ids).execute();
    },
    async enqueue(deliveries, at = new Date()) {
      if (deliveries.length === 0) return;
      const now = toTimestamp(at);
      await db
        .insertInto('webhook_deliveries')
        .values(
          deliveries.map((d) => ({
            webhook_id: d.webhookId,
            event_id: d.eventId,
            event_type: d.eventType,
            article_id: d.articleId,
            payload: d.payload,
            status: 'pending',
            attempts: 0,
            next_attempt_at: now,
            claimed_by: null,
            claimed_until: null,
            last_status: null,
            last_error: null,
            created_at: now,
            finished_at: null,
          })),
        )
        .execute();
    },
    async claimDue(owner, now, until, limit) {
      const at = toTimestamp(now);
      let due = db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', at)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
        .where('webhook_id', 'in', db.selectFrom('webhooks').select('id').where('disabled_at', 'is', null))
        .orderBy('next_attempt_at')
        .limit(limit);
      // PostgreSQL: rows another node is claiming are skipped, not waited for; SQLite has
      // one writer at a time, so the single UPDATE is already exclusive.
      if (engine === 'postgres') due = due.forUpdate().skipLocked();
      const claimed = await db
        .updateTable('webhook_deliveries')
        .set({ claimed_by: owner, claimed_until: toTimestamp(until) })
        .where('id', 'in', due)
        .returning('id')
        .execute();
      if (claimed.length === 0) return [];
      const rows = await db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
        .selectAll('d')
        .select(['w.url', 'w.secret', 'w.previous_secret', 'w.previous_secret_until', 'w.allow_private'])
        .where(
          'd.id',
          'in',
          claimed.map((r) => r.id),
        )
        .orderBy('d.id')
        .execute();
      return rows.map((r) => ({ ...toDelivery(r), payload: r.payload, url: r.url, secrets: signingSecrets(r, now), allowPrivate: Number(r.allow_private) === 1 }));
    },
    async recordAttempt(id, result) {
      const finished = result.delivered || result.nextAttemptAt === null;
      await db
        .updateTable('webhook_deliveries')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          status: result.delivered ? 'delivered' : result.nextAttemptAt === null ? 'failed' : 'pending',
          ...(result.nextAttemptAt && { next_attempt_at: toTimestamp(result.nextAttemptAt) }),
          claimed_by: null,
          claimed_until: null,
          last_status: result.status,
          last_error: result.error === null ? null : stripUnsafeText(result.error).slice(0, 500),
          finished_at: finished ? toTimestamp(result.at) : null,
        }))
        .where('id', '=', id)
        .execute();
    },
    async deliveries(webhookId, page = {}) {
      const limit = Math.min(Math.max(1, page.limit ?? 50), 100);
      let q = db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).orderBy('id', 'desc').limit(limit);
      if (page.beforeId !== undefined) q = q.where('id', '<', page.beforeId);
      return (await q.execute()).map(toDelivery);
    },
    async queueSizes() {
      const count = async (table: 'webhook_outbox' | 'webhook_deliveries') => {
        let q = db.selectFrom(table).select(sql<number | string>`count(*)`.as('n'));
        if (table === 'webhook_deliveries') q = q.where('status', '=', 'pending');
        return Number((await q.executeTakeFirstOrThrow()).n);
      };
      return { outbox: await count('webhook_outbox'), pending: await count('webhook_deliveries') };
    },
  };
}
