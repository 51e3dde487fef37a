// The calibration board (issue 4 item 4; design §4 "Xếp loại"): every subject of a unit's subtree
// with its self, proposed and decided levels and the chi bộ's tally, the checks of the year's rule
// set run over the scope with failed ones spelled out, and the quota use of each group. The
// what-if runs the same with levels the deciding level tries, and writes nothing.
import type { Level } from '../../../shared/campaign-vocabulary.js';
import type { BoardRow, BoardView, CheckView, QuotaView, WhatIfBody } from '../../../shared/contracts/classification.js';
import { AppError } from '../../../shared/errors.js';
import { mayDecide, mayPropose, seesUnpublishedLevel } from '../../domain/classification/policy.js';
import { isWithinPath, pathIds } from '../../domain/org-tree.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import {
  boardScope,
  check,
  groupComplete,
  loadAccess,
  loadScope,
  type BoardUnit,
  type CheckedScope,
  type ClassificationAccess,
} from './classification-access.js';
import { applyLevels, subjectId, type SubjectMeta } from './load-subjects.js';

/** Statuses from which a proposal may still be made or changed (design §3: self_assessed → proposed). */
export const PROPOSABLE = new Set(['self_assessed', 'proposed']);

export function checkView(r: {
  ruleId: string;
  passed: boolean;
  explanation: string;
  maxLevel?: Level | null;
  source: CheckView['source'];
}): CheckView {
  return {
    ruleId: r.ruleId,
    passed: r.passed,
    explanation: r.explanation,
    ...(r.maxLevel !== undefined ? { maxLevel: r.maxLevel } : {}),
    source: r.source,
  };
}

export function canProposeRow(access: ClassificationAccess, m: SubjectMeta): boolean {
  if (access.campaign.status !== 'open' || !m.included || !m.classified) return false;
  if (m.live && !PROPOSABLE.has(m.live.status)) return false;
  return mayPropose(access.caller, m.authority);
}

export function canDecideRow(access: ClassificationAccess, m: SubjectMeta): boolean {
  if (access.campaign.status !== 'open' || m.live?.status !== 'proposed') return false;
  return mayDecide(access.caller.grants, m.authority);
}

/**
 * The unit's own committee does not see, before publication, what the upper level proposes or
 * decides for its collective (policy.ts seesUnpublishedLevel): such a row shows its self level only.
 */
function levelHidden(access: ClassificationAccess, m: SubjectMeta): boolean {
  return m.live?.status !== 'published' && !seesUnpublishedLevel(access.caller, { kind: m.authority.kind, unitPath: m.unitPath }, m.body);
}

function rowOf(access: ClassificationAccess, checked: CheckedScope, m: SubjectMeta): BoardRow {
  const s = checked.scope.bySubject.get(subjectId(m.kind, m.key))!;
  const hidden = levelHidden(access, m);
  const results = hidden ? [] : (checked.results.get(subjectId(m.kind, m.key)) ?? []);
  const live = hidden ? null : m.live;
  return {
    subjectKind: m.kind,
    subjectKey: m.key,
    name: m.name,
    unitId: m.unitId,
    unitName: m.unitName,
    groupKey: s.groupKey,
    keyLeader: m.keyLeader,
    included: m.included,
    classified: m.classified,
    populationReason: m.populationReason,
    classificationId: live?.id ?? null,
    status: (live?.status as BoardRow['status']) ?? null,
    version: live?.version ?? 0,
    selfLevel: m.selfLevel,
    selfScore: m.selfScore,
    proposedLevel: live?.proposedLevel ?? null,
    proposalReason: live?.proposalReason ?? null,
    decidedLevel: live?.decidedLevel ?? null,
    level: hidden ? null : s.level,
    tally: hidden ? null : m.tally,
    decisionId: live?.decisionId ?? null,
    decisionNumber: live?.decisionNumber ?? null,
    decisionDate: live?.decisionDate ?? null,
    conclusion: live?.conclusion ?? null,
    overrideReason: live?.overrideReason ?? null,
    publishedAt: live?.publishedAt ?? null,
    acknowledgedAt: live?.acknowledgedAt ?? null,
    failed: results.filter((r) => !r.passed).map(checkView),
    passedRules: results.filter((r) => r.passed).map((r) => r.ruleId),
    canPropose: canProposeRow(access, m),
    canDecide: canDecideRow(access, m),
    decidingBody: m.body?.label ?? null,
  };
}

const collator = new Intl.Collator('vi');
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Units from the top of the tree down, by name at each depth; members by chi bộ name, then key
 * leaders, then the roster's sort key (design §3, Member: "lists sort like party rosters"). Names
 * are ranked once, so a board of thousands of members compares numbers, not strings in Vietnamese.
 */
function sortForBoard(metas: SubjectMeta[]): SubjectMeta[] {
  const names = [...new Set(metas.map((m) => m.unitName))].sort(collator.compare);
  const rank = new Map(names.map((n, i) => [n, i]));
  const depth = (m: SubjectMeta) => (m.kind === 'member' ? Number.MAX_SAFE_INTEGER : pathIds(m.unitPath).length);
  return metas
    .map((m) => ({ m, d: depth(m), r: rank.get(m.unitName)! }))
    .sort((a, b) => a.d - b.d || a.r - b.r || byteOrder(a.m.unitPath, b.m.unitPath) || byteOrder(a.m.sortKey, b.m.sortKey))
    .map((x) => x.m);
}

/**
 * The board's rows: the subjects of the unit's subtree. Above the grassroots level (a committee's
 * board) only the organizations and leadership collectives: members are decided by their grassroots
 * committee and are read there (their levels still feed the organizations' caps, so they are
 * loaded by their levels alone).
 */
const showsMembers = (unit: Pick<BoardUnit, 'kind'>) => unit.kind !== 'committee';

export function presentBoard(access: ClassificationAccess, unit: BoardUnit, checked: CheckedScope, whatIf: boolean): BoardView {
  const { campaign, ruleSet } = access;
  const showMembers = showsMembers(unit);
  const metas = sortForBoard(
    [...checked.scope.meta.values()].filter((m) => isWithinPath(m.unitPath, unit.path) && (showMembers || m.kind !== 'member')),
  );
  const rows = metas.map((m) => rowOf(access, checked, m));
  // A group's counts are shown only where none of its rows on the board is hidden: they would tell
  // the hidden levels.
  const hiddenGroups = new Set(
    metas
      .filter((m) => levelHidden(access, m))
      .map((m) => `${m.kind}\u0000${checked.scope.bySubject.get(subjectId(m.kind, m.key))!.groupKey}`),
  );
  const groups = new Set(rows.map((r) => `${r.subjectKind}\u0000${r.groupKey}`).filter((g) => !hiddenGroups.has(g)));
  const quotas: QuotaView[] = checked.quotas
    .filter((q) => groups.has(`${q.subjectKind}\u0000${q.groupKey}`))
    .map((q) => ({ ...q, complete: groupComplete(checked.scope, q.groupKey) }));
  const names = (defs: typeof ruleSet.memberLevels) => defs.map((d) => ({ level: d.level, label: d.label, short: d.short }));
  return {
    campaignId: campaign.id,
    campaignTitle: campaign.title,
    reviewYear: campaign.review_year,
    ruleSetId: ruleSet.id,
    ruleSetName: ruleSet.name,
    unitId: unit.id,
    unitName: unit.name,
    memberLevels: names(ruleSet.memberLevels),
    unitLevels: names(ruleSet.unitLevels),
    quotaPct: checked.quotas[0]?.pct ?? null,
    rows,
    quotas,
    whatIf,
    abilities: {
      propose: rows.some((r) => r.canPropose),
      decide: rows.some((r) => r.canDecide),
      open: campaign.status === 'open',
    },
  };
}

export async function getBoard(ctx: AppContext, principal: Principal, campaignId: string, unitId: string): Promise<BoardView> {
  const access = await loadAccess(ctx.db, principal, campaignId);
  const { unit, scopePath } = await boardScope(ctx.db, access, unitId);
  const scope = await loadScope(ctx.db, access, scopePath, { memberDetails: showsMembers(unit) });
  return presentBoard(access, unit, check(access, scope), false);
}

/** What-if (issue 4 item 4): every check re-run with the levels tried; nothing is written. */
export async function whatIf(
  ctx: AppContext,
  principal: Principal,
  campaignId: string,
  unitId: string,
  body: WhatIfBody,
): Promise<BoardView> {
  const access = await loadAccess(ctx.db, principal, campaignId);
  const { unit, scopePath } = await boardScope(ctx.db, access, unitId);
  const scope = await loadScope(ctx.db, access, scopePath, { memberDetails: showsMembers(unit) });
  const outside = body.levels.filter((l) => {
    const m = scope.meta.get(subjectId(l.subjectKind, l.subjectKey));
    return !m || !isWithinPath(m.unitPath, unit.path);
  });
  if (outside.length > 0)
    throw new AppError('campaign.not_in_population', `${outside.length} đối tượng không thuộc phạm vi bảng xếp loại này.`);
  applyLevels(scope, body.levels);
  return presentBoard(access, unit, check(access, scope), true);
}
