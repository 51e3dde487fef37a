// Step: one login per role (reference-scenario.md: "one account per role to log in with"), all with
// the documented demo password and no forced change, since the demo is for looking around.
// Grants obey the same rules as the admin page (features/accounts/grant-rules.ts).
import { ROLE_LABELS, type OrgKind, type Role } from '../../../shared/vocabulary.js';
import { hashPassword } from '../../adapters/auth/password.js';
import { insertAccount, insertGrant } from '../accounts/account-rows.js';
import { grantProblem } from '../accounts/grant-rules.js';
import { rootOf, type DemoMember, type DemoState, type DemoStep, type DemoUnit } from './state.js';

/** The one demo password (README, start-up banner). Never used outside the demo. */
export const DEMO_PASSWORD = 'tusoi2017';

interface AccountPlan {
  username: string;
  displayName: string;
  role: Role;
  unit: DemoUnit;
  member: DemoMember | null;
  note: string;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo: ${what} is missing from the blueprint`);
  return value;
}

function unitById(state: DemoState, id: string): DemoUnit {
  return required(
    state.units.find((u) => u.id === id),
    `unit ${id}`,
  );
}

export function plannedAccounts(state: DemoState): AccountPlan[] {
  const root = rootOf(state);
  const person = (tag: string) => required(state.membersByTag.get(tag), `member "${tag}"`);
  const namHa = required(state.unitsByTag.get('namha'), 'unit "namha"');
  const cell = required(state.unitsByTag.get('namha.cell'), 'unit "namha.cell"');
  const bithu = person('bithu');
  const thuongtruc = person('thuongtruc');
  const bantochuc = person('bantochuc');
  const vanphong = person('vanphong');
  const capuy = person('capuy');
  const secretary = person('cellSecretary');
  const dangvien = person('dangvien');
  const whole = `toàn ${root.name}`;
  return [
    {
      username: 'admin',
      displayName: 'Quản trị hệ thống',
      role: 'admin',
      unit: root,
      member: null,
      note: `Quản trị tài khoản và cấu hình, ${whole}`,
    },
    {
      username: 'bithu',
      displayName: bithu.fullName,
      role: 'standing',
      unit: root,
      member: bithu,
      note: `${bithu.fullName}, ${firstPost(bithu)}`,
    },
    {
      username: 'thuongtruc',
      displayName: thuongtruc.fullName,
      role: 'standing',
      unit: root,
      member: thuongtruc,
      note: `${thuongtruc.fullName}, ${firstPost(thuongtruc)}`,
    },
    {
      username: 'bantochuc',
      displayName: bantochuc.fullName,
      role: 'organizer',
      unit: root,
      member: bantochuc,
      note: `${bantochuc.fullName}, ${bantochuc.governmentPosts ?? 'Ban Tổ chức'}`,
    },
    {
      username: 'vanphong',
      displayName: vanphong.fullName,
      role: 'office',
      unit: root,
      member: vanphong,
      note: `${vanphong.fullName}, ${vanphong.governmentPosts ?? 'Văn phòng'}`,
    },
    {
      username: 'capuy.namha',
      displayName: capuy.fullName,
      role: 'unit_committee',
      unit: namHa,
      member: capuy,
      note: `${capuy.fullName}, Bí thư Đảng ủy phường Nam Hà`,
    },
    {
      username: 'bithu.chibo',
      displayName: secretary.fullName,
      role: 'cell_secretary',
      unit: cell,
      member: secretary,
      note: `${secretary.fullName}, Bí thư ${cell.name}, phường Nam Hà`,
    },
    {
      username: 'dangvien',
      displayName: dangvien.fullName,
      role: 'member',
      unit: cell,
      member: dangvien,
      note: `${dangvien.fullName}, đảng viên ${cell.name}, phường Nam Hà`,
    },
  ];
}

function firstPost(m: DemoMember): string {
  return m.partyPosts?.split('; ')[0] ?? 'Thường trực';
}

export const writeAccounts: DemoStep = {
  name: 'accounts',
  async run(state) {
    state.progress('Đang tạo các tài khoản mẫu…');
    const audit = (action: string) => ({ actorId: null, action, at: state.now });
    for (const plan of plannedAccounts(state)) {
      const grants: { role: Role; unit: DemoUnit }[] = [{ role: plan.role, unit: plan.unit }];
      // An account of a member also holds the member role over their own chi bộ (design §2: the same
      // person is a member in one chi bộ and may hold other roles elsewhere).
      if (plan.member && plan.role !== 'member') grants.push({ role: 'member', unit: unitById(state, plan.member.unitId) });
      for (const g of grants) {
        const problem = grantProblem({
          role: g.role,
          unit: { id: g.unit.id, kind: g.unit.kind as OrgKind, validTo: null },
          memberUnitId: plan.member?.unitId ?? null,
        });
        if (problem) throw new Error(`demo: ${plan.username}: ${problem}`);
      }
      const row = await insertAccount(
        state.tx,
        {
          username: plan.username,
          displayName: plan.displayName,
          passwordHash: await hashPassword(DEMO_PASSWORD),
          memberId: plan.member?.id ?? null,
          mustChangePassword: false,
        },
        audit('account.create'),
      );
      for (const g of grants) {
        await insertGrant(
          state.tx,
          { accountId: row.id, role: g.role, unit: { id: g.unit.id, name: g.unit.name }, createdBy: null },
          audit('account.grant'),
        );
      }
      state.accounts.push({
        username: plan.username,
        password: DEMO_PASSWORD,
        role: plan.role,
        unitName: plan.unit.name,
        note: `${ROLE_LABELS[plan.role]} — ${plan.note}`,
      });
    }
    await writeDirectorAccounts(state);
  },
};

/**
 * The Standing Committee members without an account of their own get one, so that the campaigns can
 * assign them to units (reference-scenario.md: "each Standing Committee member assigned to several
 * units"; assignment-rules.ts: assignees hold the standing or organizer role over the committee).
 * Each holds the standing role over the committee and the member role over their own chi bộ; the
 * units a campaign assigns them come first in its cockpit (issue 3 item 3, "a director sees their
 * units first"). The first is printed as `chidao`; the others are `btv.02`, `btv.03`, … with the
 * same password. One password hash serves them all (argon2 is slow on purpose, and the demo
 * password is public anyway).
 */
async function writeDirectorAccounts(state: DemoState): Promise<void> {
  const root = rootOf(state);
  const tag = root.spec.tag ?? '';
  const taken = new Set(plannedAccounts(state).flatMap((p) => (p.member ? [p.member.id] : [])));
  const people = (state.standingCommittees.get(tag) ?? []).filter((m) => !taken.has(m.id));
  const usernames: string[] = [];
  if (people.length === 0) {
    state.directorAccounts.set(tag, usernames);
    return;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const audit = (action: string) => ({ actorId: null, action, at: state.now });
  for (const [i, person] of people.entries()) {
    const username = i === 0 ? 'chidao' : `btv.${String(i + 1).padStart(2, '0')}`;
    const cell = unitById(state, person.unitId);
    const grants: { role: Role; unit: DemoUnit }[] = [
      { role: 'standing', unit: root },
      { role: 'member', unit: cell },
    ];
    for (const g of grants) {
      const problem = grantProblem({
        role: g.role,
        unit: { id: g.unit.id, kind: g.unit.kind as OrgKind, validTo: null },
        memberUnitId: person.unitId,
      });
      if (problem) throw new Error(`demo: ${username}: ${problem}`);
    }
    const row = await insertAccount(
      state.tx,
      { username, displayName: person.fullName, passwordHash, memberId: person.id, mustChangePassword: false },
      audit('account.create'),
    );
    for (const g of grants) {
      await insertGrant(
        state.tx,
        { accountId: row.id, role: g.role, unit: { id: g.unit.id, name: g.unit.name }, createdBy: null },
        audit('account.grant'),
      );
    }
    usernames.push(username);
    if (i === 0) {
      state.accounts.push({
        username,
        password: DEMO_PASSWORD,
        role: 'standing',
        unitName: root.name,
        note: `${ROLE_LABELS.standing} — ${person.fullName}, ${firstPost(person)}; được phân công chỉ đạo một số đơn vị, thấy các đơn vị đó trước tiên`,
      });
    }
  }
  state.directorAccounts.set(tag, usernames);
}
