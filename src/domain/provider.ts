import { z } from 'zod';

/** A slug: lower-case letters, digits and single dashes, as used in URLs. */
export const slugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and dashes');

/** What a caller supplies to create or update a provider. */
export const providerInputSchema = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1).max(200),
  homepage: z.string().url().nullable().default(null),
  contactEmail: z.string().email().nullable().default(null),
  disclaimer: z.string().max(10_000).default(''),
});
export type ProviderInput = z.input<typeof providerInputSchema>;

/** A content provider: a news agency, press-release distributor or publisher. */
export interface Provider {
  id: number;
  slug: string;
  name: string;
  homepage: string | null;
  contactEmail: string | null;
  /** Legal text shown under every story of this provider. */
  disclaimer: string;
  /** Shown with its name and disclaimer; null until an editor uploads one. */
  logo: ProviderLogo | null;
  createdAt: Date;
}

/**
 * A provider's logo: a picture an editor uploaded, kept in the database under its content
 * hash (`asset:logo-<sha256>`, an image source the image endpoint serves), and its pixel size.
 */
export interface ProviderLogo {
  source: string;
  width: number;
  height: number;
}

/** The image source a logo's bytes are kept under: their SHA-256, so the same bytes are one asset. */
export const LOGO_SOURCE_PATTERN = /^asset:logo-[0-9a-f]{64}$/;
