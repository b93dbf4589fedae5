import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { layoutBase } from '../page-context.js';
import { Layout } from '../views/layout.js';

/** Answers a 400 page: the address was malformed, with a way back. */
export async function badRequest(deps: AppDeps, c: Context, message: string) {
  c.status(400);
  return c.html(
    <Layout {...await layoutBase(deps)} title="Bad request">
      <h1>This address does not work</h1>
      <p>{message}</p>
      <p>
        <a href="/">Go to the latest stories</a>
      </p>
    </Layout>,
  );
}
