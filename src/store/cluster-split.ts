import { sql, type Kysely } from 'kysely';
import { inChunks } from './in-chunks.js';
import type { WriteEffects } from './kysely-store.js';
import type { Database } from './schema.js';

/** Ids per statement (well under both engines' parameter limits). */
const IDS_PER_QUERY = 500;

/**
 * The stories, pure: the connected components of the links among `members`, counting only
 * links between two published versions, each named by its smallest id (its earliest-received
 * version). A hidden version (taken down, unpublished, under embargo) holds nothing together:
 * it goes with the earliest story it links to, or stands alone. Returns each member's story.
 */
export function componentsOf(members: readonly number[], published: ReadonlySet<number>, links: readonly [number, number][]): Map<number, number> {
  const parent = new Map(members.map((id) => [id, id]));
  const find = (id: number): number => {
    let root = id;
    while (parent.get(root)! !== root) root = parent.get(root)!;
    // Path compression: later finds on this chain take one step.
    let at = id;
    while (at !== root) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const [a, b] of links) {
    if (!parent.has(a) || !parent.has(b) || !published.has(a) || !published.has(b)) continue;
    const [ra, rb] = [find(a), find(b)];
    // The smaller id is the root, so each component's root is its earliest version.
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const story = new Map(members.map((id) => [id, published.has(id) ? find(id) : id]));
  for (const [a, b] of links) {
    for (const [hidden, shown] of [[a, b], [b, a]] as const) {
      if (!parent.has(hidden) || published.has(hidden) || !published.has(shown)) continue;
      const candidate = find(shown);
      if (story.get(hidden) === hidden || candidate < story.get(hidden)!) story.set(hidden, candidate);
    }
  }
  return story;
}

/**
 * Recomputes the stories around these articles from their members' links: the stories they
 * are in, those of every version they link to, and any named in `alsoStories` (one a version
 * has just left) are taken together and split (or joined)
 * into connected components, each named by its first version. Run after a version's links or
 * status changed: corrected, reprocessed, taken down, restored, released from embargo.
 * Listings, search and cached pages of every story and moved version follow at commit.
 * The work follows the size of the stories involved, never the archive's.
 */
export async function reclusterAround(db: Kysely<Database>, effects: WriteEffects, articleIds: readonly number[], alsoStories: readonly number[] = []): Promise<void> {
  if (articleIds.length === 0 && alsoStories.length === 0) return;
  const seeds = [...new Set(articleIds)];
  const neighbours = await inChunks(seeds, IDS_PER_QUERY, async (chunk) => [
    ...(await db.selectFrom('cluster_links').select('linked_id as id').where('article_id', 'in', chunk).execute()),
    ...(await db.selectFrom('cluster_links').select('article_id as id').where('linked_id', 'in', chunk).execute()),
  ]);
  const around = [...new Set([...seeds, ...neighbours.map((n) => n.id)])];
  const current = await inChunks(around, IDS_PER_QUERY, (chunk) => db.selectFrom('article_clusters').select('cluster_id').where('article_id', 'in', chunk).execute());
  const storyIds = [...new Set([...alsoStories, ...current.map((r) => r.cluster_id)])];
  if (storyIds.length === 0) return;
  const rows = await inChunks(storyIds, IDS_PER_QUERY, (chunk) =>
    db.selectFrom('article_clusters').select(['article_id', 'cluster_id']).where('cluster_id', 'in', chunk).orderBy('cluster_id').orderBy('article_id').execute(),
  );
  const before = new Map(rows.map((r) => [r.article_id, r.cluster_id]));
  const members = [...before.keys()];
  const published = new Set(
    (await inChunks(members, IDS_PER_QUERY, (chunk) => db.selectFrom('articles').select('id').where('id', 'in', chunk).where('status', '=', 'published').execute())).map((r) => r.id),
  );
  const links = await inChunks(members, IDS_PER_QUERY, (chunk) => db.selectFrom('cluster_links').select(['article_id', 'linked_id']).where('article_id', 'in', chunk).execute());
  const story = componentsOf(members, published, links.map((l) => [l.article_id, l.linked_id]));
  const moved = [...story].filter(([id, to]) => before.get(id) !== to);
  // Each moved version is given its story in one statement per chunk, by a CASE on its id:
  // splitting a story of thousands into stories of one cost an update per version.
  await inChunks(moved, IDS_PER_QUERY, async (chunk) => {
    const storyOf = sql<number>`case article_id ${sql.join(chunk.map(([id, to]) => sql`when ${id} then cast(${to} as integer)`), sql` `)} end`;
    await db.updateTable('article_clusters').set({ cluster_id: storyOf }).where('article_id', 'in', chunk.map(([id]) => id)).execute();
    return [];
  });
  for (const [id, to] of moved) {
    // The story each moved version left and the one it is in now are rewritten at commit,
    // and its page ("also reported by") is dropped from caches.
    effects.touchStory(to);
    effects.touchStory(before.get(id)!);
    effects.touchArticle(id, to);
  }
}
