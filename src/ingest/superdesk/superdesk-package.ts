/**
 * Superdesk packages (ninjs `type: composite`). Its formatter puts the package's groups in
 * `associations` (`main`, `main-0`, `sidebars-1` …): each is the whole item when the
 * destination embeds package items, else only its `guid` and `type`, the items themselves
 * having been sent before the package. Gazette makes a package one story: its main text item
 * with the package's pictures (the first the lead picture, the others under the text).
 */
import type { PubStatus, RawImage, RawItem } from '../../domain/raw-item.js';
import { isObject, lowerKeys, str, type Json } from '../ninjs/ninjs-json.js';
import { pictureOf, pictureTypes } from '../ninjs/ninjs-media.js';
import { escapeAttribute, escapeText, paragraphsHtml } from '../media-renditions.js';

/** An item of a package: sent whole inside it, or named by guid (sent before the package). */
export type PackageMember = { kind: 'embedded'; item: Json } | { kind: 'sent-first'; guid: string };

/** What a package is made of. */
export interface SuperdeskPackage {
  guid: string | null;
  headline: string | null;
  pubStatus: PubStatus;
  /** Its main text item, if it has one. */
  text: PackageMember | null;
  pictures: PackageMember[];
}

/** Whether a Superdesk item is a package. */
export function isSuperdeskPackage(item: unknown): boolean {
  return isObject(item) && str(item.type)?.toLowerCase() === 'composite';
}

/** The package's main text item and its pictures, main group first, in the order sent. */
export function readSuperdeskPackage(value: Json): SuperdeskPackage {
  const item = lowerKeys(value) as Json;
  const associations = isObject(item.associations) ? Object.entries(item.associations) : [];
  // The `main` group first; others (sidebars, story) after it, each in the order sent.
  const ordered = [...associations.filter(([k]) => /^main(-\d+)?$/.test(k)), ...associations.filter(([k]) => !/^main(-\d+)?$/.test(k))];
  let text: PackageMember | null = null;
  const pictures: PackageMember[] = [];
  for (const [, member] of ordered) {
    if (!isObject(member)) continue;
    const type = (str(member.type) ?? 'text').toLowerCase();
    const guid = str(member.guid) ?? str(member.uri);
    const embedded = str(member.headline) !== null || str(member.body_html) !== null || str(member.body_text) !== null || isObject(member.renditions);
    const read: PackageMember | null = embedded ? { kind: 'embedded', item: member } : guid ? { kind: 'sent-first', guid } : null;
    if (!read) continue;
    if (pictureTypes.has(type)) pictures.push(read);
    else if ((type === 'text' || type === 'preformatted') && !text) text = read;
  }
  const status = (str(item.pubstatus) ?? 'usable').toLowerCase();
  return {
    guid: str(item.guid) ?? str(item.uri),
    headline: str(item.headline),
    pubStatus: status === 'canceled' || status === 'withheld' ? status : 'usable',
    text,
    pictures,
  };
}

/** An embedded picture item as a picture for a story. */
export function packagePicture(item: Json): RawImage | null {
  return pictureOf(lowerKeys(item) as Json);
}

/**
 * The story a package becomes: its text item with its pictures. The text's own lead picture
 * stays first; pictures it does not show yet follow under the text. A canceled package takes
 * its story down.
 */
export function packageStory(text: RawItem, pictures: RawImage[], pubStatus: PubStatus): RawItem {
  const [lead, ...rest] = text.image ? [text.image, ...pictures.filter((p) => p.url !== text.image!.url)] : pictures;
  const body = text.html ?? (text.text ? paragraphsHtml(text.text) : '');
  const shown = rest.filter((p) => !body.includes(escapeAttribute(p.url)));
  return {
    ...text,
    html: shown.length > 0 ? `${body}${shown.map(figure).join('')}` : text.html,
    text: shown.length > 0 ? null : text.text,
    image: lead ?? null,
    pubStatus: pubStatus === 'usable' ? text.pubStatus : pubStatus,
  };
}

function figure(picture: RawImage): string {
  const caption = [picture.caption, picture.credit].filter(Boolean).join(' ');
  return `<figure><img src="${escapeAttribute(picture.url)}" alt="${escapeAttribute(picture.alt ?? picture.caption ?? '')}">${caption ? `<figcaption>${escapeText(caption)}</figcaption>` : ''}</figure>`;
}
