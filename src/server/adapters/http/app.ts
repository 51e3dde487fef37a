// The HTTP adapter: security headers, authentication, CSRF, routes, errors, the browser app.
import fs from 'node:fs';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { serveStatic } from '@hono/node-server/serve-static';
import { AppError, ERROR_CODES, type ErrorBody } from '../../../shared/errors.js';
import type { CachedCaller, ShortLivedCache } from '../short-lived-cache.js';
import { sha256 } from '../clock.js';
import { findTokenCaller, touchSession } from '../auth/sessions.repository.js';
import { migrationLevel } from '../db/migrate.js';
import { isUniqueViolation } from '../db/dialect.js';
import type { AppContext } from '../../features/context.js';
import { openApiDocument, registerRoutes, type AuthInfo, type RouteDef } from './route.js';
import { allRoutes } from './routes/index.js';
import { SESSION_COOKIE } from './routes/auth.routes.js';

export const APP_VERSION = '0.1.0';

function errorResponse(c: Context, err: AppError) {
  const body: ErrorBody = { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
  return c.json(body, err.status as 400);
}

async function authenticate(app: AppContext, cache: ShortLivedCache<CachedCaller>, c: Context, def: RouteDef): Promise<AuthInfo | null> {
  const bearer = c.req.header('authorization');
  const via: AuthInfo['via'] = bearer?.toLowerCase().startsWith('bearer ') ? 'token' : 'session';
  const secret = via === 'token' ? bearer!.slice(7).trim() : getCookie(c, SESSION_COOKIE);
  let found: CachedCaller | null = null;
  if (secret) {
    const nowMs = app.clock.nowMs();
    const key = `${via}:${sha256(secret)}`;
    found = cache.get(key, nowMs);
    if (!found) {
      if (via === 'token') {
        const caller = await findTokenCaller(app.db, secret, app.clock.now());
        found = caller ? { caller, sessionId: null, csrfToken: null } : null;
        if (found) cache.set(key, found, nowMs);
      } else {
        const s = await touchSession(app.db, secret, nowMs, app.config.sessionIdleMinutes);
        found = s ? { caller: s.caller, sessionId: s.sessionId, csrfToken: s.csrfToken } : null;
        if (found) cache.set(key, found, nowMs, Date.parse(s!.expiresAt));
      }
    }
  }
  if (!found || found.caller.disabled) {
    if (def.public) return null;
    throw new AppError('auth.unauthenticated');
  }
  const { caller, sessionId, csrfToken } = found;
  // CSRF: a cookie is sent by the browser on its own; a header only by our own script (issue 2 item 6).
  if (via === 'session' && def.method !== 'get' && !def.public && c.req.header('x-csrf-token') !== csrfToken) {
    throw new AppError('auth.csrf');
  }
  if (caller.mustChangePassword && !def.allowWithPendingPasswordChange && !def.public) {
    throw new AppError('auth.password_change_required');
  }
  return {
    principal: caller.principal,
    username: caller.username,
    mustChangePassword: caller.mustChangePassword,
    via,
    sessionId,
    csrfToken,
  };
}

export function createHttpApp(app: AppContext, options: { webRoot?: string | null } = {}): Hono {
  const server = new Hono();
  server.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Ant Design injects its styles at run time
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Not covered by default-src: an injected <base> or <form action> could send the app's own
        // requests or a typed password elsewhere.
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'same-origin',
      xFrameOptions: 'DENY', // the same as frame-ancestors 'none', for browsers that ignore CSP 3
      // HSTS only where the deployment says it is served over HTTPS (TUSOI_SECURE_COOKIES=1, the
      // switch of the cookies' Secure flag): an office server reached over plain HTTP has no use
      // for it, and a trial behind a temporary TLS proxy would otherwise pin browsers to HTTPS for
      // a year.
      strictTransportSecurity: app.config.secureCookies ? 'max-age=31536000; includeSubDomains' : false,
      // A handler's own stricter header stays: attachments are served with "sandbox; default-src 'none'".
      overwrite: false,
    }),
  );

  const api = new Hono();
  const limitBody = bodyLimit({
    maxSize: app.config.maxUploadBytes + 64 * 1024,
    onError: () => {
      throw new AppError('request.too_large');
    },
  });
  // Only requests that carry a body: asking a GET for its body makes the Node adapter build a full
  // web Request (with its AbortSignal) per read, garbage that a busy list page piles up.
  api.use('*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));
  // Liveness without the database: for load balancers, and the bare route the benchmark compares with.
  api.get('/health/live', (c) => c.json({ status: 'ok' }));
  api.get('/health', async (c) =>
    c.json({ status: 'ok', version: APP_VERSION, dialect: app.handle.dialect, migration: await migrationLevel(app.handle) }),
  );
  const routes = allRoutes();
  const openapi = openApiDocument(routes, APP_VERSION);
  api.get('/openapi.json', (c) => c.json(openapi));
  registerRoutes(api, app, routes, (c, def) => authenticate(app, app.caches.callers, c, def));
  server.route('/api', api);
  server.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? errorResponse(c, new AppError('request.not_found'))
      : c.html('<!doctype html><meta charset="utf-8"><title>Tự soi</title><p>Không tìm thấy trang.</p>', 404),
  );

  server.onError((err, c) => {
    if (err instanceof AppError) return errorResponse(c, err);
    if (isUniqueViolation(err)) return errorResponse(c, new AppError('conflict.duplicate'));
    // Hono's own HTTP errors (malformed multipart, …) are the client's fault, not the server's.
    const status = (err as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return errorResponse(c, new AppError(status === 413 ? 'request.too_large' : 'request.invalid'));
    }
    console.error('[tusoi] lỗi máy chủ:', err);
    return c.json({ error: { code: 'server.internal', message: ERROR_CODES['server.internal'].message } }, 500);
  });

  const webRoot = options.webRoot;
  if (webRoot && fs.existsSync(path.join(webRoot, 'index.html'))) {
    const index = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
    // Compressed static files: a member's first visit on a phone loads about a third as many bytes.
    // API answers stay uncompressed: on loopback and office networks the CPU matters more.
    server.use('/assets/*', compress());
    server.use(
      '/assets/*',
      serveStatic({ root: webRoot, onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }),
    );
    server.use('*', serveStatic({ root: webRoot }));
    // Client-side routes: every other GET gets the app shell.
    server.get('*', (c) => (c.req.path.startsWith('/api/') ? errorResponse(c, new AppError('request.not_found')) : c.html(index)));
  } else {
    server.get('/', (c) =>
      c.html('<!doctype html><meta charset="utf-8"><title>Tự soi</title><p>Giao diện chưa được dựng. Chạy <code>npm run build</code>.</p>'),
    );
  }
  return server;
}
