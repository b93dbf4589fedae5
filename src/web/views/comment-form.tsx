import { COMMENT_LIMITS, type PublicComment } from '../../domain/comment.js';

/** What the comment form shows: where it posts, its token, and what was typed and found wrong. */
export interface CommentFormProps {
  action: string;
  token: string;
  values?: { name?: string; email?: string; body?: string };
  errors?: Partial<Record<'name' | 'email' | 'body' | 'form', string>>;
  /** The comment being answered, shown above the form. */
  replyTo?: PublicComment;
  /** Whether comments wait for a moderator (the reader is told before writing). */
  moderated: boolean;
}

/**
 * The comment form: name, optional email (never shown), text, and a honeypot field people
 * never see. Works without JavaScript; each error sits under its field and is announced.
 */
export function CommentForm(props: CommentFormProps) {
  const v = props.values ?? {};
  const e = props.errors ?? {};
  return (
    <form class="comment-form reader-form" id="comment-form" method="post" action={props.action}>
      <h3>{props.replyTo ? `Reply to ${props.replyTo.authorName}` : 'Add a comment'}</h3>
      {e.form && (
        <p class="form-error" role="alert">
          {e.form}
        </p>
      )}
      <input type="hidden" name="token" value={props.token} />
      {props.replyTo && <input type="hidden" name="parentId" value={String(props.replyTo.id)} />}
      <Field id="comment-name" label="Name" error={e.name}>
        <input id="comment-name" name="name" required maxlength={COMMENT_LIMITS.name} autocomplete="name" value={v.name ?? ''} {...invalid('comment-name', e.name)} />
      </Field>
      <Field id="comment-email" label="Email (optional, never shown)" error={e.email}>
        <input id="comment-email" name="email" type="email" maxlength={COMMENT_LIMITS.email} autocomplete="email" value={v.email ?? ''} {...invalid('comment-email', e.email)} />
      </Field>
      <Field id="comment-body" label="Comment" error={e.body}>
        <textarea id="comment-body" name="body" rows={6} required maxlength={COMMENT_LIMITS.body} {...invalid('comment-body', e.body)}>
          {v.body ?? ''}
        </textarea>
      </Field>
      <Honeypot id="comment-website" />
      <p class="form-note">
        {props.moderated ? 'An editor reads comments before they appear. ' : ''}Up to {COMMENT_LIMITS.body.toLocaleString('en')} characters; comments with many links wait for an editor.
      </p>
      <button type="submit">{props.replyTo ? 'Post reply' : 'Post comment'}</button>
    </form>
  );
}

/** A labelled field with its error message under it. */
export function Field(props: { id: string; label: string; error?: string; children: unknown }) {
  return (
    <p class={props.error ? 'field has-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.children as never}
      {props.error && (
        <span class="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      )}
    </p>
  );
}

/** The attributes that tie a field to its error for assistive technology. */
export function invalid(id: string, error: string | undefined): Record<string, string> {
  return error ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-error` } : {};
}

/** A field people never see or reach, that bots filling every input do fill. */
export function Honeypot(props: { id: string }) {
  return (
    <p class="hp" aria-hidden="true">
      <label for={props.id}>Leave this empty</label>
      <input id={props.id} name="website" tabindex={-1} autocomplete="off" value="" />
    </p>
  );
}
