import { hasUnsafeText } from './text-safety.js';

/** A partner's read key as Gazette keeps it (never the secret): who it is and how fast it may read. */
export interface PartnerKey {
  id: number;
  /** Who the partner is, for people ("Example News app"). */
  name: string;
  /** The public part, shown by `gazette partner list` and named to revoke the key. */
  keyId: string;
  /** API reads a minute this key may make. */
  perMinute: number;
  createdAt: Date;
  revokedAt: Date | null;
}

/** A partner key's default limit: ten times the anonymous default. */
export const DEFAULT_PARTNER_PER_MINUTE = 3_000;

/** What is wrong with a new partner key's name and limit, by field, in words; empty when nothing is. */
export function partnerKeyProblems(name: string, perMinute: number): { name?: string; perMinute?: string } {
  const problems: { name?: string; perMinute?: string } = {};
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) problems.name = 'A name of 1 to 200 characters.';
  else if (hasUnsafeText(trimmed)) problems.name = 'Contains control or invisible characters.';
  if (!Number.isInteger(perMinute) || perMinute < 1 || perMinute > 1_000_000) problems.perMinute = 'A whole number from 1 to 1,000,000.';
  return problems;
}
