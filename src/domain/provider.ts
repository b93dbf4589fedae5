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
  createdAt: Date;
}
