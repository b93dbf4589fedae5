import type { Selectable } from 'kysely';
import type { Article, ArticleStatus } from '../domain/article.js';
import type { LeadImage, LeadImageStatus } from '../domain/lead-image.js';
import type { Provider, ProviderLogo } from '../domain/provider.js';
import type { AgencyMeta } from '../domain/raw-item.js';
import { trustSanitizedHtml } from '../domain/safe-html.js';
import type { ArticlesTable, ProvidersTable, Timestamp } from './schema.js';

/** Reads a stored time: PostgreSQL gives a Date, SQLite the ISO text we wrote. */
export function toDate(value: Timestamp): Date {
  return value instanceof Date ? value : new Date(value);
}

/** Writes a time the same way for both engines: ISO-8601 UTC, which sorts as text. */
export function toTimestamp(date: Date): string {
  return date.toISOString();
}

export function toProvider(row: Selectable<ProvidersTable>): Provider {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    homepage: row.homepage,
    contactEmail: row.contact_email,
    disclaimer: row.disclaimer,
    logo: toProviderLogo(row.logo_asset, row.logo_width, row.logo_height),
    createdAt: toDate(row.created_at),
  };
}

/** A provider's logo columns (migration 0025), or null when it has none. */
export function toProviderLogo(asset: string | null | undefined, width: number | null | undefined, height: number | null | undefined): ProviderLogo | null {
  return asset && width && height ? { source: asset, width, height } : null;
}

export function toArticle(row: Selectable<ArticlesTable>, categories: string[]): Article {
  return {
    id: row.id,
    providerId: row.provider_id,
    guid: row.guid,
    slug: row.slug,
    sourceUrl: row.source_url,
    headline: row.headline,
    summary: row.summary,
    // The store only ever holds sanitizer output (see ArticleRepo.upsert).
    bodyHtml: trustSanitizedHtml(row.body_html),
    bodyText: row.body_text,
    byline: row.byline,
    dateline: row.dateline,
    language: row.language,
    publishedAt: toDate(row.published_at),
    updatedAt: toDate(row.updated_at),
    ingestedAt: toDate(row.ingested_at),
    categories,
    status: row.status as ArticleStatus,
    contentHash: row.content_hash,
    sourceHash: row.source_hash,
    leadImage: toLeadImage(row),
    copyrightNotice: row.copyright_notice ?? null,
    usageTerms: row.usage_terms ?? null,
    embargoedUntil: row.embargoed_until ? toDate(row.embargoed_until) : null,
    agencyMeta: row.agency_meta ? (JSON.parse(row.agency_meta) as AgencyMeta) : null,
  };
}

/** The lead image columns of an article row (migration 0015), or null when it names none. */
export function toLeadImage(row: Pick<Selectable<ArticlesTable>, 'lead_image_url' | 'lead_image_alt' | 'lead_image_caption' | 'lead_image_credit' | 'lead_image_status' | 'lead_image_width' | 'lead_image_height'>): LeadImage | null {
  if (!row.lead_image_url) return null;
  return {
    url: row.lead_image_url,
    alt: row.lead_image_alt,
    caption: row.lead_image_caption,
    credit: row.lead_image_credit,
    status: (row.lead_image_status ?? 'pending') as LeadImageStatus,
    width: row.lead_image_width,
    height: row.lead_image_height,
  };
}
