import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Tokens for anonymous forms (comments, complaints). A reader has no session, so the token
 * cannot be tied to one; instead it is signed with the site's key, names what it may be
 * used for (`comment:12`) and when it was issued. Together with the visitor it makes the
 * submission key, so a replayed or double-submitted form has one effect.
 */

/**
 * How long a form stays valid. Article pages are cached until they change, so a page (and
 * its token) can be days old when a reader writes; an expired form is answered with the
 * text kept and a fresh token, never lost.
 */
export const FORM_TOKEN_MAX_AGE_MS = 7 * 24 * 3_600_000;

const sign = (secret: string, purpose: string, payload: string) =>
  createHmac('sha256', secret).update(`${purpose}\n${payload}`).digest('base64url').slice(0, 32);

/** A new token for a form with this purpose. */
export function issueFormToken(secret: string, purpose: string, now = Date.now()): string {
  const payload = `${now.toString(36)}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${sign(secret, purpose, payload)}`;
}

/** Whether a token is one we issued for this purpose, and still young enough. */
export function checkFormToken(secret: string, purpose: string, token: string, now = Date.now()): 'ok' | 'invalid' | 'expired' {
  const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return 'invalid';
  const expected = Buffer.from(sign(secret, purpose, `${match[1]}.${match[2]}`));
  const given = Buffer.from(match[3]!);
  if (!timingSafeEqual(expected, given)) return 'invalid';
  const issuedAt = parseInt(match[1]!, 36);
  // A token from the future by more than clock skew between nodes is forged or broken.
  if (issuedAt > now + 5 * 60_000) return 'invalid';
  return now - issuedAt > FORM_TOKEN_MAX_AGE_MS ? 'expired' : 'ok';
}

/**
 * The key one submission is kept under: the same form (token) sent by the same visitor with
 * the same content. The content belongs in it because article pages are cached: everyone
 * reading one copy gets the same token, and a reader's second, different comment from that
 * copy is a new submission, while a double click or a replay repeats the content exactly.
 */
export function submissionKey(token: string, visitorHash: string, content: readonly string[]): string {
  const hash = createHash('sha256').update(`${token}\n${visitorHash}`);
  for (const part of content) hash.update(`\n${part.length}:${part}`);
  return hash.digest('base64url');
}

/**
 * A visitor as the comment rules count them: a keyed hash of the client address, so the
 * address itself is never stored and the hash means nothing without the site's key.
 */
export function visitorHash(secret: string, address: string): string {
  return createHmac('sha256', secret).update(`visitor\n${address}`).digest('base64url').slice(0, 32);
}

/**
 * A commenter, for "approve automatically after N approved comments": the email when one
 * is given (hashed, so the key reveals nothing), else the visitor. An email proves nothing,
 * but a spammer who borrows a regular's address only earns what the regular earned —
 * and a link-heavy comment is held whoever sends it.
 */
export function commenterKey(secret: string, email: string | null, visitor: string): string {
  return email ? createHmac('sha256', secret).update(`email\n${email}`).digest('base64url').slice(0, 32) : `v:${visitor}`;
}
