import type { Context } from 'hono';
import type { Provider } from '../../domain/provider.js';
import type { PushedItem } from '../../ingest/push-payload.js';
import type { Store } from '../../store/store.js';
import { ingestOf, type AppDeps } from '../deps.js';
import { apiError } from '../errors.js';
import type { ApiEnv } from './api-env.js';
import { readPushRequest, type ItemIssue, type PushFormat } from './read-push-request.js';

/** How much one push may carry. */
export interface PushLimits {
  /** Articles per request. */
  maxItems: number;
  /** Bytes of request body (enforced by the body-limit middleware in api-routes.ts). */
  maxBodyBytes: number;
}

/** What a pushed kill notice did: the story it names taken down, or nothing stored for an unknown uri. */
export interface Withdrawal {
  index: number;
  id: number | null;
  status: 'taken_down' | 'not_stored';
  message: string;
}

/** One stored article of a push. */
export interface PushedArticle {
  index: number;
  id: number;
  /** The article's permanent address; it redirects to the current canonical page. */
  url: string;
  status: 'created' | 'updated' | 'unchanged';
  /** What normalizing changed in this item (characters removed, a date out of range ignored). */
  notes?: string[];
}

/**
 * POST /api/v1/articles: one article or a batch, in Gazette's format or ninjs, for the key's
 * provider. All or nothing at the pipeline: every item is validated and processed first, and
 * any refusal (invalid field, another provider's article, an item the pipeline rejects)
 * stores nothing and names the items at fault. Then each article commits in its own short
 * transaction, so pages keep being served while a big batch is stored; sending the same
 * batch again is safe (repeats come back "unchanged").
 * 201 when something was created, 200 when everything was updated or unchanged; an
 * article the database refuses is listed under `rejected` with the reason (422 when that
 * leaves nothing stored).
 */
export function pushArticles(deps: AppDeps, limits: PushLimits) {
  return async (c: Context<ApiEnv>) => {
    const provider = c.get('provider');
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (mediaType !== 'application/json' && !/^application\/[\w.+-]*\+json$/.test(mediaType)) {
      return apiError(c, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON: Content-Type application/json (or application/ninjs+json for ninjs).');
    }
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch (error) {
      return apiError(c, 400, 'INVALID_JSON', `The body is not valid JSON: ${(error as Error).message}`);
    }

    const reading = readPushRequest(body, { maxItems: limits.maxItems, format: mediaType === 'application/ninjs+json' ? 'ninjs' : undefined });
    if (reading.kind === 'too-many') return apiError(c, 413, 'PAYLOAD_TOO_LARGE', reading.message);
    const foreign = reading.namedProviders.filter((p) => p.slug !== provider.slug);
    if (foreign.length > 0) {
      logRefused(deps, c, 403, foreign.length);
      return apiError(c, 403, 'FORBIDDEN', `This API key belongs to provider "${provider.slug}"; it cannot write another provider's articles.`, foreign.map((p) => ({ index: p.index, field: 'provider', message: `names "${p.slug}"` })));
    }
    if (reading.kind === 'invalid') {
      logRefused(deps, c, 400, reading.details.length);
      return apiError(c, 400, 'VALIDATION_FAILED', reading.message, reading.details);
    }

    const owned = await resolveArticleIds(deps.store, provider, reading.items);
    if (owned.forbidden.length > 0) {
      logRefused(deps, c, 403, owned.forbidden.length);
      return apiError(c, 403, 'FORBIDDEN', "An article named by id belongs to another provider; a provider can only update its own.", owned.forbidden);
    }
    if (owned.invalid.length > 0) return apiError(c, 400, 'VALIDATION_FAILED', 'Some articles name an id that cannot be updated; nothing was stored.', owned.invalid);

    const outcome = await ingestOf(deps).ingestBatch(provider, reading.items.map((p) => p.item));
    if (outcome.kind === 'refused') {
      const details: ItemIssue[] = outcome.refused.map((r) => ({ index: r.index, field: '(item)', message: r.reason }));
      logPush(deps, c, reading.items, { refused: details.length });
      return apiError(c, 400, 'VALIDATION_FAILED', `${details.length} of ${reading.items.length} articles were refused by the pipeline; nothing was stored.`, details);
    }
    const results: PushedArticle[] = outcome.summary.items.flatMap((o, index) =>
      o.outcome === 'created' || o.outcome === 'updated' || o.outcome === 'unchanged'
        ? [{ index, id: o.articleId, url: `${deps.config.publicUrl}/article/${o.articleId}`, status: o.outcome, ...(o.notes && { notes: o.notes }) }]
        : [],
    );
    // Kill notices (pubStatus canceled/withheld): what each did, in the same index terms.
    const withdrawals = outcome.summary.items.flatMap((o, index): Withdrawal[] =>
      o.outcome === 'taken_down' ? [{ index, id: o.articleId, status: o.outcome, message: o.reason }] : o.outcome === 'not_stored' ? [{ index, id: null, status: o.outcome, message: o.reason }] : [],
    );
    // Articles the pipeline took but the database refused (the others of the batch are stored).
    const rejected: ItemIssue[] = outcome.summary.items.flatMap((o, index) => (o.outcome === 'rejected' ? [{ index, field: '(item)', message: o.reason }] : []));
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const r of results) counts[r.status]++;
    logPush(deps, c, reading.items, { ...counts, withdrawn: withdrawals.length, rejected: rejected.length });
    if (rejected.length > 0 && results.length === 0 && withdrawals.length === 0) {
      return apiError(c, 422, 'NOT_STORED', `${rejected.length} of ${reading.items.length} articles could not be stored; nothing was stored.`, rejected);
    }
    return c.json(
      { articles: results, ...counts, ...(withdrawals.length > 0 && { withdrawals }), ...(rejected.length > 0 && { rejected }) },
      counts.created > 0 ? 201 : 200,
    );
  };
}

/**
 * Items that name a Gazette article id update that article: it must be the provider's own,
 * and the item takes its guid (a differing guid is an error, not a silent re-keying).
 */
async function resolveArticleIds(store: Store, provider: Provider, items: PushedItem[]) {
  const forbidden: ItemIssue[] = [];
  const invalid: ItemIssue[] = [];
  for (const [index, pushed] of items.entries()) {
    if (pushed.articleId === null) continue;
    const article = await store.articles.findById(pushed.articleId);
    if (!article) invalid.push({ index, field: 'id', message: `there is no article ${pushed.articleId}` });
    else if (article.providerId !== provider.id) forbidden.push({ index, field: 'id', message: `article ${article.id} belongs to another provider` });
    else if (pushed.item.guid && pushed.item.guid.trim() !== article.guid) {
      invalid.push({ index, field: 'guid', message: `article ${article.id} has another guid ("${article.guid}")` });
    } else pushed.item.guid = article.guid;
  }
  return { forbidden, invalid };
}

function logPush(deps: AppDeps, c: Context<ApiEnv>, items: { format: PushFormat }[], counts: Record<string, number>): void {
  deps.logger.info(
    {
      provider: c.get('provider').slug,
      keyId: c.get('apiKey').keyId,
      items: items.length,
      formats: [...new Set(items.map((i) => i.format))],
      ...counts,
    },
    'push received',
  );
}

function logRefused(deps: AppDeps, c: Context<ApiEnv>, status: number, problems: number): void {
  deps.logger.info({ provider: c.get('provider').slug, keyId: c.get('apiKey').keyId, status, problems }, 'push refused');
}
