import { z } from 'zod';
import { id, okBody } from '../../../../shared/contracts/common.js';
import {
  createOrgUnitBody,
  listOrgUnitsQuery,
  listOrgUnitsResponse,
  mergeOrgUnitsBody,
  moveOrgUnitBody,
  orgUnitDetail,
  updateOrgUnitBody,
} from '../../../../shared/contracts/org-units.js';
import { auditEntryList } from '../../../../shared/contracts/audit.js';
import { createOrgUnit } from '../../../features/org-units/create-org-unit.js';
import { getOrgUnit } from '../../../features/org-units/get-org-unit.js';
import { listOrgUnits } from '../../../features/org-units/list-org-units.js';
import { mergeOrgUnits } from '../../../features/org-units/merge-org-units.js';
import { moveOrgUnit } from '../../../features/org-units/move-org-unit.js';
import { updateOrgUnit } from '../../../features/org-units/update-org-unit.js';
import { getOrgUnitHistory } from '../../../features/org-units/get-org-unit-history.js';
import { route, type RouteDef } from '../route.js';

const byId = z.object({ id });

export const orgUnitRoutes: RouteDef[] = [
  route({
    operationId: 'org-units.list',
    method: 'get',
    path: '/org-units',
    summary: 'Danh sách tổ chức đảng (theo cấp trên, cây con, loại, tên)',
    tag: 'org-units',
    query: listOrgUnitsQuery,
    response: listOrgUnitsResponse,
    errors: [],
    handler: ({ app, auth, query }) => listOrgUnits(app, auth.principal, query),
  }),
  route({
    operationId: 'org-units.get',
    method: 'get',
    path: '/org-units/:id',
    summary: 'Thông tin một tổ chức đảng',
    tag: 'org-units',
    params: byId,
    response: orgUnitDetail,
    errors: ['org_unit.not_found'],
    handler: ({ app, auth, params }) => getOrgUnit(app, auth.principal, params.id),
  }),
  route({
    operationId: 'org-units.create',
    method: 'post',
    path: '/org-units',
    summary: 'Thêm tổ chức đảng',
    tag: 'org-units',
    body: createOrgUnitBody,
    response: z.object({ id: z.string() }),
    errors: ['org_unit.invalid_parent', 'org_unit.code_taken', 'org_unit.inactive', 'org_unit.not_found'],
    handler: ({ app, auth, body }) => createOrgUnit(app, auth.principal, body),
  }),
  route({
    operationId: 'org-units.update',
    method: 'patch',
    path: '/org-units/:id',
    summary: 'Sửa thông tin tổ chức đảng',
    tag: 'org-units',
    params: byId,
    body: updateOrgUnitBody,
    response: okBody,
    errors: ['org_unit.not_found', 'org_unit.code_taken', 'conflict.version'],
    async handler({ app, auth, params, body }) {
      await updateOrgUnit(app, auth.principal, params.id, body);
      return { ok: true as const };
    },
  }),
  route({
    operationId: 'org-units.move',
    method: 'post',
    path: '/org-units/:id/move',
    summary: 'Chuyển tổ chức đảng sang cấp trên khác',
    tag: 'org-units',
    params: byId,
    body: moveOrgUnitBody,
    response: okBody,
    errors: ['org_unit.not_found', 'org_unit.invalid_move', 'org_unit.invalid_parent', 'org_unit.inactive', 'conflict.version'],
    async handler({ app, auth, params, body }) {
      await moveOrgUnit(app, auth.principal, params.id, body);
      return { ok: true as const };
    },
  }),
  route({
    operationId: 'org-units.merge',
    method: 'post',
    path: '/org-units/:id/merge',
    summary: 'Hợp nhất các tổ chức đảng vào tổ chức này',
    tag: 'org-units',
    params: byId,
    body: mergeOrgUnitsBody,
    response: z.object({ movedMembers: z.number() }),
    errors: ['org_unit.not_found', 'org_unit.invalid_merge', 'org_unit.inactive'],
    handler: ({ app, auth, params, body }) => mergeOrgUnits(app, auth.principal, params.id, body),
  }),
  route({
    operationId: 'org-units.history',
    method: 'get',
    path: '/org-units/:id/history',
    summary: 'Lịch sử thay đổi của tổ chức đảng',
    tag: 'org-units',
    params: byId,
    response: auditEntryList,
    errors: ['org_unit.not_found'],
    handler: ({ app, auth, params }) => getOrgUnitHistory(app, auth.principal, params.id),
  }),
];
