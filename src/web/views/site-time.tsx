import { createContext, useContext } from 'hono/jsx';

/** How a page shows times: the site's zone and locale, and the minute the page was rendered. */
export interface SiteTime {
  timeZone: string;
  locale: string;
  /** Render time, rounded down to the minute: pages rendered within one minute are the same bytes. */
  now: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The site time of a page rendered now. */
export function siteTimeNow(site: { timeZone: string; locale: string }, now = Date.now()): SiteTime {
  return { timeZone: site.timeZone, locale: site.locale, now: Math.floor(now / MINUTE) * MINUTE };
}

/** Set by the layout for everything it renders; UTC and en-GB outside one (error pages in tests). */
export const SiteTimeContext = createContext<SiteTime>(siteTimeNow({ timeZone: 'UTC', locale: 'en-GB' }));

// Intl formatters cost more to build than a page costs to render: one set per zone and locale.
interface Formatters {
  date: Intl.DateTimeFormat;
  dateTime: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
  relative: Intl.RelativeTimeFormat;
}
const formatters = new Map<string, Formatters>();

function formattersOf(t: SiteTime): Formatters {
  const key = `${t.locale}|${t.timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const timeZone = t.timeZone;
    f = {
      date: new Intl.DateTimeFormat(t.locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone }),
      dateTime: new Intl.DateTimeFormat(t.locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }),
      // The calendar day in the site's zone, to tell "today" apart.
      day: new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }),
      relative: new Intl.RelativeTimeFormat(t.locale, { numeric: 'auto' }),
    };
    formatters.set(key, f);
  }
  return f;
}

/** A full date and time in the site's zone, e.g. "12 Sept 2025, 13:30 GST". */
export function formatSiteDateTime(date: Date, t: SiteTime): string {
  return formattersOf(t).dateTime.format(date);
}

/**
 * A teaser's time: "2 hours ago" for a story of today (in the site's zone) less than a day
 * old, the date otherwise. Computed at render from a minute-rounded clock; pages showing it
 * are kept at most a minute (see the page cache's lifetimes), so the words stay true.
 */
export function formatTeaserTime(date: Date, t: SiteTime): string {
  const f = formattersOf(t);
  const age = t.now - date.getTime();
  if (age >= -MINUTE && age < 24 * HOUR && f.day.format(date) === f.day.format(t.now)) {
    if (age < HOUR) return f.relative.format(-Math.max(0, Math.floor(age / MINUTE)), 'minute');
    return f.relative.format(-Math.floor(age / HOUR), 'hour');
  }
  return f.date.format(date);
}

/** `<time datetime>` with the site's wording: relative for teasers, full date and time otherwise. */
export function Time(props: { date: Date; relative?: boolean; isolate?: boolean }) {
  const t = useContext(SiteTimeContext);
  const text = props.relative ? formatTeaserTime(props.date, t) : formatSiteDateTime(props.date, t);
  return (
    <time datetime={props.date.toISOString()} dir={props.isolate ? 'auto' : undefined} title={props.relative ? formatSiteDateTime(props.date, t) : undefined}>
      {text}
    </time>
  );
}
