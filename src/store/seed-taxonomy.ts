import { taxonomy } from '../domain/taxonomy.js';
import type { Store } from './store.js';

/** Makes sure every category of the fixed taxonomy exists, with its current name. */
export async function seedTaxonomy(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    for (const category of taxonomy) await tx.categories.upsert(category);
  });
}
