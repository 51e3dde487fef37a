// The checks on one party member (regulations §2.4 R1–R8, R14, R15; §11.4 for 2025 on). Each rule
// runs only when the period lists it (rule-sets/rules.ts) and the member has the facts it reads;
// a rule that does not concern the member (R4/R5 for someone who is not a civil servant, R15 for
// someone without a leading post) gives no result at all.
import { DISCIPLINE_FORM_LABELS, POPULATION_REASON_LABELS, type PopulationReason } from '../../../shared/campaign-vocabulary.js';
import { LEVEL_NAMES_2018 } from '../rule-sets/common.js';
import type { ClassificationRule } from '../rule-sets/types.js';
import { capResult, nameOf, result, type CheckContext } from './context.js';
import { date, pct, share } from './format.js';
import { PERIOD_PARAMS, THRESHOLDS } from './params.js';
import type { CheckResult, DisciplineFact, MemberSubject, Subject } from './types.js';

/** "Khiển trách (12/05/2019)". */
export function disciplineText(d: DisciplineFact): string {
  return `${DISCIPLINE_FORM_LABELS[d.form]} (${date(d.date)})`;
}

export function listDisciplines(ds: readonly DisciplineFact[]): string {
  return ds.map(disciplineText).join('; ');
}

/**
 * R7 / R8: a subject left out of the review, or reviewed but not classified, has no level
 * (regulations §1.2 "Members not reviewed", §2.4 R7, R8, §11.7).
 */
export function notClassifiedResult(ctx: CheckContext, subject: Subject, rule: ClassificationRule, why: string): CheckResult {
  const level = subject.level;
  const effect = rule.effect.charAt(0).toLowerCase() + rule.effect.slice(1);
  const text =
    level === null
      ? `${why}: ${effect}; không có mức xếp loại.`
      : `${why}: ${effect} — không được có mức xếp loại (đang có ${nameOf(ctx, subject, level)}).`;
  return result(subject, rule.code, rule.source, level === null, text, null);
}

function populationWhy(reason: string | null, fallback: string): string {
  if (reason !== null && reason in POPULATION_REASON_LABELS) return POPULATION_REASON_LABELS[reason as PopulationReason];
  return fallback;
}

export function memberResults(ctx: CheckContext, m: MemberSubject, out: CheckResult[]): void {
  const rules = ctx.rules;

  // R8 / R7: outside the population, or in it but not classified — nothing else is checked.
  if (!m.included) {
    const rule = m.populationReason === 'newly_admitted' ? (rules.get('R7') ?? rules.get('R8')) : rules.get('R8');
    if (rule) out.push(notClassifiedResult(ctx, m, rule, populationWhy(m.populationReason, 'Không thuộc danh sách kiểm điểm của đợt')));
    return;
  }
  if (!m.classified) {
    // R7: reviewed but not classified (the newly admitted, regulations §2.4 R7).
    const rule = rules.get('R7') ?? rules.get('R8');
    if (rule) out.push(notClassifiedResult(ctx, m, rule, populationWhy(m.populationReason, 'Có kiểm điểm nhưng không xếp loại')));
    return;
  }

  const f = m.facts;
  const params = PERIOD_PARAMS[ctx.ruleSet.id];
  if (f) {
    const r1 = rules.get('R1');
    if (r1) out.push(disciplineResult(ctx, m, r1, f.disciplines, params.discipline));

    const r2 = rules.get('R2');
    if (r2) {
      out.push(
        f.degradationConcluded
          ? capResult(ctx, m, r2, 'Bị cấp có thẩm quyền kết luận suy thoái, "tự diễn biến", "tự chuyển hóa"', 'unsatisfactory')
          : result(m, 'R2', r2.source, true, 'Không bị kết luận suy thoái, "tự diễn biến", "tự chuyển hóa".'),
      );
    }

    const r3 = rules.get('R3');
    if (r3) out.push(targetsResult(ctx, m, r3, f.targetsCompletedPct, params.targetsWording));

    if (m.isCivilServant) {
      const r4 = rules.get('R4');
      if (r4 && f.civilServiceRating !== null) {
        out.push(
          f.civilServiceRating === 'unsatisfactory'
            ? capResult(
                ctx,
                m,
                r4,
                'Là cán bộ, công chức, viên chức bị xếp loại "Không hoàn thành nhiệm vụ" về công chức, viên chức',
                'unsatisfactory',
              )
            : result(m, 'R4', r4.source, true, `Xếp loại công chức, viên chức: ${LEVEL_NAMES_2018[f.civilServiceRating].short}.`),
        );
      }
      const r5 = rules.get('R5');
      if (r5) {
        out.push(
          f.civilServiceRating === 'excellent'
            ? result(m, 'R5', r5.source, true, 'Xếp loại công chức, viên chức: HTXSNV — đủ điều kiện này để được xếp HTXSNV.')
            : capResult(
                ctx,
                m,
                r5,
                f.civilServiceRating === null
                  ? 'Là cán bộ, công chức, viên chức, chưa có kết quả xếp loại HTXSNV về công chức, viên chức'
                  : `Là cán bộ, công chức, viên chức, xếp loại công chức, viên chức ${LEVEL_NAMES_2018[f.civilServiceRating].short} (không phải HTXSNV)`,
                'good',
              ),
        );
      }
    }

    const r6 = rules.get('R6');
    if (r6) {
      const days = f.sickLeaveDays ?? 0;
      out.push(
        days >= THRESHOLDS.sickLeaveDays
          ? capResult(
              ctx,
              m,
              r6,
              `Nghỉ ốm cộng dồn ${days} ngày trong năm (từ 3 tháng trở lên; Tự soi tính 3 tháng là ${THRESHOLDS.sickLeaveDays} ngày)`,
              THRESHOLDS.sickLeaveCap,
            )
          : result(
              m,
              'R6',
              r6.source,
              true,
              f.sickLeaveDays === null
                ? 'Không ghi nhận nghỉ ốm trong năm.'
                : `Nghỉ ốm cộng dồn ${days} ngày, dưới 3 tháng (${THRESHOLDS.sickLeaveDays} ngày).`,
            ),
      );
    }

    if (m.isLeader) {
      const r15 = rules.get('R15');
      if (r15) out.push(leaderResult(ctx, m, r15));
    }
  }

  // R14: the head is not rated above the collective he or she heads (checked once the collective has a level).
  if (m.headOfUnitId !== null) {
    const r14 = rules.get('R14');
    const unit = ctx.unitById.get(m.headOfUnitId);
    if (r14 && unit && unit.level !== null) {
      out.push(
        capResult(
          ctx,
          m,
          r14,
          `Là người đứng đầu ${unit.name}, tập thể đang xét mức ${nameOf(ctx, unit, unit.level)}; người đứng đầu không được xếp cao hơn tập thể`,
          unit.level,
        ),
      );
    }
  }
}

function disciplineResult(
  ctx: CheckContext,
  m: MemberSubject,
  rule: ClassificationRule,
  disciplines: readonly DisciplineFact[],
  mode: (typeof PERIOD_PARAMS)[keyof typeof PERIOD_PARAMS]['discipline'],
): CheckResult {
  if (disciplines.length === 0) return result(m, 'R1', rule.source, true, 'Không bị kỷ luật trong năm đánh giá.');
  const all = listDisciplines(disciplines);
  switch (mode) {
    case 'unless_self_remedied': {
      const counted = disciplines.filter((d) => !(d.selfDetected && d.remedied));
      if (counted.length === 0) {
        return result(
          m,
          'R1',
          rule.source,
          true,
          `Bị kỷ luật ${all} nhưng đã tự phát hiện và khắc phục hậu quả: không buộc xếp loại ${ctx.names.member.unsatisfactory}.`,
        );
      }
      return capResult(
        ctx,
        m,
        rule,
        `Bị kỷ luật trong năm đánh giá: ${listDisciplines(counted)}, không thuộc trường hợp tự phát hiện và đã khắc phục hậu quả`,
        'unsatisfactory',
      );
    }
    case 'duty_related': {
      const counted = disciplines.filter((d) => d.dutyRelated);
      if (counted.length === 0) {
        return result(
          m,
          'R1',
          rule.source,
          true,
          `Bị kỷ luật ${all} do vi phạm không liên quan đến thực hiện chức trách, nhiệm vụ (công vụ): không buộc xếp loại ${ctx.names.member.unsatisfactory}.`,
        );
      }
      const mitigated = counted.every((d) => d.selfDetected && d.remedied);
      const fact =
        `Bị kỷ luật từ khiển trách trở lên do vi phạm liên quan đến thực hiện chức trách, nhiệm vụ (công vụ): ${listDisciplines(counted)}` +
        (mitigated ? ' (đã tự phát hiện, khắc phục: cấp có thẩm quyền xem xét, quyết định, không miễn trừ tự động)' : '');
      return capResult(ctx, m, rule, fact, 'unsatisfactory');
    }
    default:
      return capResult(ctx, m, rule, `Bị kỷ luật trong năm đánh giá: ${all} (một vi phạm chỉ tính một lần)`, 'unsatisfactory');
  }
}

function targetsResult(
  ctx: CheckContext,
  m: MemberSubject,
  rule: ClassificationRule,
  completed: number | null,
  wording: 'targets' | 'tasks_not_completed',
): CheckResult {
  const limit = THRESHOLDS.memberTargetsPct;
  if (completed === null) return result(m, 'R3', rule.source, true, 'Chưa ghi nhận tỷ lệ hoàn thành chỉ tiêu, nhiệm vụ.');
  if (completed < limit) {
    const fact =
      wording === 'tasks_not_completed'
        ? `Hoàn thành ${pct(completed)} nhiệm vụ, tức trên ${limit} % nhiệm vụ trong năm không hoàn thành`
        : `Hoàn thành ${pct(completed)} chỉ tiêu, nhiệm vụ được giao (dưới ${limit} %)`;
    return capResult(ctx, m, rule, fact, 'unsatisfactory');
  }
  return result(m, 'R3', rule.source, true, `Hoàn thành ${pct(completed)} chỉ tiêu, nhiệm vụ (từ ${limit} % trở lên).`);
}

/** R15 (QĐ 366 Đ11 k4 điểm 4.2): the KHTNV cases of a leader that the recorded facts show. */
function leaderResult(ctx: CheckContext, m: MemberSubject, rule: ClassificationRule): CheckResult {
  const f = m.facts;
  const triggers: string[] = [];
  const fine: string[] = [];
  const low = f?.confidenceLowPct ?? null;
  if (low === null) fine.push('chưa ghi nhận kết quả lấy phiếu tín nhiệm');
  else if (low > THRESHOLDS.r15ConfidenceLowPct)
    triggers.push(`${pct(low)} phiếu tín nhiệm thấp (trên ${THRESHOLDS.r15ConfidenceLowPct} %)`);
  else fine.push(`${pct(low)} phiếu tín nhiệm thấp (không quá ${THRESHOLDS.r15ConfidenceLowPct} %)`);

  const done = f?.targetsCompletedPct ?? null;
  if (done === null) fine.push('chưa ghi nhận tỷ lệ hoàn thành chương trình công tác');
  else if (done < THRESHOLDS.unitTargetsPct)
    triggers.push(`hoàn thành ${pct(done)} chương trình công tác năm (dưới ${THRESHOLDS.unitTargetsPct} %)`);
  else fine.push(`hoàn thành ${pct(done)} chương trình công tác năm (từ ${THRESHOLDS.unitTargetsPct} %)`);

  // "> 50 % of the units he/she is responsible for rated KHTNV": the direct sub-units of the unit headed.
  if (m.headOfUnitId !== null) {
    const subs = (ctx.childUnits.get(m.headOfUnitId) ?? []).filter((u) => u.level !== null);
    if (subs.length > 0) {
      const failing = subs.filter((u) => u.level === 'unsatisfactory').length;
      const text = `${failing}/${subs.length} tổ chức trực thuộc đơn vị mình đứng đầu xếp loại ${ctx.names.unit.unsatisfactory} (${share(failing, subs.length)})`;
      if (failing * 100 > THRESHOLDS.r15SubUnitsPct * subs.length) triggers.push(`${text}, trên ${THRESHOLDS.r15SubUnitsPct} %`);
      else fine.push(text);
    }
  }

  if (triggers.length > 0) return capResult(ctx, m, rule, `Cán bộ lãnh đạo, quản lý: ${triggers.join('; ')}`, 'unsatisfactory');
  return result(m, 'R15', rule.source, true, `Cán bộ lãnh đạo, quản lý: ${fine.join('; ')}.`);
}
