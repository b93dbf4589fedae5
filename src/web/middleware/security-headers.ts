import type { MiddlewareHandler } from 'hono';

/**
 * The Content-Security-Policy of every response: scripts and styles only from the site's own
 * files (no inline script or style anywhere), images only from the site itself (every picture,
 * in bodies too, goes through the image endpoint, so readers' browsers never contact providers'
 * servers), embedded frames as article bodies carry them, nothing may frame the site, and forms
 * post only to it.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  // Agency video and audio stories play from the agency's renditions.
  'media-src https: http:',
  "font-src 'self'",
  "connect-src 'self'",
  // The web app manifest (default-src 'none' would refuse it).
  "manifest-src 'self'",
  'frame-src https:',
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Adds the security headers to every response: the CSP above, `nosniff` so a browser never
 * runs a feed or JSON answer as script (RFC 9110 leaves sniffing to it otherwise), a referrer
 * policy that gives other sites only our origin, and X-Frame-Options for older browsers.
 * A handler that set one of these itself keeps its own.
 */
export function securityHeaders(): MiddlewareHandler {
  const headers: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  };
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  };
}
