import type { Child } from 'hono/jsx';
import { CsrfFields } from './csrf-fields.js';

/** A labelled text input that shows its error and keeps what was typed. */
export function Field(props: {
  name: string;
  label: string;
  value?: string | null;
  error?: string;
  type?: 'text' | 'email' | 'url' | 'number' | 'password' | 'file';
  /** For a file: the types the picker offers. */
  accept?: string;
  maxlength?: number;
  required?: boolean;
  hint?: string;
  min?: number;
  max?: number;
}) {
  const id = `field-${props.name}`;
  return (
    <>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'file' ? undefined : (props.value ?? '')}
        accept={props.accept}
        maxlength={props.maxlength}
        required={props.required}
        min={props.min}
        max={props.max}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : props.hint ? `${id}-hint` : undefined}
      />
      {props.error && (
        <span class="field-error" id={`${id}-error`}>
          {props.error}
        </span>
      )}
    </>
  );
}

/** A labelled textarea, like Field. */
export function TextArea(props: { name: string; label: string; value?: string | null; error?: string; maxlength?: number; required?: boolean; rows?: number }) {
  const id = `field-${props.name}`;
  return (
    <>
      <label for={id}>{props.label}</label>
      <textarea id={id} name={props.name} maxlength={props.maxlength} required={props.required} rows={props.rows ?? 4} aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? `${id}-error` : undefined}>
        {props.value ?? ''}
      </textarea>
      {props.error && (
        <span class="field-error" id={`${id}-error`}>
          {props.error}
        </span>
      )}
    </>
  );
}

/** A form-level error summary. */
export function FormError(props: { message?: string }) {
  return props.message ? (
    <p class="form-error" role="alert">
      {props.message}
    </p>
  ) : null;
}

/** A status as a small coloured label (its text says it; colour only repeats it). */
export function StatusChip(props: { status: string; label?: string }) {
  return <span class={`status status-${props.status}`}>{props.label ?? props.status.replace('_', ' ')}</span>;
}

/** "Next page" of a list paginated by cursor: the link carries the cursor, never an offset. */
export function Pager(props: { next?: string | null }) {
  return props.next ? (
    <nav class="pager" aria-label="Pages">
      <a class="button secondary" href={props.next} rel="next">
        Next page →
      </a>
    </nav>
  ) : null;
}

/** A one-button form posting to `action` (CSRF fields included). */
export function PostButton(props: { action: string; token: string; label: string; back?: string; danger?: boolean; secondary?: boolean; fields?: Record<string, string> }) {
  return (
    <form method="post" action={props.action} class="inline">
      <CsrfFields token={props.token} back={props.back} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.danger ? 'danger' : props.secondary ? 'secondary' : undefined}>
        {props.label}
      </button>
    </form>
  );
}

/** The confirm step of a destructive action: what will happen, an optional reason, confirm or cancel. No script. */
export function ConfirmForm(props: {
  action: string;
  token: string;
  question: string;
  consequences: Child;
  confirmLabel: string;
  cancelHref: string;
  reason?: { label: string; value?: string; error?: string };
}) {
  return (
    <section class="confirm">
      <h1>{props.question}</h1>
      <div>{props.consequences}</div>
      <form method="post" action={props.action} class="stacked">
        <CsrfFields token={props.token} back={props.cancelHref} />
        <input type="hidden" name="confirmed" value="yes" />
        {props.reason && <TextArea name="reason" label={props.reason.label} value={props.reason.value} error={props.reason.error} maxlength={1000} required rows={3} />}
        <div class="actions">
          <button type="submit" class="danger">
            {props.confirmLabel}
          </button>
          <a href={props.cancelHref}>Cancel</a>
        </div>
      </form>
    </section>
  );
}

/** Formats a time for the admin area: UTC, to the minute, unambiguous. */
export function adminTime(date: Date | null | undefined): string {
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '—';
}
