import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { articleDraftSchema, slugify, type Article, type ArticleDraft } from '../domain/article.js';
import { GazetteError } from '../domain/errors.js';
import { toArticle, toDate, toTimestamp } from './map-rows.js';
import type { ArticlesTable, Database } from './schema.js';
import type { ArticleQuery, ArticleRepo, ArticleStamp, Page, UpsertResult } from './store.js';
import type { ArticleWithProvider } from '../domain/article.js';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/**
 * Articles on any engine. Callers run `upsert` inside `Store.transaction` when it must
 * commit together with other writes; on its own each call is atomic per statement and
 * the category rows are replaced in the same transaction as the article row.
 */
export function articleRepo(db: Kysely<Database>, inTransaction: <T>(work: (db: Kysely<Database>) => Promise<T>) => Promise<T>): ArticleRepo {
  async function withCategories(rows: Selectable<ArticlesTable>[]): Promise<Article[]> {
    const cats = await categoriesOf(db, rows.map((r) => r.id));
    return rows.map((r) => toArticle(r, cats.get(r.id) ?? []));
  }

  const providerColumns = [
    'providers.slug as p_slug',
    'providers.name as p_name',
    'providers.disclaimer as p_disclaimer',
  ] as const;

  type JoinedRow = Selectable<ArticlesTable> & { p_slug: string; p_name: string; p_disclaimer: string };

  async function withProvider(rows: JoinedRow[]): Promise<ArticleWithProvider[]> {
    const articles = await withCategories(rows);
    return articles.map((a, i) => {
      const r = rows[i]!;
      return { ...a, provider: { id: a.providerId, slug: r.p_slug, name: r.p_name, disclaimer: r.p_disclaimer } };
    });
  }

  return {
    async upsert(input: ArticleDraft): Promise<UpsertResult> {
      const parsed = articleDraftSchema.safeParse(input);
      if (!parsed.success) {
        throw new GazetteError('VALIDATION_FAILED', 'The article is not valid.', { details: parsed.error.issues });
      }
      const draft = input;
      return inTransaction(async (tx) => {
        const findExisting = () =>
          tx
            .selectFrom('articles')
            .selectAll()
            .where('provider_id', '=', draft.providerId)
            .where('guid', '=', draft.guid)
            .executeTakeFirst();
        let existing = await findExisting();
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
        };
        let row: Selectable<ArticlesTable>;
        let outcome: UpsertResult['outcome'];
        // Two writers may insert the same item at once (two feeds of one provider, two
        // nodes): the loser of the race finds the winner's row and updates it instead.
        const inserted = existing
          ? undefined
          : await tx
              .insertInto('articles')
              .values({ ...values, ingested_at: toTimestamp(new Date()) })
              .onConflict((oc) => oc.columns(['provider_id', 'guid']).doNothing())
              .returningAll()
              .executeTakeFirst();
        if (!existing && !inserted) existing = await findExisting();
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
            .set({ ...values, status: existing.status })
            .where('id', '=', existing.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          outcome = 'updated';
          await tx.deleteFrom('article_categories').where('article_id', '=', row.id).execute();
        }
        if (draft.categories.length > 0) {
          await tx
            .insertInto('article_categories')
            .values(
              [...new Set(draft.categories)].map((slug, position) => ({
                article_id: row.id,
                category_slug: slug,
                position,
              })),
            )
            .execute();
        }
        return { article: toArticle(row, [...new Set(draft.categories)]), outcome };
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
    async list(query: ArticleQuery = {}): Promise<Page<ArticleWithProvider>> {
      const pageSize = Math.min(Math.max(1, query.pageSize ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
      const page = Math.max(1, Math.floor(query.page ?? 1));
      const status = query.status ?? 'published';
      let base = db.selectFrom('articles').innerJoin('providers', 'providers.id', 'articles.provider_id');
      if (status !== 'any') base = base.where('articles.status', '=', status);
      if (query.providerId !== undefined) base = base.where('articles.provider_id', '=', query.providerId);
      if (query.categorySlug !== undefined) {
        const slug = query.categorySlug;
        base = base.where('articles.id', 'in', (eb) =>
          eb.selectFrom('article_categories').select('article_id').where('category_slug', '=', slug),
        );
      }
      if (query.entitySlug !== undefined) {
        const slug = query.entitySlug;
        base = base.where('articles.id', 'in', (eb) =>
          eb
            .selectFrom('article_entities')
            .innerJoin('entities', 'entities.id', 'article_entities.entity_id')
            .select('article_entities.article_id')
            .where('entities.slug', '=', slug),
        );
      }
      if (status === 'published') base = base.where(({ not, exists }) => not(exists(earlierVersion(query.providerId !== undefined))));
      const [rows, totalRow] = await Promise.all([
        base
          .selectAll('articles')
          .select(providerColumns)
          .orderBy('articles.published_at', 'desc')
          .orderBy('articles.id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: await withProvider(rows), page, pageSize, total: Number(totalRow.n) };
    },

    async setStatus(id, status) {
      const result = await db.updateTable('articles').set({ status }).where('id', '=', id).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new GazetteError('NOT_FOUND', `No article with id ${id}.`);
    },

    async count() {
      const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

/**
 * A story cluster shows once in a listing, under its earliest published version: this
 * finds an earlier published member of the listed article's cluster. On a provider's page
 * only that provider's own versions count, so each provider still lists its own story.
 */
function earlierVersion(sameProvider: boolean) {
  return (eb: ExpressionBuilder<Database, 'articles' | 'providers'>) => {
    let q = eb
      .selectFrom('article_clusters as mine')
      .innerJoin('article_clusters as other', 'other.cluster_id', 'mine.cluster_id')
      .innerJoin('articles as earlier', 'earlier.id', 'other.article_id')
      .select('earlier.id')
      .whereRef('mine.article_id', '=', 'articles.id')
      .where('earlier.status', '=', 'published')
      .where((e) =>
        e.or([
          e('earlier.published_at', '<', e.ref('articles.published_at')),
          e.and([e('earlier.published_at', '=', e.ref('articles.published_at')), e('earlier.id', '<', e.ref('articles.id'))]),
        ]),
      );
    if (sameProvider) q = q.whereRef('earlier.provider_id', '=', 'articles.provider_id');
    return q;
  };
}

/** Category slugs of each article, primary first. */
async function categoriesOf(db: Kysely<Database>, ids: number[]): Promise<Map<number, string[]>> {
  const byArticle = new Map<number, string[]>();
  if (ids.length === 0) return byArticle;
  const rows = await db
    .selectFrom('article_categories')
    .select(['article_id', 'category_slug'])
    .where('article_id', 'in', ids)
    .orderBy('article_id')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const list = byArticle.get(row.article_id) ?? [];
    list.push(row.category_slug);
    byArticle.set(row.article_id, list);
  }
  return byArticle;
}

/** True when an update would change nothing a reader or a listing sees. */
function sameContent(before: Article, draft: ArticleDraft): boolean {
  return (
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
    before.categories.join(',') === [...new Set(draft.categories)].join(',')
  );
}
