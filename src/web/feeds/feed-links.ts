/** The feed formats Gazette serves, by the extension in the feed's URL. */
export const feedFormats = {
  rss: { type: 'application/rss+xml', label: 'RSS' },
  atom: { type: 'application/atom+xml', label: 'Atom' },
  json: { type: 'application/feed+json', label: 'JSON Feed' },
} as const;
export type FeedFormatName = keyof typeof feedFormats;

/** One feed a page advertises (`<link rel="alternate">` in its head, a link in its footer). */
export interface FeedLink {
  href: string;
  type: string;
  title: string;
}

/** The site-relative feed paths of a listing: `/feeds/latest.rss`, `/feeds/category/business.atom`, … */
export function feedPaths(feedBase: string): Record<FeedFormatName, string> {
  return { rss: `${feedBase}.rss`, atom: `${feedBase}.atom`, json: `${feedBase}.json` };
}

/** A listing's three feeds, titled "<listing> (RSS)" and so on. */
export function feedLinks(feedBase: string, title: string): FeedLink[] {
  const paths = feedPaths(feedBase);
  return (Object.keys(feedFormats) as FeedFormatName[]).map((f) => ({ href: paths[f], type: feedFormats[f].type, title: `${title} (${feedFormats[f].label})` }));
}

/** Where a listing's feeds live, without the extension: `/feeds/latest`, `/feeds/category/<slug>`, … */
export function feedBaseOf(kind: 'latest' | 'category' | 'provider' | 'entity' | 'lang', slug = ''): string {
  return kind === 'latest' ? '/feeds/latest' : `/feeds/${kind}/${encodeURIComponent(slug)}`;
}
