import { z } from '@hono/zod-openapi';

/**
 * The read API's response shapes, in one place: the handlers build exactly these, tests
 * validate real responses against them, and the OpenAPI document is generated from them.
 * Every text field is plain text unless its name ends in `Html`.
 */

const plain = (description: string) => z.string().openapi({ description: `${description} Plain text: never HTML, show it escaped.` });
const instant = (description: string) => z.string().datetime({ offset: true }).openapi({ description: `${description} RFC 3339, UTC.`, example: '2026-02-12T07:45:00.000Z' });

/** An API error: a stable code to branch on, a message for people, and details for some codes. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code.' }),
      message: z.string().openapi({ description: 'What went wrong, for people.' }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

/** A provider as articles name it. */
export const providerRefSchema = z.object({ slug: z.string().openapi({ example: 'menafn' }), name: plain('The provider’s name.') }).openapi('ProviderRef');

/** A story's lead picture, as the API shows it once Gazette has fetched and measured it. */
export const leadImageSchema = z
  .object({
    url: z.string().url().openapi({ description: 'The picture on this site, resized (at most 1280 pixels wide), signed and cached for a year.' }),
    sourceUrl: z.string().url().openapi({ description: 'The picture as the provider named it.' }),
    alt: plain('Alternative text for readers who cannot see the picture.').nullable(),
    caption: plain('The caption.').nullable(),
    credit: plain('Photographer or agency.').nullable(),
    width: z.number().int().openapi({ description: 'Width of the original picture in pixels, as measured.' }),
    height: z.number().int().openapi({ description: 'Height of the original picture in pixels, as measured.' }),
  })
  .openapi('LeadImage');

/** A provider's logo: an uploaded picture this site serves. */
export const providerLogoSchema = z
  .object({
    url: z.string().url().openapi({ description: 'The logo on this site, resized (at most 640 pixels wide), signed and cached for a year.' }),
    width: z.number().int().openapi({ description: 'Width of the uploaded logo in pixels.' }),
    height: z.number().int().openapi({ description: 'Height of the uploaded logo in pixels.' }),
  })
  .openapi('ProviderLogo');

/** An article as lists show it. */
export const articleSummarySchema = z
  .object({
    id: z.number().int().openapi({ example: 42 }),
    url: z.string().url().openapi({ description: 'The article page on this site.' }),
    guid: z.string().openapi({ description: 'The provider’s own id for the item, as it was sent.' }),
    headline: plain('The headline.'),
    summary: plain('A one-paragraph summary.'),
    provider: providerRefSchema,
    publishedAt: instant('When the provider published it.'),
    updatedAt: instant('When the provider last changed it.'),
    language: z.string().openapi({ description: 'BCP 47 language tag.', example: 'en' }),
    categories: z.array(z.string()).openapi({ description: 'Category slugs, primary first.' }),
    image: leadImageSchema.nullable().openapi({ description: 'The lead picture; null when there is none, while it is being fetched, or when it could not be had.' }),
    story: z
      .object({
        id: z.number().int().openapi({ description: 'Shared by every version of one story (see /stories/{id}).' }),
        size: z.number().int().min(1).openapi({ description: 'How many versions the story holds.' }),
      })
      .openapi('StoryRef'),
  })
  .openapi('ArticleSummary');

/** One page of articles, newest first. */
export const articleListSchema = z
  .object({
    data: z.array(articleSummarySchema),
    next: z.string().url().nullable().openapi({ description: 'The next (older) page, with every filter kept; null on the last page.' }),
  })
  .openapi('ArticleList');

/** An IPTC ninjs 2.0 item (iptc.org/std/ninjs), as `?format=ninjs` answers. */
export const ninjsItemSchema = z
  .object({
    uri: z.string().url(),
    type: z.literal('text'),
    headlines: z.array(z.object({ value: z.string() }).passthrough()),
    versioncreated: z.string(),
    associations: z
      .array(
        z
          .object({
            name: z.literal('mainpicture'),
            uri: z.string().url().openapi({ description: 'The picture as the provider named it.' }),
            type: z.literal('picture'),
            by: z.string().optional().openapi({ description: 'Photographer or agency (plain text).' }),
            descriptions: z
              .array(z.object({ role: z.enum(['caption', 'alt']), value: z.string(), contenttype: z.literal('text/plain') }))
              .optional()
              .openapi({ description: 'The caption and the alternative text, plain text.' }),
            renditions: z
              .array(z.object({ name: z.string(), href: z.string().url(), contenttype: z.string().optional(), width: z.number().int(), height: z.number().int() }))
              .openapi({ description: 'This site’s copy in every width it offers (`w320`, `w640`, …, signed URLs), then the provider’s `original`, each with its pixel size.' }),
          })
          .passthrough(),
      )
      .optional()
      .openapi({ description: 'The lead picture, once Gazette has fetched and measured it.' }),
  })
  .passthrough()
  .openapi('NinjsItem');

/** A page of ninjs items. */
export const ninjsListSchema = z.object({ data: z.array(ninjsItemSchema), next: z.string().url().nullable() }).openapi('NinjsList');

/** An entity as an article mentions it. */
export const articleEntitySchema = z
  .object({
    slug: z.string(),
    name: plain('Canonical name.'),
    type: z.enum(['person', 'organisation', 'place']),
    mentions: z.number().int(),
    role: plain('A title the article gives the entity.').nullable(),
  })
  .openapi('ArticleEntity');

/** A version of a story from another (or the same) provider. */
export const otherVersionSchema = z
  .object({ id: z.number().int(), url: z.string().url(), headline: plain('The headline.'), publishedAt: instant('Publication time.'), provider: providerRefSchema })
  .openapi('OtherVersion');

/** One article in full. */
export const articleDetailSchema = articleSummarySchema
  .extend({
    bodyHtml: z.string().openapi({ description: 'The cleaned body: sanitized HTML (no script, styles or event handlers).' }),
    byline: plain('Who wrote it.').nullable(),
    dateline: plain('Where and by whom it was reported, e.g. "(MENAFN)".').nullable(),
    sourceUrl: z.string().url().nullable().openapi({ description: 'The article on the provider’s own site.' }),
    disclaimer: plain('The provider’s legal disclaimer, shown under each of its stories.'),
    providerLogo: providerLogoSchema.nullable().openapi({ description: 'The provider’s logo, shown with its name and disclaimer; null when it has none.' }),
    entities: z.array(articleEntitySchema),
    quotes: z.array(
      z.object({ text: plain('The quoted words.'), speaker: z.object({ slug: z.string().nullable(), name: plain('Who said it.') }).nullable() }).openapi('Quote'),
    ),
    otherVersions: z.array(otherVersionSchema).openapi({ description: 'The story’s other published versions, in the order received (at most 50).' }),
  })
  .openapi('Article');

/** A story: every published version of one event. */
export const storySchema = z
  .object({
    id: z.number().int(),
    size: z.number().int().openapi({ description: 'Versions received, published or not.' }),
    versions: z.array(otherVersionSchema).openapi({ description: 'Published versions in the order received; the first is the story’s head.' }),
  })
  .openapi('Story');

/** A listing's feeds in each format. */
const feedUrlsSchema = z.object({ rss: z.string().url(), atom: z.string().url(), json: z.string().url() }).openapi('FeedUrls');

export const categorySchema = z
  .object({ slug: z.string(), name: plain('Display name.'), iptcCode: z.string().nullable().openapi({ description: 'IPTC Media Topic code.' }), url: z.string().url(), feeds: feedUrlsSchema })
  .openapi('Category');

export const providerSchema = z
  .object({ slug: z.string(), name: plain('Display name.'), homepage: z.string().nullable(), logo: providerLogoSchema.nullable(), url: z.string().url(), feeds: feedUrlsSchema })
  .openapi('Provider');

export const entitySchema = z
  .object({ slug: z.string(), name: plain('Canonical name.'), type: z.enum(['person', 'organisation', 'place']), url: z.string().url(), feeds: feedUrlsSchema })
  .openapi('Entity');

/** Names and slugs in the query (provider, category, entity). */
const slugParam = (what: string) => z.string().min(1).max(200).optional().openapi({ description: `Only stories ${what} (a slug).` });

/** The query of `GET /api/v1/articles`. */
export const listQuerySchema = z
  .object({
    provider: slugParam('from this provider'),
    category: slugParam('in this category'),
    entity: slugParam('mentioning this person, organisation or place'),
    lang: z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i, 'must be a BCP 47 language tag such as "en" or "pt-BR"').optional().openapi({ description: 'Only stories in this language (BCP 47).' }),
    since: z.string().datetime({ offset: true }).optional().openapi({ description: 'Only stories listed at or after this time (RFC 3339).' }),
    until: z.string().datetime({ offset: true }).optional().openapi({ description: 'Only stories listed at or before this time (RFC 3339).' }),
    q: z
      .string()
      .max(2000)
      .optional()
      .openapi({
        description:
          'Only stories matching this full-text search (the syntax of `/search`: words, "a phrase", word*, -word), best match first instead of newest first. Combines with `provider`, `category`, `lang`, `since` and `until`, not with `entity`.',
      }),
    cursor: z.string().max(160).optional().openapi({ description: 'Where the page starts: take it from `next`, never build it.' }),
    limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: 'Articles per page, 1 to 100.' }),
    format: z.enum(['gazette', 'ninjs']).optional().openapi({ description: 'Answer in Gazette JSON (default) or IPTC ninjs 2.1 (also chosen by `Accept: application/ninjs+json`).' }),
  })
  .strict();
