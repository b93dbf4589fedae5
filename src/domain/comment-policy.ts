import type { CommentSettings, CommentSettingsOverride, CommentStatus, HeldReason } from './comment.js';

/**
 * The site's settings before anyone changed them: comments open, each one waiting for a
 * moderator until its commenter has had three approved.
 */
export const DEFAULT_COMMENT_SETTINGS: Readonly<CommentSettings> = Object.freeze({
  enabled: true,
  requireApproval: true,
  autoApproveAfter: 3,
});

/**
 * More links than this and a comment waits for a moderator whatever the settings: link
 * spam is most of what comment forms receive, and a reader rarely needs three links.
 */
export const MAX_LINKS_BEFORE_HOLD = 2;

/** Comments a visitor may send in `COMMENT_RATE_WINDOW_MS`, and complaints in its window. */
export const COMMENT_RATE_LIMIT = 5;
export const COMMENT_RATE_WINDOW_MS = 10 * 60_000;
export const COMPLAINT_RATE_LIMIT = 5;
export const COMPLAINT_RATE_WINDOW_MS = 60 * 60_000;

/** The settings that apply to a provider's stories: its own values over the site's. */
export function effectiveSettings(site: Partial<CommentSettingsOverride> | undefined, provider: Partial<CommentSettingsOverride> | undefined): CommentSettings {
  const pick = <K extends keyof CommentSettings>(key: K): CommentSettings[K] =>
    (provider?.[key] ?? site?.[key] ?? DEFAULT_COMMENT_SETTINGS[key]) as CommentSettings[K];
  return { enabled: pick('enabled'), requireApproval: pick('requireApproval'), autoApproveAfter: pick('autoApproveAfter') };
}

// A scheme URL, a bare www. host, or a markdown/HTML link target: what spam uses.
const LINK = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"']+|<a\s[^>]*href|\[[^\]]*\]\([^)]*\)/gi;

/** How many links a text carries. */
export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

/** Whether a comment (its name and text together) carries more links than a reader needs. */
export function isLinkHeavy(name: string, body: string): boolean {
  // A link in the name field is never a name: it counts double.
  return countLinks(body) + 2 * countLinks(name) > MAX_LINKS_BEFORE_HOLD;
}

/** What happens to a new comment: shown at once, or held for a moderator and why. */
export interface CommentDecision {
  status: Extract<CommentStatus, 'approved' | 'pending'>;
  heldReason: HeldReason | null;
}

/**
 * Decides a new comment's status. Link-heavy comments are always held; otherwise a comment
 * is approved when the settings do not ask for moderation, or when its commenter already
 * has `autoApproveAfter` approved comments (trust earned, not claimed).
 */
export function decideCommentStatus(input: { settings: CommentSettings; linkHeavy: boolean; approvedFromCommenter: number }): CommentDecision {
  if (input.linkHeavy) return { status: 'pending', heldReason: 'links' };
  if (!input.settings.requireApproval) return { status: 'approved', heldReason: null };
  const { autoApproveAfter } = input.settings;
  if (autoApproveAfter > 0 && input.approvedFromCommenter >= autoApproveAfter) return { status: 'approved', heldReason: null };
  return { status: 'pending', heldReason: 'moderation' };
}

/** Whether a visitor with `recent` submissions in the window may send another. */
export function withinRateLimit(recent: number, limit: number): boolean {
  return recent < limit;
}

/** Arranges approved comments as threads: top-level comments oldest first, each with its replies oldest first. */
export function threadComments<C extends { id: number; parentId: number | null }>(comments: readonly C[]): { comment: C; replies: C[] }[] {
  const sorted = [...comments].sort((a, b) => a.id - b.id);
  const threads = new Map<number, { comment: C; replies: C[] }>();
  for (const c of sorted) if (c.parentId === null) threads.set(c.id, { comment: c, replies: [] });
  // A reply whose parent is not shown (rejected, deleted) is not shown either: out of context it misleads.
  for (const c of sorted) if (c.parentId !== null) threads.get(c.parentId)?.replies.push(c);
  return [...threads.values()];
}
