import { z } from 'zod';
import { stripUnsafeText } from './text-safety.js';

/** Where a comment stands: only approved comments are shown to readers. */
export const commentStatuses = ['pending', 'approved', 'rejected'] as const;
export type CommentStatus = (typeof commentStatuses)[number];

/** Why a comment waits for a moderator: the settings ask for it, or it carries many links. */
export type HeldReason = 'moderation' | 'links';

/** Longest name, email and comment a reader may send (characters). */
export const COMMENT_LIMITS = { name: 80, email: 254, body: 4000 } as const;

/** A reader's comment as readers see it: never the email or the hashes. */
export interface PublicComment {
  id: number;
  articleId: number;
  /** The top-level comment this one answers; replies are one level deep. */
  parentId: number | null;
  authorName: string;
  body: string;
  createdAt: Date;
}

/** A comment as moderators see it, with its article and how it came to wait. */
export interface ModeratedComment extends PublicComment {
  status: CommentStatus;
  heldReason: HeldReason | null;
  /** Given by the reader for moderators only; never shown on the site. */
  authorEmail: string | null;
  commenterKey: string;
  visitorHash: string;
  moderatedAt: Date | null;
  moderatedBy: string | null;
  article: { id: number; slug: string; headline: string; status: string; providerId: number };
}

/** What the store is given to keep a new comment (already checked and decided). */
export interface NewComment {
  articleId: number;
  parentId: number | null;
  authorName: string;
  authorEmail: string | null;
  body: string;
  status: CommentStatus;
  heldReason: HeldReason | null;
  commenterKey: string;
  visitorHash: string;
  /** Unique per form token and visitor: the same form sent twice makes one comment. */
  submissionKey: string;
  createdAt: Date;
}

/** Trimmed text with unsafe characters removed; an empty field becomes "". */
const text = () => z.string().default('').transform((s) => stripUnsafeText(s).trim());

/** An optional email: empty means none; otherwise a real address, kept lower-cased. */
export const optionalEmailSchema = text()
  .pipe(z.string().max(COMMENT_LIMITS.email, `An email address has at most ${COMMENT_LIMITS.email} characters.`))
  .pipe(z.union([z.literal(''), z.string().email('This is not an email address; leave it empty if you prefer.')]))
  .transform((e) => (e === '' ? null : e.toLowerCase()));

/** The comment form as a reader fills it in. */
export const commentFormSchema = z.object({
  name: text()
    .pipe(z.string().min(1, 'Please give a name to show with your comment.').max(COMMENT_LIMITS.name, `A name has at most ${COMMENT_LIMITS.name} characters.`)),
  email: optionalEmailSchema,
  body: text().pipe(
    z.string().min(1, 'The comment is empty.').max(COMMENT_LIMITS.body, `A comment has at most ${COMMENT_LIMITS.body} characters.`),
  ),
  parentId: z
    .string()
    .default('')
    .transform((s, ctx) => {
      if (s === '') return null;
      if (!/^\d{1,10}$/.test(s)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'The comment you answer does not exist.' });
        return z.NEVER;
      }
      return Number(s);
    }),
});
export type CommentForm = z.output<typeof commentFormSchema>;

/** Moderation settings; in a provider's row, null inherits the site's value. */
export interface CommentSettings {
  /** Readers may comment at all. */
  enabled: boolean;
  /** New comments wait for a moderator (unless the commenter earned automatic approval). */
  requireApproval: boolean;
  /** Approve automatically once the commenter has this many approved comments; 0 never. */
  autoApproveAfter: number;
}

/** A scope's own settings: each field set, or inherited (null). */
export type CommentSettingsOverride = { [K in keyof CommentSettings]: CommentSettings[K] | null };

/** Where settings apply: the whole site, or one provider's stories. */
export type SettingsScope = { kind: 'site' } | { kind: 'provider'; providerId: number };
