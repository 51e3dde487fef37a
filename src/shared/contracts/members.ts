import { z } from 'zod';
import { GENDERS, MEMBER_STATUSES } from '../vocabulary.js';
import { id, isoDate, paging, requiredText, text, version } from './common.js';

export const memberStatus = z.enum(MEMBER_STATUSES);
export const gender = z.enum(GENDERS);
export const cardNumber = z
  .string()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9A-Z.-]{4,20}$/, 'Số thẻ đảng viên không hợp lệ'));

export const memberAbilities = z.object({
  read: z.boolean(),
  update: z.boolean(),
  transfer: z.boolean(),
  changeStatus: z.boolean(),
  readAudit: z.boolean(),
});

export const memberSummary = z.object({
  id: z.string(),
  fullName: z.string(),
  familyName: z.string(),
  middleName: z.string(),
  givenName: z.string(),
  birthDate: z.string().nullable(),
  gender: gender.nullable(),
  cardNumber: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  status: memberStatus,
  officialDate: z.string().nullable(),
  partyPosts: z.string().nullable(),
});
export type MemberSummary = z.infer<typeof memberSummary>;

export const memberDetail = memberSummary.extend({
  admissionDate: z.string().nullable(),
  governmentPosts: z.string().nullable(),
  isLeader: z.boolean(),
  isHead: z.boolean(),
  isCivilServant: z.boolean(),
  statusSince: z.string().nullable(),
  version: z.number(),
  unitPath: z.array(z.object({ id: z.string(), name: z.string() })),
  statusHistory: z.array(
    z.object({ status: memberStatus, fromDate: z.string(), toDate: z.string().nullable(), reason: z.string().nullable() }),
  ),
  unitHistory: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      fromDate: z.string(),
      toDate: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
  abilities: memberAbilities,
});
export type MemberDetail = z.infer<typeof memberDetail>;

export const listMembersQuery = paging.extend({
  q: z.string().max(200).optional(),
  unit: id.optional(),
  status: memberStatus.optional(),
});
export const listMembersResponse = z.object({ items: z.array(memberSummary), total: z.number() });

const profileFields = {
  familyName: requiredText(50),
  middleName: text(80),
  givenName: requiredText(50),
  birthDate: isoDate.nullable().optional(),
  gender: gender.nullable().optional(),
  cardNumber: cardNumber.nullable().optional(),
  admissionDate: isoDate.nullable().optional(),
  officialDate: isoDate.nullable().optional(),
  partyPosts: text(300).nullable().optional(),
  governmentPosts: text(300).nullable().optional(),
  isLeader: z.boolean().optional(),
  isHead: z.boolean().optional(),
  isCivilServant: z.boolean().optional(),
};

export const createMemberBody = z.object({
  unitId: id,
  ...profileFields,
  middleName: text(80).default(''),
  joinedUnitOn: isoDate.optional(),
});
export type CreateMemberInput = z.infer<typeof createMemberBody>;
// No defaults here: a field left out of an edit stays as it is.
export const updateMemberBody = z
  .object({ version, ...profileFields })
  .partial()
  .required({ version: true });
export const transferMemberBody = z.object({ version, toUnitId: id, date: isoDate, reason: requiredText(500) });
export const changeMemberStatusBody = z.object({
  version,
  status: memberStatus,
  date: isoDate,
  reason: requiredText(500),
});
