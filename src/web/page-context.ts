import type { Context } from 'hono';
import type { Category } from '../domain/category.js';
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

/** The layout properties every page shares: site name, time settings and the category navigation. */
export async function layoutBase(deps: AppDeps): Promise<Pick<LayoutProps, 'siteName' | 'categories' | 'site'>> {
  return { siteName: deps.config.siteName, categories: await categoriesOf(deps), site: deps.config.site };
}
