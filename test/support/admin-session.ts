import type { Hono } from 'hono';
import { hashPassword } from '../../src/domain/password.js';
import type { UserRole } from '../../src/domain/user.js';
import type { Store } from '../../src/store/store.js';

/** The password every test account gets. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** A signed-in browser, without the browser: cookies kept, the session's CSRF token at hand. */
export interface AdminClient {
  userId: number;
  email: string;
  cookie: string;
  csrf: string;
  get(path: string): Promise<Response>;
  /** Posts a form; the CSRF token and a fresh nonce are added unless given. */
  post(path: string, fields?: Record<string, string>): Promise<Response>;
}

let serial = 0;

/** Keeps the name=value of each Set-Cookie, dropping cleared ones. */
export function mergeCookies(jar: Map<string, string>, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq);
    const value = pair!.slice(eq + 1);
    if (value === '' || /max-age=0/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

export const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in through the real sign-in form and returns a client for that session. */
export async function signIn(app: Hono, email: string, password = TEST_PASSWORD): Promise<{ jar: Map<string, string>; res: Response }> {
  const jar = new Map<string, string>();
  const page = await app.request('/admin/sign-in');
  mergeCookies(jar, page);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await app.request('/admin/sign-in', {
    method: 'POST',
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, password, next: '/admin' }),
  });
  mergeCookies(jar, res);
  return { jar, res };
}

/** Creates an account of `role` and signs it in. */
export async function adminClient(app: Hono, store: Store, role: UserRole, providerId: number | null = null): Promise<AdminClient> {
  const email = `${role}-${++serial}-${process.pid}@example.org`;
  const user = await store.users.create({ email, role, providerId, passwordHash: await hashPassword(TEST_PASSWORD) });
  const { jar, res } = await signIn(app, email);
  if (res.status !== 303) throw new Error(`sign-in failed with ${res.status}: ${await res.text()}`);
  const home = await app.request('/admin/account', { headers: { cookie: cookieHeader(jar) } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await home.text())?.[1];
  if (!csrf) throw new Error('no CSRF token on the account page');
  const client: AdminClient = {
    userId: user.id,
    email,
    get cookie() {
      return cookieHeader(jar);
    },
    csrf,
    async get(path) {
      const r = await app.request(path, { headers: { cookie: cookieHeader(jar) } });
      mergeCookies(jar, r);
      return r;
    },
    async post(path, fields = {}) {
      const body = new URLSearchParams({ _csrf: csrf, _form: `nonce-${++serial}-${Math.random()}`, ...fields });
      const r = await app.request(path, { method: 'POST', headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' }, body });
      mergeCookies(jar, r);
      return r;
    },
  };
  return client;
}
