import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Category } from '../../domain/category.js';
import { feedBaseOf, feedLinks, type FeedLink } from '../feeds/feed-links.js';
import { PageMetaTags, type PageMeta } from './page-meta.js';
import { SiteTimeContext, siteTimeNow } from './site-time.js';
import { SearchBox } from './search-box.js';

/** What every page tells the layout. */
export interface LayoutProps {
  siteName: string;
  title: string;
  description?: string;
  categories: Category[];
  /** The site's time zone and locale (SITE_TIMEZONE, SITE_LOCALE). */
  site?: { timeZone: string; locale: string };
  /** The canonical URL of the page, when it has one. */
  canonical?: string;
  /** Open Graph, Twitter card and JSON-LD of the page; a plain "website" when absent. */
  meta?: PageMeta;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** The page's own feeds, linked in the head (rel="alternate") and listed in the footer; the latest stories' by default. */
  feeds?: FeedLink[];
  /** Languages to offer front pages of in the footer (BCP 47 tags). */
  languages?: string[];
  children: Child;
}

const LATEST_FEEDS = feedLinks(feedBaseOf('latest'), 'Latest stories');
/** Sections named in the masthead on a wide screen; the rest are under "More". */
const NAV_SECTIONS = 9;
/** The order an editor runs sections in; any other category follows, by name. */
const SECTION_ORDER = ['world', 'politics', 'business', 'markets', 'economy', 'technology', 'energy', 'conflict', 'health', 'science', 'environment', 'sport', 'culture', 'market-research', 'press-releases'];
const rank = (slug: string) => (SECTION_ORDER.includes(slug) ? SECTION_ORDER.indexOf(slug) : SECTION_ORDER.length);

/** Categories in the order of the masthead. */
export function sectionOrder(categories: readonly Category[]): Category[] {
  return [...categories].sort((a, b) => rank(a.slug) - rank(b.slug) || a.name.localeCompare(b.name));
}
const DEFAULT_SITE = { timeZone: 'UTC', locale: 'en-GB' };

/**
 * The masthead as HTML, kept per category list: pages get the same list object for a minute
 * (page-context.ts), and sorting it and rendering some fifty links cost more than the rest of
 * a results page's frame. The date in it changes with the day, and the site name is config.
 */
const mastheads = new WeakMap<readonly Category[], { key: string; html: string }>();

function mastheadHtml(siteName: string, today: string, categories: readonly Category[]): string {
  const key = `${siteName}\n${today}`;
  const kept = mastheads.get(categories);
  if (kept?.key === key) return kept.html;
  const html = String(<Masthead siteName={siteName} today={today} categories={categories} />);
  mastheads.set(categories, { key, html });
  return html;
}

/** "Saturday 28 November 2026" in the site's zone: one formatter per locale and zone, one text per minute. */
const todayFormats = new Map<string, { format: Intl.DateTimeFormat; minute: number; text: string }>();

function todayText(site: { timeZone: string; locale: string }, minute: number): string {
  const key = `${site.locale}|${site.timeZone}`;
  let kept = todayFormats.get(key);
  if (!kept) {
    const format = new Intl.DateTimeFormat(site.locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: site.timeZone });
    kept = { format, minute: Number.NaN, text: '' };
    todayFormats.set(key, kept);
  }
  if (kept.minute !== minute) {
    kept.text = kept.format.format(minute);
    kept.minute = minute;
  }
  return kept.text;
}

/** A language's own name for itself ("العربية"), or the tag when the runtime does not know it. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Links to the front page of each language, each named in its own language. */
export function LanguageLinks(props: { languages: string[]; class: string }) {
  return (
    <ul class={props.class}>
      {props.languages.map((l) => (
        <li>
          <a href={`/lang/${encodeURIComponent(l)}`} lang={l} hreflang={l}>
            {languageName(l)}
          </a>
        </li>
      ))}
    </ul>
  );
}

function CategoryLinks(props: { categories: Category[] }) {
  return (
    <>
      {props.categories.map((c) => (
        <li>
          <a href={`/category/${c.slug}`}>{c.name}</a>
        </li>
      ))}
    </>
  );
}

/**
 * The page frame: head (title, description, canonical, previews, feeds, icons), masthead
 * with the section navigation, main, footer. On a phone the sections fold into one
 * "Sections" disclosure (a `<details>`, no script), so stories start near the top.
 */
export function Layout(props: LayoutProps) {
  const title = props.title === props.siteName ? props.siteName : `${props.title} — ${props.siteName}`;
  const feeds = props.feeds ?? LATEST_FEEDS;
  const site = props.site ?? DEFAULT_SITE;
  const time = siteTimeNow(site);
  const today = todayText(site, time.now);
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
        <PageMetaTags meta={props.meta ?? { type: 'website' }} title={props.title} description={props.description} url={props.canonical} siteName={props.siteName} locale={site.locale} />
        {feeds.map((f) => <link rel="alternate" type={f.type} href={f.href} title={f.title} />)}
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="apple-touch-icon" href="/icons/icon-180.png" />
        <link rel="manifest" href="/manifest.webmanifest" />
        <meta name="theme-color" content="#a4161a" />
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        {raw(mastheadHtml(props.siteName, today, props.categories))}
        <main id="main" lang={props.lang} dir={props.dir}>
          <SiteTimeContext.Provider value={time}>{props.children}</SiteTimeContext.Provider>
        </main>
        <footer class="site-footer">
          <div class="footer-inner">
            <p class="footer-brand">{props.siteName}</p>
            <p>
              {props.siteName} publishes stories from its providers. Each story names its provider, whose disclaimer
              appears under it.
            </p>
            {props.languages && props.languages.length > 0 && (
              <nav aria-label="Languages">
                <h2 class="footer-heading">Other languages</h2>
                <LanguageLinks languages={props.languages} class="footer-links" />
              </nav>
            )}
            {feeds.length > 0 && (
              <nav aria-label="Feeds">
                <h2 class="footer-heading">Follow by feed</h2>
                <ul class="footer-links feed-links">
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
          </div>
        </footer>
      </body>
      </html>
    </>
  );
}

/** The masthead: brand, date, search box, and the sections (folded into a menu on a phone). */
function Masthead(props: { siteName: string; today: string; categories: readonly Category[] }) {
  const sections = sectionOrder(props.categories);
  const main = sections.slice(0, NAV_SECTIONS);
  const more = sections.slice(NAV_SECTIONS);
  return (
    <header class="masthead">
      <div class="masthead-bar">
        <a class="brand" href="/">
          {props.siteName}
        </a>
        <p class="masthead-date">{props.today}</p>
        <div class="masthead-tools">
          <SearchBox />
        </div>
        <details class="section-menu">
          <summary>Sections</summary>
          {/* On a phone the search box lives in the menu, so the stories come first. */}
          <SearchBox id="menu-search-q" />
          <nav aria-label="Sections">
            <ul>
              <CategoryLinks categories={sections} />
            </ul>
          </nav>
        </details>
      </div>
      <nav class="section-nav" aria-label="Sections">
        <ul>
          <CategoryLinks categories={main} />
          {more.length > 0 && (
            <li class="more">
              <details>
                <summary>More</summary>
                <ul>
                  <CategoryLinks categories={more} />
                </ul>
              </details>
            </li>
          )}
        </ul>
      </nav>
    </header>
  );
}
