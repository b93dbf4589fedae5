import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { layoutBase } from '../page-context.js';
import { Layout } from '../views/layout.js';

/** Answers a real 404 page, with a way back. */
export async function notFound(deps: AppDeps, c: Context, message = 'There is no page at this address.') {
  c.status(404);
  return c.html(
    <Layout {...await layoutBase(deps)} title="Page not found" meta={{ type: 'website', noindex: true }}>
      <h1>Page not found</h1>
      <p>{message}</p>
      <p>
        <a href="/">Go to the latest stories</a>
      </p>
    </Layout>,
  );
}
