// The browser's one door to the API: JSON in and out, the CSRF header on every change, errors
// turned into ApiError with the server's Vietnamese message (design §4: a user never sees a stack).

/** Problems of a rejected request: fields of a form, or rows and columns of an Excel file. */
export interface FieldProblem {
  field: string;
  message: string;
}
export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** `request.invalid` carries one problem per field. */
  get fieldProblems(): FieldProblem[] {
    const problems = (this.details as { problems?: unknown } | undefined)?.problems;
    if (!Array.isArray(problems)) return [];
    return problems.filter((p): p is FieldProblem => typeof p?.field === 'string' && typeof p?.message === 'string');
  }

  /** `import.invalid_rows` carries one problem per row and column. */
  get rowProblems(): RowProblem[] {
    const problems = (this.details as { problems?: unknown } | undefined)?.problems;
    if (!Array.isArray(problems)) return [];
    return problems.filter((p): p is RowProblem => typeof p?.row === 'number' && typeof p?.message === 'string');
  }
}

export const NETWORK_ERROR_MESSAGE = 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.';
const UNEXPECTED_MESSAGE = 'Máy chủ trả lời không như mong đợi. Vui lòng thử lại sau.';

/** The Vietnamese text to show for any error thrown in the app. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    const fields = err.fieldProblems;
    if (err.code === 'request.invalid' && fields.length > 0) {
      return `${err.message} ${fields.map((p) => p.message).join('; ')}`;
    }
    return err.message;
  }
  return UNEXPECTED_MESSAGE;
}

// The CSRF token comes from the login answer or GET /api/me; it lives in memory only.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type AuthListener = (code: 'auth.unauthenticated' | 'auth.password_change_required') => void;
const authListeners = new Set<AuthListener>();
/** The app shell listens, to send the user to the login or change-password screen. */
export function onAuthProblem(listener: AuthListener): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

async function errorFrom(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: a proxy or a crashed server; keep the generic message
  }
  const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') {
    return new ApiError(res.status, e.code, e.message, e.details);
  }
  if (res.status === 404) return new ApiError(404, 'request.not_found', 'Không tìm thấy địa chỉ yêu cầu.');
  return new ApiError(res.status, 'server.unexpected', UNEXPECTED_MESSAGE);
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network.unreachable', NETWORK_ERROR_MESSAGE);
  }
  if (!res.ok) {
    const err = await errorFrom(res);
    if (err.code === 'auth.unauthenticated' || err.code === 'auth.password_change_required') {
      // Login itself answers invalid_credentials, so this is a session that ended or a forced change.
      if (!path.startsWith('/api/auth/login')) for (const l of authListeners) l(err.code);
    }
    throw err;
  }
  return res;
}

export async function apiRequest<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => apiRequest<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
  upload: <T>(path: string, form: FormData) => apiRequest<T>('POST', path, form),
};

/** Builds "/api/members?q=thuy&page=2", leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** File name from Content-Disposition (RFC 6266: filename* carries UTF-8 Vietnamese names). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

/** Downloads a file answer (GET, or POST for generated files) and hands it to the browser. */
export async function downloadFile(
  path: string,
  fallbackName: string,
  options: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<string> {
  const res = await send(options.method ?? 'GET', path, options.body);
  const blob = await res.blob();
  const name = fileNameFrom(res.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
