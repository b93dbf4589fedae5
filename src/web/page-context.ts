import type { Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from './deps.js';
import type { LayoutProps } from './views/layout.js';

/** The layout properties every page shares: site name and the category navigation. */
export async function layoutBase(deps: AppDeps): Promise<Pick<LayoutProps, 'siteName' | 'categories'>> {
  return { siteName: deps.config.siteName, categories: await deps.store.categories.list() };
}

const pageQuery = z.coerce.number().int().min(1).max(10_000).catch(1);

/** The `?page=` of a listing: a positive whole number, 1 when missing or invalid. */
export function pageNumber(c: Context): number {
  return pageQuery.parse(c.req.query('page') ?? 1);
}
