import { Hono, type Context } from 'hono';
import { complaintAnswerSchema, complaintKindLabels, type Complaint, type ComplaintStatus } from '../../../domain/complaint.js';
import type { AppDeps } from '../../deps.js';
import { CommentText } from '../../views/comments-section.js';
import { articlePath, formatDateTime } from '../../views/format.js';
import { forbidden, mayActFor, providerScope } from '../admin-auth.js';
import type { AdminEnv } from '../admin-env.js';
import { adminPage, doneRedirect } from '../admin-page.js';
import { CsrfFields } from '../csrf-fields.js';
import { afterParam, idParam, QueuePager, QueueTabs } from './queue-tabs.js';

type Ctx = Context<AdminEnv>;

const BASE = '/admin/queues/complaints';
const STATUSES = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'rejected', label: 'Rejected' },
] as const;

type AnswerErrors = Partial<Record<'status' | 'note', string>>;

/**
 * The complaint queue: readers' reports about stories, oldest first, for the editors and
 * for the users of the provider whose story it is (who see only their own provider's).
 * Each report is answered once, resolved or rejected, with a note; the answer is audited.
 */
export function complaintQueue(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const status = (STATUSES.find((s) => s.value === c.req.query('status'))?.value ?? 'open') as ComplaintStatus;
    const page = await deps.store.complaints.queue(status, { providerId: providerScope(c.get('user')), after: afterParam(c.req.query('after')) });
    return adminPage(
      c,
      { title: 'Complaints queue' },
      <>
        <h1>Complaints queue</h1>
        <p class="hint">
          Readers’ reports from “Report a problem” under each story{c.get('user').role === 'provider' ? ', about your provider’s stories' : ''}.
        </p>
        <QueueTabs base={BASE} statuses={STATUSES} current={status} />
        {page.items.length === 0 ? (
          <p class="empty-queue">{status === 'open' ? 'No report is waiting for an answer.' : 'None.'}</p>
        ) : (
          <ol class="queue">
            {page.items.map((complaint) => (
              <li>
                <div class="card complaint-card">
                  <ComplaintCard complaint={complaint} />
                  {complaint.status === 'open' && <AnswerForm complaint={complaint} token={c.get('csrfToken')} />}
                </div>
              </li>
            ))}
          </ol>
        )}
        <QueuePager base={BASE} status={status} next={page.next} />
      </>,
    );
  });

  app.get('/:id', async (c) => {
    const complaint = await ownComplaint(c);
    if (!complaint) return notFoundComplaint(c);
    if (complaint === 'forbidden') return forbidden(c);
    return complaintPage(c, complaint);
  });

  app.post('/:id/answer', async (c) => {
    const complaint = await ownComplaint(c);
    if (!complaint) return notFoundComplaint(c);
    if (complaint === 'forbidden') return forbidden(c);
    const form = await c.req.parseBody();
    const fields = { status: typeof form.status === 'string' ? form.status : '', note: typeof form.note === 'string' ? form.note : '' };
    const parsed = complaintAnswerSchema.safeParse(fields);
    if (!parsed.success) {
      const errors: AnswerErrors = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] as 'status' | 'note'] ??= issue.message;
      return complaintPage(c, complaint, { values: fields, errors }, 422);
    }
    const user = c.get('user');
    const result = await deps.store.transaction(async (tx) => {
      const answered = await tx.complaints.answer(complaint.id, { ...parsed.data, actor: user.email });
      if (answered.kind === 'answered') {
        await tx.audit.record({
          actorId: user.id,
          actorLabel: user.email,
          action: `complaint.${parsed.data.status === 'resolved' ? 'resolve' : 'reject'}`,
          subjectType: 'complaint',
          subjectId: String(complaint.id),
          providerId: complaint.providerId,
          summary: `${parsed.data.status === 'resolved' ? 'Resolved' : 'Rejected'} a ${complaintKindLabels[complaint.kind].toLowerCase()} report on “${complaint.article.headline}”`,
          before: { status: 'open' },
          after: { status: parsed.data.status, note: parsed.data.note },
        });
      }
      return answered;
    });
    if (result.kind === 'already-answered') {
      return doneRedirect(c, `${BASE}/${complaint.id}`, `This report had already been answered (${result.complaint.status}) by ${result.complaint.answeredBy}; nothing was changed.`);
    }
    return doneRedirect(c, BASE, `Answered the report on “${complaint.article.headline}”: ${parsed.data.status}.`);
  });

  /** The complaint of the URL, if the user may see it. */
  async function ownComplaint(c: Ctx): Promise<Complaint | 'forbidden' | undefined> {
    const id = idParam(c.req.param('id'));
    const complaint = id === undefined ? undefined : await deps.store.complaints.findById(id);
    if (!complaint) return undefined;
    return mayActFor(c.get('user'), complaint.providerId) ? complaint : 'forbidden';
  }

  return app;
}

function complaintPage(c: Ctx, complaint: Complaint, form?: { values: { status: string; note: string }; errors: AnswerErrors }, status = 200) {
  return adminPage(
    c,
    { title: `Report #${complaint.id}`, status },
    <>
      <p>
        <a href={BASE}>Back to the complaints queue</a>
      </p>
      <h1>Report #{complaint.id}</h1>
      <div class="card complaint-card">
        <ComplaintCard complaint={complaint} />
        {complaint.status === 'open' && <AnswerForm complaint={complaint} token={c.get('csrfToken')} {...form} />}
      </div>
    </>,
  );
}

function notFoundComplaint(c: Ctx) {
  return adminPage(c, { title: 'No such report', status: 404 }, <p>There is no such report.</p>);
}

/** A report as it arrived, and its answer once given. */
function ComplaintCard(props: { complaint: Complaint }) {
  const k = props.complaint;
  return (
    <article class="queued-complaint" aria-label={`Report #${k.id}`}>
      <p class="queue-meta">
        <strong>{complaintKindLabels[k.kind]}</strong> · <a href={`${BASE}/${k.id}`}>#{k.id}</a> ·{' '}
        <time datetime={k.createdAt.toISOString()}>{formatDateTime(k.createdAt)}</time>
        {k.contactEmail ? <span> · reply to {k.contactEmail}</span> : <span class="muted"> · no contact given</span>}
      </p>
      <p class="queue-article">
        About{' '}
        {k.article.status === 'published' ? (
          <a href={articlePath({ id: k.articleId, slug: k.article.slug })}>{k.article.headline}</a>
        ) : (
          <>
            {k.article.headline} <span class={`status status-${k.article.status}`}>{k.article.status.replace('_', ' ')}</span>
          </>
        )}
      </p>
      <CommentText text={k.message} />
      {k.status !== 'open' && (
        <div class="answer">
          <p>
            <span class={`status status-${k.status}`}>{k.status}</span> by {k.answeredBy}
            {k.answeredAt && ` on ${formatDateTime(k.answeredAt)}`}
          </p>
          {k.note && <CommentText text={k.note} />}
        </div>
      )}
    </article>
  );
}

/** Resolved or rejected, with a note: one form per open report. */
function AnswerForm(props: { complaint: Complaint; token: string; values?: { status: string; note: string }; errors?: AnswerErrors }) {
  const id = props.complaint.id;
  const e = props.errors ?? {};
  const v = props.values;
  return (
    <form method="post" action={`${BASE}/${id}/answer`} class="stacked answer-form">
      <CsrfFields token={props.token} back={`${BASE}/${id}`} />
      <fieldset class="answer-choice" aria-describedby={e.status ? `status-${id}-error` : undefined}>
        <legend>Answer</legend>
        <label>
          <input type="radio" name="status" value="resolved" required checked={v?.status === 'resolved'} /> Resolved
        </label>
        <label>
          <input type="radio" name="status" value="rejected" required checked={v?.status === 'rejected'} /> Rejected
        </label>
        {e.status && (
          <span class="field-error" id={`status-${id}-error`}>
            {e.status}
          </span>
        )}
      </fieldset>
      <label for={`note-${id}`}>Note (what was done, or why not)</label>
      <textarea id={`note-${id}`} name="note" rows={3} required maxlength={2000} {...(e.note ? { 'aria-invalid': 'true', 'aria-describedby': `note-${id}-error` } : {})}>
        {v?.note ?? ''}
      </textarea>
      {e.note && (
        <span class="field-error" id={`note-${id}-error`}>
          {e.note}
        </span>
      )}
      <button type="submit">Send answer</button>
    </form>
  );
}
