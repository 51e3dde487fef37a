// Remediation (design §2 row "Remediation"; design §3 RemediationItem; regulations §3.1 bước 8–9,
// §8 Hà Tĩnh 2017 "finalize review, remediation plan, report upward"; CV 1825-CV/BTCTW and the
// Politburo's instruction of 01/2017 [S6]: after the review each collective and individual writes a
// remediation plan). Pure: who may read and write a plan, what a valid plan is, when it may be
// filed, and what "overdue" means.
import { remediationItemInput, type RemediationItemDraft, type RemediationItemInput } from '../../shared/contracts/remediation.js';
import type { RemediationItemStatus } from '../../shared/campaign-vocabulary.js';
import type { Role } from '../../shared/vocabulary.js';
import { actorRoles, type CampaignCaller, type Target } from './campaign-policy.js';

/**
 * Design §2, row "Remediation": standing, organizer, office and the assigned directors read;
 * unit committee ("RW own unit") and cell secretary ("RW own chi bộ") read and write over their
 * subtree; a member reads and writes their own; admin has no access.
 */
export const REMEDIATION_READERS: readonly Role[] = ['standing', 'organizer', 'office', 'unit_committee', 'cell_secretary'];

export function canReadRemediation(caller: CampaignCaller, target: Target): boolean {
  const roles = actorRoles(caller, target);
  return REMEDIATION_READERS.some((r) => roles.has(r)) || roles.has('director') || (Boolean(target.memberId) && roles.has('member_self'));
}

/**
 * Who writes a plan: the member their own ('self'); the unit committee over its unit and the cell
 * secretary over the chi bộ ('committee': the collective's plan, or a member's on their behalf,
 * audited as such). Null: reads only.
 */
export function remediationWriter(caller: CampaignCaller, target: Target): 'self' | 'committee' | null {
  const roles = actorRoles(caller, target);
  if (target.memberId && roles.has('member_self')) return 'self';
  if (roles.has('unit_committee') || roles.has('cell_secretary')) return 'committee';
  return null;
}

/**
 * Overdue: the deadline is before the committee's business date and the item is not done (design
 * §3, Setting; the plan's deadlines are the remediation plan's own, regulations §3.1 bước 8).
 */
export function isOverdue(item: { deadline: string; status: string }, businessDate: string): boolean {
  return item.status !== 'done' && item.deadline < businessDate;
}

export interface PlanProblem {
  field: string;
  message: string;
}

export interface CheckItemsInput {
  drafts: readonly RemediationItemDraft[];
  /** Shortcomings the plan lists (of the review year and still-open earlier ones). */
  shortcomingIds: ReadonlySet<string>;
  /** Items of the stored plan, and those of them with progress updates (they cannot be dropped). */
  existingIds: ReadonlySet<string>;
  withUpdates: ReadonlySet<string>;
  reviewYear: number;
}

/**
 * Every item of a saved plan: an action, who carries it out, a real deadline not before the review
 * year, tied to one of the plan's shortcomings (or none: a general measure). An item that has
 * progress updates stays (its history is the record of the year). Returns the problems, field by
 * field ("items.2.deadline"); an empty list means the plan may be written. The plan "to correct and
 * remedy the shortcomings" is regulations §3.1 bước 8 [S6] (Politburo instruction, 2017); what an
 * item must hold (action, owner, deadline) is a Tự soi default, as in the offices' own plans.
 */
export function checkPlanItems(input: CheckItemsInput): { items: RemediationItemInput[]; problems: PlanProblem[] } {
  const problems: PlanProblem[] = [];
  const items: RemediationItemInput[] = [];
  const seen = new Set<string>();
  input.drafts.forEach((d, i) => {
    const parsed = remediationItemInput.safeParse({ ...d, shortcomingId: d.shortcomingId || null, id: d.id || null });
    const label = `Biện pháp ${i + 1}`;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        problems.push({ field: `items.${i}.${field}`, message: `${label}: ${fieldMessage(field)}` });
      }
      return;
    }
    const item = parsed.data;
    if (item.id) {
      if (!input.existingIds.has(item.id) || seen.has(item.id)) {
        problems.push({ field: `items.${i}.id`, message: `${label}: không thuộc kế hoạch này.` });
        return;
      }
      seen.add(item.id);
    }
    if (item.shortcomingId && !input.shortcomingIds.has(item.shortcomingId)) {
      problems.push({ field: `items.${i}.shortcomingId`, message: `${label}: hạn chế, khuyết điểm được chọn không thuộc kế hoạch này.` });
      return;
    }
    if (item.deadline < `${input.reviewYear}-01-01`) {
      problems.push({
        field: `items.${i}.deadline`,
        message: `${label}: thời hạn hoàn thành không được trước năm đánh giá ${input.reviewYear}.`,
      });
      return;
    }
    items.push(item);
  });
  for (const keep of input.withUpdates) {
    if (!seen.has(keep)) {
      problems.push({
        field: 'items',
        message: 'Không thể bỏ biện pháp đã có cập nhật tiến độ: kết quả thực hiện là hồ sơ của năm.',
      });
      break;
    }
  }
  return { items, problems };
}

function fieldMessage(field: string): string {
  switch (field) {
    case 'action':
      return 'cần ghi nội dung biện pháp khắc phục (tối đa 4000 ký tự).';
    case 'owner':
      return 'cần ghi người hoặc bộ phận thực hiện (tối đa 300 ký tự).';
    case 'deadline':
      return 'thời hạn hoàn thành không hợp lệ (ngày dd/mm/yyyy).';
    case 'shortcomingId':
      return 'hạn chế, khuyết điểm được chọn không hợp lệ.';
    default:
      return 'dữ liệu không hợp lệ.';
  }
}

/**
 * The plan's shortcomings that no item addresses yet: each must be tied to at least one item before
 * filing (regulations §3.1 bước 8: the plan remedies the shortcomings found; next year's review
 * reports on each, §3.3 section III — a Tự soi default that none is left out).
 */
export function uncoveredShortcomings<T extends { id: string }>(
  shortcomings: readonly T[],
  items: readonly { shortcomingId: string | null }[],
): T[] {
  const covered = new Set(items.map((i) => i.shortcomingId).filter((x): x is string => x !== null));
  return shortcomings.filter((s) => !covered.has(s.id));
}

export interface DecisionFacts {
  /** Status of the subject's live classification (annulled ones do not count), if any. */
  classificationStatus: string | null;
  /** False for a member included but not classified (newly admitted, regulations §2.4). */
  classified: boolean;
  /** The subject's review of the year is finalized. */
  reviewFinalized: boolean;
}

/**
 * A plan is filed after the decision (issue 4 item 6; regulations §3.1 bước 8: after the competent
 * level decides, collectives and individuals finalize their review and write the plan). A subject
 * that is not classified (newly admitted, regulations §2.4 / §9b) has no decision to wait for: its
 * plan may be filed once its review is finalized. Returns why not, or null.
 */
export function fileBlocker(f: DecisionFacts): string | null {
  if (f.classificationStatus === 'decided' || f.classificationStatus === 'published') return null;
  if (!f.classified && f.classificationStatus === null) {
    return f.reviewFinalized
      ? null
      : 'Chưa thể ban hành kế hoạch khắc phục: đảng viên không xếp loại năm nay, cần hoàn thiện bản kiểm điểm trước.';
  }
  return 'Chưa thể ban hành kế hoạch khắc phục: cấp có thẩm quyền chưa quyết định xếp loại chất lượng.';
}

export interface UpdateFacts {
  status: RemediationItemStatus;
  progressPct: number;
}

/**
 * A progress update's status and percentage agree: done is 100 %; 100 % is done; an item with
 * progress is in progress (planned means nothing done yet). Returns the problem, or null. A Tự soi
 * consistency rule (no text defines progress measures).
 */
export function updateProblem(u: UpdateFacts): string | null {
  if (u.status === 'done' && u.progressPct !== 100) return 'Biện pháp đã hoàn thành thì tiến độ là 100%.';
  if (u.status !== 'done' && u.progressPct === 100) return 'Tiến độ 100% thì chọn trạng thái "Đã hoàn thành".';
  if (u.status === 'planned' && u.progressPct > 0) return 'Đã có tiến độ thực hiện thì chọn trạng thái "Đang thực hiện".';
  return null;
}
