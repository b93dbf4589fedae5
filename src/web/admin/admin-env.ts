import type { AdminUser } from '../../domain/user.js';

/** The Hono environment of every /admin route after sign-in (see admin-app.tsx). */
export interface AdminEnv {
  Variables: {
    /** The signed-in person. */
    user: AdminUser;
    /** This session's CSRF token: every form carries it (`<CsrfFields />` does it). */
    csrfToken: string;
    /** The hash of this session's token, for signing this session out. */
    sessionHash: string;
    /** Set for every /admin request, signed in or not: the site's name, for titles. */
    siteName: string;
    /** Whether cookies are Secure (the site or this request is https). */
    secureCookies: boolean;
  };
}
