import type { SafeHtml } from '../../domain/safe-html.js';
import { trustSanitizedHtml } from '../../domain/safe-html.js';
import type { ImageUrls } from './image-urls.js';

/** Width body pictures are served at: the article column is narrower. */
const BODY_IMAGE_WIDTH = 960;

/**
 * Points every `<img>` of a sanitized body at Gazette's image endpoint, at render time, so
 * readers' browsers never contact the provider's server (the CSP allows images from the site
 * only). The sanitizer writes `src` as an absolute http(s) URL in double quotes and drops
 * `srcset`, so one pattern finds them all; an image the sanitizer could not make absolute
 * is dropped here rather than shown broken.
 */
export function proxyBodyImages(html: SafeHtml, urls: ImageUrls): SafeHtml {
  if (!html.includes('<img')) return html;
  const width = [...urls.widths].reverse().find((w) => w <= BODY_IMAGE_WIDTH) ?? urls.widths[0]!;
  const rewritten = html.replace(/<img\b([^>]*?)\ssrc="([^"]*)"([^>]*)>/g, (_tag, before: string, src: string, after: string) => {
    const url = decodeAttribute(src);
    if (!/^https?:\/\//i.test(url)) return '';
    return `<img${before} src="${urls.src(url, width)}" loading="lazy" decoding="async"${after.replace(/\s(loading|decoding)="[^"]*"/g, '')}>`;
  });
  return trustSanitizedHtml(rewritten);
}

/** The attribute value as the browser reads it (the sanitizer escapes `&` and quotes). */
function decodeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
