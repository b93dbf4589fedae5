import { sql, type Compilable, type Kysely } from 'kysely';
import type { ArticleEntity, ArticleQuote, Entity, EntityMention, EntityType, Quote, StoredQuote } from '../domain/entity.js';
import { toDate } from './map-rows.js';
import type { Database } from './schema.js';
import type { Writer } from './kysely-store.js';
import { insertTogether } from './insert-together.js';
import type { Engine } from './store.js';

/** Entities (people, organisations, places), their mentions per article, and quotes. */
export interface EntityRepo {
  /**
   * Replaces an article's entities and quotes with these. Entities are shared by slug: the
   * first article to name one fixes its canonical name and type.
   */
  saveForArticle(articleId: number, entities: EntityMention[], quotes: Quote[], options?: NewArticle): Promise<void>;
  findBySlug(slug: string): Promise<Entity | undefined>;
  /** An article's entities, most mentioned first. */
  ofArticle(articleId: number): Promise<ArticleEntity[]>;
  /** An article's quotes in order. */
  quotesOfArticle(articleId: number): Promise<ArticleQuote[]>;
  /** Quotes the entity spoke in published articles, newest first. */
  /**
   * The entity's latest quotes in published articles, most recently received first: an
   * index range scan on (speaker, article), however many quotes the archive holds.
   */
  quotesBy(entityId: number, limit?: number): Promise<StoredQuote[]>;
}

const MAX_QUOTES = 100;

/** Told by a writer that has just created the article: nothing of it is stored yet to look up or replace. */
export interface NewArticle {
  fresh?: boolean;
}

/** The entity repository over any engine; callers wrap `saveForArticle` in the article's transaction. */
export function entityRepo(db: Kysely<Database>, engine: Engine, write: Writer): EntityRepo {
  const toEntity = (r: { id: number; slug: string; name: string; type: string }): Entity => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    type: r.type as EntityType,
  });

  return {
    saveForArticle(articleId, entities, quotes, options = {}) {
      return write(async (tx, effects) => {
        effects.touchArticle(articleId);
        if (!options.fresh) {
          // The entity pages this article appeared on, before and after, show its quotes.
          const before = await tx.selectFrom('article_entities').select('entity_id').where('article_id', '=', articleId).execute();
          effects.tag(...before.map((e) => `scope:entity:${e.entity_id}`));
          await tx.deleteFrom('quotes').where('article_id', '=', articleId).execute();
          await tx.deleteFrom('article_entities').where('article_id', '=', articleId).execute();
        }
        const bySlug = new Map(entities.map((e) => [e.slug, e]));
        if (bySlug.size === 0 && quotes.length === 0) return;
        const slugs = [...bySlug.keys()];
        const ids = await entityIds(tx, engine, slugs.map((slug) => ({ slug, name: bySlug.get(slug)!.name, type: bySlug.get(slug)!.type })));
        effects.tag(...[...ids.values()].map((id) => `scope:entity:${id}`));
        const inserts: Compilable[] = [];
        if (ids.size > 0) {
          inserts.push(
            tx
              .insertInto('article_entities')
              .values([...ids].map(([slug, id]) => ({ article_id: articleId, entity_id: id, mentions: bySlug.get(slug)!.mentions, role: bySlug.get(slug)!.role }))),
          );
        }
        if (quotes.length > 0) {
          inserts.push(
            tx.insertInto('quotes').values(
              quotes.map((q, i) => ({
                article_id: articleId,
                position: i,
                text: q.text,
                speaker_entity_id: q.speakerSlug ? (ids.get(q.speakerSlug) ?? null) : null,
                speaker_name: q.speakerName,
              })),
            ),
          );
        }
        // One statement on PostgreSQL (insert-together.ts).
        await insertTogether(tx, engine, inserts);
      });
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
        .execute();
      // Sorted here: an article names a few dozen entities at most, and no index holds this order.
      rows.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
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

    async quotesBy(entityId, limit = 10) {
      const rows = await db
        .selectFrom('quotes')
        .innerJoin('articles', 'articles.id', 'quotes.article_id')
        .leftJoin('entities', 'entities.id', 'quotes.speaker_entity_id')
        .select(['quotes.text', 'quotes.position', 'quotes.speaker_name', 'entities.slug as e_slug', 'entities.name as e_name', 'articles.id as a_id', 'articles.slug as a_slug', 'articles.headline', 'articles.published_at'])
        .where('quotes.speaker_entity_id', '=', entityId)
        .where('articles.status', '=', 'published')
        // The order of the (speaker_entity_id, article_id) index: no sort, however many quotes.
        .orderBy('quotes.speaker_entity_id', 'desc')
        .orderBy('quotes.article_id', 'desc')
        .limit(Math.min(Math.max(1, limit), MAX_QUOTES))
        .execute();
      return rows.map((r) => ({
        text: r.text,
        position: r.position,
        speakerSlug: r.e_slug,
        speakerName: r.e_name ?? r.speaker_name,
        articleId: r.a_id,
        articleSlug: r.a_slug,
        articleHeadline: r.headline,
        publishedAt: toDate(r.published_at),
      }));
    },
  };
}

/**
 * The ids of these entities by slug, each inserted when missing (the first article to name
 * one fixes its name and type). PostgreSQL inserts and reads in one statement: the insert
 * returns the entities it created, and the same statement's read, which cannot see them,
 * returns those that were there. An entity another transaction created while this one waited
 * on it is in neither; it is read again on its own.
 */
async function entityIds(tx: Kysely<Database>, engine: Engine, wanted: readonly { slug: string; name: string; type: string }[]): Promise<Map<string, number>> {
  if (wanted.length === 0) return new Map();
  const slugs = wanted.map((e) => e.slug);
  const insert = tx.insertInto('entities').values([...wanted]).onConflict((oc) => oc.column('slug').doNothing());
  const read = (some: string[]) => tx.selectFrom('entities').select(['id', 'slug']).where('slug', 'in', some).execute();
  if (engine !== 'postgres') {
    await insert.execute();
    return new Map((await read(slugs)).map((r) => [r.slug, r.id]));
  }
  const { rows } = await sql<{ id: number; slug: string }>`
    with created as (${insert.returning(['id', 'slug'])})
    select id, slug from created union all select id, slug from entities where slug = any(${slugs}::text[])`.execute(tx);
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  const missing = slugs.filter((slug) => !ids.has(slug));
  if (missing.length > 0) for (const r of await read(missing)) ids.set(r.slug, r.id);
  return ids;
}
