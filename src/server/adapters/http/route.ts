// A route is data: its operationId, contract and handler. The same list registers the Hono
// handlers and writes the OpenAPI document (design §4), so the two cannot drift apart.
import type { Context, Hono } from 'hono';
import { z, type ZodType } from 'zod';
import { AppError, ERROR_CODES, type ErrorCode } from '../../../shared/errors.js';
import type { AppContext } from '../../features/context.js';
import type { Principal } from '../../domain/policy.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface AuthInfo {
  principal: Principal;
  username: string;
  mustChangePassword: boolean;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
}

export interface HandlerArgs<P, Q, B> {
  app: AppContext;
  c: Context;
  params: P;
  query: Q;
  body: B;
  /** Present on every operation except the public ones. */
  auth: AuthInfo;
}

export interface RouteDef<P = any, Q = any, B = any> {
  operationId: string;
  method: Method;
  /** Hono path under /api, e.g. "/org-units/:id". */
  path: string;
  summary: string;
  tag: string;
  public?: boolean;
  /** Allowed while the password must still be changed (login, me, change password, logout). */
  allowWithPendingPasswordChange?: boolean;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  /** JSON body, or 'multipart' for a file upload in the field "file". */
  body?: ZodType<B> | 'multipart';
  /** JSON response schema, or a media type for binary downloads. */
  response: ZodType | { mediaType: string };
  errors: ErrorCode[];
  /**
   * A write that changes nothing the server's short-lived caches hold (sessions, grants, units,
   * cockpit counts): its requests leave the caches as they are. Every other write empties them.
   */
  keepsCaches?: true;
  handler: (args: HandlerArgs<P, Q, B>) => Promise<unknown>;
}

export function route<P, Q, B>(def: RouteDef<P, Q, B>): RouteDef<P, Q, B> {
  return def;
}

function parseOrThrow<T>(schema: ZodType<T> | undefined, value: unknown): T {
  if (!schema) return undefined as T;
  const r = schema.safeParse(value);
  if (!r.success) {
    const problems = r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw new AppError('request.invalid', undefined, { problems });
  }
  return r.data;
}

/**
 * The first NUL character (U+0000) in a request's strings, as a field path. PostgreSQL text cannot
 * hold it (it fails the whole statement) and SQLite would store what the other cannot, so it is
 * refused here, the same on both databases, before any use case runs (issue 6, fuzzing).
 */
function nulField(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(nội dung)' : null;
  if (value instanceof Blob) return 'name' in value && typeof value.name === 'string' ? nulField(value.name, path, depth) : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  for (const [k, v] of Object.entries(value)) {
    const found = k.includes('\u0000') ? [...path, k].join('.') : nulField(v, [...path, k], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

function refuseNul(...parts: unknown[]): void {
  for (const part of parts) {
    const field = nulField(part);
    if (field !== null) {
      throw new AppError('request.invalid', 'Dữ liệu gửi lên chứa ký tự NUL (mã 0) không được phép.', {
        problems: [{ field, message: 'Không được chứa ký tự NUL (mã 0)' }],
      });
    }
  }
}

export function registerRoutes(
  api: Hono,
  app: AppContext,
  routes: RouteDef[],
  authenticate: (c: Context, def: RouteDef) => Promise<AuthInfo | null>,
): void {
  for (const def of routes) {
    api.on(def.method.toUpperCase(), def.path, async (c) => {
      try {
        return await handle(c, def);
      } finally {
        // A write through this server may end a session, change a grant, move a unit or advance a
        // unit's stage: unless its route says otherwise, forget them all (docs/decisions/0003).
        if (def.method !== 'get' && !def.keepsCaches) app.caches.clear();
      }
    });
  }

  async function handle(c: Context, def: RouteDef) {
    const auth = await authenticate(c, def);
    const params = parseOrThrow(def.params, c.req.param());
    const query = parseOrThrow(def.query, c.req.query());
    let body: unknown;
    if (def.body === 'multipart') {
      try {
        body = await c.req.parseBody();
      } catch (e) {
        // The body limit's own error goes on to app.ts; a malformed form is the client's (issue 6, fuzzing).
        if (e instanceof AppError || (e as { status?: number }).status === 413) throw e;
        throw new AppError('request.invalid', 'Nội dung gửi lên không phải biểu mẫu tải tệp (multipart/form-data) hợp lệ.');
      }
    } else if (def.body) {
      let json: unknown;
      try {
        json = await c.req.json();
      } catch {
        throw new AppError('request.invalid', 'Nội dung gửi lên không phải JSON hợp lệ.');
      }
      body = parseOrThrow(def.body, json);
    }
    refuseNul(params, query, body);
    const result = await def.handler({ app, c, params, query, body, auth: auth as AuthInfo });
    if (result instanceof Response) return result;
    return c.json(result as object);
  }
}

function toPathTemplate(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}');
}

function jsonSchema(schema: ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

export function openApiDocument(routes: RouteDef[], version: string): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of routes) {
    const p = (paths[`/api${toPathTemplate(def.path)}`] ??= {});
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', def.params],
      ['query', def.query],
    ] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
      }
    }
    const responses: Record<string, unknown> = {
      200: {
        description: 'OK',
        content:
          'mediaType' in def.response
            ? // "a, b" (a document as Word or PDF): one content entry per media type, as OpenAPI wants.
              Object.fromEntries(def.response.mediaType.split(',').map((t) => [t.trim(), { schema: { type: 'string', format: 'binary' } }]))
            : { 'application/json': { schema: jsonSchema(def.response as ZodType, 'output') } },
      },
    };
    const codes = [
      ...new Set<ErrorCode>([
        ...def.errors,
        'request.invalid',
        ...(def.public ? [] : (['auth.unauthenticated', 'auth.forbidden'] as ErrorCode[])),
      ]),
    ];
    for (const code of codes) {
      const status = String(errorStatus(code));
      const entry = (responses[status] ??= { description: 'Lỗi', 'x-error-codes': [] as string[] }) as { 'x-error-codes': string[] };
      entry['x-error-codes'].push(code);
    }
    p[def.method] = {
      operationId: def.operationId,
      summary: def.summary,
      tags: [def.tag],
      security: def.public ? [] : [{ cookie: [] }, { bearer: [] }],
      parameters,
      requestBody:
        def.body === 'multipart'
          ? {
              content: {
                'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } },
              },
            }
          : def.body
            ? { content: { 'application/json': { schema: jsonSchema(def.body, 'input') } } }
            : undefined,
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Tự soi API', version },
    components: {
      securitySchemes: {
        cookie: { type: 'apiKey', in: 'cookie', name: 'tusoi_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}

function errorStatus(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}
