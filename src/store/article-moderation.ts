import { sql, type Kysely, type Selectable } from 'kysely';
import type { ArticleStatus } from '../domain/article.js';
import type { Actor } from '../domain/audit.js';
import { GazetteError } from '../domain/errors.js';
import {
  articleEditSchema,
  takedownReasonSchema,
  type ArticleAdminCursor,
  type ArticleAdminFilter,
  type ArticleAdminRow,
  type ArticleEdit,
  type Takedown,
} from '../domain/moderation.js';
import { auditRepo } from './audit-repo.js';
import type { Writer } from './kysely-store.js';
import { toDate, toTimestamp } from './map-rows.js';
import type { ArticleTakedownsTable, Database } from './schema.js';
import { reclusterAround } from './cluster-split.js';

/** Editorial changes to stored articles; each one commits with its audit entry and its listings. */
export interface ArticleModeration {
  /**
   * Takes an article down: it leaves every listing, feed, sitemap and API answer in this
   * commit, its page answers 410, its story elects a new head. Kept with the reason, who and
   * when, so it can be restored. Taking down a taken-down article changes nothing.
   */
  takeDown(id: number, input: { reason: string; actor: Actor }): Promise<void>;
  /** Unpublishes an article: hidden everywhere as by a takedown, but its page is a plain 404. */
  unpublish(id: number, input: { reason: string; actor: Actor }): Promise<void>;
  /** Publishes a taken-down or unpublished article again, everywhere it was. */
  restore(id: number, input: { actor: Actor }): Promise<void>;
  /** Corrects headline, summary and categories; the id, slug and so the URL stay. */
  edit(id: number, edit: ArticleEdit, actor: Actor): Promise<void>;
  /** The takedowns and unpublications of an article, newest first. */
  takedownsOf(id: number): Promise<Takedown[]>;
  /** A page of the admin article list, by one index range: newest id first, or by headline with a prefix. */
  adminPage(filter: ArticleAdminFilter, cursor?: ArticleAdminCursor, limit?: number): Promise<{ rows: ArticleAdminRow[]; next: ArticleAdminCursor | null }>;
}

/** How much of a headline the prefix index holds (migration 0019). */
const HEADLINE_KEY_LENGTH = 100;

function toTakedown(row: Selectable<ArticleTakedownsTable>): Takedown {
  return {
    id: row.id,
    articleId: row.article_id,
    status: row.status as Takedown['status'],
    reason: row.reason,
    actorLabel: row.actor_label,
    at: toDate(row.at),
    restoredAt: row.restored_at === null ? null : toDate(row.restored_at),
    restoredBy: row.restored_by,
  };
}

function invalid(error: { issues: { message: string }[] }): GazetteError {
  return new GazetteError('VALIDATION_FAILED', error.issues.map((i) => i.message).join(' '), { details: error.issues });
}

/** Article moderation on any engine; every write goes through the store's writer, so listings, caches and indexes follow. */
/** The lead-image columns an edit writes: a new URL waits to be fetched and measured; "" removes the picture. */
function imageColumns(image: { url: string; alt: string; caption: string; credit: string }, beforeUrl: string) {
  if (image.url === '') return { lead_image_url: null, lead_image_alt: null, lead_image_caption: null, lead_image_credit: null, lead_image_status: null, lead_image_width: null, lead_image_height: null };
  const texts = { lead_image_url: image.url, lead_image_alt: image.alt || null, lead_image_caption: image.caption || null, lead_image_credit: image.credit || null };
  return image.url === beforeUrl ? texts : { ...texts, lead_image_status: 'pending', lead_image_width: null, lead_image_height: null };
}

export function articleModeration(db: Kysely<Database>, write: Writer): ArticleModeration {
  async function current(tx: Kysely<Database>, id: number) {
    const row = await tx.selectFrom('articles').select(['id', 'status', 'provider_id', 'headline']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new GazetteError('NOT_FOUND', `There is no article with id ${id}.`);
    return row;
  }

  /** Ends the open takedown record, if any (a restore, or a takedown replacing an unpublication). */
  async function closeOpen(tx: Kysely<Database>, id: number, by: string, at: string) {
    await tx.updateTable('article_takedowns').set({ restored_at: at, restored_by: by }).where('article_id', '=', id).where('restored_at', 'is', null).execute();
  }

  async function hide(id: number, status: 'taken_down' | 'unpublished', reason: string, actor: Actor) {
    const parsed = takedownReasonSchema.safeParse(reason);
    if (!parsed.success) throw invalid(parsed.error);
    await write(async (tx, effects) => {
      const before = await current(tx, id);
      if (before.status === status) return;
      const at = toTimestamp(new Date());
      await closeOpen(tx, id, actor.label, at);
      // An editor's decision ends any embargo: the embargo job never publishes what was hidden by hand.
      await tx.updateTable('articles').set({ status, embargoed_until: null }).where('id', '=', id).execute();
      await tx.insertInto('article_takedowns').values({ article_id: id, status, reason: parsed.data, actor_label: actor.label, at, restored_at: null, restored_by: null }).execute();
      await auditRepo(tx).record({
        actorId: actor.id,
        actorLabel: actor.label,
        action: status === 'taken_down' ? 'article.take_down' : 'article.unpublish',
        subjectType: 'article',
        subjectId: String(id),
        providerId: before.provider_id,
        summary: `${status === 'taken_down' ? 'Took down' : 'Unpublished'} “${before.headline}”: ${parsed.data}`,
        before: { status: before.status },
        after: { status, reason: parsed.data },
      });
      effects.touchArticle(id);
      // A hidden version no longer links the versions it joined: its story may split.
      await reclusterAround(tx, effects, [id]);
      // Partners' webhooks hear that the story left.
      effects.event(id, 'taken_down');
    });
  }

  return {
    takeDown: (id, { reason, actor }) => hide(id, 'taken_down', reason, actor),
    unpublish: (id, { reason, actor }) => hide(id, 'unpublished', reason, actor),

    async restore(id, { actor }) {
      await write(async (tx, effects) => {
        const before = await current(tx, id);
        if (before.status === 'published') return;
        await closeOpen(tx, id, actor.label, toTimestamp(new Date()));
        await tx.updateTable('articles').set({ status: 'published', embargoed_until: null }).where('id', '=', id).execute();
        await auditRepo(tx).record({
          actorId: actor.id,
          actorLabel: actor.label,
          action: 'article.restore',
          subjectType: 'article',
          subjectId: String(id),
          providerId: before.provider_id,
          summary: `Restored “${before.headline}”`,
          before: { status: before.status },
          after: { status: 'published' as ArticleStatus },
        });
        effects.touchArticle(id);
        // Shown again, it links what it linked before: the parts it held together rejoin.
        await reclusterAround(tx, effects, [id]);
        effects.event(id, 'restored');
      });
    },

    async edit(id, input, actor) {
      const parsed = articleEditSchema.safeParse(input);
      if (!parsed.success) throw invalid(parsed.error);
      const edit = { ...parsed.data, categories: [...new Set(parsed.data.categories)] };
      await write(async (tx, effects) => {
        const row = await tx
          .selectFrom('articles')
          .select(['id', 'provider_id', 'headline', 'summary', 'lead_image_url', 'lead_image_alt', 'lead_image_caption', 'lead_image_credit'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) throw new GazetteError('NOT_FOUND', `There is no article with id ${id}.`);
        const categories = (
          await tx.selectFrom('article_categories').select(['category_slug', 'position']).where('article_id', '=', id).execute()
        )
          .sort((a, b) => a.position - b.position)
          .map((c) => c.category_slug);
        if (edit.categories.length > 0) {
          const known = await tx.selectFrom('categories').select('slug').where('slug', 'in', edit.categories).execute();
          const unknown = edit.categories.filter((slug) => !known.some((k) => k.slug === slug));
          if (unknown.length > 0) throw new GazetteError('VALIDATION_FAILED', `No such category: ${unknown.join(', ')}.`);
        }
        const image = { url: row.lead_image_url ?? '', alt: row.lead_image_alt ?? '', caption: row.lead_image_caption ?? '', credit: row.lead_image_credit ?? '' };
        const before = { headline: row.headline, summary: row.summary, categories, ...(edit.image && { image }) };
        if (JSON.stringify(before) === JSON.stringify(edit)) return;
        // The slug stays: the URL of an article never changes with an edit.
        await tx.updateTable('articles').set({ headline: edit.headline, summary: edit.summary, ...(edit.image && imageColumns(edit.image, image.url)) }).where('id', '=', id).execute();
        await tx.deleteFrom('article_categories').where('article_id', '=', id).execute();
        if (edit.categories.length > 0) {
          await tx.insertInto('article_categories').values(edit.categories.map((slug, position) => ({ article_id: id, category_slug: slug, position }))).execute();
        }
        const changed = (Object.keys(edit) as (keyof typeof edit)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(edit[k]));
        await auditRepo(tx).record({
          actorId: actor.id,
          actorLabel: actor.label,
          action: 'article.edit',
          subjectType: 'article',
          subjectId: String(id),
          providerId: row.provider_id,
          summary: `Edited ${changed.join(', ')} of “${edit.headline}”`,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, edit[k]])),
        });
        effects.touchArticle(id);
        effects.event(id, 'updated');
      });
    },

    async takedownsOf(id) {
      const rows = await db.selectFrom('article_takedowns').selectAll().where('article_id', '=', id).orderBy('article_id').orderBy('id', 'desc').execute();
      return rows.map(toTakedown);
    },

    async adminPage(filter, cursor, limit = 50) {
      const size = Math.min(Math.max(1, limit), 100);
      let query = db
        .selectFrom('articles as a')
        .innerJoin('providers as p', 'p.id', 'a.provider_id')
        .select(['a.id', 'a.slug', 'a.headline', 'a.status', 'a.published_at', 'p.id as p_id', 'p.slug as p_slug', 'p.name as p_name'])
        .where('a.status', '=', filter.status);
      if (filter.providerId !== undefined) query = query.where('a.provider_id', '=', filter.providerId);
      const prefix = filter.headlinePrefix?.trim().slice(0, HEADLINE_KEY_LENGTH);
      if (prefix) {
        // A range on the (status, first 100 characters of the headline, id) index: everything
        // that starts with the prefix sorts between it and it followed by the highest character.
        const key = sql<string>`substr(a.headline, 1, ${sql.lit(HEADLINE_KEY_LENGTH)})`;
        query = query.where(key, '>=', prefix).where(key, '<', `${prefix}\u{10FFFF}`);
        if (cursor?.headline !== undefined) {
          const { headline, id } = cursor;
          query = query.where((eb) => eb(eb.tuple(key, eb.ref('a.id')), '>', eb.tuple(headline.slice(0, HEADLINE_KEY_LENGTH), id)));
        }
        query = query.orderBy(key).orderBy('a.id');
      } else {
        if (cursor) query = query.where('a.id', '<', cursor.id);
        query = query.orderBy('a.id', 'desc');
      }
      const rows = await query.limit(size + 1).execute();
      const shown = rows.slice(0, size);
      const last = shown.at(-1);
      return {
        rows: shown.map((r) => ({
          id: r.id,
          slug: r.slug,
          headline: r.headline,
          status: r.status as ArticleStatus,
          publishedAt: toDate(r.published_at),
          provider: { id: r.p_id, slug: r.p_slug, name: r.p_name },
        })),
        next: rows.length > size && last ? (prefix ? { id: last.id, headline: last.headline.slice(0, HEADLINE_KEY_LENGTH) } : { id: last.id }) : null,
      };
    },
  };
}
