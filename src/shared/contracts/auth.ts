import { z } from 'zod';
import { ROLES } from '../vocabulary.js';
import { id, requiredText } from './common.js';

export const role = z.enum(ROLES);

export const loginBody = z.object({
  username: z.string().trim().min(1, 'Nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'Nhập mật khẩu').max(200),
});

/**
 * Passwords that the first guesses of any attacker try (the usual English ones and their
 * Vietnamese twins), refused even though they have letters and digits. The throttle of
 * features/auth/login.ts allows five guesses per account each quarter hour: these are the five.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  (
    'password1 password12 password123 password1234 passw0rd p4ssw0rd abc12345 abcd1234 abc123456 a1234567 a12345678 ' +
    'a123456789 1234567a 12345678a 123456789a 1q2w3e4r 1qaz2wsx qwerty12 qwerty123 qwe12345 admin123 admin1234 ' +
    'admin12345 iloveyou1 welcome1 letmein1 test1234 matkhau1 matkhau12 matkhau123 matkhau1234 tusoi123 dangvien1 ' +
    'dangvien123 vietnam1 vietnam123 hanoi123 hatinh123 anhyeuem1 anhyeuem123 emyeuanh1 zxcvbnm1 asdfgh123'
  ).split(' '),
);

/**
 * Password policy (issue 2 item 6, hardened by issue 6): 8 to 200 characters with letters and
 * digits, and not one of the common passwords above. Shared by the server (create, reset, change,
 * the CLI) and the browser's forms, so both say the same.
 */
export const newPassword = z
  .string()
  .min(8, 'Mật khẩu phải có ít nhất 8 ký tự')
  .max(200)
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), 'Mật khẩu phải gồm cả chữ và số')
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), 'Mật khẩu quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác');

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
