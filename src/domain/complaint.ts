import { z } from 'zod';
import { optionalEmailSchema } from './comment.js';
import { stripUnsafeText } from './text-safety.js';

/** What a reader can report about a story. */
export const complaintKinds = ['copyright', 'factual_error', 'offensive', 'privacy', 'other'] as const;
export type ComplaintKind = (typeof complaintKinds)[number];

/** How each kind reads in forms and queues. */
export const complaintKindLabels: Record<ComplaintKind, string> = {
  copyright: 'Copyright',
  factual_error: 'Factual error',
  offensive: 'Offensive content',
  privacy: 'Privacy',
  other: 'Something else',
};

/** A complaint is open until someone answers it, resolved or rejected, with a note. */
export const complaintStatuses = ['open', 'resolved', 'rejected'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

/** Longest complaint message and answer note (characters). */
export const COMPLAINT_LIMITS = { message: 4000, note: 2000 } as const;

/** A complaint as the admin area shows it. */
export interface Complaint {
  id: number;
  articleId: number;
  providerId: number;
  kind: ComplaintKind;
  message: string;
  contactEmail: string | null;
  status: ComplaintStatus;
  note: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  createdAt: Date;
  article: { slug: string; headline: string; status: string };
}

/** What the store is given to keep a new complaint. */
export interface NewComplaint {
  articleId: number;
  providerId: number;
  kind: ComplaintKind;
  message: string;
  contactEmail: string | null;
  visitorHash: string;
  /** Unique per form token and visitor: the same form sent twice makes one complaint. */
  submissionKey: string;
  createdAt: Date;
}

const text = () => z.string().default('').transform((s) => stripUnsafeText(s).trim());

/** The "Report a problem" form as a reader fills it in. */
export const complaintFormSchema = z.object({
  kind: z.enum(complaintKinds, { errorMap: () => ({ message: 'Please choose what kind of problem this is.' }) }),
  message: text().pipe(
    z
      .string()
      .min(1, 'Please describe the problem.')
      .max(COMPLAINT_LIMITS.message, `A report has at most ${COMPLAINT_LIMITS.message} characters.`),
  ),
  email: optionalEmailSchema,
});
export type ComplaintForm = z.output<typeof complaintFormSchema>;

/** An answer to a complaint. */
export const complaintAnswerSchema = z.object({
  status: z.enum(['resolved', 'rejected'], { errorMap: () => ({ message: 'Choose resolved or rejected.' }) }),
  note: text().pipe(
    z.string().min(1, 'Please write a note with the answer.').max(COMPLAINT_LIMITS.note, `A note has at most ${COMPLAINT_LIMITS.note} characters.`),
  ),
});
