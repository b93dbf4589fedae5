import { z } from 'zod';
import { slugSchema } from './provider.js';

/** A news category of Gazette's fixed taxonomy. */
export interface Category {
  slug: string;
  name: string;
  /** IPTC Media Topic code this category maps to, when there is one. */
  iptcCode: string | null;
}

export const categorySchema = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1).max(100),
  iptcCode: z.string().nullable().default(null),
});
