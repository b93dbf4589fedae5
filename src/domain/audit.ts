/** One editorial action, as the audit log keeps it. */
export interface AuditEntry {
  id: number;
  at: Date;
  /** The user who acted; null for the command line or a provider's API key. */
  actorId: number | null;
  /** Who acted, as shown: an email, "command line", "API key <id>". */
  actorLabel: string;
  /** What was done, e.g. `article.take_down`, `feed.pause`, `user.add`. */
  action: string;
  subjectType: string;
  subjectId: string;
  /** The provider the subject belongs to, so a provider user sees its own entries. */
  providerId: number | null;
  /** One line for people. */
  summary: string;
  before: unknown;
  after: unknown;
}

/** What a caller records; the store adds id and time. */
export type AuditInput = Omit<AuditEntry, 'id' | 'at' | 'before' | 'after'> & { before?: unknown; after?: unknown };

/** Who acts in an editorial action: a signed-in user, the command line, or an API key. */
export interface Actor {
  id: number | null;
  label: string;
}

/** The actor of every `gazette` command. */
export const COMMAND_LINE: Actor = { id: null, label: 'command line' };

/** Filters of the audit log; every one is an index range. */
export interface AuditFilter {
  action?: string;
  actorId?: number;
  subject?: { type: string; id: string };
  providerId?: number;
}
