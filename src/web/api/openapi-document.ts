import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { pushArticleSchema } from '../../ingest/push-payload.js';
import type { AppDeps } from '../deps.js';
import { errorSchema } from './api-schemas.js';
import type { PushLimits } from './push-articles.js';

/** The document's header: title, version, servers and how to authenticate a push. */
export function openApiConfig(deps: AppDeps) {
  return {
    openapi: '3.1.0',
    info: {
      title: `${deps.config.siteName} API`,
      version: '1',
      description:
        'Read published articles, stories, categories, providers and entities, and push articles as a provider. ' +
        'Every text field is plain text (show it escaped) except `bodyHtml`, which is sanitized HTML. ' +
        'Reads need no key, are limited per client address (429 with Retry-After) and allow any origin (CORS). ' +
        'Errors answer `{"error": {"code", "message", "details"}}` with a stable `code`.',
    },
    servers: [{ url: `${deps.config.publicUrl}/api/v1` }],
  };
}

const pushResultSchema = z
  .object({
    articles: z.array(
      z.object({
        index: z.number().int(),
        id: z.number().int(),
        url: z.string().url(),
        status: z.enum(['created', 'updated', 'unchanged']),
        notes: z.array(z.string()).optional().openapi({ description: 'What normalizing changed in this item.' }),
      }),
    ),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    withdrawals: z
      .array(z.object({ index: z.number().int(), id: z.number().int().nullable(), status: z.enum(['taken_down', 'not_stored']), message: z.string() }))
      .optional()
      .openapi({ description: 'Kill notices (ninjs pubstatus canceled or withheld): the story each took down, or none found.' }),
    rejected: z
      .array(z.object({ index: z.number().int(), field: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: 'Articles the database refused, with the reason; the others were stored.' }),
  })
  .openapi('PushResult');

/**
 * Documents POST /articles, the provider push endpoint: its handler reads the body itself
 * (JSON or ninjs, one article or a batch) behind the key check, so it is described here
 * rather than routed through a request validator.
 */
export function registerPushDocs(api: OpenAPIHono<any>, limits: PushLimits): void {
  api.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer', description: 'A provider API key (`gazette provider key <slug>`).' });
  const error = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });
  api.openAPIRegistry.registerPath({
    method: 'post',
    path: '/articles',
    tags: ['Push'],
    summary: 'Push articles (providers)',
    description: `One article, or \`{"articles": [...]}\` with at most ${limits.maxItems}; at most ${Math.round(limits.maxBodyBytes / 1024 / 1024)} MB. A batch is all or nothing. IPTC ninjs 1.x/2.x is taken too (\`Content-Type: application/ninjs+json\`, or a \`uri\` field).`,
    security: [{ apiKey: [] }],
    request: {
      body: {
        required: true,
        content: {
          'application/json': { schema: z.union([pushArticleSchema, z.object({ articles: z.array(pushArticleSchema).max(limits.maxItems) })]).openapi('PushBody') },
          'application/ninjs+json': { schema: z.object({ uri: z.string() }).passthrough().openapi({ description: 'An IPTC ninjs item.' }) },
        },
      },
    },
    responses: {
      201: { description: 'At least one article was created.', content: { 'application/json': { schema: pushResultSchema } } },
      200: { description: 'Every article was updated or unchanged.', content: { 'application/json': { schema: pushResultSchema } } },
      400: error('INVALID_JSON, or VALIDATION_FAILED with `details` of `{index, field, message}`.'),
      401: error('UNAUTHORIZED: missing, wrong or revoked key.'),
      403: error('FORBIDDEN: another provider’s article or slug.'),
      413: error('PAYLOAD_TOO_LARGE.'),
      415: error('UNSUPPORTED_MEDIA_TYPE: not JSON.'),
      422: error('NOT_STORED: the database refused every article (`details` of `{index, field, message}`); nothing was stored.'),
      429: error('RATE_LIMITED: see Retry-After.'),
    },
  });
}
