// R9, the HTXS quota (regulations §2.4 R9, §9b "Quota arithmetic", §11.4.1): within each group,
// cap = ⌊ p × (number at HTT, HTXS not counted) ⌋, p = the campaign's rate (20 % by default, up to
// 25 % for the groups the competent level marks outstanding from 2025 on). Members and
// collectives are counted apart, and collectives by kind (organizations apart from leadership
// collectives). The sources give no rounding, so the floor is a §9b default, said in every
// explanation.
import { QUOTA_ROUNDING_DEFAULT } from '../rule-sets/common.js';
import type { ClassificationRule, SourceRef } from '../rule-sets/types.js';
import { UNCONFIRMED_MARK, type CheckContext } from './context.js';
import { num, product } from './format.js';
import type { CheckResult, QuotaUse, Subject } from './types.js';

interface Group {
  kind: Subject['kind'];
  groupKey: string;
  label: string;
  good: number;
  excellent: Subject[];
}

const NOUN: Record<Subject['kind'], string> = {
  member: 'đảng viên',
  unit: 'tổ chức đảng',
  leadership: 'tập thể lãnh đạo, quản lý',
};

/** Whether a subject takes part in the quota: it is classified (R7, R8) and has a level. */
function counts(s: Subject): boolean {
  if (s.level === null) return false;
  return s.kind === 'member' ? s.included && s.classified : !s.newlyFormed;
}

/** The rule's own source plus the §9b rounding default it relies on. */
export function quotaSource(rule: ClassificationRule): SourceRef {
  const note = [rule.source.note, QUOTA_ROUNDING_DEFAULT.note].filter(Boolean).join(' ');
  return {
    ...rule.source,
    reference: `${rule.source.reference}; ${QUOTA_ROUNDING_DEFAULT.reference}`,
    unconfirmed: true,
    note,
  };
}

export function quotaOutcome(ctx: CheckContext): { quotas: QuotaUse[]; results: CheckResult[] } {
  const rule = ctx.rules.get('R9');
  const basePct = ctx.input.config.htxsQuotaPct;
  if (!rule || basePct === null) return { quotas: [], results: [] };
  const exceptionalPct = ctx.ruleSet.quota.exceptionalPct;
  const exceptional = ctx.input.config.exceptionalGroups;
  const source = quotaSource(rule);

  const groups = new Map<string, Group>();
  for (const s of ctx.input.subjects) {
    if (!counts(s) || (s.level !== 'good' && s.level !== 'excellent')) continue;
    const id = `${s.kind}\u0000${s.groupKey}`;
    let g = groups.get(id);
    if (!g) {
      g = {
        kind: s.kind,
        groupKey: s.groupKey,
        label: s.groupLabel ?? ctx.unitById.get(s.groupKey)?.name ?? s.groupKey,
        good: 0,
        excellent: [],
      };
      groups.set(id, g);
    }
    if (s.level === 'good') g.good++;
    else g.excellent.push(s);
  }

  const quotas: QuotaUse[] = [];
  const results: CheckResult[] = [];
  for (const g of groups.values()) {
    const isExceptional = exceptionalPct !== null && exceptional?.has(g.groupKey) === true;
    const p = isExceptional ? exceptionalPct : basePct;
    const raw = (g.good * p) / 100;
    // A tiny epsilon keeps 15 × 20 % at 3 despite binary fractions.
    const cap = Math.floor(raw + 1e-9);
    const n = g.excellent.length;
    const passed = n <= cap;
    const names = g.kind === 'member' ? ctx.names.member : ctx.names.unit;
    const explanation =
      `Nhóm ${g.label}: ${g.good} ${NOUN[g.kind]} ${names.good} × ${num(p)} %${isExceptional ? ' (mức nổi bật do cấp có thẩm quyền cho phép)' : ''} = ${product(raw)} → tối đa ${cap} ${names.excellent}; ` +
      `đề xuất ${n}${passed ? '' : `, vượt ${n - cap}`}. Làm tròn xuống, lấy phần nguyên${UNCONFIRMED_MARK}.`;
    quotas.push({
      groupKey: g.groupKey,
      subjectKind: g.kind,
      groupLabel: g.label,
      good: g.good,
      excellent: n,
      cap,
      pct: p,
      exceptional: isExceptional,
      passed,
      explanation,
      source,
    });
    for (const s of g.excellent) {
      results.push({ ruleId: 'R9', subjectKind: s.kind, subjectKey: s.key, passed, explanation, source });
    }
  }
  return { quotas, results };
}
