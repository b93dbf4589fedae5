import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runGazette } from '../../test/support/cli.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import { terminalSafe } from './terminal-safe.js';

describe('terminalSafe', () => {
  it('shows escape sequences, line breaks and bidi controls as text', () => {
    assert.equal(terminalSafe('\u001b[2J\u001b]0;owned\u0007Title'), '\\x1B[2J\\x1B]0;owned\\x07Title');
    assert.equal(terminalSafe('one\nrejected fake: line'), 'one\\x0Arejected fake: line');
    assert.equal(terminalSafe('\u009b31m\u202Egnp.exe'), '\\x9B31m\\u202Egnp.exe');
  });

  it('leaves ordinary text, including non-Latin scripts, as it is', () => {
    const text = 'Markets rally — أسواق الخليج ترتفع — 市场上涨';
    assert.equal(terminalSafe(text), text);
  });
});

describe('gazette feed list with a hostile feed title', () => {
  it('prints the title with its escape sequences shown, not acted on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-tty-'));
    try {
      const store = openSqliteStore(join(dir, 'gazette.sqlite'));
      await store.migrate();
      const provider = await store.providers.create({ slug: 'wire', name: 'Wire' });
      const feed = await store.feeds.create({ providerId: provider.id, url: 'https://wire.example/feed', pollIntervalSeconds: 900 });
      await store.feeds.update(feed.id, { lastError: 'bad\nfake line' });
      // The store strips control characters from titles; a database written by an older
      // Gazette (or by hand) may still hold them, and the terminal must not act on them.
      await store.db.updateTable('feeds').set({ title: 'World\u001b]0;pwned\u0007\u001b[2J news' }).where('id', '=', feed.id).execute();
      await store.close();
      const list = await runGazette(['feed', 'list'], { DATA_DIR: dir, DATABASE_URL: '' });
      assert.equal(list.code, 0, list.stderr);
      assert.ok(!/[\u0000-\u0009\u000b-\u001f]/.test(list.stdout), list.stdout);
      assert.match(list.stdout, /"World\\x1B\]0;pwned\\x07\\x1B\[2J news"/);
      assert.match(list.stdout, /last error: bad\\x0Afake line/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
