import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { changePasswordBody, loginBody, me } from '../../../../shared/contracts/auth.js';
import { okBody } from '../../../../shared/contracts/common.js';
import { z } from 'zod';
import { login } from '../../../features/auth/login.js';
import { logout } from '../../../features/auth/logout.js';
import { changePassword } from '../../../features/auth/change-password.js';
import { getMe } from '../../../features/auth/get-me.js';
import { route } from '../route.js';

export const SESSION_COOKIE = 'tusoi_session';

/** Never readable by scripts, not sent on cross-site posts, HTTPS only where the deployment says so. */
function sessionCookieFlags(secure: boolean) {
  return { httpOnly: true, sameSite: 'Lax', secure, path: '/' } as const;
}

export const authRoutes = [
  route({
    operationId: 'auth.login',
    method: 'post',
    path: '/auth/login',
    summary: 'Đăng nhập',
    tag: 'auth',
    public: true,
    body: loginBody,
    response: z.object({ ok: z.literal(true), mustChangePassword: z.boolean(), csrfToken: z.string() }),
    errors: ['auth.invalid_credentials', 'auth.throttled', 'auth.account_disabled'],
    async handler({ app, c, body }) {
      const r = await login(app, { ...body, userAgent: c.req.header('user-agent') ?? null });
      setCookie(c, SESSION_COOKIE, r.token, {
        ...sessionCookieFlags(app.config.secureCookies),
        maxAge: app.config.sessionIdleMinutes * 60 * 24, // the server-side expiry is what counts
      });
      return { ok: true as const, mustChangePassword: r.mustChangePassword, csrfToken: r.csrfToken };
    },
  }),
  route({
    operationId: 'auth.logout',
    method: 'post',
    path: '/auth/logout',
    summary: 'Đăng xuất',
    tag: 'auth',
    allowWithPendingPasswordChange: true,
    body: z.object({ everywhere: z.boolean().default(false) }).default({ everywhere: false }),
    response: okBody,
    errors: [],
    async handler({ app, c, auth, body }) {
      await logout(app, { accountId: auth.principal.accountId, sessionId: auth.sessionId, everywhere: body.everywhere });
      // The expiring cookie carries the same flags as the one it replaces (a Secure cookie is only
      // overwritten by a Secure one in some browsers).
      if (getCookie(c, SESSION_COOKIE)) deleteCookie(c, SESSION_COOKIE, sessionCookieFlags(app.config.secureCookies));
      return { ok: true as const };
    },
  }),
  route({
    operationId: 'me.get',
    method: 'get',
    path: '/me',
    summary: 'Tài khoản đang đăng nhập',
    tag: 'auth',
    allowWithPendingPasswordChange: true,
    response: me,
    errors: [],
    handler: ({ app, auth }) => getMe(app, auth.principal, auth.csrfToken),
  }),
  route({
    operationId: 'me.change-password',
    method: 'post',
    path: '/me/password',
    summary: 'Đổi mật khẩu của tôi',
    tag: 'auth',
    allowWithPendingPasswordChange: true,
    body: changePasswordBody,
    response: okBody,
    errors: ['auth.wrong_password', 'auth.weak_password'],
    async handler({ app, auth, body }) {
      await changePassword(app, { accountId: auth.principal.accountId, currentSessionId: auth.sessionId, ...body });
      return { ok: true as const };
    },
  }),
];
