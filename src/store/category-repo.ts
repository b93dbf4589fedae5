import type { Kysely } from 'kysely';
import { categorySchema, type Category } from '../domain/category.js';
import type { Database } from './schema.js';
import type { Writer } from './kysely-store.js';
import type { CategoryRepo } from './store.js';

const toCategory = (row: { slug: string; name: string; iptc_code: string | null }): Category => ({
  slug: row.slug,
  name: row.name,
  iptcCode: row.iptc_code,
});

/** The category taxonomy on any engine. */
export function categoryRepo(db: Kysely<Database>, write: Writer): CategoryRepo {
  return {
    async upsert(input) {
      const c = categorySchema.parse(input);
      const existing = await db.selectFrom('categories').selectAll().where('slug', '=', c.slug).executeTakeFirst();
      // Start-up seeds the taxonomy every time: an unchanged category is no change at all.
      if (existing && existing.name === c.name && existing.iptc_code === c.iptcCode) return c;
      await write(async (tx, effects) => {
        await tx
          .insertInto('categories')
          .values({ slug: c.slug, name: c.name, iptc_code: c.iptcCode })
          .onConflict((oc) => oc.column('slug').doUpdateSet({ name: c.name, iptc_code: c.iptcCode }))
          .execute();
        // Every page's navigation names the categories.
        effects.tag('*');
      });
      return c;
    },
    async findBySlug(slug) {
      const row = await db.selectFrom('categories').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row && toCategory(row);
    },
    async list() {
      return (await db.selectFrom('categories').selectAll().orderBy('name').execute()).map(toCategory);
    },
  };
}
