/**
 * Time buckets for PostgreSQL's full-text index. GIN returns a word's matches from the whole
 * archive, in no order: a search for the newest matches in one window of time would read
 * every match the archive holds, window after window. So the index is built on the document
 * plus a lexeme per bucket of time the entry falls in (`key >> shift` for each shift below:
 * 70 minutes, 4.7 hours, 19 hours, 3.1 days, 12 days, 50 days, 200 days, 2.2 years), and a
 * window asks for its word AND the few buckets that cover it. GIN intersects the two posting
 * lists by skipping (TIDs of one time lie together), so a window costs what its own matches
 * do, however large the archive. The lexemes start with a space, which no parser leaves in
 * a lexeme: no reader's word can match one.
 */

/** Keys are sort_at·2²¹ + …, so key >> s buckets 2^(s−21) ms of entries. */
export const TIME_BUCKET_SHIFTS = [43, 45, 47, 49, 51, 53, 55, 57] as const;

/**
 * The indexed expression (the GIN index `search_entries_timed_document_idx` is on exactly
 * this; a query must spell it the same for the planner to use the index).
 */
export const TIMED_DOCUMENT = `(document || array_to_tsvector(array[${TIME_BUCKET_SHIFTS.map((s) => `' t${s} ' || (key >> ${s})`).join(', ')}]))`;

/** Most buckets a window is covered with: more, and the next coarser level is used. */
const MAX_BUCKETS = 3;

/**
 * The buckets covering the keys [bottom, top], as one tsquery text (`' t47 12' | ' t47 13'`):
 * the finest level that covers the range in at most three buckets. Undefined when even the
 * coarsest level needs more (the window is most of the archive; its key range alone bounds it).
 */
export function timeBucketsQuery(top: bigint, bottom: bigint): string | undefined {
  for (const shift of TIME_BUCKET_SHIFTS) {
    const s = BigInt(shift);
    const first = bottom >> s;
    const last = top >> s;
    if (last - first >= BigInt(MAX_BUCKETS)) continue;
    const buckets: string[] = [];
    for (let b = first; b <= last; b++) buckets.push(`' t${shift} ${b}'`);
    return buckets.join(' | ');
  }
  return undefined;
}
