/**
 * The storage contract for accounts, sessions, one-time links, handled forms and the audit
 * log; part of the one suite in `store.contract.ts`, so it runs on SQLite and PostgreSQL alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContractFixture } from './enrichment.contract.js';

export function describeAccountsContract(fixture: () => ContractFixture): void {
  let n = 0;
  const email = () => `person-${++n}-${Date.now()}@example.org`;

  describe('accounts', () => {
    it('creates users of each role, lower-cases emails and refuses a second account for one email', async () => {
      const { store, providerId } = fixture();
      const address = email();
      const admin = await store.users.create({ email: address.toUpperCase(), role: 'admin', providerId: null, passwordHash: 'h' });
      assert.equal(admin.email, address);
      assert.equal(admin.role, 'admin');
      const provider = await store.users.create({ email: email(), role: 'provider', providerId, passwordHash: null });
      assert.equal(provider.providerId, providerId);
      await assert.rejects(store.users.create({ email: address, role: 'editor', providerId: null, passwordHash: null }), { code: 'USER_EXISTS' });
      await assert.rejects(store.users.create({ email: 'not an email', role: 'editor', providerId: null, passwordHash: null }), { code: 'VALIDATION_FAILED' });
      await assert.rejects(store.users.create({ email: email(), role: 'provider', providerId: null, passwordHash: null }), { code: 'VALIDATION_FAILED' });
      const credentials = await store.users.findCredentials(` ${address.toUpperCase()} `);
      assert.equal(credentials?.passwordHash, 'h');
      const page = await store.users.page(undefined, 1);
      assert.equal(page.length, 1);
      assert.ok((await store.users.page(page[0]!.id)).every((u) => u.id < page[0]!.id));
    });

    it('locks an account after repeated failures and unlocks on a sign-in', async () => {
      const { store } = fixture();
      const user = await store.users.create({ email: email(), role: 'editor', providerId: null, passwordHash: 'h' });
      const until = new Date(Date.now() + 60_000);
      assert.equal(await store.users.recordFailedSignin(user.id, 3, until), null);
      assert.equal(await store.users.recordFailedSignin(user.id, 3, until), null);
      assert.equal((await store.users.recordFailedSignin(user.id, 3, until))?.getTime(), until.getTime());
      assert.equal((await store.users.findCredentials(user.email))?.lockedUntil?.getTime(), until.getTime());
      await store.users.recordSignin(user.id);
      const after = await store.users.findCredentials(user.email);
      assert.equal(after?.lockedUntil, null);
      assert.equal(after?.failedSignins, 0);
      assert.ok(after?.lastSigninAt instanceof Date);
    });
  });

  describe('sessions', () => {
    it('finds a live session with its user, not an expired one, and ends them one or all at once', async () => {
      const { store } = fixture();
      const user = await store.users.create({ email: email(), role: 'editor', providerId: null, passwordHash: 'h' });
      const later = new Date(Date.now() + 3_600_000);
      await store.sessions.create({ tokenHash: `a-${n}`, userId: user.id, csrfToken: 'csrf-a', expiresAt: later });
      await store.sessions.create({ tokenHash: `b-${n}`, userId: user.id, csrfToken: 'csrf-b', expiresAt: later });
      await store.sessions.create({ tokenHash: `old-${n}`, userId: user.id, csrfToken: 'x', expiresAt: new Date(Date.now() - 1000) });
      const found = await store.sessions.find(`a-${n}`);
      assert.deepEqual(found?.user, { id: user.id, email: user.email, role: 'editor', providerId: null });
      assert.equal(found?.csrfToken, 'csrf-a');
      assert.equal(await store.sessions.find(`old-${n}`), undefined, 'an expired session does not count');
      await store.sessions.delete(`a-${n}`);
      assert.equal(await store.sessions.find(`a-${n}`), undefined);
      assert.equal(await store.sessions.deleteAllOf(user.id), 2);
      assert.equal(await store.sessions.find(`b-${n}`), undefined);
    });

    it('stops the sessions of a disabled user', async () => {
      const { store } = fixture();
      const user = await store.users.create({ email: email(), role: 'editor', providerId: null, passwordHash: 'h' });
      await store.sessions.create({ tokenHash: `d-${n}`, userId: user.id, csrfToken: 'c', expiresAt: new Date(Date.now() + 60_000) });
      assert.ok((await store.users.setDisabled(user.id, true)).disabledAt instanceof Date);
      assert.equal(await store.sessions.find(`d-${n}`), undefined);
      assert.equal((await store.users.setDisabled(user.id, false)).disabledAt, null);
      await assert.rejects(store.users.setDisabled(2_000_000_000, true), { code: 'NOT_FOUND' });
    });

    it('uses a sign-in link once and a form nonce once, even when two try at the same time', async () => {
      const { store } = fixture();
      const user = await store.users.create({ email: email(), role: 'editor', providerId: null, passwordHash: null });
      await store.sessions.createSigninLink({ tokenHash: `link-${n}`, userId: user.id, expiresAt: new Date(Date.now() + 60_000) });
      assert.equal(await store.sessions.findSigninLink(`link-${n}`), user.id);
      const uses = await Promise.all([store.sessions.useSigninLink(`link-${n}`), store.sessions.useSigninLink(`link-${n}`)]);
      assert.deepEqual(uses.sort(), [false, true]);
      assert.equal(await store.sessions.findSigninLink(`link-${n}`), undefined);
      const claims = await Promise.all([store.sessions.claimSubmission(`nonce-${n}`, user.id), store.sessions.claimSubmission(`nonce-${n}`, user.id)]);
      assert.deepEqual(claims.sort(), [false, true]);
    });
  });

  describe('audit log', () => {
    it('records actions with before and after, and pages them newest first by filter', async () => {
      const { store, providerId } = fixture();
      const action = `test.action-${++n}`;
      const first = await store.audit.record({ actorId: null, actorLabel: 'command line', action, subjectType: 'test', subjectId: '1', providerId, summary: 'one', before: { status: 'published' }, after: { status: 'taken_down' } });
      await store.audit.record({ actorId: null, actorLabel: 'command line', action, subjectType: 'test', subjectId: '2', providerId: null, summary: 'two' });
      const all = await store.audit.page({ action });
      assert.deepEqual(all.map((e) => e.summary), ['two', 'one']);
      assert.deepEqual(all[1]!.before, { status: 'published' });
      assert.deepEqual(all[1]!.after, { status: 'taken_down' });
      assert.equal(all[0]!.before, undefined);
      assert.deepEqual((await store.audit.page({ action }, all[0]!.id)).map((e) => e.id), [first.id]);
      assert.deepEqual((await store.audit.page({ action, subject: { type: 'test', id: '2' } })).map((e) => e.summary), ['two']);
      assert.ok((await store.audit.page({ providerId })).some((e) => e.id === first.id));
    });
  });
}
