/**
 * Runs `work` on `items` `size` at a time, one after the other, and joins what each chunk
 * returned: a statement per chunk keeps its bound parameters well under both engines'
 * limits (SQLite's 32,766, PostgreSQL's 65,535) however many ids a write touches.
 */
export async function inChunks<I, T>(items: readonly I[], size: number, work: (chunk: I[]) => Promise<readonly T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await work(items.slice(i, i + size))));
  return out;
}
