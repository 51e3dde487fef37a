// The fuzzer's judge, judged: each way an answer can break its contract is caught (so the fuzz run
// cannot pass by checking nothing), a correct answer is not, and the schema validator that decides
// which requests must be refused agrees with zod on the cases that matter.
import { describe, expect, it } from 'vitest';
import { OPERATIONS, commonCodes, problemsOf, type FuzzCase, type Operation } from './contract.js';
import { parameterViolation, poison, violation, type JsonSchema } from './schema.js';
import { ANONYMOUS, type Answer } from './world.js';

const op = (id: string): Operation => OPERATIONS.find((o) => o.operationId === id)!;
const membersGet = op('members.get');
const aCase = (outside: string | null = null): FuzzCase => ({
  caller: ANONYMOUS,
  method: 'GET',
  url: '/api/members/x',
  body: { kind: 'none' },
  outside,
  summary: '',
});
const json = (status: number, value: unknown, contentType = 'application/json'): Answer => ({
  status,
  contentType,
  text: JSON.stringify(value),
  json: value,
});
const error = (status: number, code: string, message = 'Không tìm thấy đảng viên.') => json(status, { error: { code, message } });

describe('the answer checker', () => {
  it('accepts a documented refusal and a common one', () => {
    expect(problemsOf(membersGet, aCase(), error(404, 'member.not_found'))).toEqual([]);
    expect(problemsOf(membersGet, aCase(), error(401, 'auth.unauthenticated'))).toEqual([]);
  });

  it('flags a 5xx, an undocumented or unknown code, a code with the wrong status and an empty message', () => {
    expect(problemsOf(membersGet, aCase(), error(500, 'server.internal')).join()).toMatch(/trả 500/);
    expect(problemsOf(membersGet, aCase(), error(404, 'campaign.not_found')).join()).toMatch(/không được công bố/);
    expect(problemsOf(membersGet, aCase(), error(404, 'member.gone')).join()).toMatch(/không có trong errors.ts/);
    expect(problemsOf(membersGet, aCase(), error(400, 'member.not_found')).join()).toMatch(/đi với 400/);
    expect(problemsOf(membersGet, aCase(), error(404, 'member.not_found', ' ')).join()).toMatch(/rỗng/);
  });

  it('flags a refusal that is not JSON { error: { code, message } }', () => {
    expect(problemsOf(membersGet, aCase(), { status: 400, contentType: 'text/html', text: '<p>Bad</p>', json: undefined }).join()).toMatch(
      /không theo dạng/,
    );
    expect(problemsOf(membersGet, aCase(), json(400, { message: 'x' })).join()).toMatch(/không theo dạng/);
  });

  it('flags a stack trace, a source path, node_modules and SQL in a body', () => {
    const leak = (message: string) => problemsOf(membersGet, aCase(), error(404, 'member.not_found', message)).join();
    expect(leak('Error\n    at listMembers (/work/main/src/x.ts:1:2)')).toMatch(/lộ stack trace/);
    expect(leak('members.repository.ts:158')).toMatch(/lộ source file/);
    expect(leak('/node_modules/pg/lib/client.js')).toMatch(/lộ node_modules/);
    expect(leak('select "id" from "members" where "id" = $1')).toMatch(/lộ SQL/);
    expect(leak('null value in column "x" violates not-null constraint')).toMatch(/lộ database error/);
    expect(leak('TypeError: Cannot read properties of undefined')).toMatch(/lộ JavaScript error/);
    // Vietnamese prose is not a stack trace: "đạt yêu cầu" has "at " in it.
    expect(leak('Hồ sơ chưa đạt yêu cầu; chi bộ đã họp lại.')).toBe('');
  });

  it('flags a 2xx of another media type, one outside its documented shape, and one for a request the schema refuses', () => {
    expect(problemsOf(membersGet, aCase(), json(200, {}, 'text/html')).join()).toMatch(/kiểu nội dung/);
    expect(problemsOf(membersGet, aCase(), json(200, { id: 'x' })).join()).toMatch(/khác lược đồ/);
    expect(problemsOf(op('me.get'), aCase('$.x: thiếu'), json(200, {})).join()).toMatch(/ngoài lược đồ/);
    const download = op('members.export');
    const xlsx = { status: 200, contentType: download.mediaTypes[0], text: '', json: undefined };
    expect(problemsOf(download, aCase(), xlsx)).toEqual([]);
  });

  it('lets writes, and only writes, answer the CSRF and conflict codes', () => {
    expect(commonCodes(membersGet).has('conflict.version')).toBe(false);
    expect(commonCodes(op('members.update')).has('conflict.version')).toBe(true);
    expect(commonCodes(op('auth.login')).has('auth.unauthenticated')).toBe(false);
  });
});

describe('the schema validator that decides what must be refused', () => {
  const body: JsonSchema = {
    type: 'object',
    properties: {
      version: { type: 'integer', exclusiveMinimum: 0 },
      name: { type: 'string', maxLength: 10 },
      unitId: { type: 'string', pattern: '^[0-9a-z]{6,40}$' },
      kind: { anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'null' }] },
      at: {},
    },
    required: ['version', 'unitId'],
  };

  it('passes what the schema allows, unknown fields and unrepresentable ones included', () => {
    expect(violation(body, { version: 1, unitId: 'abc123', kind: null, at: [1, { x: 2 }], extra: 'x' })).toBeNull();
  });

  it('names the first reason a value is outside', () => {
    expect(violation(body, { unitId: 'abc123' })).toMatch(/version: thiếu/);
    expect(violation(body, { version: 0, unitId: 'abc123' })).toMatch(/<= 0/);
    expect(violation(body, { version: 1.5, unitId: 'abc123' })).toMatch(/kiểu number/);
    expect(violation(body, { version: 1, unitId: 'ABC123' })).toMatch(/không khớp/);
    expect(violation(body, { version: 1, unitId: 'abc123', name: 'x'.repeat(11) })).toMatch(/dài 11/);
    expect(violation(body, { version: 1, unitId: 'abc123', kind: 'c' })).not.toBeNull();
    expect(violation(body, [])).toMatch(/kiểu array/);
  });

  it('coerces parameters as zod does: "" and blanks are 0, words are not numbers', () => {
    const page: JsonSchema = { type: 'integer', minimum: 1 };
    expect(parameterViolation(page, '', false, 'page')).toMatch(/0 < 1/);
    expect(parameterViolation(page, 'hai', false, 'page')).toMatch(/không phải số/);
    expect(parameterViolation(page, '2', false, 'page')).toBeNull();
    expect(parameterViolation(page, undefined, true, 'page')).toMatch(/thiếu/);
  });

  it('poisons free text only, within its limit', () => {
    const poisoned = poison(body, { version: 1, unitId: 'abc123', name: 'Nguyễn', kind: 'a' }, '\u0000') as Record<string, string>;
    expect(poisoned.name).toBe('Nguyễn \u0000');
    expect(poisoned.unitId).toBe('abc123');
    expect(poisoned.kind).toBe('a');
    expect(violation(body, poisoned)).toBeNull();
  });
});
