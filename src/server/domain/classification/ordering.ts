// The order of classification (issue 4 item 3 "the ordering"): the collective is rated before
// its head (HD 21 [S31][S32]; QĐ 124 keeps "rate the locality, then its head" [S50]; regulations
// §2.3 and §9b "Order of review at the meeting" [S58]), and the lower level before the upper — an
// organization's level rests on its members' and sub-units' levels (R10, R11, R12).
//
// The subjects carry one level each (proposed, decided or the what-if's), not its status, so the
// order is checked on what has a level: a head with a level while the collective he or she heads
// has none (ORD-HEAD), and an organization with a level while one of its classified members or
// direct sub-units has none (ORD-LOWER). Results are given only to subjects that have a level.
import { DOC, src, unconfirmed } from '../rule-sets/common.js';
import type { RuleSet, SourceRef } from '../rule-sets/types.js';
import { nameOf, result, type CheckContext } from './context.js';
import type { CheckResult } from './types.js';

/** The head-after-collective order is written in HD 21 and QĐ 124; for the other periods it is practice. */
export function orderingSources(ruleSet: RuleSet): { head: SourceRef; lower: SourceRef } {
  const main = ruleSet.documents[0]?.document ?? DOC.tusoi;
  const reference = 'regulations §2.3, §9b "Order of review at the meeting" [S31][S32][S50][S58]';
  const head =
    ruleSet.id === 'hd21-2019'
      ? src(DOC.hd21, reference)
      : ruleSet.id === 'hd25-2023'
        ? src(DOC.qd124, reference)
        : unconfirmed(
            main,
            reference,
            'Thứ tự "đánh giá tập thể trước, người đứng đầu sau" là thực tiễn; văn bản giai đoạn này không nêu rõ.',
          );
  const lower = unconfirmed(
    DOC.tusoi,
    'regulations §2.2, §2.4 R10–R12',
    'Mức của tổ chức căn cứ vào mức của đảng viên và tổ chức trực thuộc, nên cấp dưới được xếp loại trước; mặc định của Tự soi.',
  );
  return { head, lower };
}

/** The ordering results of a run (checks.ts also exports them alone as `orderingProblems`). */
export function orderingResults(ctx: CheckContext): CheckResult[] {
  const out: CheckResult[] = [];
  const { head, lower } = orderingSources(ctx.ruleSet);

  for (const m of ctx.members) {
    if (m.headOfUnitId === null || m.level === null || !m.included || !m.classified) continue;
    const unit = ctx.unitById.get(m.headOfUnitId);
    if (!unit) continue;
    out.push(
      unit.level === null
        ? result(
            m,
            'ORD-HEAD',
            head,
            false,
            `Người đứng đầu ${unit.name} đã có mức ${nameOf(ctx, m, m.level)} khi tập thể chưa có mức: xếp loại tập thể trước, người đứng đầu sau.`,
          )
        : result(m, 'ORD-HEAD', head, true, `Tập thể ${unit.name} đã có mức ${nameOf(ctx, unit, unit.level)} trước người đứng đầu.`),
    );
  }

  for (const u of ctx.units) {
    if (u.level === null || u.newlyFormed) continue;
    let members = 0;
    for (const m of ctx.membersByUnit.get(u.unitId) ?? []) if (m.classified && m.level === null) members++;
    let subs = 0;
    for (const c of ctx.childUnits.get(u.unitId) ?? []) if (!c.newlyFormed && c.level === null) subs++;
    if (members === 0 && subs === 0) {
      out.push(result(u, 'ORD-LOWER', lower, true, 'Các đảng viên và tổ chức trực thuộc đều đã có mức trước tổ chức.'));
    } else {
      const missing = [members > 0 ? `${members} đảng viên` : '', subs > 0 ? `${subs} tổ chức trực thuộc` : '']
        .filter(Boolean)
        .join(' và ');
      out.push(
        result(
          u,
          'ORD-LOWER',
          lower,
          false,
          `Tổ chức đã có mức ${nameOf(ctx, u, u.level)} khi còn ${missing} chưa có mức: xếp loại cấp dưới trước, cấp trên sau.`,
        ),
      );
    }
  }
  return out;
}
