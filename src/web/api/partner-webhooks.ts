import { createRoute, z, type OpenAPIHono, type RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Webhook, WebhookDelivery } from '../../domain/webhook.js';
import { registerWebhook } from '../../jobs/webhooks/register-webhook.js';
import { DEFAULT_ROTATION_OVERLAP_HOURS, MAX_ROTATION_OVERLAP_HOURS, rotateWebhookSecret } from '../../jobs/webhooks/rotate-webhook-secret.js';
import { webhookSecretsOf, type AppDeps } from '../deps.js';
import { apiError } from '../errors.js';
import type { ApiEnv } from './api-env.js';
import { checkPartnerKey } from './check-partner-key.js';
import { errorSchema } from './api-schemas.js';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const instant = z.string().datetime({ offset: true });
const security = [{ partnerKey: [] }];
const refused = {
  401: json(errorSchema, 'No partner key, or not a valid one.'),
};

const filterSchema = z
  .object({
    category: z.string().max(100).optional().openapi({ description: 'Only articles in this category (slug).' }),
    provider: z.string().max(100).optional().openapi({ description: 'Only this provider’s articles (slug).' }),
    entity: z.string().max(100).optional().openapi({ description: 'Only articles that mention this entity (slug).' }),
    language: z.string().max(35).optional().openapi({ description: 'Only articles in this language (BCP 47 tag).' }),
  })
  .strict()
  .openapi('WebhookFilter');

const webhookSchema = z
  .object({
    id: z.number().int(),
    url: z.string().url(),
    filter: filterSchema,
    createdAt: instant,
    disabledAt: instant.nullable().openapi({ description: 'Set when Gazette stopped sending: the endpoint kept failing, or an operator paused it.' }),
    disabledReason: z.string().nullable(),
    secretRotatedAt: instant.nullable().openapi({ description: 'When the signing secret was last rotated.' }),
    previousSecretUntil: instant.nullable().openapi({ description: 'Until then, deliveries are signed with the secret before the last rotation as well.' }),
  })
  .openapi('Webhook');

const deliverySchema = z
  .object({
    id: z.number().int(),
    eventId: z.string().openapi({ description: 'The event’s id, sent in Gazette-Webhook-Id and the same on every attempt.' }),
    type: z.enum(['article.created', 'article.updated', 'article.restored', 'article.taken_down']),
    articleId: z.number().int(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: instant.nullable().openapi({ description: 'When a pending delivery is tried next.' }),
    lastStatus: z.number().int().nullable().openapi({ description: 'The HTTP status of the last attempt, if one was answered.' }),
    lastError: z.string().nullable(),
    createdAt: instant,
    finishedAt: instant.nullable(),
  })
  .openapi('WebhookDelivery');

const webhookJson = (h: Webhook) => ({
  id: h.id,
  url: h.url,
  filter: h.filter,
  createdAt: h.createdAt.toISOString(),
  disabledAt: h.disabledAt?.toISOString() ?? null,
  disabledReason: h.disabledReason,
  secretRotatedAt: h.secretRotatedAt?.toISOString() ?? null,
  previousSecretUntil: h.previousSecretUntil?.toISOString() ?? null,
});

const deliveryJson = (d: WebhookDelivery) => ({
  id: d.id,
  eventId: d.eventId,
  type: d.eventType as z.infer<typeof deliverySchema>['type'],
  articleId: d.articleId,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
  lastStatus: d.lastStatus,
  lastError: d.lastError,
  createdAt: d.createdAt.toISOString(),
  finishedAt: d.finishedAt?.toISOString() ?? null,
});

/** Webhook endpoints belong to a partner key: every route needs one (`Authorization: Bearer gzp_…`). */
function requirePartnerKey(deps: AppDeps): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const key = await checkPartnerKey(deps, c.req.header('authorization') ?? '');
    if (key === 'malformed') return apiError(c, 401, 'UNAUTHORIZED', 'Webhooks belong to a partner: send your partner key as "Authorization: Bearer gzp_…".');
    if (key === 'invalid') return apiError(c, 401, 'UNAUTHORIZED', 'The partner key is not valid or has been revoked.');
    c.set('partnerKeyId', key.keyId);
    c.set('partner', key);
    // What one partner registered is nobody else's: never kept by a shared cache.
    c.header('Cache-Control', 'private, no-store');
    await next();
  };
}

const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647).openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });

const addRoute = createRoute({
  method: 'post',
  path: '/webhooks',
  tags: ['Webhooks'],
  summary: 'Register a webhook (partners)',
  description:
    'Gazette POSTs each new, updated, restored or taken-down article that matches the filter to `url`, signed with HMAC-SHA256 ' +
    '(see the README, Webhooks). The answer carries the signing `secret`, shown only this once. Private and loopback addresses are refused.',
  security,
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ url: z.string().max(2000), filter: filterSchema.optional() }).strict() } } } },
  responses: { 201: json(z.object({ data: webhookSchema, secret: z.string() }), 'Registered.'), 400: json(errorSchema, 'A bad URL or filter.'), ...refused },
});

const listRoute = createRoute({
  method: 'get',
  path: '/webhooks',
  tags: ['Webhooks'],
  summary: 'Your webhooks (partners)',
  security,
  responses: { 200: json(z.object({ data: z.array(webhookSchema) }), 'Every endpoint of this partner key.'), ...refused },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/webhooks/{id}',
  tags: ['Webhooks'],
  summary: 'Remove a webhook (partners)',
  security,
  request: { params: idParam },
  responses: { 204: { description: 'Removed, with its delivery log.' }, 404: json(errorSchema, 'No such webhook of yours.'), ...refused },
});

const rotateRoute = createRoute({
  method: 'post',
  path: '/webhooks/{id}/rotate-secret',
  tags: ['Webhooks'],
  summary: 'Rotate a webhook’s signing secret (partners)',
  description:
    'The answer carries the new `secret`, shown only this once. For `overlapHours` (default ' +
    `${DEFAULT_ROTATION_OVERLAP_HOURS}, at most ${MAX_ROTATION_OVERLAP_HOURS}; 0 ends the old secret at once) every delivery carries a signature by the new secret and one by the old, ` +
    'space-separated in Gazette-Webhook-Signature, so your receiver keeps verifying while you switch it to the new secret.',
  security,
  request: {
    params: idParam,
    body: { required: false, content: { 'application/json': { schema: z.object({ overlapHours: z.number().int().min(0).max(MAX_ROTATION_OVERLAP_HOURS).optional() }).strict() } } },
  },
  responses: {
    200: json(z.object({ data: webhookSchema, secret: z.string() }), 'Rotated.'),
    400: json(errorSchema, 'A bad overlap.'),
    404: json(errorSchema, 'No such webhook of yours.'),
    ...refused,
  },
});

const deliveriesRoute = createRoute({
  method: 'get',
  path: '/webhooks/{id}/deliveries',
  tags: ['Webhooks'],
  summary: 'A webhook’s delivery log (partners)',
  description: 'Newest first; `next` is the cursor of the following page.',
  security,
  request: {
    params: idParam,
    query: z.object({
      cursor: z.coerce.number().int().positive().max(2_147_483_647).optional().openapi({ description: 'The `next` of the previous page.' }),
      limit: z.coerce.number().int().min(1).max(100).default(50),
    }),
  },
  responses: {
    200: json(z.object({ data: z.array(deliverySchema), next: z.string().nullable() }), 'One page of the log.'),
    404: json(errorSchema, 'No such webhook of yours.'),
    ...refused,
  },
});

/** The partner's own endpoint, or undefined (another partner's is as absent as a missing one). */
async function ownWebhook(deps: AppDeps, partnerId: number, id: number) {
  const hook = await deps.store.webhooks.findById(id);
  return hook && hook.partnerKeyId === partnerId ? hook : undefined;
}

/** Registers the partner webhook routes on the API, documented in its OpenAPI document. */
export function partnerWebhookRoutes(api: OpenAPIHono<ApiEnv>, deps: AppDeps): void {
  api.openAPIRegistry.registerComponent('securitySchemes', 'partnerKey', { type: 'http', scheme: 'bearer', description: 'A partner key (`gazette partner add <name>`).' });
  api.use('/webhooks', requirePartnerKey(deps));
  api.use('/webhooks/*', requirePartnerKey(deps));

  const add: RouteHandler<typeof addRoute, ApiEnv> = async (c) => {
    const body = c.req.valid('json');
    const { webhook, secret } = await registerWebhook(deps.store, webhookSecretsOf(deps), { partnerKeyId: c.get('partner').id, url: body.url, filter: body.filter });
    return c.json({ data: webhookJson(webhook), secret }, 201);
  };
  const list: RouteHandler<typeof listRoute, ApiEnv> = async (c) => c.json({ data: (await deps.store.webhooks.list(c.get('partner').id)).map(webhookJson) }, 200);
  const remove: RouteHandler<typeof removeRoute, ApiEnv> = async (c) => {
    const hook = await ownWebhook(deps, c.get('partner').id, c.req.valid('param').id);
    if (!hook) return apiError(c, 404, 'NOT_FOUND', 'You have no webhook with this id.') as never;
    await deps.store.webhooks.remove(hook.id);
    return c.body(null, 204);
  };
  const rotate: RouteHandler<typeof rotateRoute, ApiEnv> = async (c) => {
    const hook = await ownWebhook(deps, c.get('partner').id, c.req.valid('param').id);
    if (!hook) return apiError(c, 404, 'NOT_FOUND', 'You have no webhook with this id.') as never;
    const body = (c.req.header('content-type') ?? '').includes('json') ? c.req.valid('json') : {};
    const { webhook, secret } = await rotateWebhookSecret(deps.store, webhookSecretsOf(deps), hook.id, { overlapHours: body?.overlapHours });
    return c.json({ data: webhookJson(webhook), secret }, 200);
  };
  const deliveries: RouteHandler<typeof deliveriesRoute, ApiEnv> = async (c) => {
    const hook = await ownWebhook(deps, c.get('partner').id, c.req.valid('param').id);
    if (!hook) return apiError(c, 404, 'NOT_FOUND', 'You have no webhook with this id.') as never;
    const { cursor, limit } = c.req.valid('query');
    const page = await deps.store.webhooks.deliveries(hook.id, { beforeId: cursor, limit });
    const next = page.length === limit ? String(page.at(-1)!.id) : null;
    return c.json({ data: page.map(deliveryJson), next }, 200);
  };
  api.openapi(addRoute, add);
  api.openapi(listRoute, list);
  api.openapi(removeRoute, remove);
  api.openapi(rotateRoute, rotate);
  api.openapi(deliveriesRoute, deliveries);
}
