/**
 * Renditions of a picture, video or audio item, whatever format sent them (ninjs
 * `renditions`, NewsML-G2 `remoteContent`): which one to show as a picture, which one a
 * browser can play, the player for it, and a headline for an item that has only a caption.
 */

/** One rendition of a media item. */
export interface Rendition {
  href: string;
  /** The content type as sent, lower case ('' when none). */
  type: string;
  width: number | null;
  height: number | null;
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

/**
 * How well a browser plays a rendition: 0 natively (MP4, WebM, Ogg; MP3, AAC, WAV), 1 maybe
 * (`video/mpeg`, which agencies such as AP use for MP4 files), null not at all (MPEG-2 program
 * streams, QuickTime, broadcast masters). Agencies append details to the type
 * (`video/mp4-1920x1080`), so only its start is compared.
 */
function playability(r: Rendition, kind: 'video' | 'audio'): number | null {
  if (r.type === '') return (kind === 'video' ? /\.(mp4|webm)(\?|$)/i : /\.(mp3|m4a|ogg)(\?|$)/i).test(r.href) ? 0 : null;
  if (kind === 'audio') return /^audio\/(mpeg|mp3|mp4|aac|ogg|wav|webm)\b/.test(r.type) ? 0 : null;
  if (/^video\/(mp4|webm|ogg)\b/.test(r.type)) return 0;
  return /^video\/mpeg(;|$)/.test(r.type) ? 1 : null;
}

/** The rendition to play in `<video>`/`<audio>`: the best-supported type, then the smallest. */
export function playableRendition(renditions: Rendition[], kind: 'video' | 'audio'): Rendition | null {
  const candidates = renditions.flatMap((r) => {
    const rank = playability(r, kind);
    return rank === null ? [] : [{ r, rank }];
  });
  // The smallest one that plays: readers on phones stream it.
  candidates.sort((a, b) => a.rank - b.rank || (a.r.width ?? 0) - (b.r.width ?? 0));
  return candidates[0]?.r ?? null;
}

/** A `<video>` or `<audio>` element for the playable rendition, with a poster and caption; '' when none plays. */
export function playerHtml(renditions: Rendition[], kind: 'video' | 'audio', caption: string | null): string {
  const media = playableRendition(renditions, kind);
  if (!media) return '';
  const poster = kind === 'video' ? pictureRendition(renditions) : null;
  const attributes = `controls preload="none" src="${escapeAttribute(media.href)}"${poster ? ` poster="${escapeAttribute(poster.href)}"` : ''}`;
  const figcaption = caption ? `<figcaption>${escapeText(caption)}</figcaption>` : '';
  return `<figure><${kind} ${attributes}></${kind}>${figcaption}</figure>`;
}

/** Longest headline taken from a caption, in characters. */
const CAPTION_HEADLINE_MAX = 110;

/**
 * A headline for a picture, video or audio item the agency sent with a caption but no
 * headline (common for video and photo wires): the caption's first sentence or list entry,
 * cut at a word near 110 characters. Null when the caption has no words.
 */
export function headlineFromCaption(caption: string | null): string | null {
  if (!caption) return null;
  const flat = caption.replace(/\s+/g, ' ').replace(/^[\s\-–—•*]+/, '').trim();
  // A sentence ends at . ! ? before a capital, but not after an initial ("U.S.", "Mr."); a
  // list entry ends at " - " / " – ".
  const first = flat.split(/(?<=[\p{Ll}\p{N}]{2}[.!?]|[!?])\s+(?=\p{Lu})|\s+[-–—•]\s+/u)[0]!.replace(/[\s.:;,]+$/, '').trim();
  if (!/\p{L}/u.test(first)) return null;
  if (first.length <= CAPTION_HEADLINE_MAX) return first;
  const cut = first.slice(0, CAPTION_HEADLINE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** Plain text as HTML paragraphs: one `<p>` per non-empty line, escaped. */
export function paragraphsHtml(text: string): string {
  return text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeText(p)}</p>`)
    .join('');
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
