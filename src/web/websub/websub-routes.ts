import { Hono } from 'hono';
import { defaultScheduleRules } from '../../jobs/schedule-rules.js';
import { confirmIntent, receivePush, type HubAnswer } from '../../jobs/websub/receive-websub.js';
import { ingestOf, type AppDeps } from '../deps.js';

/** Pushed content larger than this is refused (the same limit as a fetched feed). */
const maxPushBytes = 10 * 1024 * 1024;

/**
 * The WebSub subscriber callback, `/websub/<feedId>` (W3C WebSub §5.3 and §7): the hub's
 * verification GET and its signed content-distribution POSTs.
 */
export function websubRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const feedId = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);
  const answer = (a: HubAnswer) => new Response(a.body, { status: a.status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

  app.get('/:feedId', async (c) => {
    const id = feedId(c.req.param('feedId'));
    if (id === null) return answer({ status: 404, body: 'unknown feed' });
    return answer(await confirmIntent(deps.store, id, c.req.query(), new Date()));
  });

  app.post('/:feedId', async (c) => {
    const id = feedId(c.req.param('feedId'));
    if (id === null) return answer({ status: 404, body: 'unknown feed' });
    if (Number(c.req.header('content-length') ?? 0) > maxPushBytes) return answer({ status: 413, body: 'content too large' });
    const body = new Uint8Array(await c.req.arrayBuffer());
    if (body.length > maxPushBytes) return answer({ status: 413, body: 'content too large' });
    const result = await receivePush(
      deps.store,
      id,
      body,
      { signature: c.req.header('x-hub-signature') ?? null, contentType: c.req.header('content-type') ?? null },
      new Date(),
      defaultScheduleRules,
      ingestOf(deps),
    );
    if (result.summary) deps.logger.info({ feedId: id, read: result.summary.read, created: result.summary.created }, 'WebSub content received');
    else if (result.status >= 400) deps.logger.warn({ feedId: id, status: result.status, reason: result.body }, 'WebSub content refused');
    return answer(result);
  });
  return app;
}
