// The checks on a collective — the party organization (`unit`) or its leadership collective
// (`leadership`) — (regulations §2.2, §2.4 R2, R3, R7, R10–R14; §11.4 for 2025 on). An
// organization's cap comes from its members' levels (chi bộ) or its direct sub-units' levels
// (đảng bộ); discipline below it is found by walking the parentUnitId chain once per
// disciplined member or unit, never by scanning the tree per unit.
import type { Level } from '../../../shared/campaign-vocabulary.js';
import type { ClassificationRule } from '../rule-sets/types.js';
import { capResult, nameOf, result, type CheckContext } from './context.js';
import { above, pct, share } from './format.js';
import { disciplineText, listDisciplines, notClassifiedResult } from './member-rules.js';
import { CELL_KINDS, PERIOD_PARAMS, THRESHOLDS } from './params.js';
import type { CheckResult, MemberSubject, UnitSubject } from './types.js';

/** Discipline found below a unit (strict descendants), for R11. */
export interface SubtreeDiscipline {
  units: UnitSubject[];
  members: MemberSubject[];
}

/** Deep enough for any party tree (province → grassroots → sub-party → cell); stops a bad cycle. */
const MAX_DEPTH = 32;

function addUp<T>(
  ctx: CheckContext,
  start: string | null | undefined,
  map: Map<string, SubtreeDiscipline>,
  pick: (d: SubtreeDiscipline) => T[],
  item: T,
) {
  let id = start ?? null;
  for (let depth = 0; id !== null && depth < MAX_DEPTH; depth++) {
    let entry = map.get(id);
    if (!entry) {
      entry = { units: [], members: [] };
      map.set(id, entry);
    }
    pick(entry).push(item);
    id = ctx.parentOf.get(id) ?? null;
  }
}

/** For every unit, the disciplined sub-units and members anywhere below it (O(disciplined × depth)). */
export function subtreeDiscipline(ctx: CheckContext): Map<string, SubtreeDiscipline> {
  const map = new Map<string, SubtreeDiscipline>();
  for (const u of ctx.units) {
    if (u.collectiveDisciplined) addUp(ctx, u.parentUnitId, map, (d) => d.units, u);
  }
  for (const m of ctx.members) {
    if (m.included && m.facts && m.facts.disciplines.length > 0) addUp(ctx, ctx.parentOf.get(m.unitId), map, (d) => d.members, m);
  }
  return map;
}

/**
 * The members of a unit's leadership, as far as the data tells: the member who heads the unit,
 * and members of the unit holding a leading or managing post (isLeader).
 */
export function leadershipMembers(ctx: CheckContext, unitId: string): MemberSubject[] {
  const out: MemberSubject[] = [];
  for (const m of ctx.membersByUnit.get(unitId) ?? []) if (m.isLeader && m.headOfUnitId !== unitId) out.push(m);
  for (const m of ctx.headsByUnit.get(unitId) ?? []) if (m.included) out.push(m);
  return out;
}

function disciplined(ms: readonly MemberSubject[]): MemberSubject[] {
  return ms.filter((m) => m.facts !== null && m.facts.disciplines.length > 0);
}

export function unitResults(ctx: CheckContext, u: UnitSubject, below: Map<string, SubtreeDiscipline> | null, out: CheckResult[]): void {
  const rules = ctx.rules;
  const r7 = rules.get('R7');
  // R7 for organizations (HD 21 on): newly formed < 6 months is not classified.
  if (u.newlyFormed && r7 && r7.subject === 'all') {
    out.push(notClassifiedResult(ctx, u, r7, 'Tổ chức đảng mới thành lập chưa đủ 6 tháng'));
    return;
  }
  const isOrg = u.kind === 'unit';

  // R1 for collectives (QĐ 366 Đ11 k4, the leadership collective's KHTNV list): a member disciplined
  // khiển trách or heavier for a duty-related violation.
  const r1 = rules.get('R1');
  if (r1 && r1.subject === 'all' && u.kind === 'leadership' && PERIOD_PARAMS[ctx.ruleSet.id].discipline === 'duty_related') {
    const hits: string[] = [];
    for (const m of leadershipMembers(ctx, u.unitId)) {
      const ds = (m.facts?.disciplines ?? []).filter((d) => d.dutyRelated);
      if (ds.length > 0) hits.push(`${m.name}: ${listDisciplines(ds)}`);
    }
    out.push(
      hits.length > 0
        ? capResult(
            ctx,
            u,
            r1,
            `Thành viên tập thể lãnh đạo bị kỷ luật từ khiển trách trở lên do vi phạm liên quan đến chức trách, nhiệm vụ (${hits.join('; ')})`,
            'unsatisfactory',
          )
        : result(
            u,
            'R1',
            r1.source,
            true,
            'Không có thành viên tập thể lãnh đạo bị kỷ luật do vi phạm liên quan đến chức trách, nhiệm vụ.',
          ),
    );
  }

  const r2 = rules.get('R2');
  if (r2 && r2.subject === 'all') {
    out.push(
      u.degradationConcluded
        ? capResult(
            ctx,
            u,
            r2,
            'Tập thể lãnh đạo bị kết luận mất đoàn kết nội bộ hoặc có thành viên bị kết luận suy thoái, "tự diễn biến", "tự chuyển hóa"',
            'unsatisfactory',
          )
        : result(u, 'R2', r2.source, true, 'Không có kết luận mất đoàn kết hoặc thành viên suy thoái, "tự diễn biến", "tự chuyển hóa".'),
    );
  }

  // R3 for collectives exists from 2025 (rule subject "all"): the unit completes < 70 % of its yearly programme.
  const r3 = rules.get('R3');
  if (r3 && r3.subject === 'all' && u.targetsCompletedPct !== null) {
    const done = u.targetsCompletedPct;
    out.push(
      done < THRESHOLDS.unitTargetsPct
        ? capResult(ctx, u, r3, `Hoàn thành ${pct(done)} chương trình công tác năm (dưới ${THRESHOLDS.unitTargetsPct} %)`, 'unsatisfactory')
        : result(
            u,
            'R3',
            r3.source,
            true,
            `Hoàn thành ${pct(done)} chương trình công tác năm (từ ${THRESHOLDS.unitTargetsPct} % trở lên).`,
          ),
    );
  }

  const r10 = rules.get('R10');
  if (r10 && isOrg) {
    const r = distributionResult(ctx, u, r10);
    if (r) out.push(r);
  }

  const r11 = rules.get('R11');
  if (r11 && below) {
    const sub = below.get(u.unitId);
    const leaders = disciplined(leadershipMembers(ctx, u.unitId));
    const parts: string[] = [];
    if (sub && sub.units.length > 0)
      parts.push(`${sub.units.length} tổ chức trực thuộc bị kỷ luật (${sub.units.map((x) => x.name).join(', ')})`);
    if (sub && sub.members.length > 0) parts.push(`${sub.members.length} đảng viên ở tổ chức trực thuộc bị kỷ luật`);
    if (leaders.length > 0) {
      parts.push(
        `thành viên lãnh đạo bị kỷ luật: ${leaders.map((m) => `${m.name} — ${m.facts!.disciplines.map(disciplineText).join('; ')}`).join('; ')}`,
      );
    }
    if (parts.length === 0) {
      out.push(result(u, 'R11', r11.source, true, 'Không có tổ chức trực thuộc hay thành viên tập thể lãnh đạo bị kỷ luật trong năm.'));
    } else {
      let fact = `Trong năm có ${parts.join('; ')}`;
      if (PERIOD_PARAMS[ctx.ruleSet.id].r11Wording === 'qd124') {
        const allRemedied = leaders.every((m) => m.facts!.disciplines.every((d) => d.selfDetected && d.remedied));
        fact +=
          allRemedied && leaders.length > 0
            ? ' (thành viên lãnh đạo đã tự phát hiện, khắc phục: được xét mức HTTNV, HTNV)'
            : '; mức HTTNV, HTNV chỉ được xét khi vi phạm đã được tự phát hiện và khắc phục';
      }
      out.push(capResult(ctx, u, r11, fact, 'good'));
    }
  }

  const r12 = rules.get('R12');
  if (r12) {
    const subs = ctx.childUnits.get(u.unitId) ?? [];
    const hit = subs.filter((x) => x.collectiveDisciplined).length;
    const facts: string[] = [];
    if (u.collectiveDisciplined) facts.push('Tập thể bị kỷ luật trong năm');
    if (hit * 100 > THRESHOLDS.r12Pct * subs.length && hit > 0) {
      facts.push(`${hit}/${subs.length} tổ chức trực thuộc bị kỷ luật (${share(hit, subs.length)}, trên ${THRESHOLDS.r12Pct} %)`);
    }
    out.push(
      facts.length > 0
        ? capResult(ctx, u, r12, facts.join('; '), 'unsatisfactory')
        : result(
            u,
            'R12',
            r12.source,
            true,
            subs.length > 0
              ? `Tập thể không bị kỷ luật; ${hit}/${subs.length} tổ chức trực thuộc bị kỷ luật (${share(hit, subs.length)}, không quá ${THRESHOLDS.r12Pct} %).`
              : 'Tập thể không bị kỷ luật trong năm.',
          ),
    );
  }

  const r13 = rules.get('R13');
  if (r13 && isOrg && CELL_KINDS.has(u.unitKind)) {
    const ms = ctx.membersByUnit.get(u.unitId) ?? [];
    if (ms.length > 0) {
      const hit = disciplined(ms).length;
      const text = `${hit}/${ms.length} đảng viên của chi bộ bị kỷ luật trong năm (${share(hit, ms.length)})`;
      out.push(
        hit * 100 > THRESHOLDS.r13Pct * ms.length
          ? capResult(ctx, u, r13, `${text}, trên ${THRESHOLDS.r13Pct} %`, 'unsatisfactory')
          : result(u, 'R13', r13.source, true, `${text}, không quá ${THRESHOLDS.r13Pct} %.`),
      );
    }
  }

  // R14 for the leadership collective: not above the organization it leads (HD 21 [S31]).
  const r14 = rules.get('R14');
  if (r14 && u.kind === 'leadership') {
    const org = ctx.unitById.get(u.unitId);
    if (org && org.level !== null) {
      out.push(
        capResult(
          ctx,
          u,
          r14,
          `Tập thể lãnh đạo không được xếp cao hơn tổ chức mình lãnh đạo (${org.name}: ${nameOf(ctx, org, org.level)})`,
          org.level,
        ),
      );
    }
  }
}

/**
 * R10 (HD 21 [S46][S47]): a chi bộ at HTXS needs 100 % of its members ≥ HTNV and ≥ 80 % ≥ HTT, at
 * HTT 100 % ≥ HTNV and ≥ 50 % ≥ HTT; a đảng bộ the same over its direct sub-units. Only subjects
 * that have a level count (classified members; sub-units not newly formed).
 */
function distributionResult(ctx: CheckContext, u: UnitSubject, rule: ClassificationRule): CheckResult | null {
  const cell = CELL_KINDS.has(u.unitKind);
  const levels: Level[] = [];
  let total = 0;
  if (cell) {
    for (const m of ctx.membersByUnit.get(u.unitId) ?? []) {
      if (!m.classified) continue;
      total++;
      if (m.level !== null) levels.push(m.level);
    }
  } else {
    for (const c of ctx.childUnits.get(u.unitId) ?? []) {
      if (c.newlyFormed) continue;
      total++;
      if (c.level !== null) levels.push(c.level);
    }
  }
  const n = levels.length;
  if (n === 0) return null;
  let sat = 0;
  let good = 0;
  for (const l of levels) {
    if (!above('satisfactory', l)) sat++;
    if (!above('good', l)) good++;
  }
  const t = THRESHOLDS.r10;
  const meets = (c: { satisfactoryPct: number; goodPct: number }) => sat * 100 >= c.satisfactoryPct * n && good * 100 >= c.goodPct * n;
  const cap: Level = meets(t.excellent) ? 'excellent' : meets(t.good) ? 'good' : 'satisfactory';
  const subjects = cell ? 'đảng viên' : 'tổ chức trực thuộc';
  const names = cell ? ctx.names.member : ctx.names.unit;
  const counted = n < total ? ` (${n}/${total} đã có mức)` : '';
  const figures = `${cell ? 'Chi bộ' : 'Đảng bộ'} có ${n} ${subjects} được tính${counted}: ${sat} từ ${names.satisfactory} trở lên (${share(sat, n)}), ${good} từ ${names.good} trở lên (${share(good, n)})`;
  const need = (level: 'excellent' | 'good') =>
    `${ctx.names.unit[level]} cần 100 % từ ${names.satisfactory} trở lên và ít nhất ${t[level].goodPct} % từ ${names.good} trở lên`;
  const why = cap === 'excellent' ? '' : cap === 'good' ? `; ${need('excellent')}` : `; ${need('good')}`;
  return capResult(ctx, u, rule, figures + why, cap);
}
