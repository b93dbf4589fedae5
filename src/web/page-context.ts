import type { Context } from 'hono';
import type { Category } from '../domain/category.js';
import { z } from 'zod';
import type { AppDeps } from './deps.js';
import type { LayoutProps } from './views/layout.js';

/**
 * The taxonomy changes only when an editor or a release changes it, yet every page shows
 * it; a minute-old copy saves a query on every request (and stays correct across nodes).
 */
const CATEGORY_TTL_MS = 60_000;
const categoryCache = new WeakMap<AppDeps['store'], { at: number; list: Promise<Category[]> }>();

/** The category list, from a cache at most a minute old. */
export function categoriesOf(deps: AppDeps): Promise<Category[]> {
  const cached = categoryCache.get(deps.store);
  if (cached && Date.now() - cached.at < CATEGORY_TTL_MS) return cached.list;
  const list = deps.store.categories.list();
  categoryCache.set(deps.store, { at: Date.now(), list });
  list.catch(() => categoryCache.delete(deps.store));
  return list;
}

/** The layout properties every page shares: site name and the category navigation. */
export async function layoutBase(deps: AppDeps): Promise<Pick<LayoutProps, 'siteName' | 'categories'>> {
  return { siteName: deps.config.siteName, categories: await categoriesOf(deps) };
}

const pageQuery = z.coerce.number().int().min(1).max(10_000).catch(1);

/** The `?page=` of a listing: a positive whole number, 1 when missing or invalid. */
export function pageNumber(c: Context): number {
  return pageQuery.parse(c.req.query('page') ?? 1);
}

/** A page number beyond the last page of a listing: a 404, not an empty page that says "no stories". */
export function isPastTheEnd(listing: { page: number; items: unknown[] }): boolean {
  return listing.page > 1 && listing.items.length === 0;
}
