import type { Context, Hono } from 'hono';
import type { CommentSettingsOverride, SettingsScope } from '../../../domain/comment.js';
import { DEFAULT_COMMENT_SETTINGS, effectiveSettings } from '../../../domain/comment-policy.js';
import type { AppDeps } from '../../deps.js';
import type { AdminEnv } from '../admin-env.js';
import { adminPage, doneRedirect } from '../admin-page.js';
import { CsrfFields } from '../csrf-fields.js';

type Ctx = Context<AdminEnv>;
const PATH = '/admin/queues/comments/settings';
const MAX_AUTO_APPROVE = 1000;

/** Reads a tri-state select: inherit (null), yes, no; undefined when the value is not one of them. */
function triState(value: unknown): boolean | null | undefined {
  if (value === 'inherit') return null;
  if (value === 'yes') return true;
  if (value === 'no') return false;
  return undefined;
}

/**
 * Moderation settings, site-wide and per provider: comments open or closed, approval
 * needed or not, and after how many approved comments a commenter is approved
 * automatically. A provider's setting left on "as the site" follows the site's.
 */
export function registerCommentSettings(app: Hono<AdminEnv>, deps: AppDeps): void {
  app.get('/settings', (c) => settingsPage(c, deps));

  app.post('/settings', async (c) => {
    const form = await c.req.parseBody();
    const scopeText = typeof form.scope === 'string' ? form.scope : '';
    const providerMatch = /^provider:(\d{1,10})$/.exec(scopeText);
    const provider = providerMatch ? await deps.store.providers.findById(Number(providerMatch[1])) : undefined;
    const scope: SettingsScope | undefined = scopeText === 'site' ? { kind: 'site' } : provider ? { kind: 'provider', providerId: provider.id } : undefined;
    const enabled = triState(form.enabled);
    const requireApproval = triState(form.requireApproval);
    const autoText = typeof form.autoApproveAfter === 'string' ? form.autoApproveAfter.trim() : '';
    const autoApproveAfter = autoText === '' ? null : /^\d{1,4}$/.test(autoText) && Number(autoText) <= MAX_AUTO_APPROVE ? Number(autoText) : undefined;
    if (!scope || enabled === undefined || requireApproval === undefined || autoApproveAfter === undefined) {
      return settingsPage(c, deps, `Automatic approval takes a whole number from 0 (never) to ${MAX_AUTO_APPROVE}, or empty to follow ${scopeText === 'site' ? 'the default' : 'the site'}.`, 422);
    }
    const user = c.get('user');
    const name = scope.kind === 'site' ? 'the whole site' : provider!.name;
    await deps.store.transaction(async (tx) => {
      const before = await tx.comments.settings(scope);
      const after = await tx.comments.updateSettings(scope, { enabled, requireApproval, autoApproveAfter });
      await tx.audit.record({
        actorId: user.id,
        actorLabel: user.email,
        action: 'comment.settings',
        subjectType: scope.kind === 'site' ? 'site' : 'provider',
        subjectId: scope.kind === 'site' ? 'site' : String(scope.providerId),
        providerId: scope.kind === 'site' ? null : scope.providerId,
        summary: `Changed the comment settings of ${name}`,
        before,
        after,
      });
    });
    return doneRedirect(c, PATH, `Saved the comment settings of ${name}.`);
  });
}

async function settingsPage(c: Ctx, deps: AppDeps, error?: string, status = 200) {
  const providers = await deps.store.providers.list();
  const site = await deps.store.comments.settings({ kind: 'site' });
  const own = await Promise.all(providers.map((p) => deps.store.comments.settings({ kind: 'provider', providerId: p.id })));
  const token = c.get('csrfToken');
  return adminPage(
    c,
    { title: 'Comment settings', status },
    <>
      <p>
        <a href="/admin/queues/comments">Back to the comments queue</a>
      </p>
      <h1>Comment settings</h1>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <p class="hint">
        Comments with more than two links always wait for an editor. Defaults: open, approval needed, approved automatically after{' '}
        {DEFAULT_COMMENT_SETTINGS.autoApproveAfter} approved comments.
      </p>
      <SettingsForm token={token} scope="site" title="Whole site" own={site} effective={effectiveSettings(site, undefined)} inheritLabel="default" />
      {providers.map((p, i) => (
        <SettingsForm token={token} scope={`provider:${p.id}`} title={p.name} own={own[i]!} effective={effectiveSettings(site, own[i])} inheritLabel="as the site" />
      ))}
    </>,
  );
}

function SettingsForm(props: { token: string; scope: string; title: string; own: CommentSettingsOverride; effective: { enabled: boolean; requireApproval: boolean; autoApproveAfter: number }; inheritLabel: string }) {
  const id = props.scope.replace(':', '-');
  const tri = (v: boolean | null) => (v === null ? 'inherit' : v ? 'yes' : 'no');
  const e = props.effective;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{props.title}</h2>
      <p class="muted">
        Now: {e.enabled ? 'open' : 'closed'}, {e.requireApproval ? 'approval needed' : 'published at once'}, automatic approval{' '}
        {e.autoApproveAfter > 0 ? `after ${e.autoApproveAfter}` : 'never'}.
      </p>
      <form method="post" action={PATH} class="filters">
        <CsrfFields token={props.token} back={PATH} />
        <input type="hidden" name="scope" value={props.scope} />
        <label>
          Comments
          <select name="enabled">
            {(['inherit', 'yes', 'no'] as const).map((v) => (
              <option value={v} selected={tri(props.own.enabled) === v}>
                {v === 'inherit' ? props.inheritLabel : v === 'yes' ? 'open' : 'closed'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Approval
          <select name="requireApproval">
            {(['inherit', 'yes', 'no'] as const).map((v) => (
              <option value={v} selected={tri(props.own.requireApproval) === v}>
                {v === 'inherit' ? props.inheritLabel : v === 'yes' ? 'needed' : 'not needed'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Approve automatically after
          <input name="autoApproveAfter" type="number" min={0} max={MAX_AUTO_APPROVE} value={props.own.autoApproveAfter?.toString() ?? ''} placeholder={props.inheritLabel} />
        </label>
        <button type="submit">Save</button>
      </form>
    </section>
  );
}
