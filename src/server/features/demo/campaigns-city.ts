// The city's two campaigns (issue 3 item 10; reference-scenario.md, "What the demo committee must
// contain"):
// - 2016, closed: plan approved, every unit and member reviewed, levels decided and published with
//   the pre-2018 names (HD 27-HD/BTCTW, regulations §2.1–§2.2), shortcomings recorded;
// - 2017, open at the business date 05/12/2017: plan approved, each Standing Committee member
//   assigned to several units, units at every stage up to the conference, seven units (one in six)
//   with suggested points waiting on the Organization Board, one of them returned once with
//   reasons; reviews that start from the 2016 result, commitments, the facts of the year.
import type { Milestone } from '../../../shared/contracts/campaigns.js';
import { loadPrincipal } from '../../adapters/auth/principal.repository.js';
import { setAssignments } from '../planning/set-assignments.js';
import {
  accountId,
  closeCampaign,
  committeeSuffix,
  DecisionBook,
  openCampaign,
  type Decisions,
  type DemoCampaign,
} from './campaign-kit.js';
import { writeClosedYear, writeOpenYear, type OpenStage, type UnitPlan } from './campaign-years.js';
import { completeYear } from './complete-year.js';
import { rootOf, type CampaignState, type CampaignStep } from './state.js';
import * as T from './texts.js';

export function yearMilestones(year: number): Milestone[] {
  const next = year + 1;
  return [
    { kind: 'plan', dueDate: `${year}-11-10` },
    { kind: 'reviews_due', dueDate: `${year}-11-30` },
    { kind: 'appraisal', dueDate: `${year}-12-10` },
    { kind: 'conferences', dueDate: `${year}-12-25` },
    { kind: 'decisions', dueDate: `${next}-01-15` },
    { kind: 'report', dueDate: `${next}-01-25` },
  ];
}

/** Decisions of a committee's review year: the committee rates its grassroots units, a đảng ủy its chi bộ and members. */
export function decisionsFor(state: CampaignState, c: DemoCampaign, rootDecision: string | null): Decisions {
  const book = new DecisionBook(state.rng);
  const next = c.year + 1;
  const units = new Map(c.units.map((u) => [u.unitId, u]));
  const committees = new Map(state.units.filter((u) => u.kind === 'committee').map((u) => [u.id, u]));
  return {
    unit(u) {
      if (u.isGrassroots) {
        const committee = committees.get(u.parentId ?? '');
        const name = committee?.name ?? 'Thành ủy';
        return {
          number: rootDecision && committee?.parentId === null ? rootDecision : book.number(u.parentId ?? '', committeeSuffix(name)),
          date: `${next}-01-16`,
        };
      }
      return { number: book.number(u.parentId ?? '', 'QĐ/ĐU'), date: `${next}-01-06` };
    },
    member(m) {
      const g = units.get(c.grassrootsOf.get(m.unitId) ?? '');
      const cellUnit = g?.kind === 'grassroots_cell';
      return { number: book.number(g?.unitId ?? m.unitId, cellUnit ? 'QĐ/CB' : 'QĐ/ĐU'), date: `${next}-01-${cellUnit ? '05' : '08'}` };
    },
  };
}

const city2016: CampaignStep = {
  name: 'Đợt kiểm điểm năm 2016',
  async run(state) {
    state.progress('Đang tạo đợt kiểm điểm năm 2016 (đã kết thúc)…');
    const root = rootOf(state);
    const c = await openCampaign(state, {
      ownerUnitId: root.id,
      ownerName: root.name,
      year: 2016,
      milestones: yearMilestones(2016),
      planApprovedOn: '2016-11-03',
      planReference: 'Hướng dẫn số 27-HD/BTCTW và Nghị quyết Trung ương 4 khóa XII về tăng cường xây dựng, chỉnh đốn Đảng',
    });
    const demoPeople = ['dangvien', 'cellSecretary'].flatMap((t) => {
      const m = state.membersByTag.get(t);
      return m ? [m.id] : [];
    });
    await writeClosedYear(state, c, {
      decisions: decisionsFor(state, c, 'Số 125-QĐ/TU'),
      collectiveReview: () => true,
      // The members' 2016 self-reviews are not kept as rows (they would double the city's build
      // time); their result is the published level and the shortcomings the 2017 reviews start from.
      memberReviews: false,
      commitmentShare: 0,
      memberShortcomingShare: 0.18,
      leaderShortcomingShare: 0.4,
      forceShortcoming: new Set(demoPeople),
      disciplined: 4,
      civilServantFactsShare: 0.6,
      statusWeights: { fixed: 0.5, being_fixed: 0.35 },
      predecessors: new Map(),
      remediation: { filedOn: '2017-01-20', deadline: '2017-10-31', weights: { done: 0.45, in_progress: 0.35 }, reported: true },
    });
    await closeCampaign(state, c, '2017-02-15');
  },
};

/**
 * The 2017 stage of the grassroots units: the seven with suggested points by name (the texts of
 * texts.ts, CITY_SUGGESTIONS), Nam Hà drafting (its committee, chi bộ secretary and member have demo
 * accounts), the others drawn over the stages in these numbers.
 */
const SUGGESTED_STAGES: Record<string, { stage: OpenStage; returnedOnce?: boolean }> = {
  'Đảng bộ xã Thạch Trung': { stage: 'under_appraisal', returnedOnce: true },
  'Đảng bộ phường Thạch Linh': { stage: 'under_appraisal' },
  'Đảng bộ xã Thạch Hạ': { stage: 'under_appraisal' },
  'Đảng bộ phường Văn Yên': { stage: 'submitted' },
  'Đảng bộ Cơ quan Ủy ban nhân dân thành phố': { stage: 'submitted' },
  'Chi bộ Ban Quản lý dự án đầu tư xây dựng thành phố': { stage: 'cleared' },
  'Chi bộ Đội Quản lý trật tự đô thị thành phố': { stage: 'cleared' },
};
const OTHER_STAGES: readonly [OpenStage, number][] = [
  ['conference_scheduled', 11],
  ['submitted', 7],
  ['drafting', 10],
  ['planned', 6],
];

/**
 * The 2017 campaign as it stood on 05/12/2017, or — `complete` (`tusoi demo --complete`) — carried
 * to the end state of the office's report: every unit through its conference, levels decided and
 * published, remediation plans filed.
 */
const city2017 = (complete: boolean): CampaignStep => ({
  name: 'Đợt kiểm điểm năm 2017',
  async run(state) {
    state.progress(
      complete ? 'Đang tạo đợt kiểm điểm năm 2017 (đến khi hoàn thành)…' : 'Đang tạo đợt kiểm điểm năm 2017 (đang thực hiện)…',
    );
    const root = rootOf(state);
    const rng = state.rng;
    const c = await openCampaign(state, {
      ownerUnitId: root.id,
      ownerName: root.name,
      year: 2017,
      milestones: yearMilestones(2017),
      planApprovedOn: '2017-11-08',
      planReference: 'Hướng dẫn số 27-HD/BTCTW, Nghị quyết Trung ương 4 khóa XII và kết quả kiểm điểm năm 2016',
    });
    const grassroots = c.units.filter((u) => u.isGrassroots);
    const namHa = state.unitsByTag.get('namha');
    const plans = new Map<string, UnitPlan>();
    for (const u of grassroots) {
      const s = SUGGESTED_STAGES[u.name];
      if (s) plans.set(u.unitId, { stage: s.stage, suggestions: T.CITY_SUGGESTIONS[u.name], returnedOnce: s.returnedOnce ?? false });
    }
    if (plans.size !== Object.keys(SUGGESTED_STAGES).length) throw new Error('demo: a unit with suggested points is missing from the city');
    if (namHa) plans.set(namHa.id, { stage: 'drafting', suggestions: null, returnedOnce: false });
    // Carried to the end, every unit first reaches its conference.
    if (complete) for (const [id, plan] of plans) plans.set(id, { ...plan, stage: 'conference_scheduled', returnedOnce: false });
    const stages = complete
      ? grassroots.map((): OpenStage => 'conference_scheduled')
      : OTHER_STAGES.flatMap(([stage, n]) => Array.from({ length: n }, () => stage));
    const rest = rng.sample(
      grassroots.filter((u) => !plans.has(u.unitId)),
      grassroots.length,
    );
    rest.forEach((u, i) => plans.set(u.unitId, { stage: stages[i] ?? 'drafting', suggestions: null, returnedOnce: false }));

    // Every grassroots unit has one Standing Committee member to direct, appraise and attend it;
    // the Standing office (thuongtruc) also attends the conferences of the units with suggested points.
    const directors = ['thuongtruc', 'bithu', ...(state.directorAccounts.get(root.spec.tag ?? '') ?? [])];
    const assignments = new Map<string, string[]>(directors.map((d) => [d, []]));
    rng.sample(grassroots, grassroots.length).forEach((u, i) => assignments.get(directors[i % directors.length])!.push(u.unitId));

    // The secretaries of two units with suggested points get points of their own.
    const memberSuggestions = ['Đảng bộ xã Thạch Trung', 'Đảng bộ xã Thạch Hạ'].flatMap((name) => {
      const u = grassroots.find((g) => g.name === name);
      const secretary = u ? state.secretaries.get(u.unitId) : undefined;
      return secretary ? [{ memberId: secretary, items: T.LEADER_SUGGESTIONS }] : [];
    });
    const dangvien = state.membersByTag.get('dangvien');
    await writeOpenYear(state, c, {
      plans,
      assignments,
      memberSuggestions,
      memberReviewShare: complete
        ? { planned: 1, drafting: 1, submitted: 1, under_appraisal: 1, cleared: 1, conference_scheduled: 1 }
        : { planned: 0.05, drafting: 0.4, submitted: 0.8, under_appraisal: 0.85, cleared: 0.9, conference_scheduled: 0.95 },
      collectiveForCells: true,
      commitmentShare: 0.93,
      civilServantFactsShare: 0.7,
      disciplined: 5,
      earlyStatusShare: 0.3,
      leaveUnsaved: new Set(dangvien && !complete ? [dangvien.id] : []),
      forceCommitment: new Set(dangvien ? [dangvien.id] : []),
      predecessors: new Map(),
    });
    const suggested = grassroots.filter((u) => plans.get(u.unitId)?.suggestions).map((u) => u.unitId);
    await attendSuggested(state, c, suggested);
    if (complete) {
      state.progress('Đang hoàn thành đợt 2017: hội nghị, biểu quyết, quyết định xếp loại, kế hoạch khắc phục…');
      await completeYear(state, c.id, {
        decisions: decisionsFor(state, c, 'Số 168-QĐ/TU'),
        conferencesOn: '2017-12-20',
        publishedOn: '2018-01-18',
        businessDate: '2018-02-01',
        remediation: { filedOn: '2018-01-25', deadline: '2018-10-31' },
      });
    }
  },
});

/** The Standing office attends and directs the conferences of the units with suggested points (reference-scenario.md). */
async function attendSuggested(state: CampaignState, c: DemoCampaign, unitIds: string[]): Promise<void> {
  const organizer = await loadPrincipal(state.ctx.db, accountId(state, 'bantochuc'));
  await setAssignments(state.ctx, organizer, c.id, { unitIds, accountIds: [accountId(state, 'thuongtruc')], duties: ['attend'] });
}

export const CITY_CAMPAIGN_STEPS: readonly CampaignStep[] = [city2016, city2017(false)];

/** `tusoi demo --complete`: the 2017 campaign carried to its end (reference-scenario.md). */
export const CITY_COMPLETE_STEPS: readonly CampaignStep[] = [city2016, city2017(true)];
