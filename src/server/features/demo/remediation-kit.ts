// Remediation plans of a decided year (issue 4 item 6; reference-scenario.md: "the 2016 campaign
// closed: … remediation items, some fixed and some not"; regulations §3.1 bước 8): one filed plan
// per collective and member with shortcomings, one item per shortcoming, and progress updates.
import type { Insertable } from 'kysely';
import type { RemediationItemStatus } from '../../../shared/campaign-vocabulary.js';
import { newId } from '../../adapters/clock.js';
import type { Database } from '../../adapters/db/schema.js';
import type { Tx } from '../context.js';
import { at, insertChunked, type DemoCampaign, type DemoShortcoming } from './campaign-kit.js';
import { Rng } from './random.js';

const UNIT_ACTIONS = [
  'Ban Thường vụ phân công đồng chí phụ trách, xây dựng lộ trình khắc phục theo từng quý và báo cáo tại hội nghị cấp ủy',
  'Rà soát, bổ sung quy chế làm việc; tăng cường kiểm tra, giám sát việc thực hiện',
  'Tổ chức đối thoại với nhân dân, công khai kết quả khắc phục tại hội nghị giao ban',
  'Giao chỉ tiêu cụ thể cho từng chi bộ, đánh giá kết quả hằng tháng',
];
const MEMBER_ACTIONS = [
  'Xây dựng kế hoạch cá nhân, báo cáo chi bộ kết quả khắc phục hằng quý',
  'Chủ động nghiên cứu, học tập, nâng cao trình độ chuyên môn và lý luận chính trị',
  'Tham gia đầy đủ sinh hoạt chi bộ, nghiêm túc tự phê bình và phê bình',
  'Gương mẫu thực hiện cam kết tu dưỡng, rèn luyện; nhận xét của chi ủy nơi cư trú làm căn cứ đánh giá',
];
const UPDATE_NOTES: Record<RemediationItemStatus, string> = {
  planned: 'Đã xây dựng kế hoạch, chưa triển khai.',
  in_progress: 'Đã triển khai một phần; đang tiếp tục theo lộ trình.',
  done: 'Đã khắc phục xong, báo cáo chi bộ và được ghi nhận.',
};

export interface RemediationPlanOptions {
  /** The day plans were filed (after the decision). */
  filedOn: string;
  /** Items' deadline. */
  deadline: string;
  /** Share of items done and in progress (the rest planned). */
  weights: { done: number; in_progress: number };
  /** Whether the units reported their remediation to the competent level. */
  reported: boolean;
}

/**
 * Filed plans, one item per shortcoming, and one progress update per item that has begun. Draws
 * from a stream of its own (seeded by the year), so adding plans leaves the rest of the demo as it was.
 */
export async function writeRemediationPlans(
  tx: Tx,
  c: DemoCampaign,
  drawn: { units: Map<string, DemoShortcoming[]>; members: Map<string, DemoShortcoming[]> },
  o: RemediationPlanOptions,
  now: string,
): Promise<{ plans: number; items: number }> {
  const rng = new Rng(c.year * 7919 + 17);
  const plans: Insertable<Database['remediation_plans']>[] = [];
  const items: Insertable<Database['remediation_items']>[] = [];
  const updates: Insertable<Database['remediation_updates']>[] = [];
  const unitOf = new Map(c.units.map((u) => [u.unitId, u]));
  const memberOf = new Map(c.members.map((m) => [m.memberId, m]));
  const filedAt = at(o.filedOn);

  const addPlan = (
    subjectKind: 'unit' | 'member',
    key: string,
    place: { unitId: string; memberId: string | null; path: string },
    list: DemoShortcoming[],
    owner: string,
  ) => {
    const planId = newId();
    plans.push({
      id: planId,
      campaign_id: c.id,
      subject_kind: subjectKind,
      subject_key: key,
      unit_id: place.unitId,
      member_id: place.memberId,
      scope_path: place.path,
      status: 'filed',
      filed_at: filedAt,
      reported_at: subjectKind === 'unit' && o.reported ? at(o.filedOn, 60 * 24 * 5) : null,
      updated_by: null,
      version: 2,
      created_at: now,
      updated_at: now,
    });
    list.forEach((s, i) => {
      const x = rng.next();
      const status: RemediationItemStatus =
        x < o.weights.done ? 'done' : x < o.weights.done + o.weights.in_progress ? 'in_progress' : 'planned';
      const progress = status === 'done' ? 100 : status === 'in_progress' ? rng.int(3, 8) * 10 : 0;
      const itemId = newId();
      items.push({
        id: itemId,
        plan_id: planId,
        shortcoming_id: s.id,
        scope_path: place.path,
        position: i + 1,
        action: rng.pick(subjectKind === 'unit' ? UNIT_ACTIONS : MEMBER_ACTIONS),
        owner,
        deadline: o.deadline,
        status,
        progress_pct: progress,
        completed_at: status === 'done' ? at(o.deadline, -rng.int(1, 90) * 60 * 24) : null,
        version: status === 'planned' ? 1 : 2,
        created_at: now,
        updated_at: now,
      });
      if (status !== 'planned') {
        updates.push({
          id: newId(),
          item_id: itemId,
          note: UPDATE_NOTES[status],
          progress_pct: progress,
          status,
          file_id: null,
          created_by: null,
          created_at: at(o.filedOn, rng.int(30, 200) * 60 * 24),
        });
      }
    });
  };

  for (const [unitId, list] of drawn.units) {
    const u = unitOf.get(unitId);
    if (!u || list.length === 0) continue;
    addPlan('unit', unitId, { unitId, memberId: null, path: u.path }, list, u.isGrassroots ? 'Ban Thường vụ Đảng ủy' : 'Chi ủy');
  }
  for (const [memberId, list] of drawn.members) {
    const m = memberOf.get(memberId);
    if (!m || list.length === 0) continue;
    addPlan('member', memberId, { unitId: m.unitId, memberId, path: m.unitPath }, list, `Đồng chí ${m.fullName}`);
  }
  await insertChunked(tx, 'remediation_plans', plans);
  await insertChunked(tx, 'remediation_items', items);
  await insertChunked(tx, 'remediation_updates', updates);
  return { plans: plans.length, items: items.length };
}
