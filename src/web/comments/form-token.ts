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
 * The cookie that carries a commenter's token: set on the answer to their first comment, sent
 * back with each later one. Only the browser that sent the comments holds it (HttpOnly, never
 * in a page or a URL), so trust earned by approved comments cannot be borrowed by typing
 * someone's name or email.
 */
export const COMMENTER_COOKIE = 'gazette_commenter';

/** How long a commenter's browser keeps its token without commenting: a year. */
export const COMMENTER_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

/** A new commenter token: 256 random bits, beyond guessing. */
export function newCommenterToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The token a cookie carries when it is one Gazette could have issued, else undefined (a new one is issued). */
export function readCommenterToken(value: string | undefined): string | undefined {
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

/**
 * A commenter, for "approve automatically after N approved comments" and for blocks: a keyed
 * hash of the token in their browser's cookie, so the stored key reveals nothing and means
 * nothing without the site's key. Neither the email (anyone can type a regular's) nor the
 * address (shared by an office or a phone network) is trusted: trust stays with the browser
 * that earned it, and starts again when its cookies are cleared.
 */
export function commenterKey(secret: string, commenterToken: string): string {
  return `c:${createHmac('sha256', secret).update(`commenter\n${commenterToken}`).digest('base64url').slice(0, 32)}`;
}
