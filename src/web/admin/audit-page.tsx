import type { Context } from 'hono';
import type { AuditFilter } from '../../domain/audit.js';
import type { AppDeps } from '../deps.js';
import { providerScope } from './admin-auth.js';
import type { AdminEnv } from './admin-env.js';
import { adminPage } from './admin-page.js';
import { adminTime, Pager } from './admin-views.js';

/** The actions the log records, for the filter; any other text is taken as typed. */
const KNOWN_ACTIONS = [
  'article.take_down',
  'article.unpublish',
  'article.restore',
  'article.edit',
  'provider.create',
  'provider.update',
  'provider.key_create',
  'provider.key_revoke',
  'feed.create',
  'feed.update',
  'feed.pause',
  'feed.resume',
  'feed.poll',
  'feed.remove',
  'partner.key_create',
  'partner.key_revoke',
  'user.add',
  'user.link',
  'user.disable',
  'user.enable',
];

function Json(props: { value: unknown }) {
  return props.value === undefined ? <span class="muted">—</span> : <pre class="json">{JSON.stringify(props.value, null, 1)}</pre>;
}

/**
 * GET /admin/audit: every editorial action, newest first, filtered by action, actor or
 * subject (`article:123`), paged by id. A provider user sees its own provider's entries.
 */
export function auditPage(deps: AppDeps) {
  return async (c: Context<AdminEnv>) => {
    const user = c.get('user');
    const action = (c.req.query('action') ?? '').slice(0, 100).trim();
    const actor = c.req.query('actor') ?? '';
    const subject = (c.req.query('subject') ?? '').slice(0, 200).trim();
    const subjectMatch = /^([a-z_]+):(.+)$/.exec(subject);
    const filter: AuditFilter = {
      ...(action && { action }),
      ...(/^\d{1,10}$/.test(actor) && { actorId: Number(actor) }),
      ...(subjectMatch && { subject: { type: subjectMatch[1]!, id: subjectMatch[2]! } }),
    };
    const scope = providerScope(user);
    if (scope !== undefined) filter.providerId = scope;
    const before = c.req.query('before');
    const entries = await deps.store.audit.page(filter, before && /^\d{1,10}$/.test(before) ? Number(before) : undefined, 51);
    const shown = entries.slice(0, 50);
    const next = new URLSearchParams({ ...(action && { action }), ...(filter.actorId !== undefined && { actor }), ...(subject && { subject }), before: String(shown.at(-1)?.id ?? '') });
    return adminPage(
      c,
      { title: 'Audit log' },
      <>
        <h1>Audit log</h1>
        <form method="get" action="/admin/audit" class="filters" role="search">
          <label>
            Action
            <select name="action">
              <option value="">Any action</option>
              {KNOWN_ACTIONS.map((a) => (
                <option value={a} selected={a === action}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <label>
            Subject (e.g. article:42)
            <input type="text" name="subject" value={subject} maxlength={200} />
          </label>
          <label>
            Actor id
            <input type="text" name="actor" value={filter.actorId !== undefined ? actor : ''} maxlength={10} inputmode="numeric" />
          </label>
          <button type="submit">Filter</button>
        </form>
        {shown.length === 0 ? (
          <p class="muted">Nothing recorded{Object.keys(filter).length > 0 ? ' that matches' : ' yet'}.</p>
        ) : (
          <div class="table-wrap">
            <table class="responsive">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Who</th>
                  <th>What</th>
                  <th>Before</th>
                  <th>After</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((e) => (
                  <tr>
                    <td data-label="When">{adminTime(e.at)}</td>
                    <td data-label="Who">
                      {e.actorId !== null ? <a href={`/admin/audit?actor=${e.actorId}`}>{e.actorLabel}</a> : e.actorLabel}
                    </td>
                    <td data-label="What">
                      <strong>{e.action}</strong> <a href={`/admin/audit?subject=${e.subjectType}:${encodeURIComponent(e.subjectId)}`}>{`${e.subjectType} ${e.subjectId}`}</a>
                      <div>{e.summary}</div>
                    </td>
                    <td data-label="Before">
                      <Json value={e.before} />
                    </td>
                    <td data-label="After">
                      <Json value={e.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager next={entries.length > 50 ? `/admin/audit?${next}` : null} />
      </>,
    );
  };
}
