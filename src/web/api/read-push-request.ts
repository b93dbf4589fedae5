import type { FieldIssue } from '../../ingest/field-issue.js';
import { looksLikeNinjs, readNinjsItem } from '../../ingest/parse-ninjs.js';
import { readPushArticle, type PushedItem } from '../../ingest/push-payload.js';

/** The two article formats the push API reads. */
export type PushFormat = 'gazette' | 'ninjs';

/** One problem with one item of a push, as the API reports it. */
export interface ItemIssue extends FieldIssue {
  /** The item's position in the batch (0 for a single article). */
  index: number;
}

/** A push body read and validated: every item ready for the pipeline, or every problem. */
export type PushRequestReading =
  | { kind: 'read'; items: (PushedItem & { format: PushFormat })[]; namedProviders: { index: number | null; slug: string }[] }
  | { kind: 'invalid'; message: string; details: ItemIssue[]; namedProviders: { index: number | null; slug: string }[] }
  | { kind: 'too-many'; message: string };

/** Limits and hints for reading a push. */
export interface ReadPushOptions {
  maxItems: number;
  /** The format the Content-Type names (application/ninjs+json), if it names one. */
  format?: PushFormat;
}

/**
 * Reads a parsed push body: one article, `{ "articles": [ … ] }` or a bare array, each in
 * Gazette's format or ninjs. The format comes from the Content-Type, else a `format` field
 * (on the envelope or the item), else the item itself: ninjs items carry a `uri` (ninjs's one
 * required field), Gazette's format has none. Every item is validated before anything is
 * stored, so the answer can list every problem at once.
 */
export function readPushRequest(body: unknown, options: ReadPushOptions): PushRequestReading {
  const envelope = isObject(body) && 'articles' in body ? body : null;
  const list: unknown[] | null = Array.isArray(body) ? body : envelope ? (Array.isArray(envelope.articles) ? envelope.articles : null) : isObject(body) ? [body] : null;
  const namedProviders: { index: number | null; slug: string }[] = [];
  if (envelope && typeof envelope.provider === 'string') namedProviders.push({ index: null, slug: envelope.provider });

  if (!list) {
    const message = envelope
      ? '"articles" must be an array of articles.'
      : 'The body must be a JSON object: one article, or { "articles": [ … ] }.';
    return { kind: 'invalid', message, details: [], namedProviders };
  }
  if (list.length === 0) return { kind: 'invalid', message: 'The batch holds no articles.', details: [], namedProviders };
  if (list.length > options.maxItems) {
    return { kind: 'too-many', message: `A batch may hold at most ${options.maxItems} articles; this one holds ${list.length}. Split it.` };
  }

  const envelopeFormat = envelope ? formatField(envelope.format) : undefined;
  const details: ItemIssue[] = [];
  if (envelope && envelope.format !== undefined && !envelopeFormat) {
    details.push({ index: 0, field: 'format', message: 'must be "gazette" or "ninjs"' });
  }
  const items: (PushedItem & { format: PushFormat })[] = [];
  list.forEach((value, index) => {
    if (isObject(value) && typeof value.provider === 'string') namedProviders.push({ index, slug: value.provider });
    const format = options.format ?? (isObject(value) ? formatField(value.format) : undefined) ?? envelopeFormat ?? (looksLikeNinjs(value) ? 'ninjs' : 'gazette');
    if (format === 'ninjs') {
      const read = readNinjsItem(value);
      if (read.kind === 'rejected') details.push(...read.issues.map((i) => ({ index, ...i })));
      else items.push({ item: read.item, articleId: null, provider: isObject(value) && typeof value.provider === 'string' ? value.provider : null, format });
    } else {
      const read = readPushArticle(value);
      if (read.kind === 'rejected') details.push(...read.issues.map((i) => ({ index, ...i })));
      else items.push({ ...read.pushed, format });
    }
  });
  if (details.length > 0) {
    const bad = new Set(details.map((d) => d.index)).size;
    const message =
      list.length === 1 ? 'The article is not valid; nothing was stored.' : `${bad} of ${list.length} articles are not valid; nothing was stored.`;
    return { kind: 'invalid', message, details, namedProviders };
  }
  return { kind: 'read', items, namedProviders };
}

function formatField(value: unknown): PushFormat | undefined {
  return value === 'gazette' || value === 'ninjs' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
