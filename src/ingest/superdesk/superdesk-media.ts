/**
 * Superdesk's media references. Its ninjs names each rendition's file by a `media` id beside
 * the `href` (a URL of the newsroom's own storage, often unreachable from outside), and its
 * HTTP Push transmitter uploads every such file to the destination's Assets URL before the
 * item. These functions find the ids and point renditions, and the body pictures showing
 * them, at the copies Gazette holds, so a story's pictures never need the newsroom's server.
 */
import { isObject, type Json } from '../ninjs/ninjs-json.js';

/** How deep associations are followed: a package holds items, which hold their pictures. */
const MAX_DEPTH = 3;

/** Every rendition media id of an item and its associations, each once. */
export function superdeskMediaIds(item: unknown): string[] {
  const ids = new Set<string>();
  walk(item, 0, (node) => {
    for (const rendition of renditionsOf(node)) if (typeof rendition.media === 'string' && rendition.media) ids.add(rendition.media);
  });
  return [...ids];
}

/**
 * A copy of the item whose renditions of stored media point at Gazette's copies (`urlOf`
 * answers the URL of a stored media id, null for one never uploaded), and whose HTML bodies
 * show those copies wherever they showed the newsroom's URL. Renditions of media Gazette
 * does not hold keep their href.
 */
export function withStoredMedia(item: unknown, urlOf: (mediaId: string) => string | null): unknown {
  const copy: unknown = structuredClone(item);
  const moved = new Map<string, string>();
  walk(copy, 0, (node) => {
    for (const rendition of renditionsOf(node)) {
      const url = typeof rendition.media === 'string' ? urlOf(rendition.media) : null;
      if (!url) continue;
      if (typeof rendition.href === 'string' && rendition.href) moved.set(rendition.href, url);
      rendition.href = url;
    }
  });
  if (moved.size > 0) {
    walk(copy, 0, (node) => {
      for (const field of ['body_html', 'description_html']) {
        if (typeof node[field] === 'string') node[field] = replaceUrls(node[field] as string, moved);
      }
    });
  }
  return copy;
}

/** Calls `visit` on the item and each association, depth first. */
function walk(node: unknown, depth: number, visit: (node: Json) => void): void {
  if (!isObject(node) || depth > MAX_DEPTH) return;
  visit(node);
  const associations = node.associations;
  const children = Array.isArray(associations) ? associations : isObject(associations) ? Object.values(associations) : [];
  for (const child of children) walk(child, depth + 1, visit);
}

/** The rendition objects of one item (an object map in Superdesk's ninjs, an array in 2.x). */
function renditionsOf(node: Json): Json[] {
  const renditions = node.renditions;
  if (Array.isArray(renditions)) return renditions.filter(isObject);
  return isObject(renditions) ? Object.values(renditions).filter(isObject) : [];
}

/** The body with each moved URL replaced, as written raw or with `&` escaped in an attribute. */
function replaceUrls(html: string, moved: Map<string, string>): string {
  let out = html;
  for (const [from, to] of moved) {
    out = out.split(from).join(to);
    const escaped = from.replace(/&/g, '&amp;');
    if (escaped !== from) out = out.split(escaped).join(to);
  }
  return out;
}
