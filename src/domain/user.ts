import { z } from 'zod';

/** Who may do what in the admin area: admins everything, editors all editorial work, provider users their own provider's. */
export const userRoles = ['admin', 'editor', 'provider'] as const;
export type UserRole = (typeof userRoles)[number];

/** A person who signs in to the admin area. Never carries the password hash out of the store. */
export interface User {
  id: number;
  email: string;
  role: UserRole;
  /** The provider a provider user acts for; null for admins and editors. */
  providerId: number | null;
  createdAt: Date;
  disabledAt: Date | null;
  lastSigninAt: Date | null;
}

/** What the admin area knows of the signed-in person (the `user` context variable). */
export interface AdminUser {
  id: number;
  email: string;
  role: UserRole;
  providerId: number | null;
}

/** Email addresses: trimmed, lower-cased, at most 254 characters (RFC 5321 §4.5.3.1.3). */
export const emailSchema = z
  .string()
  .trim()
  .max(254, 'An email address has at most 254 characters.')
  .email('This is not an email address.')
  .transform((e) => e.toLowerCase());

/** Passwords: long enough to resist guessing, short enough that hashing one costs a bounded time. */
export const passwordSchema = z
  .string()
  .min(12, 'A password needs at least 12 characters.')
  .max(200, 'A password has at most 200 characters.');

/** A new account, as `gazette user add` or the Users page gives it. */
export const newUserSchema = z
  .object({ email: emailSchema, role: z.enum(userRoles), providerId: z.number().int().positive().nullable() })
  .refine((u) => (u.role === 'provider') === (u.providerId !== null), {
    message: 'A provider user needs a provider, and only a provider user has one.',
    path: ['providerId'],
  });
export type NewUser = z.input<typeof newUserSchema>;

const rank: Record<UserRole, number> = { provider: 0, editor: 1, admin: 2 };

/** Whether `role` may do what `needed` may: admin ⊃ editor ⊃ provider user. */
export function roleAtLeast(role: UserRole, needed: UserRole): boolean {
  return rank[role] >= rank[needed];
}
