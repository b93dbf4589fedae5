import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { GazetteMetrics } from '../../observe/metrics.js';
import type { CachedPage } from '../http-cache/page-cache.js';
import { acceptRequestId } from './request-id.js';

/** The label of a request no route matched (404s): one series, whatever the path. */
export const UNMATCHED_ROUTE = 'unmatched';

const requestIds = new WeakMap<IncomingMessage, string>();
const routes = new WeakMap<IncomingMessage, string>();

/** The id given to a request by `observeRequests`, for the app's logs. */
export function requestIdOf(req: IncomingMessage): string | undefined {
  return requestIds.get(req);
}

/** The app tells which route pattern answered (`/article/:id/:slug?`), for the metrics and the access log. */
export function noteRoute(req: IncomingMessage, route: string): void {
  routes.set(req, route === '/*' || route === '*' ? UNMATCHED_ROUTE : route);
}

/** What `observeRequests` reports to; either may be absent. */
export interface RequestObservers {
  /** One access-log line per request at info level. */
  accessLog?: Logger;
  metrics?: GazetteMetrics;
}

/**
 * Wraps the server's request handler (the fast path and the app behind it): gives every
 * request an id (kept from a sane incoming X-Request-Id, sent back in the response header,
 * and in every log line of the request), and when the response is done writes one
 * access-log line and counts it by route pattern, method and status with its latency.
 * `serve` returns the cached page when the fast path answered.
 */
export function observeRequests(observers: RequestObservers, serve: (req: IncomingMessage, res: ServerResponse) => CachedPage | undefined): RequestListener {
  const { accessLog, metrics } = observers;
  return (req, res) => {
    const started = performance.now();
    const id = acceptRequestId(req.headers['x-request-id']);
    requestIds.set(req, id);
    res.setHeader('X-Request-Id', id);
    let cached: CachedPage | undefined;
    res.once('close', () => {
      const seconds = (performance.now() - started) / 1000;
      const route = cached ? (cached.route ?? UNMATCHED_ROUTE) : (routes.get(req) ?? UNMATCHED_ROUTE);
      const method = req.method ?? 'GET';
      const status = res.statusCode;
      if (metrics) {
        metrics.httpRequests.inc({ route, method, status: String(status) });
        metrics.httpDuration.observe({ route, method }, seconds);
        if (cached) metrics.pageCache.inc({ result: 'hit', layer: 'fast' });
      }
      accessLog?.info(
        {
          reqId: id,
          method,
          url: (req.url ?? '').slice(0, 2000),
          route,
          status,
          ms: Math.round(seconds * 10_000) / 10,
          bytes: Number(res.getHeader('content-length') ?? 0) || undefined,
          ...(cached && { cache: 'hit' }),
          ...(!res.writableFinished && { aborted: true }),
          ip: req.socket.remoteAddress,
          ua: req.headers['user-agent']?.slice(0, 300),
        },
        'request',
      );
    });
    cached = serve(req, res);
  };
}
