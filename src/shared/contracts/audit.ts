// Contracts of the audit history (design §3 AuditEvent, issue 2 item 7).
import { z } from 'zod';
import { paging } from './common.js';

export const auditEntry = z.object({
  id: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  /** Null when the change was made by the system (the CLI, the demo, an import job). */
  actorId: z.string().nullable(),
  /** The actor's display name, or "Hệ thống" for the system. */
  actorName: z.string(),
  at: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const listAuditQuery = paging.extend({
  entityType: z
    .string()
    .regex(/^[a-z_]{1,40}$/, 'Loại đối tượng không hợp lệ')
    .optional(),
  entityId: z
    .string()
    .regex(/^[0-9a-z]{1,40}$/, 'Mã đối tượng không hợp lệ')
    .optional(),
});

export const auditList = z.object({ items: z.array(auditEntry), total: z.number() });
export const auditEntryList = z.object({ items: z.array(auditEntry) });
