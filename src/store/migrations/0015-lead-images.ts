import { sql, type Kysely } from 'kysely';

/**
 * Lead images: the picture a provider names for a story, its alt text, caption and credit,
 * and what Gazette measured when it fetched it (status pending → ready with a pixel size, or
 * failed). A partial index holds only the pending ones, so the job that fetches them finds
 * its work without scanning the archive, and it stays empty when there is none.
 */
export async function leadImages(db: Kysely<any>): Promise<void> {
  for (const column of ['lead_image_url', 'lead_image_alt', 'lead_image_caption', 'lead_image_credit', 'lead_image_status']) {
    await db.schema.alterTable('articles').addColumn(column, 'text').execute();
  }
  for (const column of ['lead_image_width', 'lead_image_height']) {
    await db.schema.alterTable('articles').addColumn(column, 'integer').execute();
  }
  await sql`create index articles_lead_image_pending on articles (id) where lead_image_status = 'pending'`.execute(db);
}
