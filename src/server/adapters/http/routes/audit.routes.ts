// The audit trail (design §2 "Audit history", §3 AuditEvent; issue 2 item 7). Histories of one
// org unit or member are served by their own routes (org-units.history, members.history).
import { auditList, listAuditQuery } from '../../../../shared/contracts/audit.js';
import { listAudit } from '../../../features/audit/list-audit.js';
import { route } from '../route.js';

export const auditRoutes = [
  route({
    operationId: 'audit.list',
    method: 'get',
    path: '/audit',
    summary: 'Nhật ký thay đổi trong phạm vi được xem',
    tag: 'audit',
    query: listAuditQuery,
    response: auditList,
    errors: [],
    handler: ({ app, auth, query }) => listAudit(app, auth.principal, query),
  }),
];
