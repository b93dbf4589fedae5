import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { providerInputSchema, type Provider, type ProviderInput } from '../domain/provider.js';
import { GazetteError } from '../domain/errors.js';
import { toProvider, toTimestamp } from './map-rows.js';
import type { Database } from './schema.js';
import type { Writer } from './kysely-store.js';
import type { ProviderRepo } from './store.js';

/** Providers on any engine. */
export function providerRepo(db: Kysely<Database>, write: Writer): ProviderRepo {
  const findById = async (id: number) => {
    const row = await db.selectFrom('providers').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toProvider(row);
  };
  return {
    async create(input: ProviderInput): Promise<Provider> {
      const p = providerInputSchema.parse(input);
      const existing = await db.selectFrom('providers').select('id').where('slug', '=', p.slug).executeTakeFirst();
      if (existing) throw new GazetteError('PROVIDER_EXISTS', `A provider with slug "${p.slug}" already exists.`);
      const row = await db
        .insertInto('providers')
        .values({
          slug: p.slug,
          name: p.name,
          homepage: p.homepage,
          contact_email: p.contactEmail,
          disclaimer: p.disclaimer,
          created_at: toTimestamp(new Date()),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toProvider(row);
    },
    async update(id, input) {
      const p = providerInputSchema.partial().parse(input);
      await write(async (tx, effects) => {
        await tx
        .updateTable('providers')
        .set({
          ...(p.slug !== undefined && { slug: p.slug }),
          ...(p.name !== undefined && { name: p.name }),
          ...(p.homepage !== undefined && { homepage: p.homepage }),
          ...(p.contactEmail !== undefined && { contact_email: p.contactEmail }),
          ...(p.disclaimer !== undefined && { disclaimer: p.disclaimer }),
        })
        .where('id', '=', id)
        .execute();
        // The provider's name and disclaimer show on its stories' pages and every teaser.
        effects.tag('*');
      });
      const updated = await findById(id);
      if (!updated) throw new GazetteError('NOT_FOUND', `No provider with id ${id}.`);
      return updated;
    },
    async setLogo(id, logo) {
      await write(async (tx, effects) => {
        const before = await tx.selectFrom('providers').select('logo_asset').where('id', '=', id).executeTakeFirst();
        if (!before) throw new GazetteError('NOT_FOUND', `No provider with id ${id}.`);
        const source = logo ? `asset:logo-${createHash('sha256').update(logo.bytes).digest('hex')}` : null;
        if (logo && source) {
          await tx
            .insertInto('image_assets')
            .values({ id: source, bytes: logo.bytes, created_at: toTimestamp(new Date()) })
            .onConflict((oc) => oc.column('id').doNothing())
            .execute();
        }
        await tx
          .updateTable('providers')
          .set({ logo_asset: source, logo_width: logo?.width ?? null, logo_height: logo?.height ?? null })
          .where('id', '=', id)
          .execute();
        // The old picture goes when no provider shows it any more (two may upload the same file).
        const old = before.logo_asset;
        if (old && old !== source) {
          const stillShown = await tx.selectFrom('providers').select('id').where('logo_asset', '=', old).executeTakeFirst();
          if (!stillShown) await tx.deleteFrom('image_assets').where('id', '=', old).execute();
        }
        // The logo shows on the provider's page and every one of its stories' pages.
        effects.tag('*');
      });
      const updated = await findById(id);
      if (!updated) throw new GazetteError('NOT_FOUND', `No provider with id ${id}.`);
      return updated;
    },
    async logoBytes(source) {
      const row = await db.selectFrom('image_assets').select('bytes').where('id', '=', source).executeTakeFirst();
      return row && new Uint8Array(row.bytes);
    },
    findById,
    async findBySlug(slug) {
      const row = await db.selectFrom('providers').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row && toProvider(row);
    },
    async list() {
      const rows = await db.selectFrom('providers').selectAll().orderBy('name').execute();
      return rows.map(toProvider);
    },
  };
}
