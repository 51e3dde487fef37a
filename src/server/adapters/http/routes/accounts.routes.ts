// Account administration (design §2: admin RW over the subtree of the admin grant) and each user's
// own API tokens (issue 2 item 6). Thin: validate → the use case authorizes and acts → present.
import { z } from 'zod';
import { AppError } from '../../../../shared/errors.js';
import {
  accountView,
  bulkMemberAccountsBody,
  createAccountBody,
  grantRoleBody,
  resetPasswordBody,
} from '../../../../shared/contracts/auth.js';
import {
  accountIdParams,
  accountList,
  createdToken,
  createTokenBody,
  grantIdParams,
  listAccountsQuery,
  tokenList,
} from '../../../../shared/contracts/accounts.js';
import { id, okBody } from '../../../../shared/contracts/common.js';
import { asciiSlug } from '../../../features/accounts/member-usernames.js';
import { createAccount } from '../../../features/accounts/create-account.js';
import { createApiToken } from '../../../features/accounts/create-api-token.js';
import { createMemberAccounts } from '../../../features/accounts/create-member-accounts.js';
import { grantRole } from '../../../features/accounts/grant-role.js';
import { listAccounts } from '../../../features/accounts/list-accounts.js';
import { listApiTokens } from '../../../features/accounts/list-api-tokens.js';
import { memberAccountsWorkbook, XLSX_MEDIA_TYPE } from '../../../features/accounts/member-accounts-xlsx.js';
import { resetPassword } from '../../../features/accounts/reset-password.js';
import { revokeApiToken } from '../../../features/accounts/revoke-api-token.js';
import { revokeRole } from '../../../features/accounts/revoke-role.js';
import { setAccountDisabled } from '../../../features/accounts/set-account-disabled.js';
import { accountView as loadAccountView, loadManagedAccount } from '../../../features/accounts/account-access.js';
import { route } from '../route.js';

const TAG = 'accounts';

export const accountRoutes = [
  route({
    operationId: 'accounts.list',
    method: 'get',
    path: '/accounts',
    summary: 'Danh sách tài khoản trong phạm vi quản trị',
    tag: TAG,
    query: listAccountsQuery,
    response: accountList,
    errors: [],
    handler: ({ app, auth, query }) => listAccounts(app, auth.principal, query),
  }),
  route({
    operationId: 'accounts.create',
    method: 'post',
    path: '/accounts',
    summary: 'Tạo tài khoản',
    tag: TAG,
    body: createAccountBody,
    response: accountView,
    errors: ['account.username_taken', 'account.member_has_account', 'member.not_found', 'auth.weak_password'],
    handler: ({ app, auth, body }) => createAccount(app, auth.principal, body),
  }),
  route({
    operationId: 'accounts.bulk-members',
    method: 'post',
    path: '/accounts/bulk-members',
    summary: 'Tạo tài khoản cho mọi đảng viên chưa có tài khoản trong một tổ chức đảng (tệp .xlsx mật khẩu ban đầu)',
    tag: TAG,
    body: bulkMemberAccountsBody,
    response: { mediaType: XLSX_MEDIA_TYPE },
    errors: ['org_unit.not_found'],
    async handler({ app, auth, body }) {
      const r = await createMemberAccounts(app, auth.principal, body.unitId);
      const file = await memberAccountsWorkbook(r.unit.name, r.issued, r.createdAt);
      const name = `tai-khoan-dang-vien-${asciiSlug(r.unit.name) || r.unit.id}.xlsx`;
      return new Response(new Uint8Array(file), {
        headers: {
          'content-type': XLSX_MEDIA_TYPE,
          'content-disposition': `attachment; filename="${name}"`,
          // Never kept by a proxy or the browser's cache: the file holds passwords.
          'cache-control': 'no-store',
          'x-tusoi-created': String(r.issued.length),
        },
      });
    },
  }),
  route({
    operationId: 'accounts.get',
    method: 'get',
    path: '/accounts/:id',
    summary: 'Một tài khoản',
    tag: TAG,
    params: accountIdParams,
    response: accountView,
    errors: ['account.not_found'],
    async handler({ app, auth, params }) {
      await loadManagedAccount(app.db, auth.principal, params.id, 'see');
      return loadAccountView(app.db, params.id);
    },
  }),
  route({
    operationId: 'accounts.grant',
    method: 'post',
    path: '/accounts/:id/grants',
    summary: 'Cấp quyền trên một tổ chức đảng',
    tag: TAG,
    params: accountIdParams,
    body: grantRoleBody,
    response: accountView,
    errors: ['account.not_found', 'org_unit.not_found', 'account.invalid_grant', 'account.grant_exists'],
    handler: ({ app, auth, params, body }) => grantRole(app, auth.principal, params.id, body),
  }),
  route({
    operationId: 'accounts.revoke',
    method: 'delete',
    path: '/accounts/:id/grants/:grantId',
    summary: 'Thu hồi quyền',
    tag: TAG,
    params: grantIdParams,
    response: accountView,
    errors: ['account.not_found', 'account.grant_not_found', 'account.self_action'],
    handler: ({ app, auth, params }) => revokeRole(app, auth.principal, params.id, params.grantId),
  }),
  route({
    operationId: 'accounts.reset-password',
    method: 'post',
    path: '/accounts/:id/reset-password',
    summary: 'Đặt lại mật khẩu (người dùng phải đổi ở lần đăng nhập sau)',
    tag: TAG,
    params: accountIdParams,
    body: resetPasswordBody,
    response: accountView,
    errors: ['account.not_found', 'account.self_action'],
    handler: ({ app, auth, params, body }) => resetPassword(app, auth.principal, params.id, body),
  }),
  route({
    operationId: 'accounts.disable',
    method: 'post',
    path: '/accounts/:id/disable',
    summary: 'Khóa tài khoản',
    tag: TAG,
    params: accountIdParams,
    response: accountView,
    errors: ['account.not_found', 'account.self_action'],
    handler: ({ app, auth, params }) => setAccountDisabled(app, auth.principal, params.id, true),
  }),
  route({
    operationId: 'accounts.enable',
    method: 'post',
    path: '/accounts/:id/enable',
    summary: 'Mở khóa tài khoản',
    tag: TAG,
    params: accountIdParams,
    response: accountView,
    errors: ['account.not_found', 'account.self_action'],
    handler: ({ app, auth, params }) => setAccountDisabled(app, auth.principal, params.id, false),
  }),
  route({
    operationId: 'tokens.list',
    method: 'get',
    path: '/me/tokens',
    summary: 'Mã truy cập API của tôi',
    tag: TAG,
    response: tokenList,
    errors: [],
    handler: ({ app, auth }) => listApiTokens(app, auth.principal),
  }),
  route({
    operationId: 'tokens.create',
    method: 'post',
    path: '/me/tokens',
    summary: 'Tạo mã truy cập API (chỉ hiển thị một lần)',
    tag: TAG,
    body: createTokenBody,
    response: createdToken,
    errors: [],
    async handler({ app, auth, body }) {
      // A leaked token must not be able to mint its own successors: new tokens need a login.
      if (auth.via === 'token')
        throw new AppError('auth.forbidden', 'Hãy đăng nhập để tạo mã truy cập mới; không tạo được bằng một mã truy cập.');
      return createApiToken(app, { accountId: auth.principal.accountId, name: body.name, actorId: auth.principal.accountId });
    },
  }),
  route({
    operationId: 'tokens.revoke',
    method: 'delete',
    path: '/me/tokens/:id',
    summary: 'Thu hồi mã truy cập API',
    tag: TAG,
    params: z.object({ id }),
    response: okBody,
    errors: ['token.not_found'],
    async handler({ app, auth, params }) {
      await revokeApiToken(app, auth.principal, params.id);
      return { ok: true as const };
    },
  }),
];
