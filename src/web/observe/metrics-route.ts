import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestListener } from 'node:http';
import type { Context } from 'hono';
import type { GazetteMetrics } from '../../observe/metrics.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether an Authorization header carries the metrics token (compared in constant time). */
export function presentsToken(authorization: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  return bearer !== null && timingSafeEqual(digest(bearer[1]!), digest(token));
}

/** GET /metrics on the site's port: only with `Authorization: Bearer <METRICS_TOKEN>`. */
export function metricsRoute(metrics: GazetteMetrics, token: string | undefined) {
  return async (c: Context) => {
    c.header('Cache-Control', 'no-store');
    if (!presentsToken(c.req.header('authorization'), token)) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return c.text('Metrics need "Authorization: Bearer <METRICS_TOKEN>".\n', 401);
    }
    const { body, contentType } = await metrics.render();
    return c.body(body, 200, { 'Content-Type': contentType });
  };
}

/**
 * The listener of the separate metrics port (METRICS_PORT): /metrics and nothing else, with
 * the token too when one is set. Kept off the public port, it can be left to the network.
 */
export function metricsListener(metrics: GazetteMetrics, token: string | undefined): RequestListener {
  return (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Only GET /metrics is served on this port.\n');
      return;
    }
    if (!presentsToken(req.headers.authorization, token)) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="metrics"' }).end('Metrics need "Authorization: Bearer <METRICS_TOKEN>".\n');
      return;
    }
    metrics.render().then(
      ({ body, contentType }) => res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : body),
      () => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('The metrics could not be gathered.\n'),
    );
  };
}
