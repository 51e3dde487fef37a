// A member's profile as the domain sees it, and the derived columns every write must keep in step
// (design §3, Member: NFC names, folded search text, roster sort key).
import { cleanText, joinFullName, nameSearchText, rosterSortKey } from '../../shared/text.js';
import type { Gender, MemberStatus } from '../../shared/vocabulary.js';

export interface MemberProfile {
  familyName: string;
  middleName: string;
  givenName: string;
  birthDate: string | null;
  gender: Gender | null;
  cardNumber: string | null;
  admissionDate: string | null;
  officialDate: string | null;
  partyPosts: string | null;
  governmentPosts: string | null;
  isLeader: boolean;
  isHead: boolean;
  isCivilServant: boolean;
}

export interface DerivedNameColumns {
  familyName: string;
  middleName: string;
  givenName: string;
  fullName: string;
  nameSearch: string;
  sortKey: string;
}

export function deriveNameColumns(p: Pick<MemberProfile, 'familyName' | 'middleName' | 'givenName'>): DerivedNameColumns {
  const name = { familyName: cleanText(p.familyName), middleName: cleanText(p.middleName), givenName: cleanText(p.givenName) };
  const fullName = joinFullName(name);
  return { ...name, fullName, nameSearch: nameSearchText(fullName), sortKey: rosterSortKey(name) };
}

/** Official date follows admission (Điều lệ Đảng, Điều 5: 12 months of probation). */
export function profileProblems(p: Partial<MemberProfile>): { field: keyof MemberProfile; message: string }[] {
  const problems: { field: keyof MemberProfile; message: string }[] = [];
  if (p.admissionDate && p.officialDate && p.officialDate < p.admissionDate) {
    problems.push({ field: 'officialDate', message: 'Ngày chính thức không thể trước ngày vào Đảng' });
  }
  if (p.birthDate && p.admissionDate && p.admissionDate < p.birthDate) {
    problems.push({ field: 'admissionDate', message: 'Ngày vào Đảng không thể trước ngày sinh' });
  }
  return problems;
}

/** Status changes that the profile page offers (transfer out has its own action). */
export function canChangeStatus(from: MemberStatus, to: MemberStatus): boolean {
  if (from === to) return false;
  if (from === 'deceased') return false;
  return true;
}
