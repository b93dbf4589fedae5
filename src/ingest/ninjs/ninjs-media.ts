import { rawImage, type RawImage } from '../../domain/raw-item.js';
import { htmlToText } from '../html-to-text.js';
import { httpUrl, num, objects, str, type Json } from './ninjs-json.js';

/** A rendition of a media item, as ninjs describes it. */
interface Rendition {
  href: string;
  type: string;
  width: number | null;
  height: number | null;
}

/** Item types that are pictures (ninjs `type`). */
export const pictureTypes = new Set(['picture', 'graphic']);
/** Item types that are played. */
export const playedTypes = new Set(['video', 'audio']);

/** The item's renditions with an http(s) link (an array in 2.x/3.x, an object map in 1.x). */
export function renditionsOf(item: Json): Rendition[] {
  return objects(item.renditions).flatMap((r) => {
    const href = str(r.href);
    if (!httpUrl(href)) return [];
    return [{ href, type: (str(r.contenttype) ?? str(r.mimetype) ?? '').toLowerCase(), width: num(r.width), height: num(r.height) }];
  });
}

/**
 * The rendition to show as a picture: the widest web size (up to 2048 px) of an image type;
 * a print master only when nothing smaller exists. Renditions that are not images (a video
 * file, a NITF caption) are never chosen.
 */
export function pictureRendition(renditions: Rendition[]): Rendition | null {
  const images = renditions.filter((r) => r.type === '' ? /\.(jpe?g|png|gif|webp)(\?|$)/i.test(r.href) : r.type.startsWith('image/'));
  const score = (r: Rendition) => (r.width === null ? 0 : r.width <= 2048 ? r.width : -r.width);
  return images.sort((a, b) => score(b) - score(a))[0] ?? null;
}

/** The rendition a browser can play (`<video>`/`<audio>`): MP4, WebM, Ogg or MPEG audio. */
export function playableRendition(renditions: Rendition[], kind: 'video' | 'audio'): Rendition | null {
  const playable = kind === 'video' ? /^video\/(mp4|webm|ogg|mpeg)/ : /^audio\/(mpeg|mp3|mp4|aac|ogg|wav|webm)/;
  const candidates = renditions.filter((r) => playable.test(r.type) || (r.type === '' && (kind === 'video' ? /\.(mp4|webm)(\?|$)/i : /\.(mp3|m4a|ogg)(\?|$)/i).test(r.href)));
  // The smallest one that plays: readers on phones stream it.
  return candidates.sort((a, b) => (a.width ?? 0) - (b.width ?? 0))[0] ?? null;
}

/** A picture's caption: a description with a caption-like role, else the first one, else the 1.x fields. */
export function captionOf(item: Json): string | null {
  const descriptions = objects(item.descriptions).filter((d) => str(d.value));
  const chosen =
    descriptions.find((d) => /caption/i.test(str(d.role) ?? '')) ??
    descriptions.find((d) => /^(text|summary|description)$/i.test(str(d.role) ?? '')) ??
    descriptions.find((d) => !/credit|writer|ednote|alt/i.test(str(d.role) ?? ''));
  const value = chosen ? str(chosen.value) : (str(item.description_text) ?? str(item.description_html) ?? str(item.description_xhtml));
  return value ? htmlToText(value) || null : null;
}

/** Who to credit for a picture: `by`/`byline`, else a `creditline` description, else the copyright holder. */
export function creditOf(item: Json): string | null {
  const creditLine = objects(item.descriptions).find((d) => /credit/i.test(str(d.role) ?? ''));
  return str(item.by) ?? str(item.byline) ?? (creditLine ? str(creditLine.value) : null) ?? str(item.copyrightholder);
}

/** A picture item (or association) as a RawImage: its best rendition with caption and credit. */
export function pictureOf(item: Json): RawImage | null {
  const rendition = pictureRendition(renditionsOf(item));
  const caption = captionOf(item);
  return rawImage(rendition?.href, {
    alt: caption ?? str(item.headline) ?? null,
    caption,
    credit: creditOf(item),
    width: rendition?.width ?? null,
    height: rendition?.height ?? null,
  });
}

/**
 * The lead picture of a text item: its first `picture` association, else a video's poster
 * frame. Logos and other graphics are not lead pictures.
 */
export function leadAssociation(item: Json): { image: RawImage; hrefs: Set<string>; name: string | null } | null {
  // A featured picture (ninjs 1.x `featuremedia`, Superdesk's name for it) first, then in order.
  const associations = objects(item.associations).sort((a, b) => Number(isFeatured(b)) - Number(isFeatured(a)));
  const ordered = [...associations.filter((a) => (str(a.type) ?? 'picture') === 'picture'), ...associations.filter((a) => str(a.type) === 'video')];
  for (const association of ordered) {
    const image = pictureOf(association);
    if (image) return { image, hrefs: new Set(renditionsOf(association).map((r) => r.href)), name: str(association.name) };
  }
  return null;
}

function isFeatured(association: Json): boolean {
  return /^feature(media|image)$/i.test(str(association.name) ?? '');
}

/** Players for the video and audio associations of a text item, to go under its body. */
export function associatedPlayers(item: Json): string {
  let html = '';
  for (const association of objects(item.associations)) {
    const type = str(association.type);
    if (type !== 'video' && type !== 'audio') continue;
    html += playerHtml(association, type, null);
  }
  return html;
}

/** A `<video>` or `<audio>` element for an item's playable rendition, with its caption; '' when none plays. */
export function playerHtml(item: Json, kind: 'video' | 'audio', caption: string | null): string {
  const renditions = renditionsOf(item);
  const media = playableRendition(renditions, kind);
  if (!media) return '';
  const poster = kind === 'video' ? pictureRendition(renditions) : null;
  const attributes = `controls preload="none" src="${escapeAttribute(media.href)}"${poster ? ` poster="${escapeAttribute(poster.href)}"` : ''}`;
  const figcaption = caption ? `<figcaption>${escapeText(caption)}</figcaption>` : '';
  return `<figure><${kind} ${attributes}></${kind}>${figcaption}</figure>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
