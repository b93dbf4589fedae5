import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HtmlEscapedCallbackPhase, resolveCallback } from 'hono/utils/html';

/** Bodies sent by `sendHtml`, by the response they went out in. */
const renderedBodies = new WeakMap<Response, Buffer>();

/**
 * `c.html(page)` with the same bytes and headers, whose body HTTP caching then takes as it
 * is (`renderedBodyOf`) instead of reading the response back: reading a string body back
 * goes through a web stream, a check of the text for lone surrogates and a second encoding,
 * a noticeable share of a results page's CPU when every request renders one.
 */
export async function sendHtml(c: Context, page: string | Promise<string>, status?: ContentfulStatusCode): Promise<Response> {
  const html = typeof page === 'object' ? await resolveCallback(page, HtmlEscapedCallbackPhase.Stringify, false, {}) : page;
  const body = Buffer.from(html);
  const res = c.body(body, status, { 'content-type': 'text/html; charset=UTF-8' });
  renderedBodies.set(res, body);
  return res;
}

/** The body `sendHtml` sent in `res`, or undefined for any other response. */
export function renderedBodyOf(res: Response): Buffer | undefined {
  return renderedBodies.get(res);
}
