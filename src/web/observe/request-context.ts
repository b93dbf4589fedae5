import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { noteRoute, requestIdOf } from './observe-requests.js';
import { acceptRequestId } from './request-id.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** The request's id, in the X-Request-Id response header and in every log line of the request. */
    requestId: string;
  }
}

/**
 * The app's side of request observation: takes the id `observeRequests` gave the request
 * (or makes one when the app runs without the Node server, as in `app.request` tests), and
 * after the handler tells the wrapper which route pattern answered.
 */
export function requestContext(): MiddlewareHandler {
  return async (c, next) => {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    const known = incoming && requestIdOf(incoming);
    const id = known ?? acceptRequestId(c.req.header('x-request-id'));
    c.set('requestId', id);
    await next();
    if (incoming) noteRoute(incoming, c.req.routePath);
    if (!known) c.res.headers.set('X-Request-Id', id);
  };
}
