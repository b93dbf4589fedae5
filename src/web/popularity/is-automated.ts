import type { IncomingHttpHeaders } from 'node:http';

/**
 * User agents that are programs, not readers: crawlers, link previews, monitors, feed
 * readers and HTTP libraries. Browsers all send a "Mozilla/5.0 …" agent; programs either
 * name themselves with one of these words or send no agent at all.
 */
const AUTOMATED =
  /bot\b|bot[/;-]|crawl|spider|slurp|scrap|archiver|facebookexternalhit|embedly|preview|whatsapp|telegram|discord|slack|skype|vkshare|pinterest|qwantify|bingpreview|mediapartners|lighthouse|pagespeed|gtmetrix|pingdom|uptime|monitor|statuscake|headless|phantomjs|selenium|puppeteer|playwright|feed|rss|fetch|curl|wget|httpie|python|java\/|go-http-client|okhttp|axios|node-fetch|undici|libwww|perl|ruby|php|http_request|apache-httpclient|postman|insomnia/i;

/** Whether a request comes from a program rather than a reader's browser. */
export function isAutomated(userAgent: string | undefined): boolean {
  return !userAgent || userAgent.length > 1000 || AUTOMATED.test(userAgent);
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
