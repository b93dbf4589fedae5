import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { reusePreparedStatements } from './reuse-prepared-statements.js';

describe('reusing prepared statements', () => {
  const connection = () => reusePreparedStatements(new BetterSqlite3(':memory:'));
  const list = (n: number) => `select value from json_each(json_array(${Array.from({ length: n }, () => '?').join(', ')}))`;

  it('compiles a short statement once', () => {
    const db = connection();
    assert.equal(db.prepare('select ? as one'), db.prepare('select ? as one'));
  });

  it('keeps a long statement (more than 32 parameters) only once its text comes a second time', () => {
    const db = connection();
    const first = db.prepare(list(40));
    const second = db.prepare(list(40));
    assert.notEqual(first, second, 'seen once: a one-off, not kept');
    assert.equal(db.prepare(list(40)), second, 'seen twice: kept');
    assert.notEqual(db.prepare(list(41)), db.prepare(list(42)), 'other lengths are other texts');
    assert.deepEqual(
      db.prepare(list(40)).all(...Array.from({ length: 40 }, (_, i) => i)).map((r) => (r as { value: number }).value),
      Array.from({ length: 40 }, (_, i) => i),
    );
  });
});
