import { raw } from 'hono/html';
import type { SafeHtml } from '../../domain/safe-html.js';

/**
 * The one place a page writes HTML unescaped: an article body, which only the sanitizer
 * can produce (the SafeHtml type).
 */
export function SafeBody(props: { html: SafeHtml; class?: string }) {
  return <div class={props.class}>{raw(props.html)}</div>;
}
