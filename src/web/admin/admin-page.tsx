import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { setNotice, takeNotice } from './admin-cookies.js';
import type { AdminEnv } from './admin-env.js';
import { AdminLayout } from './admin-layout.js';

/** Options of one admin page. */
export interface AdminPageOptions {
  title: string;
  status?: number;
  /** A message to show above the page (else the one a redirect left, if any). */
  notice?: string;
}

/**
 * Renders an admin page in the shared layout, with the signed-in user's nav and the pending
 * notice. Every admin page (and the queues built on it) answers through this.
 */
export function adminPage(c: Context<AdminEnv>, options: AdminPageOptions, children: Child) {
  const user = c.get('user');
  const notice = options.notice ?? takeNotice(c, c.get('secureCookies'));
  return c.html(
    <AdminLayout
      siteName={c.get('siteName')}
      title={options.title}
      user={user}
      csrfToken={user ? c.get('csrfToken') : undefined}
      path={new URL(c.req.url).pathname}
      notice={notice}
    >
      {children}
    </AdminLayout>,
    (options.status ?? 200) as 200,
  );
}

/** Redirects after a successful form (POST/redirect/GET), leaving a one-line notice for the next page. */
export function doneRedirect(c: Context<AdminEnv>, to: string, notice: string) {
  setNotice(c, notice, c.get('secureCookies'));
  return c.redirect(to, 303);
}
