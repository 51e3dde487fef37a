// Rule sets by review year (issue 3 item 1): read-only reference data for staff.
import { z } from 'zod';
import { listRuleSetsResponse, ruleSetDetail } from '../../../../shared/contracts/rule-sets.js';
import { getRuleSet } from '../../../features/rule-sets/get-rule-set.js';
import { listRuleSets } from '../../../features/rule-sets/list-rule-sets.js';
import { route, type RouteDef } from '../route.js';

const byId = z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Mã bộ quy định không hợp lệ') });

export const ruleSetsRoutes: RouteDef[] = [
  route({
    operationId: 'rule-sets.list',
    method: 'get',
    path: '/rule-sets',
    summary: 'Các bộ quy định kiểm điểm theo năm đánh giá',
    tag: 'rule-sets',
    response: listRuleSetsResponse,
    errors: [],
    handler: async ({ auth }) => listRuleSets(auth.principal),
  }),
  route({
    operationId: 'rule-sets.get',
    method: 'get',
    path: '/rule-sets/:id',
    summary: 'Chi tiết một bộ quy định: mức xếp loại, tiêu chí, biểu mẫu, 27 biểu hiện, nội dung cấu hình và nguồn',
    tag: 'rule-sets',
    params: byId,
    response: ruleSetDetail,
    errors: ['rule_set.not_found'],
    handler: async ({ auth, params }) => getRuleSet(auth.principal, params.id),
  }),
];
