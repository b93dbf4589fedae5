import type { RawItem } from '../domain/raw-item.js';

/** The feed formats Gazette reads. */
export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json-feed' | 'newsml-g2' | 'newsml-1';

/** What a feed says about itself, beyond its items. */
export interface FeedInfo {
  title: string | null;
  /** The web page the feed belongs to. */
  link: string | null;
  /** WebSub hub (`<link rel="hub">`, W3C WebSub §4), when the feed advertises one. */
  hubUrl: string | null;
  /** The feed's own canonical URL (`<link rel="self">`). */
  selfUrl: string | null;
  format: FeedFormat;
}

/** The result of reading one feed document: its items, or why it could not be read. */
export type FeedParseResult =
  | { kind: 'feed'; feed: FeedInfo; items: RawItem[] }
  | { kind: 'rejected'; reason: string };

/** Options every format parser receives. */
export interface FormatParseOptions {
  /** The URL the feed was fetched from; relative links resolve against it. */
  url: string | null;
}
