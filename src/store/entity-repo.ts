import type { Kysely } from 'kysely';
import type { ArticleEntity, ArticleQuote, Entity, EntityMention, EntityType, Quote, StoredQuote } from '../domain/entity.js';
import { toDate } from './map-rows.js';
import type { Database } from './schema.js';
import type { Page } from './store.js';

/** Entities (people, organisations, places), their mentions per article, and quotes. */
export interface EntityRepo {
  /**
   * Replaces an article's entities and quotes with these. Entities are shared by slug: the
   * first article to name one fixes its canonical name and type.
   */
  saveForArticle(articleId: number, entities: EntityMention[], quotes: Quote[]): Promise<void>;
  findBySlug(slug: string): Promise<Entity | undefined>;
  /** An article's entities, most mentioned first. */
  ofArticle(articleId: number): Promise<ArticleEntity[]>;
  /** An article's quotes in order. */
  quotesOfArticle(articleId: number): Promise<ArticleQuote[]>;
  /** Quotes the entity spoke in published articles, newest first. */
  quotesBy(entityId: number, page?: { page?: number; pageSize?: number }): Promise<Page<StoredQuote>>;
}

const MAX_PAGE_SIZE = 100;

/** The entity repository over any engine; callers wrap `saveForArticle` in the article's transaction. */
export function entityRepo(db: Kysely<Database>): EntityRepo {
  const toEntity = (r: { id: number; slug: string; name: string; type: string }): Entity => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    type: r.type as EntityType,
  });

  return {
    async saveForArticle(articleId, entities, quotes) {
      await db.deleteFrom('quotes').where('article_id', '=', articleId).execute();
      await db.deleteFrom('article_entities').where('article_id', '=', articleId).execute();
      const bySlug = new Map(entities.map((e) => [e.slug, e]));
      if (bySlug.size === 0 && quotes.length === 0) return;
      const slugs = [...bySlug.keys()];
      if (slugs.length > 0) {
        await db
          .insertInto('entities')
          .values(slugs.map((slug) => ({ slug, name: bySlug.get(slug)!.name, type: bySlug.get(slug)!.type })))
          .onConflict((oc) => oc.column('slug').doNothing())
          .execute();
      }
      const rows = slugs.length > 0 ? await db.selectFrom('entities').select(['id', 'slug']).where('slug', 'in', slugs).execute() : [];
      const ids = new Map(rows.map((r) => [r.slug, r.id]));
      if (rows.length > 0) {
        await db
          .insertInto('article_entities')
          .values(rows.map((r) => ({ article_id: articleId, entity_id: r.id, mentions: bySlug.get(r.slug)!.mentions, role: bySlug.get(r.slug)!.role })))
          .execute();
      }
      if (quotes.length > 0) {
        await db
          .insertInto('quotes')
          .values(
            quotes.map((q, i) => ({
              article_id: articleId,
              position: i,
              text: q.text,
              speaker_entity_id: q.speakerSlug ? (ids.get(q.speakerSlug) ?? null) : null,
              speaker_name: q.speakerName,
            })),
          )
          .execute();
      }
    },

    async findBySlug(slug) {
      const row = await db.selectFrom('entities').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row ? toEntity(row) : undefined;
    },

    async ofArticle(articleId) {
      const rows = await db
        .selectFrom('article_entities')
        .innerJoin('entities', 'entities.id', 'article_entities.entity_id')
        .select(['entities.id', 'entities.slug', 'entities.name', 'entities.type', 'article_entities.mentions', 'article_entities.role'])
        .where('article_entities.article_id', '=', articleId)
        .orderBy('article_entities.mentions', 'desc')
        .orderBy('entities.name')
        .execute();
      return rows.map((r) => ({ ...toEntity(r), mentions: r.mentions, role: r.role }));
    },

    async quotesOfArticle(articleId) {
      const rows = await db
        .selectFrom('quotes')
        .leftJoin('entities', 'entities.id', 'quotes.speaker_entity_id')
        .select(['quotes.text', 'quotes.position', 'quotes.speaker_name', 'entities.id as e_id', 'entities.slug as e_slug', 'entities.name as e_name', 'entities.type as e_type'])
        .where('quotes.article_id', '=', articleId)
        .orderBy('quotes.position')
        .execute();
      return rows.map((r) => ({
        text: r.text,
        position: r.position,
        speakerName: r.speaker_name,
        speaker: r.e_id !== null && r.e_slug !== null && r.e_name !== null && r.e_type !== null ? toEntity({ id: r.e_id, slug: r.e_slug, name: r.e_name, type: r.e_type }) : null,
      }));
    },

    async quotesBy(entityId, { page: requested = 1, pageSize: size = 20 } = {}) {
      const pageSize = Math.min(Math.max(1, size), MAX_PAGE_SIZE);
      const page = Math.max(1, Math.floor(requested));
      const base = db
        .selectFrom('quotes')
        .innerJoin('articles', 'articles.id', 'quotes.article_id')
        .leftJoin('entities', 'entities.id', 'quotes.speaker_entity_id')
        .where('quotes.speaker_entity_id', '=', entityId)
        .where('articles.status', '=', 'published');
      const [rows, total] = await Promise.all([
        base
          .select(['quotes.text', 'quotes.position', 'quotes.speaker_name', 'entities.slug as e_slug', 'entities.name as e_name', 'articles.id as a_id', 'articles.slug as a_slug', 'articles.headline', 'articles.published_at'])
          .orderBy('articles.published_at', 'desc')
          .orderBy('articles.id', 'desc')
          .orderBy('quotes.position')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({
          text: r.text,
          position: r.position,
          speakerSlug: r.e_slug,
          speakerName: r.e_name ?? r.speaker_name,
          articleId: r.a_id,
          articleSlug: r.a_slug,
          articleHeadline: r.headline,
          publishedAt: toDate(r.published_at),
        })),
        page,
        pageSize,
        total: Number(total.n),
      };
    },
  };
}
