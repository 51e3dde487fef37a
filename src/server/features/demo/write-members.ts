// Step: fills every chi bộ with members (people.ts) and writes them with their status and unit
// histories and an audit event each, 500 members per batch, grassroots unit by grassroots unit so
// that a province of 150,000 members never sits in memory at once.
import type { MemberStatusHistoryTable, MemberUnitHistoryTable, NewMemberRow } from '../../adapters/db/schema.js';
import { newId } from '../../adapters/clock.js';
import { recordAuditForNew, type AuditInput } from '../../adapters/db/audit.repository.js';
import { insertMembers, newMemberRow } from '../../adapters/db/members.repository.js';
import type { MemberProfile } from '../../domain/member-profile.js';
import { memberSnapshot } from '../members/present-member.js';
import { assignUnitCommittee, CardNumbers, partyPostsOf, PeopleFactory, type PersonDraft } from './people.js';
import type { DemoState, DemoStep, DemoUnit } from './state.js';

const BATCH = 500;

class MemberBatch {
  members: NewMemberRow[] = [];
  statuses: MemberStatusHistoryTable[] = [];
  unitHistory: MemberUnitHistoryTable[] = [];
  audit: AuditInput[] = [];

  constructor(private readonly state: DemoState) {}

  add(unit: DemoUnit, grassroots: DemoUnit, p: PersonDraft, unitSuffix: string | null): void {
    const s = this.state;
    const id = newId();
    const profile: MemberProfile = {
      familyName: p.name.familyName,
      middleName: p.name.middleName,
      givenName: p.name.givenName,
      birthDate: p.birthDate,
      gender: p.gender,
      cardNumber: p.cardNumber,
      admissionDate: p.admissionDate,
      officialDate: p.officialDate,
      partyPosts: partyPostsOf(p, unitSuffix),
      governmentPosts: p.governmentPost,
      isLeader: p.isLeader,
      isHead: p.isHead,
      isCivilServant: p.isCivilServant,
    };
    const row = newMemberRow(id, unit, profile, p.status, p.statusSince, s.now);
    this.members.push(row);
    for (const period of p.statusHistory) {
      this.statuses.push({
        id: newId(),
        member_id: id,
        status: period.status,
        from_date: period.from,
        to_date: period.to,
        reason: period.reason,
        created_at: s.now,
      });
    }
    // Transferred out: the time in this chi bộ ends on the day of the transfer.
    const leftOn = p.status === 'transferred' ? p.statusSince : null;
    this.unitHistory.push({
      id: newId(),
      member_id: id,
      unit_id: unit.id,
      from_date: p.joinedUnitOn,
      to_date: leftOn,
      reason: p.joinReason,
      created_at: s.now,
    });
    this.audit.push({
      entityType: 'member',
      entityId: id,
      action: 'member.create',
      actorId: null,
      scopePath: unit.path,
      at: s.now,
      after: memberSnapshot(row),
      isNew: true,
    });

    const ref = {
      id,
      fullName: row.full_name,
      unitId: unit.id,
      unitPath: unit.path,
      partyPosts: row.party_posts ?? null,
      governmentPosts: row.government_posts ?? null,
    };
    if (p.tag) s.membersByTag.set(p.tag, ref);
    if (p.standing) {
      const list = s.standingCommittees.get(p.standing) ?? [];
      list.push(ref);
      s.standingCommittees.set(p.standing, list);
    }
    if (p.cellPost === 'secretary') s.secretaries.set(unit.id, id);
    if (p.unitPost === 'secretary') s.secretaries.set(grassroots.id, id);
    s.memberCount += 1;
  }

  get size(): number {
    return this.members.length;
  }

  /** Members first: the histories and nothing else refer to them (foreign keys are checked at once). */
  async flush(): Promise<void> {
    const tx = this.state.tx;
    await insertMembers(tx, this.members);
    for (let i = 0; i < this.statuses.length; i += BATCH * 2)
      await tx
        .insertInto('member_status_history')
        .values(this.statuses.slice(i, i + BATCH * 2))
        .execute();
    for (let i = 0; i < this.unitHistory.length; i += BATCH * 2)
      await tx
        .insertInto('member_unit_history')
        .values(this.unitHistory.slice(i, i + BATCH * 2))
        .execute();
    await recordAuditForNew(tx, this.audit);
    this.members = [];
    this.statuses = [];
    this.unitHistory = [];
    this.audit = [];
  }
}

export const writeMembers: DemoStep = {
  name: 'members',
  async run(state) {
    const factory = new PeopleFactory(state.rng, state.businessDate, new CardNumbers());
    const children = new Map<string, DemoUnit[]>();
    for (const u of state.units) {
      if (!u.parentId) continue;
      const list = children.get(u.parentId) ?? [];
      list.push(u);
      children.set(u.parentId, list);
    }
    const expected = state.units.reduce((n, u) => n + (u.spec.cell?.size ?? 0), 0);
    const batch = new MemberBatch(state);
    let reported = 0;
    for (const g of state.units) {
      if (g.kind === 'grassroots_cell') {
        for (const p of factory.cell(g.spec.cell!)) batch.add(g, g, p, null);
      } else if (g.kind === 'grassroots_party') {
        const cells = (children.get(g.id) ?? []).filter((c) => c.spec.cell);
        const people = cells.map((c) => factory.cell(c.spec.cell!));
        assignUnitCommittee(state.rng, people, g.spec.committeeSize ?? 7);
        cells.forEach((c, i) => people[i].forEach((p) => batch.add(c, g, p, g.spec.partySuffix ?? null)));
      } else {
        continue;
      }
      if (batch.size >= BATCH) {
        await batch.flush();
        if (state.memberCount - reported >= 10_000 || expected < 10_000) {
          reported = state.memberCount;
          state.progress(`Đã ghi ${state.memberCount.toLocaleString('vi-VN')}/${expected.toLocaleString('vi-VN')} đảng viên…`);
        }
      }
    }
    await batch.flush();
  },
};
