import { CompiledQuery } from 'kysely';
import type { KyselyStore } from '../../src/store/kysely-store.js';

/** A statement as the store's query hook saw it. */
export type Captured = { sql: string; parameters: readonly unknown[] };

/**
 * One statement's plan problems on its engine: a sort, or a full scan of one of
 * `largeTables` (SQLite names every full scan; a tiny constant or VALUES list is no problem).
 */
export async function planProblems(store: KyselyStore, statement: Captured, largeTables: readonly string[]): Promise<string[]> {
  if (store.engine === 'sqlite') {
    const rows = await store.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${statement.sql}`, [...statement.parameters]));
    // A subquery's rows (a co-routine or a materialized table) are as many as its own plan reads.
    const subqueries = new Set(rows.rows.map(({ detail }) => /^(?:CO-ROUTINE|MATERIALIZE) (\w+)/.exec(detail)?.[1]).filter((name) => name !== undefined));
    return rows.rows.flatMap(({ detail }) => {
      if (/USE TEMP B-TREE/.test(detail)) return [`a sort (${detail})`];
      const scan = /^SCAN (\w+)(?: AS \w+)?/.exec(detail);
      // "SCAN x" is a full scan of x; a scan of a tiny constant, a CTE or a subquery is no
      // problem, nor is FTS5's own lookup (a virtual table "scan" through its index).
      if (scan && !subqueries.has(scan[1]!) && !/^SCAN (CONSTANT ROW|\d+-ROW VALUES CLAUSE)|VIRTUAL TABLE INDEX \d+:[=M]/.test(detail)) return [`a full scan (${detail})`];
      return [];
    });
  }
  // EXPLAIN without ANALYZE plans a write without running it.
  const result = await store.db.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`explain (format json) ${statement.sql}`, [...statement.parameters]));
  const plan = (result.rows[0]!['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan;
  const problems: string[] = [];
  const walk = (node: PlanNode) => {
    if (node['Node Type'] === 'Sort' || node['Node Type'] === 'Incremental Sort') problems.push('a sort');
    if (node['Node Type'] === 'Seq Scan' && largeTables.includes(node['Relation Name'] ?? '')) problems.push(`a full scan of ${node['Relation Name']}`);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  return problems;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
