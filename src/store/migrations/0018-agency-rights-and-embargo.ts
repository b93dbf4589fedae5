import type { Kysely } from 'kysely';
import type { Engine } from '../store.js';
import { timestampType } from './column-types.js';

/**
 * What agencies send besides the story: the copyright line and usage terms shown with it,
 * and the time an embargoed item may be published. A held item is stored unpublished with
 * `embargoed_until` set; the embargo job publishes those whose time has come, found through
 * the index (only held items have a value, so the scan stays as small as the queue).
 */
export async function agencyRightsAndEmbargo(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema.alterTable('articles').addColumn('copyright_notice', 'text').execute();
  await db.schema.alterTable('articles').addColumn('usage_terms', 'text').execute();
  await db.schema.alterTable('articles').addColumn('embargoed_until', timestampType(engine)).execute();
  await db.schema.createIndex('articles_embargoed_until_idx').on('articles').column('embargoed_until').execute();
}
