import type { Child } from 'hono/jsx';
import { adminTime, StatusChip } from './admin-views.js';

/**
 * A key's secret right after it was made: shown in this answer only (never stored, never in
 * a URL or a cookie), so the page says to copy it now.
 */
export function NewKeyCard(props: { heading: string; token: string; children?: Child }) {
  return (
    <section class="card" aria-labelledby="new-key">
      <h2 id="new-key">{props.heading}</h2>
      <p>Copy it now: it is shown this once, and only its hash is stored.</p>
      <p class="secret">{props.token}</p>
      {props.children}
    </section>
  );
}

/** Whether a key works: active, or revoked and since when. */
export function KeyState(props: { revokedAt: Date | null }) {
  return props.revokedAt ? <StatusChip status="revoked" label={`revoked ${adminTime(props.revokedAt)}`} /> : <StatusChip status="active" />;
}
