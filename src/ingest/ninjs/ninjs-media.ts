import { rawImage, type RawImage } from '../../domain/raw-item.js';
import { htmlToText } from '../html-to-text.js';
import { pictureRendition, playerHtml as renditionPlayer, type Rendition } from '../media-renditions.js';
import { httpUrl, num, objects, str, type Json } from './ninjs-json.js';

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
  return renditionPlayer(renditionsOf(item), kind, caption);
}
