import { complaintKindLabels, complaintKinds, COMPLAINT_LIMITS } from '../../domain/complaint.js';
import { Field, Honeypot, invalid } from './comment-form.js';

/** What the report form shows: where it posts, its token, and what was typed and found wrong. */
export interface ReportProblemProps {
  action: string;
  token: string;
  providerName: string;
  values?: { kind?: string; message?: string; email?: string };
  errors?: Partial<Record<'kind' | 'message' | 'email' | 'form', string>>;
  /** Shown unfolded (after an error, or when asked for). */
  open?: boolean;
  /** Set after a report was received. */
  received?: boolean;
}

/**
 * "Report a problem": a disclosure under each article (a native <details>, so it opens
 * without JavaScript) with the kind of problem, a message and an optional email.
 */
export function ReportProblem(props: ReportProblemProps) {
  const v = props.values ?? {};
  const e = props.errors ?? {};
  return (
    <details class="report-problem" id="report" open={props.open || props.received || undefined}>
      <summary>Report a problem with this story</summary>
      {props.received ? (
        <p class="form-notice" role="status">
          Thank you: your report was received. {props.providerName} and our editors will look at it.
        </p>
      ) : (
        <form class="reader-form" method="post" action={props.action}>
          {e.form && (
            <p class="form-error" role="alert">
              {e.form}
            </p>
          )}
          <input type="hidden" name="token" value={props.token} />
          <fieldset class={e.kind ? 'choices has-error' : 'choices'} {...invalid('report-kind', e.kind)}>
            <legend>What is wrong?</legend>
            {complaintKinds.map((kind) => (
              <label class="choice">
                <input type="radio" name="kind" value={kind} required checked={v.kind === kind} /> {complaintKindLabels[kind]}
              </label>
            ))}
            {e.kind && (
              <span class="field-error" id="report-kind-error">
                {e.kind}
              </span>
            )}
          </fieldset>
          <Field id="report-message" label="What should we know?" error={e.message}>
            <textarea id="report-message" name="message" rows={5} required maxlength={COMPLAINT_LIMITS.message} {...invalid('report-message', e.message)}>
              {v.message ?? ''}
            </textarea>
          </Field>
          <Field id="report-email" label="Your email (optional, if you want an answer)" error={e.email}>
            <input id="report-email" name="email" type="email" maxlength={254} autocomplete="email" value={v.email ?? ''} {...invalid('report-email', e.email)} />
          </Field>
          <Honeypot id="report-website" />
          <p class="form-note">Reports go to {props.providerName} and to our editors; they are not published.</p>
          <button type="submit">Send report</button>
        </form>
      )}
    </details>
  );
}
