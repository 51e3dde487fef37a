// An in-process HTTP client for the Hono app: real requests through every middleware, no socket.
import type { Hono } from 'hono';
import { createHttpApp } from '../../src/server/adapters/http/app.js';
import type { AppContext } from '../../src/server/features/context.js';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  raw: Response;
}

/** What a client holds between requests: the session cookie, its CSRF token, or an API token. */
export interface ClientCredentials {
  cookie: string | null;
  csrfToken: string | null;
  bearer: string | null;
}

/** The headers and body of a request as the browser app sends it (JSON, or a multipart form as is). */
export function requestInit(
  credentials: ClientCredentials,
  method: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): { method: string; headers: Record<string, string>; body: BodyInit | undefined } {
  const headers: Record<string, string> = { ...extraHeaders };
  if (credentials.cookie) headers.cookie = credentials.cookie;
  if (credentials.csrfToken && method !== 'GET') headers['x-csrf-token'] = credentials.csrfToken;
  if (credentials.bearer) headers.authorization = `Bearer ${credentials.bearer}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  return { method, headers, body: payload };
}

export class TestClient {
  private cookie: string | null = null;
  csrfToken: string | null = null;
  bearer: string | null = null;

  constructor(readonly app: Hono) {}

  static for(ctx: AppContext): TestClient {
    return new TestClient(createHttpApp(ctx, { webRoot: null }));
  }

  async request<T = any>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const credentials = { cookie: this.cookie, csrfToken: this.csrfToken, bearer: this.bearer };
    const raw = await this.app.request(path, requestInit(credentials, method, body, extraHeaders));
    const setCookie = raw.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const type = raw.headers.get('content-type') ?? '';
    const parsed = type.includes('application/json') ? await raw.json() : await raw.arrayBuffer();
    return { status: raw.status, body: parsed as T, headers: raw.headers, raw };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }

  async login(username: string, password: string): Promise<ApiResponse> {
    const r = await this.post('/api/auth/login', { username, password });
    if (r.status === 200) this.csrfToken = r.body.csrfToken;
    return r;
  }

  /** A new client logged in as the user; fails the test if login fails. */
  static async loggedIn(ctx: AppContext, username: string, password: string, app?: Hono): Promise<TestClient> {
    const c = new TestClient(app ?? createHttpApp(ctx, { webRoot: null }));
    const r = await c.login(username, password);
    if (r.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(r.body)}`);
    return c;
  }
}

/**
 * One logged-in client per username, made on first use and kept for the test file: `as('bantochuc')`.
 * The context is read when a client is first made (tests build it in beforeAll).
 */
export function clientsByUsername(ctx: () => AppContext, password: string): (username: string) => Promise<TestClient> {
  const clients = new Map<string, TestClient>();
  return async (username) => {
    let c = clients.get(username);
    if (!c) {
      c = await TestClient.loggedIn(ctx(), username, password);
      clients.set(username, c);
    }
    return c;
  };
}
