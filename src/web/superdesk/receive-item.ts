import type { Article } from '../../domain/article.js';
import type { Provider } from '../../domain/provider.js';
import type { RawImage, RawItem } from '../../domain/raw-item.js';
import type { FieldIssue } from '../../ingest/field-issue.js';
import { readNinjsItem } from '../../ingest/parse-ninjs.js';
import { isSuperdeskPackage, packagePicture, packageStory, readSuperdeskPackage, type PackageMember } from '../../ingest/superdesk/superdesk-package.js';
import type { IngestService } from '../../pipeline/run-ingest.js';
import { toRawItem } from '../../pipeline/run-ingest.js';
import type { Store } from '../../store/store.js';

/** What became of one item Superdesk pushed. */
export type ReceivedItem =
  | { kind: 'stored'; status: 'created' | 'updated' | 'unchanged'; articleId: number }
  | { kind: 'withdrawn'; status: 'taken_down' | 'not_stored'; articleId: number | null; message: string }
  | { kind: 'invalid'; message: string; issues: FieldIssue[] };

/**
 * One item from Superdesk (its media already pointed at Gazette's copies) through the one
 * ingest service: a text, picture or killed item as the ninjs reader reads it; a package as
 * the story of its text item with its pictures, whether they came inside it or before it.
 */
export async function receiveSuperdeskItem(deps: { store: Store; ingest: IngestService }, provider: Provider, json: unknown): Promise<ReceivedItem> {
  const read = isSuperdeskPackage(json) ? await readPackage(deps.store, provider, json as Record<string, unknown>) : readItem(json);
  if (read.kind === 'invalid') return read;
  const outcome = await deps.ingest.ingestBatch(provider, [read.item]);
  if (outcome.kind === 'refused') return { kind: 'invalid', message: 'The item was refused; nothing was stored.', issues: outcome.refused.map((r) => ({ field: '(item)', message: r.reason })) };
  const done = outcome.summary.items[0]!;
  if (done.outcome === 'taken_down') return { kind: 'withdrawn', status: 'taken_down', articleId: done.articleId, message: done.reason };
  if (done.outcome === 'not_stored') return { kind: 'withdrawn', status: 'not_stored', articleId: null, message: done.reason };
  if (done.outcome === 'rejected') return { kind: 'invalid', message: done.reason, issues: [] };
  return { kind: 'stored', status: done.outcome, articleId: done.articleId };
}

type Reading = { kind: 'read'; item: RawItem } | (ReceivedItem & { kind: 'invalid' });

function readItem(json: unknown): Reading {
  const read = readNinjsItem(json);
  return read.kind === 'accepted' ? { kind: 'read', item: read.item } : { kind: 'invalid', message: 'The item is not readable as ninjs; nothing was stored.', issues: read.issues };
}

/** A package as one story: its text item (sent inside it or before it) with its pictures. */
async function readPackage(store: Store, provider: Provider, json: Record<string, unknown>): Promise<Reading> {
  const pkg = readSuperdeskPackage(json);
  const missing: FieldIssue[] = [];
  const stored = async (guid: string) => {
    const stamp = (await store.articles.findStamps(provider.id, [guid])).get(guid);
    const article = stamp && (await store.articles.findById(stamp.id));
    if (!article) missing.push({ field: 'associations', message: `names item "${guid}", which Gazette has not received: Superdesk sends a package's items before it` });
    return article;
  };

  const pictures: RawImage[] = [];
  for (const member of pkg.pictures) {
    const picture = await pictureOf(member, stored);
    if (picture) pictures.push(picture);
  }
  let text: RawItem | null = null;
  if (pkg.text?.kind === 'embedded') {
    const read = readItem(pkg.text.item);
    if (read.kind === 'invalid') return { ...read, issues: read.issues.map((i) => ({ ...i, field: `associations (text item): ${i.field}` })) };
    text = read.item;
  } else if (pkg.text?.kind === 'sent-first') {
    const article = await stored(pkg.text.guid);
    if (article) text = toRawItem(article, false);
  } else if (pkg.guid && pkg.headline && pictures.length > 0) {
    // A package of pictures only: a picture story under the package's own headline.
    const read = readItem({ guid: pkg.guid, headline: pkg.headline, type: 'text', description_text: pictures[0]!.caption ?? pkg.headline });
    text = read.kind === 'read' ? read.item : null;
  }
  if (missing.length > 0) return { kind: 'invalid', message: 'The package names items Gazette does not have; nothing was stored.', issues: missing };
  if (!text) return { kind: 'invalid', message: 'The package has no text item and no pictures: there is no story to make of it.', issues: [{ field: 'associations', message: 'holds no text or picture item' }] };
  return { kind: 'read', item: packageStory(text, pictures, pkg.pubStatus) };
}

/** A package's picture: from the item sent inside it, or from the picture story stored when it was sent first. */
async function pictureOf(member: PackageMember, stored: (guid: string) => Promise<Article | undefined>): Promise<RawImage | null> {
  if (member.kind === 'embedded') return packagePicture(member.item);
  const article = await stored(member.guid);
  const image = article?.leadImage;
  return image ? { url: image.url, alt: image.alt, caption: image.caption, credit: image.credit, width: null, height: null } : null;
}
