import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { escapeHtml } from '../clean/escape-html.js';
import { parseTextArticle } from '../ingest/parse-text-article.js';
import { emptyRawItem, type RawItem } from '../domain/raw-item.js';
import type { IngestService } from '../pipeline/run-ingest.js';
import type { Store } from '../store/store.js';

/** The demo set ships in the repository's demo/ folder (two levels up from src/demo and dist/demo). */
const demoDir = new URL('../../demo/', import.meta.url);

const demoSchema = z.object({
  providers: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      homepage: z.string().nullable(),
      contactEmail: z.string().nullable(),
      disclaimer: z.string(),
    }),
  ),
  textArticles: z.array(
    z.object({ provider: z.string(), file: z.string(), guid: z.string(), publishedAt: z.string(), categories: z.array(z.string()) }),
  ),
  articles: z.array(
    z.object({
      provider: z.string(),
      guid: z.string(),
      headline: z.string(),
      dateline: z.string().nullable(),
      byline: z.string().nullable(),
      publishedAt: z.string(),
      categories: z.array(z.string()),
      paragraphs: z.array(z.string()),
    }),
  ),
});

/**
 * Loads the demo set into an empty database, through the same ingest service as any ingest
 * (and so the configured cluster settings), so a newcomer sees a real site at once. Does nothing when articles exist. Returns how many
 * articles it stored.
 */
export async function loadDemoContent(store: Store, ingest: IngestService): Promise<number> {
  if ((await store.articles.count()) > 0) return 0;
  const demo = demoSchema.parse(JSON.parse(readFileSync(new URL('demo-content.json', demoDir), 'utf8')));
  const items = new Map<string, RawItem[]>();
  const add = (provider: string, item: RawItem) => items.set(provider, [...(items.get(provider) ?? []), item]);

  for (const t of demo.textArticles) {
    const page = parseTextArticle(readFileSync(new URL(t.file, demoDir), 'utf8'));
    add(t.provider, { ...page, guid: t.guid, publishedAt: new Date(t.publishedAt), categories: t.categories });
  }
  for (const a of demo.articles) {
    add(a.provider, {
      ...emptyRawItem(a.headline),
      guid: a.guid,
      html: a.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
      dateline: a.dateline,
      byline: a.byline,
      publishedAt: new Date(a.publishedAt),
      categories: a.categories,
    });
  }

  let stored = 0;
  for (const p of demo.providers) {
    const provider =
      (await store.providers.findBySlug(p.slug)) ??
      (await store.providers.create({ slug: p.slug, name: p.name, homepage: p.homepage, contactEmail: p.contactEmail, disclaimer: p.disclaimer }));
    const summary = await ingest.ingest(provider, items.get(p.slug) ?? []);
    stored += summary.created + summary.updated;
  }
  return stored;
}
