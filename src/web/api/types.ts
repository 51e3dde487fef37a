// Shapes of the API as the browser sees them. Most come straight from the shared zod contracts
// (src/shared/contracts), so the browser and the server cannot disagree on them.
import type { z } from 'zod';
import type { AccountView, Me } from '../../shared/contracts/auth.js';
import type { JobView, RowProblem } from '../../shared/contracts/jobs.js';
import type { MemberDetail, MemberSummary } from '../../shared/contracts/members.js';
import type { OrgUnitDetail, OrgUnitSummary } from '../../shared/contracts/org-units.js';
import type { importResponse, importSummary } from '../../shared/contracts/jobs.js';

export type { AccountView, JobView, Me, MemberDetail, MemberSummary, OrgUnitDetail, OrgUnitSummary, RowProblem };
export type ImportResponse = z.infer<typeof importResponse>;
export type ImportSummary = z.infer<typeof importSummary>;

export interface Page<T> {
  items: T[];
  total: number;
}

/** One entry of an entity's history (GET /api/org-units/:id/history, /api/members/:id/history, /api/audit). */
export interface AuditEntry {
  id: string;
  action: string;
  actorName: string | null;
  at: string;
  before: unknown;
  after: unknown;
  entityType?: string;
  entityId?: string;
}
