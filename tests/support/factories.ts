// Builds small trees, members and accounts straight into a test database.
import { newId } from '../../src/server/adapters/clock.js';
import { hashPassword } from '../../src/server/adapters/auth/password.js';
import { insertMembers, newMemberRow } from '../../src/server/adapters/db/members.repository.js';
import { childPath } from '../../src/server/domain/org-tree.js';
import { newOrgUnitRow } from '../../src/server/adapters/db/org-units.repository.js';
import type { MemberProfile } from '../../src/server/domain/member-profile.js';
import { splitFullName } from '../../src/shared/text.js';
import type { OrgKind, Role, Sector, MemberStatus } from '../../src/shared/vocabulary.js';
import type { Tx } from '../../src/server/features/context.js';

const NOW = '2026-01-15T08:00:00.000Z';

export interface UnitRef {
  id: string;
  path: string;
  code: string;
  name: string;
  kind: OrgKind;
}

export async function makeUnit(
  db: Tx,
  input: { parent?: UnitRef | null; kind: OrgKind; code: string; name: string; sector?: Sector | null },
): Promise<UnitRef> {
  const id = newId();
  const path = childPath(input.parent?.path ?? null, id);
  await db
    .insertInto('org_units')
    .values(
      newOrgUnitRow(
        {
          id,
          parentId: input.parent?.id ?? null,
          path,
          kind: input.kind,
          sector: input.sector ?? null,
          code: input.code,
          name: input.name,
        },
        NOW,
      ),
    )
    .execute();
  return { id, path, code: input.code, name: input.name, kind: input.kind };
}

let cardSeq = 100000;
export async function makeMember(
  db: Tx,
  unit: UnitRef,
  fullName: string,
  extra: Partial<MemberProfile> & { status?: MemberStatus } = {},
): Promise<{ id: string; fullName: string; cardNumber: string | null }> {
  const id = newId();
  const name = splitFullName(fullName);
  const profile: MemberProfile = {
    ...name,
    birthDate: '1980-05-01',
    gender: 'female',
    cardNumber: `TS${cardSeq++}`,
    admissionDate: '2005-03-01',
    officialDate: '2006-03-01',
    partyPosts: null,
    governmentPosts: null,
    isLeader: false,
    isHead: false,
    isCivilServant: false,
    ...extra,
  };
  const status = extra.status ?? 'active';
  await insertMembers(db, [newMemberRow(id, unit, profile, status, '2005-03-01', NOW)]);
  // The same first history rows as the create-member use case writes.
  await db
    .insertInto('member_status_history')
    .values({ id: newId(), member_id: id, status, from_date: '2005-03-01', to_date: null, reason: null, created_at: NOW })
    .execute();
  await db
    .insertInto('member_unit_history')
    .values({ id: newId(), member_id: id, unit_id: unit.id, from_date: '2005-03-01', to_date: null, reason: null, created_at: NOW })
    .execute();
  return { id, fullName, cardNumber: profile.cardNumber };
}

let passwordHashCache: Promise<string> | null = null;
export const TEST_PASSWORD = 'matkhau123';

export async function makeAccount(
  db: Tx,
  input: { username: string; grants?: { role: Role; unit: UnitRef }[]; memberId?: string | null; mustChangePassword?: boolean },
): Promise<{ id: string; username: string; password: string }> {
  passwordHashCache ??= hashPassword(TEST_PASSWORD);
  const id = newId();
  await db
    .insertInto('accounts')
    .values({
      id,
      username: input.username,
      display_name: input.username,
      password_hash: await passwordHashCache,
      member_id: input.memberId ?? null,
      must_change_password: input.mustChangePassword ? 1 : 0,
      disabled: 0,
      failed_logins: 0,
      locked_until: null,
      version: 1,
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  for (const g of input.grants ?? []) {
    await db
      .insertInto('role_grants')
      .values({ id: newId(), account_id: id, role: g.role, unit_id: g.unit.id, created_by: null, created_at: NOW })
      .execute();
  }
  return { id, username: input.username, password: TEST_PASSWORD };
}

/**
 * A small committee: Thành ủy → đảng bộ phường (2 chi bộ) and a chi bộ cơ sở, with members and
 * one account per role, used by the permission and data-path tests.
 */
export async function makeSmallCommittee(db: Tx) {
  const committee = await makeUnit(db, { kind: 'committee', code: 'TU', name: 'Thành ủy Hà Tĩnh' });
  const ward = await makeUnit(db, {
    parent: committee,
    kind: 'grassroots_party',
    code: 'P01',
    name: 'Đảng bộ phường Bắc Hà',
    sector: 'ward',
  });
  const cellA = await makeUnit(db, { parent: ward, kind: 'cell', code: 'P01.C1', name: 'Chi bộ khối phố 1', sector: 'ward' });
  const cellB = await makeUnit(db, { parent: ward, kind: 'cell', code: 'P01.C2', name: 'Chi bộ khối phố 2', sector: 'ward' });
  const school = await makeUnit(db, {
    parent: committee,
    kind: 'grassroots_cell',
    code: 'S01',
    name: 'Chi bộ Trường THPT Phan Đình Phùng',
    sector: 'school',
  });
  const thuy = await makeMember(db, cellA, 'Nguyễn Thị Thúy');
  const dang = await makeMember(db, cellA, 'Đặng Văn Hùng', { gender: 'male' });
  const lan = await makeMember(db, cellB, 'Trần Thị Lan');
  const thuyB = await makeMember(db, cellB, 'Lê Thủy', { status: 'exempt' });
  const school1 = await makeMember(db, school, 'Phạm Văn An', { gender: 'male' });
  const accounts = {
    admin: await makeAccount(db, { username: 'admin', grants: [{ role: 'admin', unit: committee }] }),
    standing: await makeAccount(db, { username: 'thuongtruc', grants: [{ role: 'standing', unit: committee }] }),
    organizer: await makeAccount(db, { username: 'bantochuc', grants: [{ role: 'organizer', unit: committee }] }),
    office: await makeAccount(db, { username: 'vanphong', grants: [{ role: 'office', unit: committee }] }),
    unitCommittee: await makeAccount(db, { username: 'capuy.p01', grants: [{ role: 'unit_committee', unit: ward }] }),
    cellSecretaryA: await makeAccount(db, { username: 'bithu.c1', grants: [{ role: 'cell_secretary', unit: cellA }] }),
    member: await makeAccount(db, { username: 'dangvien.thuy', memberId: thuy.id, grants: [{ role: 'member', unit: cellA }] }),
  };
  return { committee, ward, cellA, cellB, school, members: { thuy, dang, lan, thuyB, school1 }, accounts };
}
