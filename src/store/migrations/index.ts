import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../store.js';
import { foundation } from './0001-foundation.js';
import { feeds } from './0002-feeds.js';
import { apiKeys } from './0003-api-keys.js';
import { enrichment } from './0004-enrichment.js';
import { sourceHashAndFullText } from './0005-source-hash-and-full-text.js';
import { listings } from './0006-listings.js';
import { websubToken } from './0010-websub-token.js';
import { syndication } from './0014-syndication.js';
import { leadImages } from './0015-lead-images.js';
import { searchIndex } from './0016-search-index.js';
import { popularity } from './0017-popularity.js';
import { agencyRightsAndEmbargo } from './0018-agency-rights-and-embargo.js';
import { accountsAndTakedowns } from './0019-accounts-and-takedowns.js';
import { commentsAndComplaints } from './0020-comments-and-complaints.js';
import { webhooks } from './0021-webhooks.js';
import { dailyViews } from './0022-daily-views.js';
import { superdeskDestinationsAndAgencyMeta } from './0023-superdesk-destinations-and-agency-meta.js';
import { webhookSecretRotation } from './0024-webhook-secret-rotation.js';
import { providerLogos } from './0025-provider-logos.js';
import { cjkSearchWords } from './0026-cjk-search-words.js';
import { eventClusters } from './0029-event-clusters.js';
import { searchTimeBuckets } from './0030-search-time-buckets.js';
import { clusterLinks } from './0032-cluster-links.js';
import { shardedDocsCount } from './0033-sharded-docs-count.js';
import { repeatCheckIndex } from './0034-repeat-check-index.js';
import { feedBodyHash } from './0035-feed-body-hash.js';

/** A migration that may differ per engine where the SQL must (types, identity columns). */
export type EngineMigration = (db: Kysely<any>, engine: Engine) => Promise<void>;

/**
 * The one migration history of both engines, append-only: never edit an entry that has
 * landed; add a new numbered one.
 */
const history: Record<string, EngineMigration> = {
  '0001-foundation': foundation,
  '0002-feeds': feeds,
  '0003-api-keys': apiKeys,
  '0004-enrichment': enrichment,
  '0005-source-hash-and-full-text': sourceHashAndFullText,
  '0006-listings': listings,
  '0010-websub-token': websubToken,
  '0014-syndication': syndication,
  '0015-lead-images': leadImages,
  '0016-search-index': searchIndex,
  '0017-popularity': popularity,
  '0018-agency-rights-and-embargo': agencyRightsAndEmbargo,
  '0019-accounts-and-takedowns': accountsAndTakedowns,
  '0020-comments-and-complaints': commentsAndComplaints,
  '0021-webhooks': webhooks,
  '0022-daily-views': dailyViews,
  '0023-superdesk-destinations-and-agency-meta': superdeskDestinationsAndAgencyMeta,
  '0024-webhook-secret-rotation': webhookSecretRotation,
  '0025-provider-logos': providerLogos,
  '0026-cjk-search-words': cjkSearchWords,
  '0029-event-clusters': eventClusters,
  '0030-search-time-buckets': searchTimeBuckets,
  '0032-cluster-links': clusterLinks,
  '0033-sharded-docs-count': shardedDocsCount,
  '0034-repeat-check-index': repeatCheckIndex,
  '0035-feed-body-hash': feedBodyHash,
};

/** The names of every migration, oldest first (the upgrade test builds each earlier schema). */
export const migrationNames: readonly string[] = Object.keys(history);

/** The history bound to one engine, in the shape Kysely's Migrator takes. */
export function migrationsFor(engine: Engine): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(history).map(([name, up]) => [name, { up: (db: Kysely<any>) => up(db, engine) }]),
  );
}
