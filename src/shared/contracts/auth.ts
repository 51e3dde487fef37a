import { z } from 'zod';
import { ROLES } from '../vocabulary.js';
import { id, requiredText } from './common.js';

export const role = z.enum(ROLES);

export const loginBody = z.object({
  username: z.string().trim().min(1, 'Nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'Nhập mật khẩu').max(200),
});

/** Password policy: at least 8 characters with letters and digits (issue 6 hardens it further). */
export const newPassword = z
  .string()
  .min(8, 'Mật khẩu phải có ít nhất 8 ký tự')
  .max(200)
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), 'Mật khẩu phải gồm cả chữ và số');

export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword });

export const grantView = z.object({
  id: z.string(),
  role,
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
});

export const me = z.object({
  accountId: z.string(),
  username: z.string(),
  displayName: z.string(),
  memberId: z.string().nullable(),
  mustChangePassword: z.boolean(),
  grants: z.array(grantView),
  csrfToken: z.string().nullable(),
  committee: z.object({ id: z.string(), name: z.string() }).nullable(),
  businessDate: z.string(),
  businessDateIsReal: z.boolean(),
  abilities: z.object({
    manageAccounts: z.boolean(),
    readOrgTree: z.boolean(),
    readAudit: z.boolean(),
    /** Staff of any role: campaigns list, cockpit and the parts of a campaign in their scope. */
    readCampaigns: z.boolean(),
    /** Quản trị › Thể thức văn bản (regulations §6 settings). */
    configureDocuments: z.boolean(),
  }),
  /** The roots of the subtrees the caller may read, for the tree's starting points. */
  scopeRoots: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
});
export type Me = z.infer<typeof me>;

export const accountView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  memberId: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  grants: z.array(grantView),
  createdAt: z.string(),
});
export type AccountView = z.infer<typeof accountView>;

export const createAccountBody = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.string().regex(/^[a-z0-9._-]{3,50}$/, 'Tên đăng nhập gồm 3–50 chữ không dấu, số, dấu chấm, gạch')),
  displayName: requiredText(120),
  password: newPassword,
  memberId: id.nullable().optional(),
  mustChangePassword: z.boolean().default(true),
});
export const grantRoleBody = z.object({ role, unitId: id });
export const resetPasswordBody = z.object({ newPassword });
export const bulkMemberAccountsBody = z.object({ unitId: id });
