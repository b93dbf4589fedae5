import type { ArticleWithProvider } from '../../domain/article.js';
import { COMPLAINT_RATE_LIMIT, COMPLAINT_RATE_WINDOW_MS, withinRateLimit } from '../../domain/comment-policy.js';
import { complaintFormSchema } from '../../domain/complaint.js';
import type { Store } from '../../store/store.js';
import { checkFormToken, submissionKey, visitorHash } from './form-token.js';

/** The report form's fields as sent, kept to show again when something is wrong. */
export interface ComplaintFields {
  kind: string;
  message: string;
  email: string;
}

export type ComplaintErrors = Partial<Record<keyof ComplaintFields | 'form', string>>;

/** What became of a report. */
export type ComplaintOutcome =
  | { kind: 'saved'; duplicate: boolean }
  | { kind: 'trapped' }
  | { kind: 'refused'; status: 400 | 422 | 429; errors: ComplaintErrors };

/** The form purpose a report token is signed for: one article's report form. */
export const complaintPurpose = (articleId: number) => `complaint:${articleId}`;

/**
 * Checks and keeps a reader's report about a story, for its provider's users and the
 * editors: the form token, the honeypot, the fields and the per-visitor rate limit.
 */
export async function submitComplaint(
  store: Store,
  secret: string,
  article: ArticleWithProvider,
  submission: { fields: ComplaintFields; token: string; honeypot: string; clientAddress: string; now?: Date },
): Promise<ComplaintOutcome> {
  const now = submission.now ?? new Date();
  if (submission.honeypot.trim() !== '') return { kind: 'trapped' };
  const token = checkFormToken(secret, complaintPurpose(article.id), submission.token, now.getTime());
  if (token !== 'ok') {
    const form = token === 'expired' ? 'This form was open too long. Your report is below: please send it again.' : 'This form could not be checked. Your report is below: please send it again.';
    return { kind: 'refused', status: 400, errors: { form } };
  }
  const parsed = complaintFormSchema.safeParse(submission.fields);
  if (!parsed.success) {
    const errors: ComplaintErrors = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as keyof ComplaintFields] ??= issue.message;
    return { kind: 'refused', status: 422, errors };
  }
  const visitor = visitorHash(secret, submission.clientAddress);
  const key = submissionKey(submission.token, visitor, [parsed.data.kind, parsed.data.message, parsed.data.email ?? '']);
  if (await store.complaints.findSubmission(key)) return { kind: 'saved', duplicate: true };
  const recent = await store.complaints.countFromVisitorSince(visitor, new Date(now.getTime() - COMPLAINT_RATE_WINDOW_MS));
  if (!withinRateLimit(recent, COMPLAINT_RATE_LIMIT)) {
    return { kind: 'refused', status: 429, errors: { form: `You have sent ${COMPLAINT_RATE_LIMIT} reports in the last hour. Please wait a little and send this one again; it is kept below.` } };
  }
  const { kind, message, email } = parsed.data;
  const saved = await store.complaints.create({
    articleId: article.id,
    providerId: article.providerId,
    kind,
    message,
    contactEmail: email,
    visitorHash: visitor,
    submissionKey: key,
    createdAt: now,
  });
  return { kind: 'saved', duplicate: saved.kind === 'duplicate' };
}
