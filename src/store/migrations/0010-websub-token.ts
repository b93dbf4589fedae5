import type { Kysely } from 'kysely';

/**
 * An unguessable token per WebSub subscription, carried in the callback URL
 * (`/websub/<feed id>/<token>`): feed ids are sequential, so the id alone let anyone confirm
 * or drop a subscription. Subscriptions made before this have no token and are renewed by
 * the next poll.
 */
export async function websubToken(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feeds').addColumn('websub_token', 'text').execute();
}
