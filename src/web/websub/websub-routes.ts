import { Hono } from 'hono';
import { defaultScheduleRules } from '../../jobs/schedule-rules.js';
import { admitPush, confirmIntent, receivePush, type HubAnswer } from '../../jobs/websub/receive-websub.js';
import { ingestOf, type AppDeps } from '../deps.js';
import { clientAddress, rateLimit } from '../middleware/rate-limit.js';
import { readLimitedBody } from '../read-limited-body.js';

/** Pushed content larger than this is refused (the same limit as a fetched feed). */
export const maxWebsubPushBytes = 10 * 1024 * 1024;

/**
 * The WebSub subscriber callback, `/websub/<feedId>/<token>` (W3C WebSub §5.3 and §7): the
 * hub's verification GET and its signed content-distribution POSTs. The token is the
 * subscription's own; any other URL under /websub answers 404.
 */
export function websubRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const feedId = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);
  const answer = (a: HubAnswer, headers: Record<string, string> = {}) =>
    new Response(a.body, { status: a.status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });

  app.use(
    '*',
    rateLimit({
      perMinute: deps.config.rateLimits.websubPerMinute,
      key: clientAddress,
      refuse: (c, retryAfter) => c.text(`too many requests; retry in ${retryAfter} s`, 429),
    }),
  );

  app.get('/:feedId/:token', async (c) => {
    const id = feedId(c.req.param('feedId'));
    if (id === null) return answer({ status: 404, body: 'no such subscription' });
    return answer(await confirmIntent(deps.store, id, c.req.param('token'), c.req.query(), new Date()));
  });

  app.post('/:feedId/:token', async (c) => {
    const id = feedId(c.req.param('feedId'));
    if (id === null) return answer({ status: 404, body: 'no such subscription' });
    const signature = c.req.header('x-hub-signature') ?? null;
    // Everything that can be checked without the body is checked before reading it.
    const admitted = await admitPush(deps.store, id, c.req.param('token'), signature, new Date());
    if (admitted.kind === 'refused') return answer(admitted.answer, { connection: 'close' });
    const body = await readLimitedBody(c.req.raw, maxWebsubPushBytes);
    if (body.kind === 'too-large') {
      deps.logger.warn({ feedId: id, limit: maxWebsubPushBytes }, 'WebSub content refused: too large');
      return answer({ status: 413, body: `content larger than ${maxWebsubPushBytes} bytes` }, { connection: 'close' });
    }
    const result = await receivePush(
      deps.store,
      admitted.feed,
      body.bytes,
      { signature, contentType: c.req.header('content-type') ?? null },
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
