import { z } from 'zod';
import { id, okBody } from '../../../../shared/contracts/common.js';
import {
  changeMemberStatusBody,
  createMemberBody,
  listMembersQuery,
  listMembersResponse,
  memberDetail,
  transferMemberBody,
  updateMemberBody,
} from '../../../../shared/contracts/members.js';
import { auditEntryList } from '../../../../shared/contracts/audit.js';
import { changeMemberStatus } from '../../../features/members/change-member-status.js';
import { createMember } from '../../../features/members/create-member.js';
import { getMember } from '../../../features/members/get-member.js';
import { getMemberHistory } from '../../../features/members/get-member-history.js';
import { listMembers } from '../../../features/members/list-members.js';
import { transferMember } from '../../../features/members/transfer-member.js';
import { updateMember } from '../../../features/members/update-member.js';
import { route, type RouteDef } from '../route.js';

const byId = z.object({ id });
const memberErrors = ['member.not_found', 'conflict.version'] as const;

export const memberRoutes: RouteDef[] = [
  route({
    operationId: 'members.list',
    method: 'get',
    path: '/members',
    summary: 'Danh sách và tìm kiếm đảng viên (không phân biệt dấu, hoa thường)',
    tag: 'members',
    query: listMembersQuery,
    response: listMembersResponse,
    errors: [],
    handler: ({ app, auth, query }) => listMembers(app, auth.principal, query),
  }),
  route({
    operationId: 'members.get',
    method: 'get',
    path: '/members/:id',
    summary: 'Hồ sơ đảng viên',
    tag: 'members',
    params: byId,
    response: memberDetail,
    errors: ['member.not_found'],
    handler: ({ app, auth, params }) => getMember(app, auth.principal, params.id),
  }),
  route({
    operationId: 'members.create',
    method: 'post',
    path: '/members',
    summary: 'Thêm đảng viên',
    tag: 'members',
    body: createMemberBody,
    response: z.object({ id: z.string() }),
    errors: ['org_unit.not_found', 'member.invalid_unit', 'member.card_taken', 'org_unit.inactive'],
    handler: ({ app, auth, body }) => createMember(app, auth.principal, body),
  }),
  route({
    operationId: 'members.update',
    method: 'patch',
    path: '/members/:id',
    summary: 'Sửa hồ sơ đảng viên',
    tag: 'members',
    params: byId,
    body: updateMemberBody,
    response: okBody,
    errors: [...memberErrors, 'member.card_taken'],
    async handler({ app, auth, params, body }) {
      await updateMember(app, auth.principal, params.id, body);
      return { ok: true as const };
    },
  }),
  route({
    operationId: 'members.transfer',
    method: 'post',
    path: '/members/:id/transfer',
    summary: 'Chuyển sinh hoạt đảng sang chi bộ khác',
    tag: 'members',
    params: byId,
    body: transferMemberBody,
    response: okBody,
    errors: [...memberErrors, 'org_unit.not_found', 'member.invalid_unit', 'member.same_unit', 'org_unit.inactive'],
    async handler({ app, auth, params, body }) {
      await transferMember(app, auth.principal, params.id, body);
      return { ok: true as const };
    },
  }),
  route({
    operationId: 'members.change-status',
    method: 'post',
    path: '/members/:id/status',
    summary: 'Thay đổi trạng thái sinh hoạt của đảng viên',
    tag: 'members',
    params: byId,
    body: changeMemberStatusBody,
    response: okBody,
    errors: [...memberErrors, 'member.invalid_status'],
    async handler({ app, auth, params, body }) {
      await changeMemberStatus(app, auth.principal, params.id, body);
      return { ok: true as const };
    },
  }),
  route({
    operationId: 'members.history',
    method: 'get',
    path: '/members/:id/history',
    summary: 'Lịch sử thay đổi hồ sơ đảng viên',
    tag: 'members',
    params: byId,
    response: auditEntryList,
    errors: ['member.not_found'],
    handler: ({ app, auth, params }) => getMemberHistory(app, auth.principal, params.id),
  }),
];
