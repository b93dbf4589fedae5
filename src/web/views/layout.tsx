import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Category } from '../../domain/category.js';
import { feedBaseOf, feedLinks, type FeedLink } from '../feeds/feed-links.js';
import { SearchBox } from './search-box.js';

/** What every page tells the layout. */
export interface LayoutProps {
  siteName: string;
  title: string;
  description?: string;
  categories: Category[];
  /** The canonical URL of the page, when it has one. */
  canonical?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** The page's own feeds, linked in the head (rel="alternate") and listed in the footer; the latest stories' by default. */
  feeds?: FeedLink[];
  children: Child;
}

const LATEST_FEEDS = feedLinks(feedBaseOf('latest'), 'Latest stories');

/** The page frame: head, masthead with the category navigation, main, footer. */
export function Layout(props: LayoutProps) {
  const title = props.title === props.siteName ? props.siteName : `${props.title} — ${props.siteName}`;
  const feeds = props.feeds ?? LATEST_FEEDS;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {props.description && <meta name="description" content={props.description} />}
        {props.canonical && <link rel="canonical" href={props.canonical} />}
        {feeds.map((f) => <link rel="alternate" type={f.type} href={f.href} title={f.title} />)}
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="masthead">
          <a class="brand" href="/">
            {props.siteName}
          </a>
          <SearchBox />
          <nav aria-label="Categories">
            <ul class="category-nav">
              {props.categories.map((c) => (
                <li>
                  <a href={`/category/${c.slug}`}>{c.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" lang={props.lang} dir={props.dir}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>
            {props.siteName} publishes stories from its providers. Each story names its provider, whose disclaimer
            appears under it.
          </p>
          {feeds.length > 0 && (
            <nav aria-label="Feeds">
              <ul class="feed-links">
                {feeds.map((f) => (
                  <li>
                    <a href={f.href} type={f.type}>
                      {f.title}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </footer>
      </body>
      </html>
    </>
  );
}
