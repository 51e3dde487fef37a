// The contract every answer is held to, read from the OpenAPI document the server serves: the
// operations with their parameters, body schemas, media types and documented error codes, the codes
// any operation may answer, and the check of one answer (requests.test.ts runs it on every case).
import { APP_VERSION } from '../../src/server/adapters/http/app.js';
import { openApiDocument } from '../../src/server/adapters/http/route.js';
import { allRoutes } from '../../src/server/adapters/http/routes/index.js';
import { ERROR_CODES } from '../../src/shared/errors.js';
import { violation, type JsonSchema } from './schema.js';
import type { Answer, Body, Caller } from './world.js';

// ── The operations ─────────────────────────────────────────────────────────────────────────────

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  operationId: string;
  method: string;
  /** OpenAPI template, e.g. /api/members/{id}. */
  path: string;
  parameters: Parameter[];
  jsonBody: JsonSchema | null;
  multipart: boolean;
  /** The documented media types of a 2xx (application/json, or those of a download). */
  mediaTypes: string[];
  /** The documented shape of a JSON 2xx. */
  responseSchema: JsonSchema | null;
  errors: Set<string>;
  public: boolean;
}

/** The same document the server serves at /api/openapi.json (the first test checks that it is). */
export const DOCUMENT = openApiDocument(allRoutes(), APP_VERSION) as {
  paths: Record<string, Record<string, Record<string, any>>>;
};

export const OPERATIONS: Operation[] = Object.entries(DOCUMENT.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => {
    const content = op.requestBody?.content ?? {};
    const ok = op.responses['200'].content as Record<string, unknown>;
    const errors = new Set<string>(
      Object.entries(op.responses as Record<string, { 'x-error-codes'?: string[] }>).flatMap(([, r]) => r['x-error-codes'] ?? []),
    );
    return {
      operationId: op.operationId as string,
      method: method.toUpperCase(),
      path,
      parameters: op.parameters as Parameter[],
      jsonBody: (content['application/json']?.schema as JsonSchema | undefined) ?? null,
      multipart: 'multipart/form-data' in content,
      mediaTypes: Object.keys(ok),
      responseSchema: ((ok['application/json'] as { schema?: JsonSchema } | undefined)?.schema as JsonSchema | undefined) ?? null,
      errors,
      public: (op.security as unknown[]).length === 0,
    };
  }),
);

/**
 * Codes any operation may answer besides its own list, and why:
 * - request.invalid: route.ts refuses params, query or body outside the operation's zod schema, a
 *   body that is not JSON or not a form, and text with NUL, before any use case runs;
 * - request.not_found: a path that no operation matches (a path id that is empty or that the URL
 *   parser folds away, such as "..");
 * - auth.unauthenticated, auth.forbidden, auth.password_change_required: app.ts authenticate() and
 *   the policy, on every operation that is not public;
 * - auth.csrf (writes only): a cookie session without the CSRF header;
 * - request.too_large (requests with a body only): the body limit in app.ts;
 * - conflict.duplicate (writes only): app.ts maps any unique-index violation to it, the last word
 *   on two writers racing past a use case's own check;
 * - conflict.version (writes only): a versioned row changed since it was read (design §3,
 *   optimistic locking).
 */
export function commonCodes(op: Operation): Set<string> {
  const codes = ['request.invalid', 'request.not_found'];
  if (!op.public) codes.push('auth.unauthenticated', 'auth.forbidden', 'auth.password_change_required');
  if (op.method !== 'GET') codes.push('auth.csrf', 'request.too_large', 'conflict.duplicate', 'conflict.version');
  return new Set(codes);
}

export interface FuzzCase {
  caller: Caller;
  method: string;
  url: string;
  body: Body;
  /** Why the published schema refuses this request, when it certainly does. */
  outside: string | null;
  summary: string;
}

export function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…(${s.length} ký tự)` : s;
}

// ── Checking an answer ─────────────────────────────────────────────────────────────────────────

const LEAKS: [string, RegExp][] = [
  ['stack trace', /\n\s+at\s|\bat\s+\S+\s+\((?:file:|\/|node:)[^)]*:\d+:\d+\)/],
  ['source file', /\.(?:ts|js|mjs|cjs):\d+/],
  ['node_modules', /node_modules/],
  ['file path', /\/(?:work|home|usr|src\/server)\//],
  ['JavaScript error', /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|AggregateError)\b/],
  ['SQL', /\bselect\b.{0,200}?\bfrom\s+\\?"?\w+|\binsert\s+into\b|\bdelete\s+from\b|\bupdate\s+\\?"?\w+\\?"?\s+set\b/i],
  [
    'database error',
    /SQLITE_[A-Z]|violates [\w-]+ constraint|syntax error at or near|relation "[^"]+" does not exist|invalid byte sequence|duplicate key value/,
  ],
];

export function problemsOf(op: Operation, c: FuzzCase, a: Answer): string[] {
  const problems: string[] = [];
  if (a.status >= 500) problems.push(`trả ${a.status}`);
  else if (a.status < 200 || (a.status >= 300 && a.status < 400)) problems.push(`mã trạng thái lạ ${a.status}`);
  if (a.status >= 400) {
    const err = (a.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    if (!a.contentType.includes('application/json') || !err)
      problems.push(`lỗi không theo dạng { error: { code, message } } (${a.contentType})`);
    else {
      if (typeof err.code !== 'string' || !(err.code in ERROR_CODES)) problems.push(`mã lỗi không có trong errors.ts: ${String(err.code)}`);
      else if (!op.errors.has(err.code) && !commonCodes(op).has(err.code))
        problems.push(`mã lỗi không được công bố cho ${op.operationId}: ${err.code}`);
      if (typeof err.message !== 'string' || err.message.trim() === '') problems.push('thông báo lỗi rỗng');
      if (typeof err.code === 'string' && err.code in ERROR_CODES && ERROR_CODES[err.code as keyof typeof ERROR_CODES].status !== a.status)
        problems.push(`mã ${err.code} đi với ${a.status}, không phải ${ERROR_CODES[err.code as keyof typeof ERROR_CODES].status}`);
    }
  } else if (a.status >= 200 && a.status < 300) {
    const type = a.contentType.split(';')[0].trim();
    if (!op.mediaTypes.includes(type) && !op.mediaTypes.includes('*/*'))
      problems.push(`kiểu nội dung ${a.contentType}, tài liệu ghi ${op.mediaTypes.join(' | ')}`);
    if (type === 'application/json' && a.json === undefined) problems.push('JSON không đọc được');
    else if (type === 'application/json' && op.responseSchema) {
      const why = violation(op.responseSchema, a.json);
      if (why) problems.push(`trả lời khác lược đồ đã công bố: ${why}`);
    }
    if (c.outside) problems.push(`nhận một yêu cầu ngoài lược đồ (${c.outside})`);
  }
  for (const [what, re] of LEAKS) {
    const m = re.exec(a.text);
    if (m) problems.push(`lộ ${what}: …${a.text.slice(Math.max(0, m.index - 60), m.index + 80)}…`);
  }
  return problems;
}
