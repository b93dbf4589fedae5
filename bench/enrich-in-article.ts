/**
 * The dev set's passages read as Gazette reads them: inside their whole article. Each dev-set
 * passage comes from a page of the extraction corpus, and its annotators had read the whole
 * page, so they name a company or a person as the article does in full ("GateHouse Media" where
 * the passage says "GateHouse", "Steve Jobs" where it says "Jobs"). Gazette enriches whole
 * articles; scored on the passage alone it cannot know what the article said before. Here the
 * whole article (the opening passage's headline, then the corpus body) is enriched, and a
 * passage is given the entities with a mention inside it and the quotes it holds. Needs the
 * corpus (../shared/corpus); without it there is nothing to read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityMention, Quote } from '../src/domain/entity.js';
import { normalizeText } from '../src/clean/normalize-text.js';
import { enrichArticle } from '../src/enrich/enrich-article.js';
import { tagEntities } from '../src/enrich/tag-entities.js';

export interface PassageFinding {
  entities: Pick<EntityMention, 'type' | 'name'>[];
  quotes: Pick<Quote, 'text' | 'speakerSlug' | 'speakerName'>[];
}

const corpus = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'shared', 'corpus', 'extraction', 'ground-truth.json');

/** What each passage holds when its whole article is enriched, by passage id; undefined without the corpus. */
export function findingsInArticles(passages: { id: string; headline?: string; text: string }[]): Map<string, PassageFinding> | undefined {
  if (!existsSync(corpus)) return undefined;
  const truth = JSON.parse(readFileSync(corpus, 'utf8')) as Record<string, { articleBody: string }>;
  const keys = Object.keys(truth);
  const articleOf = (id: string) => /^extraction-([0-9a-f]{12})/.exec(id)?.[1];
  // Each passage carries its article's headline; the opening passage's is taken.
  const headlines = new Map(passages.filter((p) => !p.id.includes('-more-')).map((p) => [articleOf(p.id), p.headline ?? '']));
  const out = new Map<string, PassageFinding>();
  const enriched = new Map<string, { full: string; bodyAt: number; found: ReturnType<typeof enrichArticle>; mentions: ReturnType<typeof tagEntities>['mentions'] }>();
  for (const p of passages) {
    const article = articleOf(p.id);
    const key = article && keys.find((k) => k.startsWith(article));
    if (!key) continue;
    let done = enriched.get(key);
    if (!done) {
      // (Normalised as the clean stage does, as in enrich-quality's `asIngested`.)
      const headline = normalizeText(headlines.get(article) ?? '');
      const body = normalizeText(truth[key]!.articleBody);
      const found = enrichArticle({ headline, text: body });
      // (The text and language enrichArticle tags: the headline, a blank line, the body.)
      const full = `${headline}\n\n${body}`;
      done = { full, bodyAt: headline.length + 2, found, mentions: tagEntities(full, { language: found.language }).mentions };
      enriched.set(key, done);
    }
    const passage = normalizeText(p.text);
    const at = done.full.indexOf(passage.slice(0, 60), done.bodyAt);
    if (at < 0) continue;
    // Every passage was marked with its article's headline above it.
    const to = at + passage.length;
    const inside = new Set(done.mentions.filter((m) => (m.start >= at && m.end <= to) || m.end <= done.bodyAt).map((m) => m.slug));
    out.set(p.id, {
      entities: done.found.entities.filter((e) => inside.has(e.slug)),
      quotes: done.found.quotes.filter((q) => passage.includes(q.text.slice(0, 40))),
    });
  }
  return out;
}
