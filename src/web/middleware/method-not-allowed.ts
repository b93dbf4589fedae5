import type { Hono } from 'hono';
import { apiError } from '../errors.js';

/**
 * Makes every route registered on `app` so far answer a method it does not take with
 * 405 and an `Allow` header listing those it does (RFC 9110 §15.5.6), instead of 404; and
 * OPTIONS with 204 and the same `Allow` (§9.3.7). Call it once, after the last route.
 * GET implies HEAD (Hono answers HEAD with the GET handler, minus the body).
 */
export function answerWrongMethods(app: Hono<any>): void {
  const byPath = new Map<string, Set<string>>();
  for (const route of app.routes) {
    if (route.method === 'ALL') continue; // middleware (app.use), not an endpoint
    const methods = byPath.get(route.path) ?? new Set<string>();
    methods.add(route.method);
    if (route.method === 'GET') methods.add('HEAD');
    byPath.set(route.path, methods);
  }
  for (const [path, methods] of byPath) {
    const allow = [...methods, 'OPTIONS'].join(', ');
    app.all(path, (c) => {
      c.header('Allow', allow);
      if (c.req.method === 'OPTIONS') return c.body(null, 204);
      const message = `${c.req.method} is not allowed here; use ${[...methods].join(' or ')}.`;
      return c.req.path.startsWith('/api/') ? apiError(c, 405, 'METHOD_NOT_ALLOWED', message) : c.text(message, 405);
    });
  }
}
