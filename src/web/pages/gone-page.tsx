import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { layoutBase } from '../page-context.js';
import { Layout } from '../views/layout.js';

/**
 * The 410 page of a story taken down by an editor (RFC 9110 §15.5.11: gone on purpose, so
 * search engines drop it). It names no reason: reasons can be legal and are for the record.
 */
export async function gonePage(deps: AppDeps, c: Context) {
  c.status(410);
  return c.html(
    <Layout {...await layoutBase(deps)} title="Story removed">
      <h1>This story has been removed</h1>
      <p>The editors of {deps.config.siteName} have taken this story down. It is no longer available.</p>
      <p>
        <a href="/">Go to the latest stories</a>
      </p>
    </Layout>,
  );
}
