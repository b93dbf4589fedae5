import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { AdminUser } from '../../domain/user.js';
import { CsrfFields } from './csrf-fields.js';

/** One entry of the admin navigation. */
interface NavEntry {
  href: string;
  label: string;
  /** Who sees it. */
  for: (user: AdminUser) => boolean;
}

const staff = (u: AdminUser) => u.role !== 'provider';
const everyone = () => true;

/**
 * The admin navigation. Queues (comments, complaints) are built on this foundation by the
 * comments work; a provider user sees its own provider's pages and complaints.
 */
export const ADMIN_NAV: readonly NavEntry[] = [
  { href: '/admin', label: 'Dashboard', for: everyone },
  { href: '/admin/articles', label: 'Articles', for: everyone },
  { href: '/admin/providers', label: 'Providers', for: everyone },
  { href: '/admin/feeds', label: 'Feeds', for: everyone },
  { href: '/admin/queues/comments', label: 'Comments queue', for: staff },
  { href: '/admin/queues/complaints', label: 'Complaints queue', for: everyone },
  { href: '/admin/partner-keys', label: 'Partner keys', for: staff },
  { href: '/admin/webhooks', label: 'Webhooks', for: staff },
  { href: '/admin/users', label: 'Users', for: (u) => u.role === 'admin' },
  { href: '/admin/audit', label: 'Audit log', for: everyone },
];

/** What every admin page gives the layout. */
export interface AdminLayoutProps {
  siteName: string;
  title: string;
  /** The signed-in person; absent on the sign-in pages. */
  user?: AdminUser;
  csrfToken?: string;
  /** The path of this page, to mark its nav entry. */
  path?: string;
  /** A one-line message from the previous action. */
  notice?: string;
  children: Child;
}

/** The admin frame: head, a bar with the site name, the nav and sign-out, then the page. No script, no inline style. */
export function AdminLayout(props: AdminLayoutProps) {
  const { user } = props;
  const current = (href: string) =>
    props.path === href || (href !== '/admin' && props.path?.startsWith(`${href}/`)) ? 'page' : undefined;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${props.title} — ${props.siteName} admin`}</title>
          <link rel="stylesheet" href="/admin/assets/admin.css" />
        </head>
        <body class="admin">
          <a class="skip-link" href="#main">
            Skip to content
          </a>
          <header class="admin-bar">
            <a class="admin-brand" href="/admin">
              {props.siteName} <span>admin</span>
            </a>
            {user && props.csrfToken && (
              <div class="admin-account">
                <a class="admin-who" href="/admin/account">
                  {user.email} · {user.role === 'provider' ? 'provider user' : user.role}
                </a>
                <form method="post" action="/admin/sign-out">
                  <CsrfFields token={props.csrfToken} />
                  <button type="submit" class="link-button">
                    Sign out
                  </button>
                </form>
              </div>
            )}
          </header>
          {user && (
            <nav class="admin-nav" aria-label="Admin">
              <ul>
                {ADMIN_NAV.filter((e) => e.for(user)).map((e) => (
                  <li>
                    <a href={e.href} aria-current={current(e.href)}>
                      {e.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <main id="main" class="admin-main">
            {props.notice && (
              <p class="notice" role="status">
                {props.notice}
              </p>
            )}
            {props.children}
          </main>
          <footer class="admin-footer">
            <a href="/">View the site</a>
          </footer>
        </body>
      </html>
    </>
  );
}
