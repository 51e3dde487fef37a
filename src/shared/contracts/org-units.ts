import { z } from 'zod';
import { MEMBER_STATUSES, ORG_KINDS, SECTORS } from '../vocabulary.js';
import { id, isoDate, paging, requiredText, text, version } from './common.js';

export const orgKind = z.enum(ORG_KINDS);
export const sector = z.enum(SECTORS);
export const unitCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9._-]{0,39}$/, 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch (tối đa 40 ký tự)'));

export const unitAbilities = z.object({
  read: z.boolean(),
  update: z.boolean(),
  createChild: z.boolean(),
  move: z.boolean(),
  merge: z.boolean(),
  createMember: z.boolean(),
  importMembers: z.boolean(),
  exportMembers: z.boolean(),
  readAudit: z.boolean(),
});

export const orgUnitSummary = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  path: z.string(),
  depth: z.number(),
  kind: orgKind,
  sector: sector.nullable(),
  code: z.string(),
  name: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  childCount: z.number(),
});
export type OrgUnitSummary = z.infer<typeof orgUnitSummary>;

export const statusCounts = z.record(z.enum(MEMBER_STATUSES), z.number());

export const orgUnitDetail = orgUnitSummary.extend({
  mergedIntoId: z.string().nullable(),
  splitFromId: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
  ancestors: z.array(z.object({ id: z.string(), name: z.string(), kind: orgKind })),
  mergedInto: z.object({ id: z.string(), name: z.string() }).nullable(),
  predecessors: z.array(z.object({ id: z.string(), name: z.string(), relation: z.enum(['merged_into', 'split_from']) })),
  memberCounts: statusCounts,
  abilities: unitAbilities,
});
export type OrgUnitDetail = z.infer<typeof orgUnitDetail>;

export const listOrgUnitsQuery = paging.extend({
  parent: id.optional(),
  subtree: id.optional(),
  kind: orgKind.optional(),
  q: z.string().max(200).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
  pageSize: z.coerce.number().int().min(1).max(2000).default(200),
});
export const listOrgUnitsResponse = z.object({ items: z.array(orgUnitSummary), total: z.number() });

export const createOrgUnitBody = z.object({
  parentId: id,
  kind: orgKind,
  sector: sector.nullable().optional(),
  code: unitCode,
  name: requiredText(200),
  validFrom: isoDate.nullable().optional(),
  note: text(2000).nullable().optional(),
  splitFromId: id.nullable().optional(),
});
export const updateOrgUnitBody = z.object({
  version,
  sector: sector.nullable().optional(),
  code: unitCode.optional(),
  name: requiredText(200).optional(),
  validFrom: isoDate.nullable().optional(),
  note: text(2000).nullable().optional(),
});
export const moveOrgUnitBody = z.object({ version, newParentId: id, reason: requiredText(500) });
export const mergeOrgUnitsBody = z.object({
  sourceIds: z.array(id).min(1).max(50),
  date: isoDate,
  reason: requiredText(500),
});
