// Server validation problems ({field, message}) shown next to the fields they concern.
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** Refusals that concern one field of a form, shown under that field rather than as a toast. */
export const FIELD_OF_ERROR: Record<string, string> = {
  'org_unit.code_taken': 'code',
  'member.card_taken': 'cardNumber',
  'account.username_taken': 'username',
  'auth.wrong_password': 'currentPassword',
};

/** Puts field problems on the form; returns false when the error is not about known fields. */
export function showFieldProblems(form: FormInstance, err: unknown, fields: string[]): boolean {
  if (!(err instanceof ApiError)) return false;
  const single = FIELD_OF_ERROR[err.code];
  if (single && fields.includes(single)) {
    form.setFields([{ name: single, errors: [err.message] }]);
    return true;
  }
  const problems = err.fieldProblems.filter((p) => fields.includes(p.field.split('.')[0]));
  if (problems.length === 0) return false;
  form.setFields(problems.map((p) => ({ name: p.field.split('.')[0], errors: [p.message] })));
  return true;
}

/** Empty strings from inputs become null: the contracts distinguish "no value" from "". */
export function emptyToNull<T extends object>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' && v.trim() === '' ? null : v;
  return out as T;
}
