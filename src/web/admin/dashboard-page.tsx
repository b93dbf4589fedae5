import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import type { AdminEnv } from './admin-env.js';
import { adminPage } from './admin-page.js';

/** GET /admin: the dashboard. */
export function dashboardPage(deps: AppDeps) {
  return async (c: Context<AdminEnv>) => {
    void deps;
    return adminPage(c, { title: 'Dashboard' }, <h1>Dashboard</h1>);
  };
}
