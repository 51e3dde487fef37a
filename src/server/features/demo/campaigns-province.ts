// The province's three campaigns (issue 3 item 10; reference-scenario.md, "Larger datasets"), so
// that the rules in force today (QĐ 366 + HD 43, 100 points, from 2025) run at scale next to the
// previous ones (QĐ 124 + HD 25):
// - 2024, closed (HD 25): levels published, shortcomings of units and of a share of members;
// - the merger of 1 July 2025 (merger.ts): localities merged into new đảng bộ;
// - 2025, closed (HD 43): its snapshot sees the new units; the collective report of a merged unit
//   carries over its predecessors' 2024 shortcomings (regulations §11.8), every 2024 shortcoming
//   gets its 2025 status; levels published, the 2025 shortcomings;
// - 2026, open at the business date 05/12/2026: plan approved, units at every stage, about one in
//   six with suggested points, reviews pre-filled from 2025, commitments and facts of the year.
import { closeCampaign, openCampaign, type DemoCampaign } from './campaign-kit.js';
import { predecessorsOf, writeClosedYear, writeOpenYear, type OpenStage, type UnitPlan } from './campaign-years.js';
import { decisionsFor, yearMilestones } from './campaigns-city.js';
import { mergeLocalities } from './merger.js';
import type { Rng } from './random.js';
import { rootOf, type CampaignState, type CampaignStep } from './state.js';
import * as T from './texts.js';

const QD124 = 'Quy định số 124-QĐ/TW ngày 04/10/2023 và Hướng dẫn số 25-HD/BTCTW ngày 10/11/2023';
const QD366 = 'Quy định số 366-QĐ/TW ngày 30/8/2025 và Hướng dẫn số 43-HD/BTCTW ngày 31/10/2025';

async function openProvinceCampaign(state: CampaignState, year: number, approvedOn: string, reference: string): Promise<DemoCampaign> {
  const root = rootOf(state);
  return openCampaign(state, {
    ownerUnitId: root.id,
    ownerName: root.name,
    year,
    milestones: yearMilestones(year),
    planApprovedOn: approvedOn,
    planReference: reference,
  });
}

function closedYear(year: number, approvedOn: string, reference: string): CampaignStep {
  return {
    name: `Đợt kiểm điểm năm ${year}`,
    async run(state) {
      state.progress(`Đang tạo đợt kiểm điểm năm ${year} của tỉnh (đã kết thúc)…`);
      const c = await openProvinceCampaign(state, year, approvedOn, reference);
      state.progress(
        `  ${c.units.length.toLocaleString('vi-VN')} tổ chức đảng, ${c.members.length.toLocaleString('vi-VN')} đảng viên trong đợt ${year}…`,
      );
      await writeClosedYear(state, c, {
        decisions: decisionsFor(state, c, null),
        collectiveReview: (u) => u.isGrassroots,
        memberReviews: false,
        commitmentShare: 0,
        memberShortcomingShare: 0.12,
        leaderShortcomingShare: 0.3,
        disciplined: Math.round(c.members.length / 1000),
        civilServantFactsShare: 0,
        statusWeights: { fixed: 0.5, being_fixed: 0.35 },
        predecessors: await predecessorsOf(state.ctx.db),
      });
      await closeCampaign(state, c, `${year + 1}-02-20`);
    },
  };
}

const merger: CampaignStep = {
  name: 'Hợp nhất đơn vị ngày 01/7/2025',
  async run(state) {
    state.progress('Đang hợp nhất các xã, phường từ ngày 01/7/2025…');
    const r = await mergeLocalities(state);
    state.progress(`  ${r.predecessors} đảng bộ xã, phường hợp nhất thành ${r.successors} đảng bộ mới (${r.movedCells} chi bộ chuyển về).`);
  },
};

/** The 2026 stage of every grassroots unit: one in six with suggested points, waiting on or cleared by the Board. */
function provincePlans(rng: Rng, c: DemoCampaign): Map<string, UnitPlan> {
  const plans = new Map<string, UnitPlan>();
  const pick = (entries: readonly [OpenStage, number][]): OpenStage => {
    let x = rng.next();
    for (const [s, p] of entries) {
      if (x < p) return s;
      x -= p;
    }
    return entries[entries.length - 1][0];
  };
  for (const u of c.units) {
    if (!u.isGrassroots) continue;
    if (rng.chance(1 / 6)) {
      const stage = pick([
        ['submitted', 0.25],
        ['under_appraisal', 0.35],
        ['cleared', 0.15],
        ['conference_scheduled', 0.25],
      ]);
      plans.set(u.unitId, {
        stage,
        suggestions: T.suggestionItems(rng, u.sector),
        returnedOnce: stage === 'under_appraisal' && rng.chance(0.1),
      });
    } else {
      const stage = pick([
        ['planned', 0.15],
        ['drafting', 0.33],
        ['submitted', 0.17],
        ['conference_scheduled', 0.35],
      ]);
      plans.set(u.unitId, { stage, suggestions: null, returnedOnce: false });
    }
  }
  return plans;
}

const open2026: CampaignStep = {
  name: 'Đợt kiểm điểm năm 2026',
  async run(state) {
    state.progress('Đang tạo đợt kiểm điểm năm 2026 của tỉnh (đang thực hiện)…');
    const rng = state.rng;
    const c = await openProvinceCampaign(state, 2026, '2026-11-10', QD366);
    const plans = provincePlans(rng, c);
    const root = rootOf(state);
    // The province's Standing Committee members each direct some grassroots units (the district
    // committees direct the rest in practice; the demo assigns a sample).
    const directors = ['thuongtruc', 'bithu', ...(state.directorAccounts.get(root.spec.tag ?? '') ?? [])];
    const grassroots = c.units.filter((u) => u.isGrassroots);
    const chosen = rng.sample(grassroots, Math.min(grassroots.length, directors.length * 25));
    const assignments = new Map<string, string[]>(directors.map((d) => [d, []]));
    chosen.forEach((u, i) => assignments.get(directors[i % directors.length])!.push(u.unitId));
    await writeOpenYear(state, c, {
      plans,
      assignments,
      memberSuggestions: [],
      memberReviewShare: { planned: 0, drafting: 0.04, submitted: 0.1, under_appraisal: 0.1, cleared: 0.1, conference_scheduled: 0.12 },
      collectiveForCells: false,
      commitmentShare: 0.35,
      civilServantFactsShare: 0.3,
      disciplined: Math.round(c.members.length / 1000),
      earlyStatusShare: 0.15,
      leaveUnsaved: new Set(),
      forceCommitment: new Set(),
      predecessors: await predecessorsOf(state.ctx.db),
    });
  },
};

export const PROVINCE_CAMPAIGN_STEPS: readonly CampaignStep[] = [
  closedYear(2024, '2024-10-28', QD124),
  merger,
  closedYear(2025, '2025-11-12', QD366),
  open2026,
];
