import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** The session cookie's name. */
export const SESSION_COOKIE = 'gazette_session';
/** The anonymous sign-in form's CSRF cookie (double-submit: the form must carry the same value). */
export const SIGNIN_CSRF_COOKIE = 'gazette_signin';
/** A one-line message for the next admin page (after a redirect), read once. */
export const NOTICE_COOKIE = 'gazette_notice';

/** The cookie lasts this long at most (the session in the database ends sooner when idle). */
const COOKIE_MAX_AGE_S = 7 * 24 * 60 * 60;

/** Cookie attributes: HttpOnly, SameSite=Lax, only under /admin, Secure when the site is served over https. */
function attributes(secure: boolean, maxAge?: number) {
  return { path: '/admin', httpOnly: true, sameSite: 'Lax' as const, secure, ...(maxAge !== undefined && { maxAge }) };
}

/** Whether cookies must be Secure: the public URL is https, or the request came over https. */
export function isSecure(c: Context, publicUrl: string): boolean {
  return publicUrl.startsWith('https:') || new URL(c.req.url).protocol === 'https:';
}

export function setSessionCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, attributes(secure, COOKIE_MAX_AGE_S));
}

export function sessionCookieOf(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, attributes(secure));
}

export function setSigninCsrfCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, SIGNIN_CSRF_COOKIE, token, attributes(secure, 60 * 60));
}

export function signinCsrfCookieOf(c: Context): string | undefined {
  return getCookie(c, SIGNIN_CSRF_COOKIE);
}

/** Leaves a message for the next admin page the browser shows. */
export function setNotice(c: Context, message: string, secure: boolean): void {
  setCookie(c, NOTICE_COOKIE, encodeURIComponent(message.slice(0, 300)), attributes(secure, 120));
}

/** Reads and clears the pending message, if any. */
export function takeNotice(c: Context, secure: boolean): string | undefined {
  const raw = getCookie(c, NOTICE_COOKIE);
  if (raw === undefined) return undefined;
  deleteCookie(c, NOTICE_COOKIE, attributes(secure));
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
