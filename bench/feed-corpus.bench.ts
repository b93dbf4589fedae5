/**
 * Feed-reading quality on the shared corpus (feeds/README.md): how many of the feedparser DEV
 * files each reader takes, how often it agrees with the files' `Expect` lines, how many of the
 * rss-parser real-world feeds it reads and how many items it finds, and how fast — for
 * Gazette's reader and each npm feed parser installed, in the same run.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeed as rowanmanningParse } from '@rowanmanning/feed-parser';
import { parseFeed as feedsmithParse } from 'feedsmith';
import { parseFeed as gazetteParse } from '../src/ingest/parse-feed.js';
import type { Benchmark, BenchRow } from './benchmark.js';

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/corpus/feeds');

/** What the Expect checks compare: the feed's and the first entries' simple fields. */
interface Reading {
  feed: Record<string, string | null | undefined>;
  entries: Record<string, string | null | undefined>[];
  items: number;
}

interface Reader {
  name: string;
  read(bytes: Buffer, contentType: string | null): Reading;
}

const readers: Reader[] = [
  {
    name: 'gazette parseFeed',
    read(bytes, contentType) {
      const r = gazetteParse(bytes, { contentType, url: null });
      if (r.kind === 'rejected') throw new Error(r.reason);
      return {
        feed: { title: r.feed.title, link: r.feed.link },
        entries: r.items.map((i) => ({ title: i.headline, link: i.url, id: i.guid, author: i.byline })),
        items: r.items.length,
      };
    },
  },
  {
    name: '@rowanmanning/feed-parser',
    read(bytes) {
      const f = rowanmanningParse(bytes.toString('utf8'));
      return {
        feed: { title: f.title, link: f.url },
        entries: f.items.map((i) => ({ title: i.title, link: i.url, id: i.id, author: i.authors[0]?.name })),
        items: f.items.length,
      };
    },
  },
  {
    name: 'feedsmith',
    read(bytes) {
      const { feed } = feedsmithParse(bytes.toString('utf8')) as { feed: Record<string, unknown> };
      const list = (feed.items ?? feed.entries ?? []) as Record<string, unknown>[];
      const text = (v: unknown) => (typeof v === 'string' ? v : v && typeof v === 'object' && 'value' in v ? String((v as { value: unknown }).value) : undefined);
      const link = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? text(v[0]?.href) : undefined);
      return {
        feed: { title: text(feed.title), link: link(feed.link ?? feed.links) },
        entries: list.map((i) => ({ title: text(i.title), link: link(i.link ?? i.links), id: text(i.guid ?? i.id) })),
        items: list.length,
      };
    },
  },
];

/** One simple Expect clause: `feed['title'] == '…'` or `entries[0]['title'] == '…'` (and other keys). */
interface Expectation {
  scope: 'feed' | 'entry0';
  key: string;
  value: string;
}

/**
 * Interprets the plain Expect forms: an optional `not bozo and ` then one comparison of
 * `feed['k']` or `entries[0]['k']` with a Python string literal (or literals joined by +).
 */
export function parseExpect(expect: string): Expectation | null {
  const m = /^(?:not bozo and )?(feed|entries\[0\])\['(\w+)'\] == ((?:u?'(?:[^'\\]|\\.)*'(?:\s*\+\s*)?)+)$/.exec(expect.trim());
  if (!m) return null;
  const literals = [...m[3]!.matchAll(/u?'((?:[^'\\]|\\.)*)'/g)].map((l) => pythonString(l[1]!));
  return { scope: m[1] === 'feed' ? 'feed' : 'entry0', key: m[2]!, value: literals.join('') };
}

function pythonString(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' } as Record<string, string>)[e] ?? `\\${e}`;
  });
}

function headerContentType(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 2048).toString('latin1');
  return /^Header:\s*Content-type:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? null;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const bench: Benchmark = {
  name: 'Feed corpus: files read and expectations met, Gazette vs npm parsers',
  group: 'quality',
  async run() {
    if (!existsSync(corpus)) return { rows: [], notes: [`skipped: no corpus at ${relative(process.cwd(), corpus)}`] };
    const index = readFileSync(join(corpus, 'feedparser/INDEX.tsv'), 'utf8').trim().split('\n').slice(1);
    const cases = index.map((line) => {
      const [path, , expect] = line.split('\t');
      const bytes = readFileSync(join(corpus, 'feedparser', path!));
      return { path: path!, bytes, contentType: headerContentType(bytes), expectation: parseExpect(expect ?? '') };
    });
    const realWorld = filesUnder(join(corpus, 'rss-parser/test/input')).map((p) => readFileSync(p));
    const countBy = (key: string, scope: Expectation['scope']) => cases.filter((c) => c.expectation?.scope === scope && (key === '*' || c.expectation.key === key)).length;

    const rows: BenchRow[] = [];
    for (const reader of readers) {
      let parsed = 0;
      let feedTitle = 0;
      let entryTitle = 0;
      let other = 0;
      // One untimed pass first, so the first reader does not pay everyone's JIT warm-up.
      for (const c of cases) {
        try {
          reader.read(c.bytes, c.contentType);
        } catch {
          // counted below
        }
      }
      const started = performance.now();
      for (const c of cases) {
        let reading: Reading;
        try {
          reading = reader.read(c.bytes, c.contentType);
        } catch {
          continue;
        }
        parsed++;
        const e = c.expectation;
        if (!e) continue;
        const actual = e.scope === 'feed' ? reading.feed[e.key] : reading.entries[0]?.[e.key];
        if (actual !== e.value) continue;
        if (e.key === 'title') e.scope === 'feed' ? feedTitle++ : entryTitle++;
        else other++;
      }
      const seconds = (performance.now() - started) / 1000;
      let realRead = 0;
      let realItems = 0;
      for (const bytes of realWorld) {
        try {
          realItems += reader.read(bytes, null).items;
          realRead++;
        } catch {
          // counted as not read
        }
      }
      rows.push({
        reader: reader.name,
        [`feedparser DEV read (of ${cases.length})`]: parsed,
        [`feed title (of ${countBy('title', 'feed')})`]: feedTitle,
        [`first item title (of ${countBy('title', 'entry0')})`]: entryTitle,
        [`other simple Expects (of ${countBy('*', 'feed') + countBy('*', 'entry0') - countBy('title', 'feed') - countBy('title', 'entry0')})`]: other,
        [`rss-parser real-world read (of ${realWorld.length})`]: realRead,
        'real-world items': realItems,
        'feeds/s (feedparser DEV)': Math.round(cases.length / seconds),
      });
    }
    const base = Number(rows[1]!['feeds/s (feedparser DEV)']);
    for (const row of rows) row['speed vs @rowanmanning'] = Number(row['feeds/s (feedparser DEV)']) / base;
    return {
      rows,
      notes: [
        'Expect values describe feedparser\'s behaviour (its HTML sanitising included); a miss means "differs from feedparser".',
        'Gazette reads bytes with the file\'s Header: Content-type as the HTTP header; the npm parsers get the bytes as UTF-8 text.',
      ],
    };
  },
};

export default bench;
