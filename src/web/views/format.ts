// Formatters are built once: constructing Intl objects per call costs more than a page render.
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** A reader-facing date and time in UTC, e.g. "12 Sep 2025, 09:30 UTC". */
export function formatDateTime(date: Date): string {
  return `${dateFormat.format(date)}, ${timeFormat.format(date)} UTC`;
}

/** The path of an article page: the id identifies it, the slug makes the URL readable. */
export function articlePath(article: { id: number; slug: string }): string {
  return `/article/${article.id}/${encodeURIComponent(article.slug)}`;
}

/** Right-to-left scripts, for the `dir` attribute. */
const rtlLanguages = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

export function textDirection(language: string): 'rtl' | 'ltr' {
  return rtlLanguages.has(language.toLowerCase().split('-')[0]!) ? 'rtl' : 'ltr';
}
