import type { Context } from 'hono';
import type { Actor } from '../../domain/audit.js';
import type { AdminEnv } from './admin-env.js';

/** The signed-in user as the actor of an editorial action (for the audit log). */
export function actorOf(c: Context<AdminEnv>): Actor {
  const user = c.get('user');
  return { id: user.id, label: user.email };
}

/** The audit fields naming the signed-in user. */
export function auditActor(c: Context<AdminEnv>): { actorId: number; actorLabel: string } {
  const user = c.get('user');
  return { actorId: user.id, actorLabel: user.email };
}
