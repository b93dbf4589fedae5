import type { Context } from 'hono';
import type { AdminUser } from '../../domain/user.js';
import type { AppDeps } from '../deps.js';
import { providerScope } from './admin-auth.js';
import type { AdminEnv } from './admin-env.js';
import { adminPage } from './admin-page.js';
import { adminTime, StatusChip } from './admin-views.js';
import { ColumnChart, RowChart, type Bar } from './bar-chart.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DAYS = 7;
/** The figures change slowly; each node recounts at most once a minute per view (a count over a week of a big archive is not free). */
const FIGURES_TTL_MS = 60_000;

interface Figures {
  at: number;
  hours: Bar[];
  total: number;
  peak: Bar | undefined;
  perProvider: Bar[];
  failing: { id: number; url: string; error: string | null; failures: number; since: Date | null }[];
  /** Article views per UTC day over the last 7 days (zero days included). */
  views: Bar[];
}

/** Per store (a test process may open several), then per scope. */
const caches = new WeakMap<object, Map<string, Figures>>();

/** Counts per hour over the last 7 days (zero hours included), per provider, and the failing feeds. */
async function figures(deps: AppDeps, scope: number | undefined): Promise<Figures> {
  const key = `${scope ?? 'all'}`;
  const cache = caches.get(deps.store) ?? new Map<string, Figures>();
  caches.set(deps.store, cache);
  const cached = cache.get(key);
  if (cached && Date.now() - cached.at < FIGURES_TTL_MS) return cached;
  const end = Math.floor(Date.now() / HOUR) * HOUR;
  const since = new Date(end - (DAYS * 24 - 1) * HOUR);
  const firstDay = Math.floor(end / DAY) * DAY - (DAYS - 1) * DAY;
  const [perHour, perProvider, failingIds, providers, perDay] = await Promise.all([
    deps.store.stats.articlesPerHour(since, scope),
    scope === undefined ? deps.store.stats.articlesPerProvider(since) : Promise.resolve([]),
    deps.store.stats.failingFeedIds(scope),
    deps.store.providers.list(),
    deps.store.popularity.viewsPerDay(new Date(firstDay), scope),
  ]);
  const viewsOn = new Map(perDay.map((d) => [d.day.getTime(), d.views]));
  const views: Bar[] = [];
  for (let t = firstDay; t <= end; t += DAY) {
    const iso = new Date(t).toISOString().slice(0, 10);
    views.push({ label: iso, value: viewsOn.get(t) ?? 0, tick: iso.slice(5) });
  }
  const counts = new Map(perHour.map((c) => [c.key, c.count]));
  const hours: Bar[] = [];
  for (let t = since.getTime(); t <= end; t += HOUR) {
    const iso = new Date(t).toISOString();
    const hourKey = iso.slice(0, 13);
    hours.push({ label: `${iso.slice(0, 10)} ${iso.slice(11, 13)}:00 UTC`, value: counts.get(hourKey) ?? 0, tick: iso.slice(11, 13) === '00' ? iso.slice(5, 10) : undefined });
  }
  const names = new Map(providers.map((p) => [p.id, p.name]));
  const failing = await Promise.all(failingIds.slice(0, 50).map((id) => deps.store.feeds.findById(id)));
  const result: Figures = {
    at: Date.now(),
    hours,
    total: hours.reduce((sum, b) => sum + b.value, 0),
    peak: hours.reduce<Bar | undefined>((best, b) => (best === undefined || b.value > best.value ? b : best), undefined),
    perProvider: perProvider.slice(0, 12).map((c) => ({ label: names.get(c.key) ?? `provider ${c.key}`, value: c.count })),
    views,
    failing: failing.filter((f) => f !== undefined).map((f) => ({ id: f.id, url: f.url, error: f.lastError, failures: f.consecutiveFailures, since: f.lastSuccessAt })),
  };
  cache.set(key, result);
  return result;
}

function Headline(props: { user: AdminUser; providerName?: string }) {
  return <h1>{props.user.role === 'provider' ? `${props.providerName ?? 'Your provider'}: dashboard` : 'Dashboard'}</h1>;
}

/** GET /admin: the dashboard; a provider user's is limited to its own provider. */
export function dashboardPage(deps: AppDeps) {
  return async (c: Context<AdminEnv>) => {
    const user = c.get('user');
    const scope = providerScope(user);
    const f = await figures(deps, scope);
    const provider = scope === undefined ? undefined : await deps.store.providers.findById(scope);
    const [commentsWaiting, complaintsOpen] = await Promise.all([scope === undefined ? deps.store.comments.countWaiting() : 0, deps.store.complaints.countOpen(scope)]);
    return adminPage(
      c,
      { title: 'Dashboard' },
      <>
        <Headline user={user} providerName={provider?.name} />
        <div class="stats">
          <p class="stat">
            <strong>{f.total.toLocaleString('en')}</strong> articles in 7 days
          </p>
          <p class="stat">
            <strong>{f.failing.length}</strong> feeds failing now
          </p>
          <p class="stat">
            <strong>{f.peak?.value ?? 0}</strong> in the busiest hour
          </p>
        </div>
        <section>
          <h2>Articles published per hour, last 7 days</h2>
          <ColumnChart
            id="per-hour"
            title="Articles published per hour, last 7 days (UTC)"
            description={`${f.total} articles in 7 days; the busiest hour was ${f.peak?.label ?? '—'} with ${f.peak?.value ?? 0}.`}
            bars={f.hours}
          />
          <p class="hint">By the time each article says it was published; day marks are at midnight UTC. Counted at most once a minute.</p>
        </section>
        {scope === undefined && (
          <section>
            <h2>Articles per provider, last 7 days</h2>
            {f.perProvider.length === 0 ? (
              <p class="muted">No articles in the last 7 days.</p>
            ) : (
              <RowChart id="per-provider" title="Articles per provider, last 7 days" description={f.perProvider.map((b) => `${b.label}: ${b.value}`).join('; ')} bars={f.perProvider} />
            )}
          </section>
        )}
        <section>
          <h2>Feeds failing now</h2>
          {f.failing.length === 0 ? (
            <p class="muted">None: every feed’s last poll worked.</p>
          ) : (
            <ul>
              {f.failing.map((feed) => (
                <li>
                  <a href={`/admin/feeds/${feed.id}`}>{feed.url}</a> <StatusChip status="failing" label={`failing ×${feed.failures}`} /> {feed.error ?? ''} · last success {adminTime(feed.since)}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <h2>Views per day, last 7 days</h2>
          <ColumnChart
            id="views-per-day"
            title="Article views per day, last 7 days (UTC)"
            description={f.views.map((b) => `${b.label}: ${b.value}`).join('; ')}
            bars={f.views}
          />
          <p class="hint">Readers' views of article pages (programs, prefetches and repeat views by one reader in a day are not counted), as each node writes them, every few seconds.</p>
        </section>
        <section>
            <h2>Queues</h2>
            <p>
              {scope === undefined && (
                <>
                  <a href="/admin/queues/comments">Comments waiting: {waitingLabel(commentsWaiting)}</a> ·{' '}
                </>
              )}
              <a href="/admin/queues/complaints">Complaints open: {waitingLabel(complaintsOpen)}</a>
            </p>
          </section>
      </>,
    );
  };
}

/** A queue's count as shown: "1,000 or more" past the cap the store counts to. */
function waitingLabel(n: number): string {
  return n >= 1000 ? '1,000 or more' : n.toLocaleString('en');
}
