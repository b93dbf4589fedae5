import type { IncomingHttpHeaders } from 'node:http';
import { isbot } from 'isbot';

/**
 * Whether a request comes from a program rather than a reader's browser: crawlers, link
 * previews, monitors, feed readers, headless browsers and HTTP libraries. The `isbot` list is
 * kept up by its maintainers as new agents appear; a missing agent, or one too long to be a
 * browser's, is a program too.
 */
export function isAutomated(userAgent: string | undefined): boolean {
  return !userAgent || userAgent.length > 1000 || isbot(userAgent);
}

/**
 * Whether the browser fetched the page ahead of time, not because a reader opened it:
 * speculation rules and link prefetch send `Sec-Purpose: prefetch` (Fetch standard),
 * older browsers `Purpose: prefetch` or `X-Moz: prefetch`, Safari's previews `X-Purpose: preview`.
 */
export function isPrefetch(headers: IncomingHttpHeaders): boolean {
  const purpose = [headers['sec-purpose'], headers['purpose'], headers['x-moz'], headers['x-purpose']].filter((v): v is string => typeof v === 'string');
  return purpose.some((v) => /prefetch|prerender|preview/i.test(v));
}
