import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseFeed } from './parse-feed.js';

const corpus = new URL('./testdata/corpus/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, corpus));

/** The INDEX rows of the copied feedparser files: path and Expect. */
const rows = read('feedparser/INDEX.tsv')
  .toString('utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [path, , expect] = line.split('\t');
    return { path: path!, expect: expect! };
  });

/** `Header: Content-type:` and `Content-Location:` lines, which feedparser sends as HTTP headers. */
function headers(bytes: Buffer): { contentType: string | null; url: string | null } {
  const head = bytes.subarray(0, 2048).toString('latin1');
  return {
    contentType: /^Header:\s*Content-type:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? null,
    url: /^Header:\s*Content-Location:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? null,
  };
}

/** A Python string literal's value (\xNN, \uNNNN escapes). */
const python = (s: string) => s.replace(/\\x([0-9a-f]{2})|\\u([0-9a-f]{4})/gi, (_, x, u) => String.fromCharCode(parseInt(x ?? u, 16)));

describe('parseFeed on files from the feedparser test suite', () => {
  for (const { path, expect } of rows) {
    it(`${path}: ${expect}`, () => {
      const bytes = read(`feedparser/${path}`);
      const result = parseFeed(bytes, headers(bytes));
      // Every one of these files, ill-formed ones included, is readable by a lenient reader.
      assert.equal(result.kind, 'feed', result.kind === 'rejected' ? result.reason : '');
      if (result.kind !== 'feed') return;
      const m = /(feed|entries\[0\])\['(title|link|language)'\] == '((?:[^'\\]|\\.)*)'$/.exec(expect);
      if (!m || m[3]!.includes('<')) return; // markup in a title: feedparser's own sanitising policy
      const item = result.items[0];
      const actual =
        m[1] === 'feed'
          ? { title: result.feed.title, link: result.feed.link, language: null }[m[2]!]
          : { title: item?.headline, link: item?.url, language: item?.language }[m[2]!];
      assert.equal(actual, python(m[3]!));
    });
  }
});

describe('parseFeed on real-world feeds from the rss-parser test suite', () => {
  for (const name of readdirSync(new URL('rss-parser/input/', corpus))) {
    it(`${name}: as many items as rss-parser's snapshot, with the same titles`, () => {
      const result = parseFeed(read(`rss-parser/input/${name}`), {});
      assert.equal(result.kind, 'feed');
      const snapshotPath = new URL(`rss-parser/output/${name.replace(/\.[^.]+$/, '.json')}`, corpus);
      if (!existsSync(snapshotPath) || result.kind !== 'feed') return;
      const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')) as { feed: { title?: string; items: { title?: string }[] } };
      assert.equal(result.items.length, snapshot.feed.items.length);
      assert.deepEqual(
        result.items.map((i) => i.headline),
        snapshot.feed.items.map((i) => (i.title ?? '').replace(/\s+/g, ' ').trim()),
      );
    });
  }
});
