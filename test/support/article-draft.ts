import { createHash } from 'node:crypto';
import type { ArticleDraft } from '../../src/domain/article.js';
import { trustSanitizedHtml } from '../../src/domain/safe-html.js';

/** A valid article draft for tests; override what the test is about. */
export function articleDraft(overrides: Partial<ArticleDraft> & { providerId: number }): ArticleDraft {
  const text = overrides.bodyText ?? `Body of ${overrides.guid ?? 'an article'}.`;
  return {
    guid: 'guid-1',
    sourceUrl: 'https://provider.example/story',
    headline: 'A headline',
    summary: 'A summary.',
    bodyHtml: trustSanitizedHtml(`<p>${text}</p>`),
    bodyText: text,
    byline: null,
    dateline: null,
    language: 'en',
    publishedAt: new Date('2026-01-01T10:00:00Z'),
    updatedAt: new Date('2026-01-01T10:00:00Z'),
    categories: [],
    status: 'published',
    contentHash: createHash('sha256').update(text).digest('hex'),
    sourceHash: '',
    ...overrides,
  };
}
