// `tusoi demo --complete` (issue 4 item 7; reference-scenario.md): the city's 2017 campaign carried
// to the end state of the office's report — "completed the review of collectives and individuals in
// 42 grassroots party organizations": every review finalized, every conference held with minutes
// and the chi bộ's tallies, levels proposed, decided by the competent level and published, the
// year's shortcomings recorded, remediation plans filed and reported, every unit remediating.
// Bulk rows, as the rest of the demo; the levels keep to the rule set's checks (no HTXS above a
// quota where the campaign sets one, nobody disciplined above KHTNV where the period says so).
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { LEVELS, type Level } from '../../../shared/campaign-vocabulary.js';
import { newId } from '../../adapters/clock.js';
import { BUSINESS_DATE, setSetting } from '../../adapters/db/settings.repository.js';
import type { Database } from '../../adapters/db/schema.js';
import type { MinutesHeader } from '../../../shared/contracts/conferences.js';
import { proposedLevelFromTally, type Tally } from '../../domain/classification/tally.js';
import { planAgenda } from '../../domain/conference/agenda.js';
import { isWithinPath } from '../../domain/org-tree.js';
import {
  at,
  drawLevel,
  drawShortcomings,
  drawStatus,
  insertChunked,
  loadCampaign,
  openShortcomingsBefore,
  selfLevelFor,
  statusEntry,
  writeClassifications,
  writeShortcomings,
  writeStatuses,
  type Decisions,
  type DemoCampaign,
  type DemoShortcoming,
  type LevelPair,
} from './campaign-kit.js';
import { Rng } from './random.js';
import { writeRemediationPlans } from './remediation-kit.js';
import type { Tx } from '../context.js';
import type { CampaignState } from './state.js';
import * as T from './texts.js';

export interface CompleteYearOptions {
  decisions: Decisions;
  /** The days the story's steps happened on. */
  conferencesOn: string;
  publishedOn: string;
  /** The business date after completion (the time of the report). */
  businessDate: string;
  remediation: { filedOn: string; deadline: string };
}

/** Ballots at a chi bộ meeting that give `level` by the §9b majority rule (checked with the rule itself). */
export function ballotsFor(rng: Rng, level: Level, summoned: number): Tally {
  const present = Math.max(1, summoned - rng.int(0, Math.max(0, Math.floor(summoned / 8))));
  const invalid = present > 6 && rng.chance(0.2) ? 1 : 0;
  const valid = present - invalid;
  const votes: Record<Level, number> = { excellent: 0, good: 0, satisfactory: 0, unsatisfactory: 0 };
  // A majority on the level, the other ballots one level lower (higher for the lowest level): the
  // §9b rule then proposes exactly `level`.
  const majority = Math.floor(valid / 2) + 1;
  votes[level] = majority + rng.int(0, valid - majority);
  const i = LEVELS.indexOf(level);
  votes[i < LEVELS.length - 1 ? LEVELS[i + 1] : LEVELS[i - 1]] += valid - votes[level];
  const tally: Tally = { present, valid, invalid, votes };
  if (proposedLevelFromTally(tally) !== level) throw new Error(`demo: ballots for ${level} propose another level`);
  return tally;
}

export async function completeYear(state: CampaignState, campaignId: string, o: CompleteYearOptions): Promise<void> {
  const db = state.ctx.db;
  const c = await loadCampaign(db, campaignId);
  // A stream of its own: the open year's draws stay as they were.
  const rng = new Rng(c.year * 104729 + 11);
  const now = state.ctx.clock.now();
  const y = c.year;

  const disciplined = new Set(
    (await db.selectFrom('member_year_facts').select(['member_id', 'disciplines_json']).where('year', '=', y).execute())
      .filter((r) => r.disciplines_json !== '[]')
      .map((r) => r.member_id),
  );
  const unitLevels = new Map<string, LevelPair>();
  for (const u of c.units) {
    const decided = drawLevel(rng, 'unit');
    unitLevels.set(u.unitId, { decided, self: selfLevelFor(rng, decided) });
  }
  const memberLevels = new Map<string, LevelPair>();
  for (const m of c.members) {
    if (!m.classified) continue;
    const decided: Level = disciplined.has(m.memberId) ? 'unsatisfactory' : drawLevel(rng, 'member');
    memberLevels.set(m.memberId, { decided, self: selfLevelFor(rng, decided) });
  }
  keepWithinQuota(c, memberLevels);

  // Last year's shortcomings that the year's reviews have not given a status yet get one now.
  const open = await openShortcomingsBefore(db, y, c.ownerPath);
  const rated = new Set(
    (await db.selectFrom('shortcoming_statuses').select('shortcoming_id').where('year', '=', y).execute()).map((r) => r.shortcoming_id),
  );
  const statuses = [...open.values()]
    .flat()
    .filter((s) => !rated.has(s.id))
    .map((s) => statusEntry(rng, s.id, drawStatus(rng, { fixed: 0.5, being_fixed: 0.35 }), null));
  const drawn = drawShortcomings(rng, c, { memberShare: 0.15, leaderShare: 0.35 });

  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('reviews')
      .set((eb) => ({
        status: 'finalized',
        submitted_at: eb.fn.coalesce('submitted_at', eb.val(at(o.conferencesOn, -60 * 24 * 3))),
        finalized_at: at(o.conferencesOn, 60 * 24 * 2),
        version: eb('version', '+', 2),
        updated_at: now,
      }))
      .where('campaign_id', '=', c.id)
      .execute();
    await writeStatuses(tx, y, statuses, now);
    await writeShortcomings(tx, c, drawn, now);
    await writeConferences(tx, rng, c, memberLevels, drawn, o, now);
    await writeClassifications(tx, c, { units: unitLevels, members: memberLevels }, o.decisions, now);
    await writeDecisions(tx, c, o, now);
    await writeRemediationPlans(
      tx,
      c,
      drawn,
      { filedOn: o.remediation.filedOn, deadline: o.remediation.deadline, weights: { done: 0.1, in_progress: 0.5 }, reported: true },
      now,
    );
    await tx
      .updateTable('campaign_units')
      .set((eb) => ({ stage: 'remediating', stage_changed_at: at(o.remediation.filedOn), version: eb('version', '+', 6), updated_at: now }))
      .where('campaign_id', '=', c.id)
      .execute();
    await setSetting(tx, BUSINESS_DATE, o.businessDate, now);
  });
}

/**
 * Regulations §9b quota arithmetic where the campaign sets one: at most ⌊ p × HTT ⌋ members at HTXS
 * per grassroots unit; the extra ones are decided at HTT (the deciding level's calibration).
 */
function keepWithinQuota(c: DemoCampaign, levels: Map<string, LevelPair>): void {
  const pct = c.config.htxsQuotaPct;
  if (pct === null) return;
  const byGroup = new Map<string, string[]>();
  for (const m of c.members) {
    if (!levels.has(m.memberId)) continue;
    const g = c.grassrootsOf.get(m.unitId) ?? m.unitId;
    byGroup.set(g, [...(byGroup.get(g) ?? []), m.memberId]);
  }
  for (const ids of byGroup.values()) {
    const excellent = ids.filter((id) => levels.get(id)!.decided === 'excellent');
    let good = ids.filter((id) => levels.get(id)!.decided === 'good').length;
    let count = excellent.length;
    for (const id of excellent) {
      if (count <= Math.floor((pct * good) / 100)) break;
      levels.set(id, { decided: 'good', self: levels.get(id)!.self });
      count -= 1;
      good += 1;
    }
  }
}

const CRITICISMS = [
  'Đề nghị đồng chí làm rõ hơn trách nhiệm cá nhân trong việc chậm triển khai nhiệm vụ được giao.',
  'Cần gương mẫu hơn trong việc thực hiện cam kết tu dưỡng, rèn luyện đầu năm.',
  'Tinh thần tự phê bình chưa cao, nội dung kiểm điểm còn chung chung.',
  'Đề nghị bổ sung kết quả khắc phục các hạn chế đã được chỉ ra năm trước.',
  'Công tác phối hợp với các đoàn thể ở khu dân cư còn chưa thường xuyên.',
];
const REPLIES = [
  'Tiếp thu ý kiến, sẽ bổ sung vào bản kiểm điểm và kế hoạch khắc phục.',
  'Xin giải trình thêm: nguyên nhân chủ yếu là chủ quan, sẽ khắc phục trong quý I.',
  'Nghiêm túc tiếp thu, cam kết khắc phục trong năm tới.',
];
const ABSENCE_REASONS = ['Ốm, có đơn xin phép', 'Đi công tác theo quyết định của cơ quan', 'Việc gia đình, có báo cáo chi ủy'];

interface Person {
  memberId: string;
  unitId: string;
  unitPath: string;
  keyLeader: boolean;
  classified: boolean;
  fullName: string;
  isHead: boolean;
  partyPosts: string | null;
  sortKey: string;
  official: boolean;
}

/**
 * Every unit's conference held (regulations §3.1 bước 5): the agenda in the order of planAgenda
 * (collective, head, deputies, members), everyone's attendance, the directors who came, minutes with
 * criticism and the conclusions, and each classified member's tally at their own chi bộ.
 */
async function writeConferences(
  tx: Tx,
  rng: Rng,
  c: DemoCampaign,
  levels: Map<string, LevelPair>,
  drawn: { units: Map<string, DemoShortcoming[]>; members: Map<string, DemoShortcoming[]> },
  o: CompleteYearOptions,
  now: string,
): Promise<void> {
  const meetingDay = o.conferencesOn;
  const people: Person[] = (
    await tx
      .selectFrom('campaign_members as cm')
      .innerJoin('members as m', 'm.id', 'cm.member_id')
      .select([
        'cm.member_id',
        'cm.unit_id',
        'cm.unit_path',
        'cm.is_key_leader',
        'cm.classified',
        'm.full_name',
        'm.is_head',
        'm.party_posts',
        'm.sort_key',
        'm.official_date',
      ])
      .where('cm.campaign_id', '=', c.id)
      .where('cm.included', '=', 1)
      .execute()
  ).map((r) => ({
    memberId: r.member_id,
    unitId: r.unit_id,
    unitPath: r.unit_path,
    keyLeader: r.is_key_leader === 1,
    classified: r.classified === 1,
    fullName: r.full_name,
    isHead: r.is_head === 1,
    partyPosts: r.party_posts,
    sortKey: r.sort_key,
    official: r.official_date !== null && r.official_date <= meetingDay,
  }));
  const byUnit = new Map<string, Person[]>();
  for (const p of people) byUnit.set(p.unitId, [...(byUnit.get(p.unitId) ?? []), p]);
  const existing = new Map(
    (await tx.selectFrom('conferences').select(['id', 'unit_id', 'scheduled_for', 'place']).where('campaign_id', '=', c.id).execute()).map(
      (r) => [r.unit_id, r],
    ),
  );
  const directors = await tx
    .selectFrom('assignments as a')
    .innerJoin('accounts as acc', 'acc.id', 'a.account_id')
    .select(['a.unit_id', 'a.account_id', 'acc.display_name'])
    .where('a.campaign_id', '=', c.id)
    .where('a.duty', '=', 'attend')
    .execute();

  const conferencesNew: Insertable<Database['conferences']>[] = [];
  const agenda: Insertable<Database['conference_agenda']>[] = [];
  const attendance: Insertable<Database['conference_attendance']>[] = [];
  const guests: Insertable<Database['conference_guests']>[] = [];
  const entries: Insertable<Database['conference_entries']>[] = [];
  const tallies: Insertable<Database['vote_tallies']>[] = [];
  const closedAt = at(meetingDay, 60 * 7);
  const closedIds: string[] = [];

  for (const u of c.units) {
    const found = existing.get(u.unitId);
    const id = found?.id ?? newId();
    if (found) closedIds.push(id);
    else
      conferencesNew.push({
        id,
        campaign_id: c.id,
        campaign_unit_id: u.cuId,
        unit_id: u.unitId,
        scope_path: u.path,
        scheduled_for: meetingDay,
        place: `${rng.pick(T.CONFERENCE_PLACES)}, ${u.name}`,
        status: 'closed',
        version: 1,
        created_at: now,
        updated_at: now,
      });
    const own = byUnit.get(u.unitId) ?? [];
    const leaders =
      u.kind === 'grassroots_party' ? people.filter((p) => p.keyLeader && p.unitId !== u.unitId && isWithinPath(p.unitPath, u.path)) : [];
    const reviewed = [...own, ...leaders];
    const plan = planAgenda({
      unitId: u.unitId,
      unitName: u.name,
      includeLeadership: c.ruleSet.reviewsLeadershipCollective,
      members: reviewed,
    });
    for (const item of plan) {
      agenda.push({
        id: newId(),
        conference_id: id,
        position: item.position,
        subject_kind: item.subjectKind,
        subject_key: item.subjectKey,
        member_id: item.memberId,
        label: item.label,
        status: 'done',
        done_at: at(meetingDay, 30 + item.position * 5),
      });
    }
    for (const p of reviewed) {
      const present = !rng.chance(0.06);
      attendance.push({
        id: newId(),
        conference_id: id,
        member_id: p.memberId,
        present: present ? 1 : 0,
        absence_reason: present ? null : rng.pick(ABSENCE_REASONS),
        updated_by: null,
        updated_at: at(meetingDay, 10),
      });
    }
    for (const d of directors.filter((x) => x.unit_id === u.unitId)) {
      guests.push({
        id: newId(),
        conference_id: id,
        kind: 'director',
        account_id: d.account_id,
        name: d.display_name,
        title: null,
        attended: 1,
        updated_at: at(meetingDay, 10),
      });
    }
    const entry = (
      kind: string,
      subject: { kind: string; key: string } | null,
      text: string,
      extra: { speaker?: string; reply?: string } = {},
    ) =>
      entries.push({
        id: newId(),
        conference_id: id,
        client_key: randomUUID(),
        kind,
        subject_kind: subject?.kind ?? null,
        subject_key: subject?.key ?? null,
        speaker: extra.speaker ?? null,
        text,
        reply: extra.reply ?? null,
        suggestion_item_id: null,
        created_by: null,
        deleted_at: null,
        version: 1,
        created_at: at(meetingDay, 60 + (entries.length % 300)),
        updated_at: at(meetingDay, 60 + (entries.length % 300)),
      });
    const speakers = reviewed.length > 1 ? reviewed : people.slice(0, 3);
    for (const p of rng.sample(own, Math.min(own.length, rng.int(1, 3)))) {
      entry('criticism', { kind: 'member', key: p.memberId }, rng.pick(CRITICISMS), {
        speaker: `Đồng chí ${rng.pick(speakers).fullName}`,
        reply: rng.pick(REPLIES),
      });
    }
    for (const s of drawn.units.get(u.unitId) ?? [])
      if (s.source === 'concluded_conference') entry('conclusion', { kind: 'unit', key: u.unitId }, s.text);
    for (const p of own) {
      for (const s of drawn.members.get(p.memberId) ?? [])
        if (s.source === 'concluded_conference') entry('conclusion', { kind: 'member', key: p.memberId }, s.text);
    }
    // The chi bộ votes on its own classified members (design §2: tallies, never linked to voters).
    const summoned = Math.max(1, own.filter((p) => p.official).length);
    for (const p of own) {
      const level = levels.get(p.memberId)?.decided;
      if (!p.classified || !level) continue;
      const t = ballotsFor(rng, level, summoned);
      tallies.push({
        id: newId(),
        campaign_id: c.id,
        conference_id: id,
        subject_kind: 'member',
        subject_key: p.memberId,
        unit_id: u.unitId,
        member_id: p.memberId,
        scope_path: u.path,
        present: t.present,
        valid: t.valid,
        invalid: t.invalid,
        votes_excellent: t.votes.excellent,
        votes_good: t.votes.good,
        votes_satisfactory: t.votes.satisfactory,
        votes_unsatisfactory: t.votes.unsatisfactory,
        proposed_level: level,
        updated_by: null,
        version: 1,
        created_at: at(meetingDay, 300),
        updated_at: at(meetingDay, 300),
      });
    }
    const head = own.find((p) => p.isHead) ?? own[0];
    const clerk = own.find((p) => p !== head) ?? head;
    const minutes: MinutesHeader = {
      chair: head ? `Đồng chí ${head.fullName}` : 'Đồng chí Bí thư',
      secretary: clerk ? `Đồng chí ${clerk.fullName}` : 'Đồng chí Phó Bí thư',
      opening: `Hội nghị kiểm điểm tập thể, cá nhân năm ${c.year} của ${u.name}.`,
      general:
        'Hội nghị đã nghe báo cáo kiểm điểm của tập thể và từng cá nhân; các ý kiến góp ý thẳng thắn, xây dựng; các đồng chí được góp ý đã tiếp thu, giải trình.',
      closing: 'Hội nghị kết thúc lúc 11 giờ 30 cùng ngày; biên bản đã được thông qua.',
    };
    if (found) {
      await tx
        .updateTable('conferences')
        .set((eb) => ({
          status: 'closed',
          scheduled_for: meetingDay,
          started_at: at(meetingDay),
          closed_at: closedAt,
          minutes_json: JSON.stringify(minutes),
          version: eb('version', '+', 4),
          updated_at: now,
        }))
        .where('id', '=', id)
        .execute();
    } else {
      const row = conferencesNew[conferencesNew.length - 1];
      Object.assign(row, { started_at: at(meetingDay), closed_at: closedAt, minutes_json: JSON.stringify(minutes) });
    }
  }
  await insertChunked(tx, 'conferences', conferencesNew);
  await insertChunked(tx, 'conference_agenda', agenda);
  await insertChunked(tx, 'conference_attendance', attendance);
  await insertChunked(tx, 'conference_guests', guests);
  await insertChunked(tx, 'conference_entries', entries);
  await insertChunked(tx, 'vote_tallies', tallies);
}

/**
 * The decisions behind the classifications (one row per decision number, issued by the competent
 * level of regulations §2.5) and the classifications' trail: proposal from the tally, decision, link.
 */
async function writeDecisions(tx: Tx, c: DemoCampaign, o: CompleteYearOptions, now: string): Promise<void> {
  const unitPath = new Map(c.units.map((u) => [u.unitId, u.path]));
  const owner = c.units.find((u) => u.path === c.ownerPath);
  const rows = new Map<string, Insertable<Database['decisions']>>();
  const add = (d: { number: string; date: string }, kind: 'members' | 'units', decidingUnitId: string, path: string) => {
    if (rows.has(d.number)) return;
    rows.set(d.number, {
      id: newId(),
      campaign_id: c.id,
      deciding_unit_id: decidingUnitId,
      scope_path: path,
      kind,
      number: d.number,
      decision_date: d.date,
      signer_name: null,
      signer_title: kind === 'units' ? 'T/M BAN THƯỜNG VỤ' : 'T/M ĐẢNG ỦY',
      status: 'published',
      published_at: at(o.publishedOn),
      created_by: null,
      version: 2,
      created_at: now,
      updated_at: now,
    });
  };
  for (const u of c.units) {
    const decidingId = u.isGrassroots ? (u.parentId ?? owner?.unitId ?? u.unitId) : (c.grassrootsOf.get(u.unitId) ?? u.unitId);
    add(o.decisions.unit(u), 'units', decidingId, unitPath.get(decidingId) ?? c.ownerPath);
  }
  for (const m of c.members) {
    if (!m.classified) continue;
    const g = c.grassrootsOf.get(m.unitId) ?? m.unitId;
    add(o.decisions.member(m), 'members', g, unitPath.get(g) ?? m.unitPath);
  }
  await insertChunked(tx, 'decisions', [...rows.values()]);
  for (const d of rows.values()) {
    await tx
      .updateTable('classifications')
      .set({ decision_id: d.id, decided_at: at(d.decision_date), proposed_at: at(o.conferencesOn, 60 * 8) })
      .where('campaign_id', '=', c.id)
      .where('decision_number', '=', d.number)
      .execute();
  }
  await tx
    .updateTable('classifications')
    .set((eb) => ({
      tally_id: eb
        .selectFrom('vote_tallies as t')
        .select('t.id')
        .whereRef('t.campaign_id', '=', 'classifications.campaign_id')
        .where('t.subject_kind', '=', 'member')
        .whereRef('t.subject_key', '=', 'classifications.subject_key'),
    }))
    .where('campaign_id', '=', c.id)
    .where('subject_kind', '=', 'member')
    .execute();
}
