// The subjects of a scope for the classification checks (issue 4 items 3–4), read set-based: the
// board of a province's largest grassroots unit (a few thousand members) and the checks of a whole
// province campaign (150,000 members) both come from the same five queries, whatever the number of
// subjects — units with their classifications and reports, members with their profile, facts of
// the year, classification, review and vote tally, the open earlier shortcomings of each (members,
// then units), and the names of deciding units outside the scope — turned into maps in memory.
import type { Level } from '../../../shared/campaign-vocabulary.js';
import type { TallyView } from '../../../shared/contracts/classification.js';
import { discipline } from '../../../shared/contracts/member-year.js';
import type { OrgKind } from '../../../shared/vocabulary.js';
import { ORG_KIND_LABELS } from '../../../shared/vocabulary.js';
import { withinPaths } from '../../adapters/db/campaigns.repository.js';
import type { CampaignRow } from '../../adapters/db/schema.js';
import { decidingBody, type AuthoritySubject, type DecidingBody } from '../../domain/classification/authority.js';
import type { DisciplineFact, MemberFacts, MemberSubject, Subject, UnitSubject } from '../../domain/classification/types.js';
import { pathIds } from '../../domain/org-tree.js';
import { monthsBefore, type RuleSet } from '../../domain/rule-sets/index.js';
import type { Tx } from '../context.js';
import { liveClassification, subjectReview } from '../../adapters/db/campaign-subject-joins.js';

/** The live classification row of a subject, as the board and the use cases read it. */
export interface LiveClassification {
  id: string;
  status: string;
  version: number;
  selfLevel: Level | null;
  proposedLevel: Level | null;
  proposalReason: string | null;
  decidedLevel: Level | null;
  score: number | null;
  tallyId: string | null;
  decisionId: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  conclusion: string | null;
  overrideReason: string | null;
  publishedAt: string | null;
  acknowledgedAt: string | null;
}

/** What the board shows of a subject besides the checks' input. */
export interface SubjectMeta {
  kind: Subject['kind'];
  key: string;
  name: string;
  unitId: string;
  unitName: string;
  /** Path of the member's chi bộ, or of the unit: scopes and authorizes the subject. */
  unitPath: string;
  memberId: string | null;
  keyLeader: boolean;
  included: boolean;
  classified: boolean;
  populationReason: string | null;
  /** Roster order within the chi bộ (key leaders first, then the members' sort key); for collectives, unit before leadership. */
  sortKey: string;
  live: LiveClassification | null;
  selfLevel: Level | null;
  selfScore: number | null;
  tally: TallyView | null;
  authority: AuthoritySubject;
  body: DecidingBody | null;
}

export interface UnitInfo {
  id: string;
  name: string;
  path: string;
  kind: string;
  parentId: string | null;
  isGrassroots: boolean;
  /** The unit's stage in the campaign (design §3): proposals wait for its conference. */
  stage: string;
}

export interface LoadedScope {
  scopePath: string;
  subjects: Subject[];
  /** By subjectId(kind, key). */
  meta: Map<string, SubjectMeta>;
  bySubject: Map<string, Subject>;
  units: Map<string, UnitInfo>;
  /** Vietnamese names of the quota groups, by group key. */
  groupLabels: Map<string, string>;
  /** The deciding unit of each group, to tell whether the whole group lies in the scope. */
  groupUnitPaths: Map<string, string>;
  queries: number;
}

export const subjectId = (kind: string, key: string) => `${kind}:${key}`;

const LEVEL_SET = new Set<string>(['excellent', 'good', 'satisfactory', 'unsatisfactory']);
const asLevel = (v: string | null | undefined): Level | null => (v && LEVEL_SET.has(v) ? (v as Level) : null);

export function parentPathOf(path: string): string | null {
  const ids = pathIds(path);
  return ids.length <= 1 ? null : `/${ids.slice(0, -1).join('/')}/`;
}

/** Disciplines as stored by the facts of the year (contracts/member-year.ts); a damaged row reads as none. */
function disciplinesOf(json: string | null): DisciplineFact[] {
  if (!json) return [];
  try {
    const parsed = discipline.array().safeParse(JSON.parse(json));
    if (!parsed.success) return [];
    return parsed.data.map((d) => ({
      form: d.form,
      date: d.date,
      selfDetected: d.selfDetected,
      remedied: d.remedied,
      dutyRelated: d.dutyRelated,
    }));
  } catch {
    return [];
  }
}

function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export interface LoadOptions {
  campaign: Pick<CampaignRow, 'id' | 'review_year' | 'cutoff_date' | 'owner_unit_id' | 'owner_path'>;
  ruleSet: RuleSet;
  /** Path of the unit whose subtree is loaded. */
  scopePath: string;
  /**
   * Whether each member's decision details and tally counts are read (default true). A committee's
   * board of organizations and the whole-province checks need only the members' levels; leaving the
   * rest out spares reading and decoding some twenty columns for each of 150,000 members.
   */
  memberDetails?: boolean;
}

/**
 * Every subject of the scope: the campaign's units in the subtree (their collective, and their
 * leadership collective where the rule set reviews one, for grassroots units) and the campaign's
 * members whose reviewing chi bộ lies in it. The level under check is the decided level, else the
 * proposed one; the what-if replaces it afterwards (applyLevels).
 */
export async function loadSubjects(db: Tx, opts: LoadOptions): Promise<LoadedScope> {
  const { campaign, ruleSet, scopePath } = opts;
  const year = campaign.review_year;
  let queries = 0;

  // 1. Units, with their collective's and leadership's live classification and self-rated reports.
  const unitRows = await db
    .selectFrom('campaign_units as cu')
    .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
    .leftJoin('classifications as c', liveClassification('c', 'unit', 'cu'))
    .leftJoin('classifications as cl', liveClassification('cl', 'leadership', 'cu'))
    .leftJoin('reviews as r', subjectReview('r', 'collective', 'cu'))
    .leftJoin('reviews as rl', subjectReview('rl', 'leadership', 'cu'))
    .select([
      'cu.unit_id',
      'cu.unit_path',
      'cu.unit_kind',
      'cu.is_grassroots',
      'cu.stage',
      'u.name',
      'u.parent_id',
      'u.valid_from',
      'u.code',
      ...classificationColumns('c'),
      ...classificationColumns('cl'),
      'r.self_level as r_self_level',
      'r.self_score as r_self_score',
      'rl.self_level as rl_self_level',
      'rl.self_score as rl_self_score',
    ])
    .where('cu.campaign_id', '=', campaign.id)
    .where((eb) => withinPaths(eb, 'cu.unit_path', [scopePath]))
    .execute();
  queries++;

  const units = new Map<string, UnitInfo>();
  for (const u of unitRows) {
    units.set(u.unit_id, {
      id: u.unit_id,
      name: u.name,
      path: u.unit_path,
      kind: u.unit_kind,
      parentId: u.parent_id,
      isGrassroots: u.is_grassroots === 1,
      stage: u.stage,
    });
  }
  // The grassroots unit holding a unit: the deepest grassroots ancestor-or-self known in the scope.
  const grassrootsOf = new Map<string, UnitInfo | null>();
  const grassroots = (unitId: string, path: string): UnitInfo | null => {
    if (grassrootsOf.has(unitId)) return grassrootsOf.get(unitId)!;
    const ids = pathIds(path);
    let found: UnitInfo | null = null;
    for (let i = ids.length - 1; i >= 0; i--) {
      const u = units.get(ids[i]);
      if (u?.isGrassroots) {
        found = u;
        break;
      }
    }
    grassrootsOf.set(unitId, found);
    return found;
  };

  // 2. Members, with profile, facts of the year, live classification, review and vote tally.
  const memberRows = await db
    .selectFrom('campaign_members as cm')
    .innerJoin('members as m', 'm.id', 'cm.member_id')
    .leftJoin('member_year_facts as f', (j) => j.onRef('f.member_id', '=', 'cm.member_id').on('f.year', '=', year))
    .leftJoin('classifications as c', liveClassification('c', 'member', 'cm'))
    .leftJoin('reviews as r', subjectReview('r', 'member', 'cm'))
    .leftJoin('vote_tallies as t', (j) =>
      j.onRef('t.campaign_id', '=', 'cm.campaign_id').on('t.subject_kind', '=', 'member').onRef('t.subject_key', '=', 'cm.member_id'),
    )
    .select([
      'cm.member_id',
      'cm.unit_id',
      'cm.unit_path',
      'cm.included',
      'cm.classified',
      'cm.reason',
      'cm.is_key_leader',
      'm.full_name',
      'm.sort_key',
      'm.is_head',
      'm.is_leader',
      'm.is_civil_servant',
      'f.id as f_id',
      'f.disciplines_json',
      'f.civil_service_rating',
      'f.targets_completed_pct',
      'f.sick_leave_days',
      'f.degradation_concluded',
      'f.confidence_low_pct',
      ...levelColumns('c'),
      'r.self_level as r_self_level',
      'r.self_score as r_self_score',
      't.id as t_id',
      't.proposed_level as t_proposed_level',
    ])
    .$if(opts.memberDetails !== false, (qb) =>
      qb.select([
        ...detailColumns('c'),
        't.present as t_present',
        't.valid as t_valid',
        't.invalid as t_invalid',
        't.votes_excellent as t_excellent',
        't.votes_good as t_good',
        't.votes_satisfactory as t_satisfactory',
        't.votes_unsatisfactory as t_unsatisfactory',
      ]),
    )
    .where('cm.campaign_id', '=', campaign.id)
    .where((eb) => withinPaths(eb, 'cm.unit_path', [scopePath]))
    .execute();
  queries++;

  // 3–4. Shortcomings found before the review year and not yet remedied (QĐ 366 Đ11 k1 điểm 1.4:
  // HTXS needs every earlier one remedied). One remedied in this year's review counts as remedied.
  const openShortcomings = new Map<string, number>();
  const countOpen = async (kinds: string[], keys: 'members' | 'units') => {
    const rows = await db
      .selectFrom('shortcomings as s')
      .select(['s.subject_kind', 's.subject_key', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('s.subject_kind', 'in', kinds)
      .where('s.subject_key', 'in', (eb) =>
        keys === 'members'
          ? eb
              .selectFrom('campaign_members as cm')
              .select('cm.member_id')
              .where('cm.campaign_id', '=', campaign.id)
              .where((e) => withinPaths(e, 'cm.unit_path', [scopePath]))
          : eb
              .selectFrom('campaign_units as cu')
              .select('cu.unit_id')
              .where('cu.campaign_id', '=', campaign.id)
              .where((e) => withinPaths(e, 'cu.unit_path', [scopePath])),
      )
      .where('s.year_found', '<', year)
      .where((eb) => eb.or([eb('s.resolved_year', 'is', null), eb('s.resolved_year', '>', year)]))
      .groupBy(['s.subject_kind', 's.subject_key'])
      .execute();
    queries++;
    for (const r of rows) openShortcomings.set(subjectId(r.subject_kind, r.subject_key), Number(r.n));
  };
  if (memberRows.length > 0) await countOpen(['member'], 'members');
  if (unitRows.length > 0) await countOpen(['unit', 'leadership'], 'units');

  const subjects: Subject[] = [];
  const meta = new Map<string, SubjectMeta>();
  const bySubject = new Map<string, Subject>();
  const groupLabels = new Map<string, string>();
  const groupUnitPaths = new Map<string, string>();
  const missingNames = new Map<string, string[]>();
  const add = (s: Subject, m: SubjectMeta) => {
    subjects.push(s);
    const k = subjectId(s.kind, s.key);
    meta.set(k, m);
    bySubject.set(k, s);
  };

  // Organizations newly formed less than 6 months before the cut-off (R7 for organizations, HD 21).
  const newlyFormedAfter = monthsBefore(campaign.cutoff_date, 6);
  for (const u of unitRows) {
    const info = units.get(u.unit_id)!;
    const g = grassroots(info.id, info.path);
    const parentPath = parentPathOf(info.path);
    for (const kind of ['unit', 'leadership'] as const) {
      if (kind === 'leadership' && !(ruleSet.reviewsLeadershipCollective && info.isGrassroots)) continue;
      const p = kind === 'unit' ? '' : 'l';
      const live = liveOf(u as unknown as Record<string, unknown>, kind === 'unit' ? 'c' : 'cl');
      const authority: AuthoritySubject = {
        kind,
        unitKind: info.kind,
        unitPath: info.path,
        isGrassroots: info.isGrassroots,
        grassrootsPath: g?.path ?? null,
        parentPath,
      };
      const body = decidingBody(authority);
      // Collectives of the same type decided by the same body form a quota group (HD 21: "từng loại
      // hình (tập thể)"; QĐ 124/366: groups of similar position the competent level defines, §9b).
      const bodyUnitId = body ? (pathIds(body.unitPath).at(-1) ?? '') : '';
      const groupKey = `${kind === 'leadership' ? 'leadership' : info.kind}@${bodyUnitId}`;
      if (body && !groupLabels.has(groupKey)) {
        groupUnitPaths.set(groupKey, body.unitPath);
        const typeLabel = (
          kind === 'leadership' ? 'Tập thể lãnh đạo, quản lý' : (ORG_KIND_LABELS[info.kind as OrgKind] ?? info.kind)
        ).toLowerCase();
        const bodyUnit = units.get(bodyUnitId);
        if (bodyUnit) groupLabels.set(groupKey, `${typeLabel} của ${bodyUnit.name}`);
        else {
          groupLabels.set(groupKey, typeLabel);
          missingNames.set(bodyUnitId, [...(missingNames.get(bodyUnitId) ?? []), groupKey]);
        }
      }
      const level = live ? (live.decidedLevel ?? live.proposedLevel) : null;
      const s: UnitSubject = {
        kind,
        key: info.id,
        name: kind === 'unit' ? info.name : `Tập thể lãnh đạo, quản lý — ${info.name}`,
        unitId: info.id,
        parentUnitId: info.parentId,
        unitKind: info.kind,
        isGrassroots: info.isGrassroots,
        level,
        score: live?.score ?? num(p === '' ? u.r_self_score : u.rl_self_score),
        // No table records a collective's discipline, disunity or targets yet: the board shows the
        // rules that read them as passing until such facts are recorded (issue 4 item 3).
        collectiveDisciplined: false,
        degradationConcluded: false,
        targetsCompletedPct: null,
        newlyFormed: u.valid_from !== null && u.valid_from > newlyFormedAfter,
        openEarlierShortcomings: openShortcomings.get(subjectId(kind, info.id)) ?? 0,
        groupKey,
      };
      add(s, {
        kind,
        key: info.id,
        name: s.name,
        unitId: info.id,
        unitName: info.name,
        unitPath: info.path,
        memberId: null,
        keyLeader: false,
        included: true,
        classified: true,
        populationReason: null,
        sortKey: kind === 'unit' ? '0' : '1',
        live,
        selfLevel: live?.selfLevel ?? asLevel(p === '' ? u.r_self_level : u.rl_self_level),
        selfScore: num(p === '' ? u.r_self_score : u.rl_self_score),
        tally: null,
        authority,
        body,
      });
    }
  }

  for (const r of memberRows) {
    const g = grassroots(r.unit_id, r.unit_path);
    const chiBo = units.get(r.unit_id);
    const live = liveOf(r as unknown as Record<string, unknown>, 'c');
    const authority: AuthoritySubject = {
      kind: 'member',
      unitKind: chiBo?.kind ?? 'cell',
      unitPath: r.unit_path,
      isGrassroots: false,
      grassrootsPath: g?.path ?? null,
      parentPath: parentPathOf(r.unit_path),
    };
    const body = decidingBody(authority);
    // HD 21: the HTXS quota for members is counted within each grassroots organization (§9b).
    const groupKey = g?.id ?? r.unit_id;
    if (!groupLabels.has(groupKey)) {
      groupLabels.set(groupKey, `đảng viên ${g?.name ?? chiBo?.name ?? ''}`.trim());
      if (g) groupUnitPaths.set(groupKey, g.path);
    }
    const facts: MemberFacts | null =
      r.f_id === null
        ? null
        : {
            disciplines: disciplinesOf(r.disciplines_json),
            civilServiceRating: asLevel(r.civil_service_rating),
            targetsCompletedPct: num(r.targets_completed_pct),
            sickLeaveDays: num(r.sick_leave_days),
            degradationConcluded: r.degradation_concluded === 1,
            confidenceLowPct: num(r.confidence_low_pct),
          };
    const selfScore = num(r.r_self_score);
    const s: MemberSubject = {
      kind: 'member',
      key: r.member_id,
      name: r.full_name,
      unitId: r.unit_id,
      grassrootsUnitId: g?.id ?? r.unit_id,
      included: r.included === 1,
      classified: r.classified === 1,
      populationReason: r.reason,
      isLeader: r.is_leader === 1,
      // The head of an agency or locality heads its grassroots party organization's collective (R14).
      headOfUnitId: r.is_head === 1 && g ? g.id : null,
      isCivilServant: r.is_civil_servant === 1,
      level: live ? (live.decidedLevel ?? live.proposedLevel) : null,
      score: live?.score ?? selfScore,
      facts,
      openEarlierShortcomings: openShortcomings.get(subjectId('member', r.member_id)) ?? 0,
      groupKey,
    };
    const keyLeader = r.is_key_leader === 1 || r.is_head === 1;
    add(s, {
      kind: 'member',
      key: r.member_id,
      name: r.full_name,
      unitId: r.unit_id,
      unitName: chiBo?.name ?? '',
      unitPath: r.unit_path,
      memberId: r.member_id,
      keyLeader,
      included: s.included,
      classified: s.classified,
      populationReason: r.reason,
      sortKey: `${keyLeader ? '0' : '1'}${r.sort_key}`,
      live,
      selfLevel: live?.selfLevel ?? asLevel(r.r_self_level),
      selfScore,
      tally:
        r.t_id === null || r.t_present === undefined
          ? null
          : {
              id: r.t_id,
              present: Number(r.t_present),
              valid: Number(r.t_valid),
              invalid: Number(r.t_invalid),
              votes: {
                excellent: Number(r.t_excellent),
                good: Number(r.t_good),
                satisfactory: Number(r.t_satisfactory),
                unsatisfactory: Number(r.t_unsatisfactory),
              },
              proposedLevel: asLevel(r.t_proposed_level),
            },
      authority,
      body,
    });
  }

  // 5. Names of deciding units outside the scope (the committee above a grassroots unit).
  if (missingNames.size > 0) {
    const rows = await db
      .selectFrom('org_units')
      .select(['id', 'name'])
      .where('id', 'in', [...missingNames.keys()])
      .execute();
    queries++;
    for (const r of rows)
      for (const key of missingNames.get(r.id) ?? []) groupLabels.set(key, `${groupLabels.get(key) ?? ''} của ${r.name}`);
  }
  for (const s of subjects) s.groupLabel = groupLabels.get(s.groupKey);

  return { scopePath, subjects, meta, bySubject, units, groupLabels, groupUnitPaths, queries };
}

/** The columns of a live classification under an alias, prefixed so two can sit in one row. */
const LEVEL_COLUMNS = ['id', 'status', 'version', 'self_level', 'proposed_level', 'decided_level', 'score'] as const;
const DETAIL_COLUMNS = [
  'proposal_reason',
  'tally_id',
  'decision_id',
  'decision_number',
  'decision_date',
  'conclusion',
  'override_reason',
  'published_at',
  'acknowledged_at',
] as const;

function aliased<A extends 'c' | 'cl', C extends string>(alias: A, cols: readonly C[]) {
  return cols.map((c) => `${alias}.${c} as ${alias}_${c}`) as { [K in C]: `${A}.${K} as ${A}_${K}` }[C][];
}

/** What the checks read of a live classification. */
const levelColumns = <A extends 'c' | 'cl'>(alias: A) => aliased(alias, LEVEL_COLUMNS);
/** What the board and the decisions show besides. */
const detailColumns = <A extends 'c' | 'cl'>(alias: A) => aliased(alias, DETAIL_COLUMNS);
const classificationColumns = <A extends 'c' | 'cl'>(alias: A) => [...levelColumns(alias), ...detailColumns(alias)];

function liveOf(row: Record<string, unknown>, alias: 'c' | 'cl'): LiveClassification | null {
  // Detail columns are absent when the loader was asked for levels only: they read as null.
  const v = (c: string) => (row[`${alias}_${c}`] ?? null) as string | null;
  if (v('id') === null) return null;
  return {
    id: v('id')!,
    status: v('status')!,
    version: Number(row[`${alias}_version`]),
    selfLevel: asLevel(v('self_level')),
    proposedLevel: asLevel(v('proposed_level')),
    proposalReason: v('proposal_reason'),
    decidedLevel: asLevel(v('decided_level')),
    score: num(row[`${alias}_score`]),
    tallyId: v('tally_id'),
    decisionId: v('decision_id'),
    decisionNumber: v('decision_number'),
    decisionDate: v('decision_date'),
    conclusion: v('conclusion'),
    overrideReason: v('override_reason'),
    publishedAt: v('published_at'),
    acknowledgedAt: v('acknowledged_at'),
  };
}

/** What-if: replaces the levels under check; returns the subjects it could not find. */
export function applyLevels(
  scope: LoadedScope,
  levels: readonly { subjectKind: string; subjectKey: string; level: Level | null }[],
): string[] {
  const missing: string[] = [];
  for (const l of levels) {
    const s = scope.bySubject.get(subjectId(l.subjectKind, l.subjectKey));
    if (!s) missing.push(subjectId(l.subjectKind, l.subjectKey));
    else s.level = l.level;
  }
  return missing;
}
