import { blockText } from './block-text.js';

/**
 * Class and id words that mark page furniture rather than story: share bars, related and
 * popular lists, newsletter prompts, comment threads, captions and credits, tag lists.
 * Matched as whole words of a class or id (split at `-`, `_`, space, camelCase).
 */
const FURNITURE_WORDS = new Set([
  'share', 'sharing', 'sharebar', 'social', 'socials', 'related', 'newsletter', 'subscribe', 'subscription', 'promo',
  'breadcrumb', 'breadcrumbs', 'comment', 'comments', 'disqus', 'tags', 'taglist', 'caption', 'captions', 'credit',
  'credits', 'recommended', 'recommendations', 'trending', 'popular', 'outbrain', 'taboola', 'sponsored', 'advert',
  'advertisement', 'ad', 'ads', 'adslot', 'banner', 'signup', 'paywall', 'byline', 'dateline', 'timestamp', 'toolbar',
  'print', 'skip', 'nav', 'navigation', 'menu', 'footer', 'sidebar', 'widget', 'cookie', 'cookies', 'consent', 'modal',
  'popup', 'readmore', 'author', 'bio', 'meta', 'pagination', 'pager',
]);

/** Words that mark the story container itself, so a match on them is never furniture. */
const STORY_WORDS = new Set(['article', 'body', 'content', 'story', 'text', 'main', 'entry', 'post']);

/** Tags that are always furniture in an article page. */
const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FORM', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'FOOTER', 'DIALOG', 'MENU']);

/** The class and id of an element as lower-case words. */
export function attributeWords(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether an element is furniture by its tag (nav, aside, form, footer …). */
export function isFurnitureTag(el: Element): boolean {
  return FURNITURE_TAGS.has(el.tagName.toUpperCase());
}

/** Whether an element's class or id says it is furniture (and nothing says it is the story). */
export function looksLikeFurniture(el: Element): boolean {
  if (isFurnitureTag(el)) return true;
  const role = el.getAttribute('role');
  if (role && /^(navigation|complementary|banner|contentinfo|search|dialog|menu|menubar)$/i.test(role)) return true;
  const words = attributeWords(el);
  if (words.length === 0) return false;
  if (words.some((w) => STORY_WORDS.has(w))) return false;
  return words.some((w) => FURNITURE_WORDS.has(w));
}

/** Share of an element's text that sits inside links (0 when it has no text). */
export function linkDensity(el: Element): number {
  const total = blockText(el).replace(/\s+/g, '').length;
  if (total === 0) return 0;
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return Math.min(1, linked / total);
}

/** Removes every descendant of `root` matching the predicate (outermost first). */
export function removeWhere(root: Element, predicate: (el: Element) => boolean): number {
  let removed = 0;
  const stack: Element[] = Array.from(root.children);
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (predicate(el)) {
      el.remove();
      removed++;
    } else {
      stack.push(...Array.from(el.children));
    }
  }
  return removed;
}
