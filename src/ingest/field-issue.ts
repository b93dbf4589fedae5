/** One thing wrong with one field of an incoming item, for a field-by-field answer. */
export interface FieldIssue {
  /** The field's path in the item, e.g. "headline", "categories.3", "bodies". */
  field: string;
  message: string;
}

/** A reader's verdict on one incoming item: the RawItem, or every problem found. */
export type ItemReading<T> = { kind: 'accepted'; item: T } | { kind: 'rejected'; issues: FieldIssue[] };
