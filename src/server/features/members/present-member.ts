// Row → contract shapes for members, shared by the member use cases.
import type { MemberSummary } from '../../../shared/contracts/members.js';
import type { Gender, MemberStatus } from '../../../shared/vocabulary.js';
import type { MemberRow } from '../../adapters/db/schema.js';

export type SummaryRow = Pick<
  MemberRow,
  | 'id'
  | 'full_name'
  | 'family_name'
  | 'middle_name'
  | 'given_name'
  | 'birth_date'
  | 'gender'
  | 'card_number'
  | 'unit_id'
  | 'status'
  | 'official_date'
  | 'party_posts'
> & { unit_name: string };

export const SUMMARY_COLUMNS = [
  'm.id',
  'm.full_name',
  'm.family_name',
  'm.middle_name',
  'm.given_name',
  'm.birth_date',
  'm.gender',
  'm.card_number',
  'm.unit_id',
  'm.status',
  'm.official_date',
  'm.party_posts',
  'u.name as unit_name',
] as const;

export function presentSummary(r: SummaryRow): MemberSummary {
  return {
    id: r.id,
    fullName: r.full_name,
    familyName: r.family_name,
    middleName: r.middle_name,
    givenName: r.given_name,
    birthDate: r.birth_date,
    gender: r.gender as Gender | null,
    cardNumber: r.card_number,
    unitId: r.unit_id,
    unitName: r.unit_name,
    status: r.status as MemberStatus,
    officialDate: r.official_date,
    partyPosts: r.party_posts,
  };
}

/** What the audit keeps of a member: the profile as entered, without derived columns. */
export function memberSnapshot(r: Partial<MemberRow>) {
  return {
    unitId: r.unit_id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    gender: r.gender,
    cardNumber: r.card_number,
    admissionDate: r.admission_date,
    officialDate: r.official_date,
    partyPosts: r.party_posts,
    governmentPosts: r.government_posts,
    isLeader: r.is_leader,
    isHead: r.is_head,
    isCivilServant: r.is_civil_servant,
    status: r.status,
  };
}
