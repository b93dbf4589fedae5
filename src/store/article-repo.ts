import { sql, type Kysely, type Selectable } from 'kysely';
import { articleDraftSchema, slugify, type Article, type ArticleDraft } from '../domain/article.js';
import { GazetteError } from '../domain/errors.js';
import { toArticle, toDate, toProviderLogo, toTimestamp } from './map-rows.js';
import type { ArticlesTable, Database } from './schema.js';
import type { ArticleRepo, ArticleStamp, Engine, UpsertResult } from './store.js';
import type { ArticleWithProvider } from '../domain/article.js';
import type { Writer } from './kysely-store.js';
import { articleModeration } from './article-moderation.js';
import { reclusterAround } from './cluster-split.js';

/**
 * Articles on any engine. Callers run `upsert` inside `Store.transaction` when it must
 * commit together with other writes; on its own each call is one transaction, with the
 * category rows and the story's listing entries.
 */
export function articleRepo(db: Kysely<Database>, engine: Engine, write: Writer): ArticleRepo {
  async function withCategories(rows: Selectable<ArticlesTable>[]): Promise<Article[]> {
    const cats = await categoriesOf(db, rows.map((r) => r.id));
    return rows.map((r) => toArticle(r, cats.get(r.id) ?? []));
  }

  const providerColumns = [
    'providers.slug as p_slug',
    'providers.name as p_name',
    'providers.disclaimer as p_disclaimer',
    'providers.logo_asset as p_logo_asset',
    'providers.logo_width as p_logo_width',
    'providers.logo_height as p_logo_height',
  ] as const;

  type JoinedRow = Selectable<ArticlesTable> & { p_slug: string; p_name: string; p_disclaimer: string; p_logo_asset: string | null; p_logo_width: number | null; p_logo_height: number | null };

  async function withProvider(rows: JoinedRow[]): Promise<ArticleWithProvider[]> {
    const articles = await withCategories(rows);
    return articles.map((a, i) => {
      const r = rows[i]!;
      return { ...a, provider: { id: a.providerId, slug: r.p_slug, name: r.p_name, disclaimer: r.p_disclaimer, logo: toProviderLogo(r.p_logo_asset, r.p_logo_width, r.p_logo_height) } };
    });
  }

  return {
    ...articleModeration(db, write),

    async upsert(input: ArticleDraft): Promise<UpsertResult> {
      const parsed = articleDraftSchema.safeParse(input);
      if (!parsed.success) {
        throw new GazetteError('VALIDATION_FAILED', 'The article is not valid.', { details: parsed.error.issues });
      }
      const draft = input;
      return write(async (tx, effects) => {
        const findExisting = () =>
          tx
            .selectFrom('articles')
            .selectAll()
            .where('provider_id', '=', draft.providerId)
            .where('guid', '=', draft.guid)
            .executeTakeFirst();
        const values = {
          provider_id: draft.providerId,
          guid: draft.guid,
          slug: slugify(draft.headline),
          source_url: draft.sourceUrl,
          headline: draft.headline,
          summary: draft.summary,
          body_html: draft.bodyHtml,
          body_text: draft.bodyText,
          byline: draft.byline,
          dateline: draft.dateline,
          language: draft.language,
          published_at: toTimestamp(draft.publishedAt),
          updated_at: toTimestamp(draft.updatedAt),
          status: draft.status,
          content_hash: draft.contentHash,
          source_hash: draft.sourceHash,
          ...leadImageColumns(draft),
          copyright_notice: draft.copyrightNotice ?? null,
          usage_terms: draft.usageTerms ?? null,
          embargoed_until: draft.embargoedUntil ? toTimestamp(draft.embargoedUntil) : null,
          agency_meta: draft.agencyMeta ? JSON.stringify(draft.agencyMeta) : null,
        };
        let row: Selectable<ArticlesTable>;
        let outcome: UpsertResult['outcome'];
        // Most items that reach the store are new (the repeat check sets unchanged ones aside
        // before the pipeline), so the row is inserted first; one stored already, or inserted
        // by another writer a moment before (two feeds of one provider, two nodes), conflicts
        // and is read and updated instead.
        const categories = [...new Set(draft.categories)];
        const insert = tx
          .insertInto('articles')
          .values({ ...values, ingested_at: toTimestamp(new Date()), lead_image_status: values.lead_image_url ? 'pending' : null })
          .onConflict((oc) => oc.columns(['provider_id', 'guid']).doNothing())
          .returningAll();
        // On PostgreSQL a new article's categories go in the same statement (one round trip
        // less per new item); an article that is there already inserts none (`a` is empty).
        const together = engine === 'postgres' && categories.length > 0;
        const inserted = together
          ? (
              await sql<Selectable<ArticlesTable>>`
                with a as (${insert}),
                c as (
                  insert into article_categories (article_id, category_slug, position)
                  select a.id, c.slug, c.n - 1 from a cross join unnest(${categories}::text[]) with ordinality as c(slug, n)
                )
                select * from a`.execute(tx)
            ).rows[0]
          : await insert.executeTakeFirst();
        const existing = inserted ? undefined : await findExisting();
        if (inserted) {
          row = inserted;
          outcome = 'created';
        } else if (!existing) {
          throw new GazetteError('STORAGE_UNAVAILABLE', 'The article could be neither inserted nor found.');
        } else {
          const before = toArticle(existing, (await categoriesOf(tx, [existing.id])).get(existing.id) ?? []);
          if (sameContent(before, draft)) {
            // Nothing a reader sees changed, but the provider's bytes did: remember them, so
            // the next identical copy is recognised before the pipeline runs.
            if (before.sourceHash !== draft.sourceHash) {
              await tx.updateTable('articles').set({ source_hash: draft.sourceHash }).where('id', '=', existing.id).execute();
            }
            return { article: { ...before, sourceHash: draft.sourceHash }, outcome: 'unchanged' };
          }
          row = await tx
            .updateTable('articles')
            // A provider's update corrects the story but never undoes an editor's decision:
            // an unpublished or taken-down article stays so (only setStatus changes it).
            // An item held for its embargo is the provider's to release: a version without
            // an embargo publishes it, one with a new time moves it.
            .set({ ...values, ...embargoUpdate(existing, draft), ...keptMeasurement(existing, values.lead_image_url) })
            .where('id', '=', existing.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          outcome = 'updated';
          await tx.deleteFrom('article_categories').where('article_id', '=', row.id).execute();
        }
        effects.touchArticle(row.id);
        effects.event(row.id, outcome);
        if (categories.length > 0 && !(together && inserted)) {
          await tx
            .insertInto('article_categories')
            .values(categories.map((slug, position) => ({ article_id: row.id, category_slug: slug, position })))
            .execute();
        }
        return { article: toArticle(row, categories), outcome };
      });
    },

    async findById(id) {
      if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return undefined;
      const row = await db
        .selectFrom('articles')
        .innerJoin('providers', 'providers.id', 'articles.provider_id')
        .selectAll('articles')
        .select(providerColumns)
        .where('articles.id', '=', id)
        .executeTakeFirst();
      return row ? (await withProvider([row]))[0] : undefined;
    },

    async findByGuid(providerId, guid) {
      const row = await db
        .selectFrom('articles')
        .selectAll()
        .where('provider_id', '=', providerId)
        .where('guid', '=', guid)
        .executeTakeFirst();
      return row ? (await withCategories([row]))[0] : undefined;
    },

    async batchBefore(beforeId, limit) {
      const rows = await db
        .selectFrom('articles')
        .innerJoin('providers', 'providers.id', 'articles.provider_id')
        .selectAll('articles')
        .select(providerColumns)
        .where('articles.id', '<', beforeId ?? 2_147_483_647)
        .orderBy('articles.id', 'desc')
        .limit(Math.min(Math.max(1, limit), 1000))
        .execute();
      return withProvider(rows);
    },

    async findStamps(providerId, guids) {
      const stamps = new Map<string, ArticleStamp>();
      if (guids.length === 0) return stamps;
      const rows = await db
        .selectFrom('articles')
        .select(['id', 'guid', 'source_hash', 'published_at', 'updated_at'])
        .where('provider_id', '=', providerId)
        .where('guid', 'in', [...new Set(guids)])
        .execute();
      for (const r of rows) stamps.set(r.guid, { id: r.id, guid: r.guid, sourceHash: r.source_hash, publishedAt: toDate(r.published_at), updatedAt: toDate(r.updated_at) });
      return stamps;
    },

    async setStatus(id, status) {
      await write(async (tx, effects) => {
        const before = await tx.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirst();
        if (!before) throw new GazetteError('NOT_FOUND', `No article with id ${id}.`);
        // An editor's decision ends any embargo: the job never publishes what was set by hand.
        await tx.updateTable('articles').set({ status, embargoed_until: null }).where('id', '=', id).execute();
        // Partners hear that a story left (taken down or unpublished) or came back.
        if (before.status !== status) effects.event(id, status === 'published' ? 'restored' : 'taken_down');
        // A takedown leaves every listing and cached page in the same commit.
        effects.touchArticle(id);
        // A hidden version links nothing, a restored one what it linked: its story may split or rejoin.
        if (before.status !== status) await reclusterAround(tx, effects, [id]);
      });
    },

    async pendingLeadImages(limit) {
      // The partial index of migration 0015 holds exactly these rows.
      const rows = await db
        .selectFrom('articles')
        .select(['id', 'lead_image_url'])
        .where('lead_image_status', '=', 'pending')
        .orderBy('id', 'desc')
        .limit(Math.min(Math.max(1, limit), 1000))
        .execute();
      return rows.filter((r) => r.lead_image_url !== null).map((r) => ({ articleId: r.id, url: r.lead_image_url! }));
    },

    async recordLeadImage(id, url, measured) {
      return write(async (tx, effects) => {
        const result = await tx
          .updateTable('articles')
          .set(measured ? { lead_image_status: 'ready', lead_image_width: measured.width, lead_image_height: measured.height } : { lead_image_status: 'failed', lead_image_width: null, lead_image_height: null })
          .where('id', '=', id)
          // The provider may have named another picture since this one was fetched.
          .where('lead_image_url', '=', url)
          .executeTakeFirst();
        const changed = Number(result.numUpdatedRows) > 0;
        // Pages and listings showing the story get the picture (or lose the placeholder).
        if (changed) effects.touchArticle(id);
        return changed;
      });
    },

    async releaseEmbargoes(now, limit = 500) {
      const due = toTimestamp(now);
      const rows = await db
        .selectFrom('articles')
        .select('id')
        .where('embargoed_until', '<=', due)
        .orderBy('embargoed_until')
        .limit(Math.min(Math.max(1, limit), 5000))
        .execute();
      const released: number[] = [];
      for (const { id } of rows) {
        // One short transaction per article, checked again inside it: another node may have
        // released it, or an editor taken it down, since the query.
        const done = await write(async (tx, effects) => {
          const result = await tx
            .updateTable('articles')
            .set({ status: 'published', embargoed_until: null })
            .where('id', '=', id)
            .where('status', '=', 'unpublished')
            .where('embargoed_until', '<=', due)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) === 0) return false;
          effects.touchArticle(id);
          // Out of embargo, it links the versions it matched when it was stored.
          await reclusterAround(tx, effects, [id]);
          return true;
        });
        if (done) released.push(id);
      }
      return released;
    },

    async count() {
      const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

/** Category slugs of each article, primary first. */
async function categoriesOf(db: Kysely<Database>, ids: number[]): Promise<Map<number, string[]>> {
  const byArticle = new Map<number, string[]>();
  if (ids.length === 0) return byArticle;
  // Sorted here, not in SQL: an article has a handful of categories, and the key
  // (article_id, category_slug) does not hold the position.
  const rows = (
    await db.selectFrom('article_categories').select(['article_id', 'category_slug', 'position']).where('article_id', 'in', ids).execute()
  ).sort((a, b) => a.article_id - b.article_id || a.position - b.position);
  for (const row of rows) {
    const list = byArticle.get(row.article_id) ?? [];
    list.push(row.category_slug);
    byArticle.set(row.article_id, list);
  }
  return byArticle;
}

/** True when an update would change nothing a reader or a listing sees. */
/** Status and embargo of an updated article: see the comment where it is used. */
function embargoUpdate(existing: Selectable<ArticlesTable>, draft: ArticleDraft): Pick<Selectable<ArticlesTable>, 'status' | 'embargoed_until'> {
  if (existing.embargoed_until === null) return { status: existing.status, embargoed_until: null };
  return draft.embargoedUntil
    ? { status: 'unpublished', embargoed_until: toTimestamp(draft.embargoedUntil) }
    : { status: draft.status, embargoed_until: null };
}

function sameContent(before: Article, draft: ArticleDraft): boolean {
  return (
    (before.copyrightNotice ?? null) === (draft.copyrightNotice ?? null) &&
    (before.usageTerms ?? null) === (draft.usageTerms ?? null) &&
    JSON.stringify(before.agencyMeta ?? null) === JSON.stringify(draft.agencyMeta ?? null) &&
    (before.embargoedUntil?.getTime() ?? null) === (draft.embargoedUntil?.getTime() ?? null) &&
    before.contentHash === draft.contentHash &&
    before.headline === draft.headline &&
    before.summary === draft.summary &&
    before.bodyHtml === draft.bodyHtml &&
    before.byline === draft.byline &&
    before.dateline === draft.dateline &&
    before.sourceUrl === draft.sourceUrl &&
    before.language === draft.language &&
    before.publishedAt.getTime() === draft.publishedAt.getTime() &&
    before.updatedAt.getTime() === draft.updatedAt.getTime() &&
    before.categories.join(',') === [...new Set(draft.categories)].join(',') &&
    sameLeadImage(before, draft)
  );
}

/** The lead image columns a draft sets (its measured size is kept or reset by the caller). */
function leadImageColumns(draft: ArticleDraft) {
  const image = draft.leadImage ?? null;
  return {
    lead_image_url: image?.url ?? null,
    lead_image_alt: image?.alt ?? null,
    lead_image_caption: image?.caption ?? null,
    lead_image_credit: image?.credit ?? null,
  };
}

/**
 * An update keeps what was measured of the same picture; a new picture is fetched again
 * (pending), and no picture has no status.
 */
function keptMeasurement(existing: Selectable<ArticlesTable>, url: string | null) {
  if (url === null) return { lead_image_status: null, lead_image_width: null, lead_image_height: null };
  if (url === existing.lead_image_url) return {};
  return { lead_image_status: 'pending', lead_image_width: null, lead_image_height: null };
}

function sameLeadImage(before: Article, draft: ArticleDraft): boolean {
  const a = before.leadImage;
  const b = draft.leadImage ?? null;
  if (!a || !b) return a === b;
  return a.url === b.url && a.alt === b.alt && a.caption === b.caption && a.credit === b.credit;
}
