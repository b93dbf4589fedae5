import type { PublishedImage } from './published-image.js';

/** What a ninjs item is made from: an article as the JSON API shows it (detail fields optional). */
export interface NinjsSource {
  id: number;
  url: string;
  guid: string;
  headline: string;
  summary: string;
  provider: { slug: string; name: string };
  publishedAt: string;
  updatedAt: string;
  language: string;
  categories: string[];
  bodyHtml?: string;
  byline?: string | null;
  dateline?: string | null;
  entities?: { name: string; type: 'person' | 'organisation' | 'place'; slug: string }[];
}

/** The ninjs version written. */
export const NINJS_VERSION = '2.0';

/**
 * One article as an IPTC ninjs 2.0 item (iptc.org/std/ninjs): `uri` is the article's stable
 * URL, the headline, summary and body go in `headlines`, `descriptions` and `bodies` with
 * their content types, the provider is the `copyrightholder` and an `infosources` entry, the
 * categories are `subjects` (Gazette slugs under the site's category URLs), and the
 * provider's own id is an `altids` entry. Only fields of the ninjs 2.0 schema are written. A list item without a body is `partial`.
 * The lead picture is a `picture` association (an array in 2.0) with one rendition per size
 * this site offers and the provider's original, each with its pixel size.
 */
export function toNinjs(article: NinjsSource, publicUrl: string, image?: PublishedImage | null): Record<string, unknown> {
  const byType = (type: 'person' | 'organisation' | 'place') =>
    (article.entities ?? []).filter((e) => e.type === type).map((e) => ({ name: e.name, uri: `${publicUrl}/entity/${encodeURIComponent(e.slug)}` }));
  return {
    uri: `${publicUrl}/article/${article.id}`,
    standard: { name: 'ninjs', version: NINJS_VERSION, schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json' },
    type: 'text',
    representationtype: article.bodyHtml === undefined ? 'partial' : 'full',
    firstcreated: article.publishedAt,
    versioncreated: article.updatedAt,
    pubstatus: 'usable',
    language: article.language,
    headlines: [{ role: 'main', value: article.headline, contenttype: 'text/plain' }],
    descriptions: article.summary ? [{ role: 'summary', value: article.summary, contenttype: 'text/plain' }] : [],
    ...(article.bodyHtml !== undefined && { bodies: [{ role: 'main', contenttype: 'text/html', value: article.bodyHtml }] }),
    ...(article.byline && { by: article.byline }),
    ...(article.dateline && { located: article.dateline }),
    copyrightholder: article.provider.name,
    infosources: [{ name: article.provider.name, uri: `${publicUrl}/provider/${encodeURIComponent(article.provider.slug)}`, role: 'originatingsource' }],
    subjects: article.categories.map((slug) => ({ name: slug, uri: `${publicUrl}/category/${encodeURIComponent(slug)}`, rel: 'about' })),
    ...(article.entities && { people: byType('person'), organisations: byType('organisation'), places: byType('place') }),
    altids: [{ role: 'guid', value: article.guid }],
    ...(image && { associations: [pictureAssociation(image)] }),
  };
}

/** The lead picture as a ninjs 2.0 association: caption and alt text as descriptions, the credit as `by`. */
function pictureAssociation(image: PublishedImage): Record<string, unknown> {
  const descriptions = [
    ...(image.caption ? [{ role: 'caption', value: image.caption, contenttype: 'text/plain' }] : []),
    ...(image.alt ? [{ role: 'alt', value: image.alt, contenttype: 'text/plain' }] : []),
  ];
  return {
    name: 'mainpicture',
    uri: image.source.url,
    type: 'picture',
    ...(descriptions.length > 0 && { descriptions }),
    ...(image.credit && { by: image.credit }),
    renditions: [
      ...image.renditions.map((r) => ({ name: `w${r.width}`, href: r.href, contenttype: image.type, width: r.width, height: r.height })),
      { name: 'original', href: image.source.url, width: image.source.width, height: image.source.height },
    ],
  };
}
