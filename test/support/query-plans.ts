import { CompiledQuery } from 'kysely';
import type { KyselyStore } from '../../src/store/kysely-store.js';

/** A statement as the store's query hook saw it. */
export type Captured = { sql: string; parameters: readonly unknown[] };

/** A node of a PostgreSQL JSON plan, as far as the checks read it. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

/** One statement's plan: its problems, and the plan as indented lines (node, and the relation or index it reads). */
export interface ExplainedPlan {
  problems: string[];
  plan: string;
  /** PostgreSQL's plan tree (SQLite has none). */
  root?: PlanNode;
}

/**
 * One statement's plan and its problems on its engine: a sort, or a full scan of one of
 * `largeTables` (SQLite names every full scan; a tiny constant or VALUES list is no problem).
 * `allowSort` lets a caller accept a PostgreSQL sort it knows to be bounded.
 */
export async function explainPlan(
  store: KyselyStore,
  statement: Captured,
  largeTables: readonly string[],
  options: { allowSort?: (sort: PlanNode) => boolean } = {},
): Promise<ExplainedPlan> {
  if (store.engine === 'sqlite') {
    const rows = await store.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${statement.sql}`, [...statement.parameters]));
    // A subquery's rows (a co-routine or a materialized table) are as many as its own plan reads.
    const subqueries = new Set(rows.rows.map(({ detail }) => /^(?:CO-ROUTINE|MATERIALIZE) (\w+)/.exec(detail)?.[1]).filter((name) => name !== undefined));
    const problems = rows.rows.flatMap(({ detail }) => {
      if (/USE TEMP B-TREE/.test(detail)) return [`a sort (${detail})`];
      const scan = /^SCAN (\w+)(?: AS \w+)?/.exec(detail);
      // "SCAN x" is a full scan of x; a scan of a tiny constant, a CTE or a subquery is no
      // problem, nor is FTS5's own lookup (a virtual table "scan" through its index), nor
      // `json_each` over rows sent as one parameter (insert-rows.ts), a VALUES list by another name.
      if (scan && !subqueries.has(scan[1]!) && !/^SCAN (CONSTANT ROW|\d+-ROW VALUES CLAUSE|json_each VIRTUAL TABLE)|VIRTUAL TABLE INDEX \d+:[=M]/.test(detail)) return [`a full scan (${detail})`];
      return [];
    });
    return { problems, plan: rows.rows.map((r) => r.detail).join('\n') };
  }
  // EXPLAIN without ANALYZE plans a write without running it.
  const result = await store.db.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`explain (format json) ${statement.sql}`, [...statement.parameters]));
  const root = (result.rows[0]!['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan;
  const problems: string[] = [];
  const walk = (node: PlanNode) => {
    if ((node['Node Type'] === 'Sort' || node['Node Type'] === 'Incremental Sort') && !options.allowSort?.(node)) problems.push('a sort');
    if (node['Node Type'] === 'Seq Scan' && largeTables.includes(node['Relation Name'] ?? '')) problems.push(`a full scan of ${node['Relation Name']}`);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(root);
  return { problems, plan: describePlan(root), root };
}

/** One statement's plan problems on its engine (see explainPlan). */
export async function planProblems(store: KyselyStore, statement: Captured, largeTables: readonly string[]): Promise<string[]> {
  return (await explainPlan(store, statement, largeTables)).problems;
}

/** A plan as indented lines: node type, and the relation or index it reads. */
export function describePlan(node: PlanNode, depth = 0): string {
  const target = node['Index Name'] ? ` on ${node['Index Name']}` : node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
  return [`${'  '.repeat(depth)}${node['Node Type']}${target}`, ...(node.Plans ?? []).map((p) => describePlan(p, depth + 1))].join('\n');
}

/** Every node of a plan tree. */
export function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}
