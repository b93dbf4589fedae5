import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { GazetteError } from '../domain/errors.js';
import type { AppDeps } from './deps.js';

/** The JSON error body every API route answers with. */
export function apiError(c: Context, status: number, code: string, message: string, details?: unknown) {
  return c.json({ error: { code, message, ...(details !== undefined && { details }) } }, status as 400);
}

/**
 * The app's one error handler. Expected failures (GazetteError, HTTPException) keep their
 * status and code; anything else is logged with the request and becomes a plain 500.
 * API paths answer JSON, pages answer a page.
 */
export function handleError(deps: AppDeps) {
  return (error: Error, c: Context) => {
    const isApi = c.req.path.startsWith('/api/');
    if (error instanceof GazetteError) {
      if (isApi) return apiError(c, error.status, error.code, error.message, error.details);
      return c.text(error.message, error.status as 400);
    }
    if (error instanceof HTTPException) {
      if (isApi) return apiError(c, error.status, error.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', error.message);
      return error.getResponse();
    }
    deps.logger.error({ err: error, reqId: c.get('requestId'), method: c.req.method, path: c.req.path }, 'unhandled error');
    if (isApi) return apiError(c, 500, 'INTERNAL', 'Something went wrong on our side.');
    return c.html(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Server error</title><link rel="stylesheet" href="/assets/site.css"></head>' +
        '<body><main id="main"><h1>Something went wrong</h1><p>The error has been logged. Please try again in a moment.</p><p><a href="/">Go to the latest stories</a></p></main></body></html>',
      500,
    );
  };
}
