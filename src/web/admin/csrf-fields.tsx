import { newToken } from '../../domain/secret-token.js';

/** The hidden field names every admin form posts. */
export const CSRF_FIELD = '_csrf';
export const NONCE_FIELD = '_form';
export const BACK_FIELD = '_back';

/**
 * The hidden fields every admin form carries: the session's CSRF token, a one-time nonce (so a
 * double-submitted form has one effect) and where to go when it was already sent.
 */
export function CsrfFields(props: { token: string; back?: string }) {
  return (
    <>
      <input type="hidden" name={CSRF_FIELD} value={props.token} />
      <input type="hidden" name={NONCE_FIELD} value={newToken()} />
      {props.back && <input type="hidden" name={BACK_FIELD} value={props.back} />}
    </>
  );
}

/** A path inside the admin area, or `/admin`: where a form may send the browser back to. */
export function safeAdminPath(value: unknown): string {
  return typeof value === 'string' && /^\/admin(\/[^\s\\]*)?(\?[^\s\\]*)?$/.test(value) && !value.startsWith('//') ? value : '/admin';
}
