// The two shapes a demo campaign year takes (campaign-kit.ts has the pieces):
// - a closed year: every unit through to the end, levels decided and published, shortcomings found,
//   the earlier years' shortcomings given this year's status, finalized reviews;
// - the open year at the business date: the plan approved, Standing Committee members assigned, units
//   spread along the path of design §3 up to the conference, suggested points for about one unit in
//   six waiting on the Organization Board's appraisal, reviews in draft or submitted with their
//   carry-over of last year's shortcomings pre-filled (reference-scenario.md).
// Bulk rows are seed data, written set-based without an audit event each (see campaign-kit.ts);
// the assignments go through the real use case (setAssignments: audited, with notices).
import type { Insertable } from 'kysely';
import type { CauseKind, Level, UnitStage } from '../../../shared/campaign-vocabulary.js';
import { newId } from '../../adapters/clock.js';
import { loadPrincipal } from '../../adapters/auth/principal.repository.js';
import { recordAuditForNew } from '../../adapters/db/audit.repository.js';
import { notify } from '../../adapters/db/notifications.repository.js';
import type { Database } from '../../adapters/db/schema.js';
import { setAssignments } from '../planning/set-assignments.js';
import type { Tx } from '../context.js';
import {
  accountId,
  at,
  buildContent,
  drawLevel,
  drawShortcomings,
  drawStatus,
  formOf,
  insertChunked,
  openShortcomingsBefore,
  selfLevelFor,
  statusEntry,
  writeClassifications,
  writeCommitments,
  writeReviews,
  writeShortcomings,
  writeStatuses,
  writeYearFacts,
  type CarryEntry,
  type Decisions,
  type DemoCampaign,
  type DemoShortcoming,
  type LevelPair,
  type OpenShortcoming,
  type PopMember,
  type PopUnit,
  type ReviewDraft,
  type StatusEntry,
} from './campaign-kit.js';
import { addDays, type Rng } from './random.js';
import { writeRemediationPlans, type RemediationPlanOptions } from './remediation-kit.js';
import type { CampaignState } from './state.js';
import * as T from './texts.js';

/** Predecessors of units founded by a merger (org_units.merged_into_id), successor → predecessors. */
export async function predecessorsOf(db: Tx): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'merged_into_id'])
    .where('merged_into_id', 'is not', null)
    .orderBy('code')
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.merged_into_id!, [...(out.get(r.merged_into_id!) ?? []), r.id]);
  return out;
}

/** Subject keys whose shortcomings a unit's review carries over: its own and its predecessors' (regulations §11.8). */
function unitCarryKeys(unitId: string, predecessors: Map<string, string[]>): string[] {
  return [`unit:${unitId}`, ...(predecessors.get(unitId) ?? []).map((p) => `unit:${p}`)];
}

function disciplinedMembers(
  rng: Rng,
  c: DemoCampaign,
  count: number,
): Map<string, { form: 'reprimand' | 'warning'; selfDetected: boolean; remedied: boolean }> {
  const out = new Map<string, { form: 'reprimand' | 'warning'; selfDetected: boolean; remedied: boolean }>();
  for (const m of rng.sample(
    c.members.filter((x) => x.classified),
    count,
  )) {
    const selfDetected = rng.chance(0.2);
    out.set(m.memberId, { form: rng.chance(0.7) ? 'reprimand' : 'warning', selfDetected, remedied: selfDetected });
  }
  return out;
}

/** A disciplined member is rated no higher than "completed" (regulations §2.4 R1); a warning, lower still. */
function memberLevel(rng: Rng, d: { form: 'reprimand' | 'warning'; selfDetected: boolean } | undefined): Level {
  if (!d) return drawLevel(rng, 'member');
  if (d.selfDetected) return 'good';
  return d.form === 'warning' ? 'unsatisfactory' : 'satisfactory';
}

// ── Closed years ──────────────────────────────────────────────────────────────────────────────

export interface ClosedYearOptions {
  decisions: Decisions;
  /** Units whose collective report is written (finalized). */
  collectiveReview(u: PopUnit): boolean;
  /** Whether every member's self-review is written (finalized). */
  memberReviews: boolean;
  /** Share of members who wrote the year's commitment (the reviews check it). */
  commitmentShare: number;
  memberShortcomingShare: number;
  leaderShortcomingShare: number;
  /** Members given a shortcoming whatever the draw (the demo accounts'). */
  forceShortcoming?: ReadonlySet<string>;
  disciplined: number;
  /** Share of the civil servants whose rating and completed targets are recorded. */
  civilServantFactsShare: number;
  /** How the earlier years' shortcomings fared this year. */
  statusWeights: { fixed: number; being_fixed: number };
  predecessors: Map<string, string[]>;
  /** Filed remediation plans for the year's shortcomings (issue 4 item 6); the city writes them. */
  remediation?: RemediationPlanOptions;
}

export interface ClosedYearResult {
  unitShortcomings: number;
  memberShortcomings: number;
  statuses: number;
  reviews: number;
}

export async function writeClosedYear(state: CampaignState, c: DemoCampaign, o: ClosedYearOptions): Promise<ClosedYearResult> {
  const rng = state.rng;
  const now = state.ctx.clock.now();
  const y = c.year;
  const previous = await openShortcomingsBefore(state.ctx.db, y, c.ownerPath);

  const disciplined = disciplinedMembers(rng, c, o.disciplined);
  const unitLevels = new Map<string, LevelPair>();
  for (const u of c.units) {
    const decided = drawLevel(rng, 'unit');
    unitLevels.set(u.unitId, { decided, self: selfLevelFor(rng, decided) });
  }
  const memberLevels = new Map<string, LevelPair>();
  for (const m of c.members) {
    if (!m.classified) continue;
    const decided = memberLevel(rng, disciplined.get(m.memberId));
    memberLevels.set(m.memberId, { decided, self: selfLevelFor(rng, decided) });
  }
  const drawn = drawShortcomings(rng, c, {
    memberShare: o.memberShortcomingShare,
    leaderShare: o.leaderShortcomingShare,
    force: o.forceShortcoming,
  });

  // Review ids first: the earlier shortcomings' statuses point at the review that gave them.
  const unitReview = new Map<string, string>();
  for (const u of c.units) if (o.collectiveReview(u)) unitReview.set(u.unitId, newId());
  const memberReview = new Map<string, string>();
  if (o.memberReviews) for (const m of c.members) memberReview.set(m.memberId, newId());

  const statuses: StatusEntry[] = [];
  const carryOf = (keys: string[], reviewId: string | null): CarryEntry[] => {
    const out: CarryEntry[] = [];
    for (const key of keys) {
      for (const s of previous.get(key) ?? []) {
        const e = statusEntry(rng, s.id, drawStatus(rng, o.statusWeights), reviewId);
        statuses.push(e);
        out.push({ shortcomingId: e.shortcomingId, status: e.status, causeKind: e.causeKind, note: e.note });
      }
    }
    return out;
  };
  const unitCarry = new Map<string, CarryEntry[]>();
  for (const u of c.units) unitCarry.set(u.unitId, carryOf(unitCarryKeys(u.unitId, o.predecessors), unitReview.get(u.unitId) ?? null));
  const memberCarry = new Map<string, CarryEntry[]>();
  for (const m of c.members) memberCarry.set(m.memberId, carryOf([`member:${m.memberId}`], memberReview.get(m.memberId) ?? null));

  await state.ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('campaign_units')
      .set((eb) => ({
        stage: 'closed',
        stage_changed_at: at(`${y + 1}-02-15`),
        submitted_at: at(`${y}-12-08`),
        cleared_at: null,
        version: eb('version', '+', 9),
        updated_at: now,
      }))
      .where('campaign_id', '=', c.id)
      .execute();
    await writeShortcomings(tx, c, drawn, now);
    await writeStatuses(tx, y, statuses, now);
    const commitments =
      o.commitmentShare > 0 ? await writeCommitments(tx, rng, c, { share: o.commitmentShare, writtenOn: `${y}-01-05` }) : new Map();
    await writeYearFacts(tx, rng, c, { disciplined, civilServantShare: o.civilServantFactsShare }, now);

    const reviews: ReviewDraft[] = [];
    const declared = (list: DemoShortcoming[] | undefined) =>
      (list ?? [])
        .filter((s) => s.source === 'declared')
        .map((s) => ({ text: s.text, causeKind: s.causeKind as CauseKind, cause: s.cause }));
    const finalized = (days: number) => ({
      savedAt: at(`${y}-12-${String(10 + (days % 8)).padStart(2, '0')}`, days),
      submittedAt: at(`${y}-12-${String(12 + (days % 6)).padStart(2, '0')}`, days),
      finalizedAt: at(`${y}-12-${String(26 + (days % 3)).padStart(2, '0')}`, days),
    });
    for (const u of c.units) {
      const id = unitReview.get(u.unitId);
      if (!id) continue;
      reviews.push({
        id,
        subjectKind: 'collective',
        subjectKey: u.unitId,
        unitId: u.unitId,
        memberId: null,
        scopePath: u.path,
        formMeaning: 'collective',
        status: 'finalized',
        content: buildContent(rng, c, {
          form: formOf(c, 'collective'),
          collective: true,
          leader: true,
          civilServant: false,
          carry: unitCarry.get(u.unitId) ?? [],
          commitmentItemIds: [],
          declared: declared(drawn.units.get(u.unitId)),
          suggestionItemIds: [],
          selfLevel: unitLevels.get(u.unitId)!.self,
          complete: true,
        }),
        ...finalized(rng.int(0, 300)),
      });
    }
    for (const m of c.members) {
      const id = memberReview.get(m.memberId);
      if (!id) continue;
      reviews.push({
        id,
        subjectKind: 'member',
        subjectKey: m.memberId,
        unitId: m.unitId,
        memberId: m.memberId,
        scopePath: m.unitPath,
        formMeaning: m.formMeaning,
        status: 'finalized',
        content: buildContent(rng, c, {
          form: formOf(c, m.formMeaning),
          collective: false,
          leader: m.formMeaning === 'member_leader',
          civilServant: m.isCivilServant,
          carry: memberCarry.get(m.memberId) ?? [],
          commitmentItemIds: commitments.get(m.memberId) ?? [],
          declared: declared(drawn.members.get(m.memberId)),
          suggestionItemIds: [],
          selfLevel: memberLevels.get(m.memberId)?.self ?? 'good',
          complete: true,
        }),
        ...finalized(rng.int(0, 300)),
      });
    }
    await writeReviews(tx, c, reviews);
    await writeClassifications(tx, c, { units: unitLevels, members: memberLevels }, o.decisions, now);
    if (o.remediation) await writeRemediationPlans(tx, c, drawn, o.remediation, now);
  });
  let memberShortcomings = 0;
  for (const l of drawn.members.values()) memberShortcomings += l.length;
  let unitShortcomings = 0;
  for (const l of drawn.units.values()) unitShortcomings += l.length;
  return { unitShortcomings, memberShortcomings, statuses: statuses.length, reviews: unitReview.size + memberReview.size };
}

// ── The open year ─────────────────────────────────────────────────────────────────────────────

export type OpenStage = 'planned' | 'drafting' | 'submitted' | 'under_appraisal' | 'cleared' | 'conference_scheduled';

export interface UnitPlan {
  stage: OpenStage;
  /** Issued suggested points (the unit then needs the Organization Board's appraisal). */
  suggestions: string[] | null;
  /** Returned once by the Board with reasons and findings, resubmitted, now in its second round. */
  returnedOnce: boolean;
}

export interface OpenYearOptions {
  /** Plan of every grassroots unit of the population. */
  plans: Map<string, UnitPlan>;
  /** Grassroots units each director account is assigned to (direct, appraise, attend). */
  assignments: Map<string, string[]>;
  /** Suggested points addressed to members (the leaders of some units with suggestions). */
  memberSuggestions: { memberId: string; items: string[] }[];
  /** Share of members with a review saved, by the stage of their grassroots unit. */
  memberReviewShare: Record<OpenStage, number>;
  /** Whether the chi bộ of a đảng bộ cơ sở have their collective report written too. */
  collectiveForCells: boolean;
  commitmentShare: number;
  civilServantFactsShare: number;
  disciplined: number;
  /** Share of last year's shortcomings already given this year's status during the year (remedied early). */
  earlyStatusShare: number;
  /** Members whose review is left unsaved, to show the pre-filled review as it first opens. */
  leaveUnsaved: ReadonlySet<string>;
  /** Members who must have a commitment and facts whatever the draw. */
  forceCommitment: ReadonlySet<string>;
  predecessors: Map<string, string[]>;
}

interface UnitTimeline {
  stage: UnitStage;
  needsAppraisal: boolean;
  round: number;
  changedOn: string;
  submittedOn: string | null;
  clearedOn: string | null;
  version: number;
}

const CELL_STAGE_OF: Record<OpenStage, readonly [UnitStage, number][]> = {
  planned: [['planned', 1]],
  drafting: [
    ['drafting', 0.85],
    ['planned', 0.15],
  ],
  submitted: [
    ['conference_scheduled', 0.5],
    ['submitted', 0.5],
  ],
  under_appraisal: [
    ['conference_scheduled', 0.5],
    ['submitted', 0.5],
  ],
  cleared: [
    ['conference_scheduled', 0.6],
    ['submitted', 0.4],
  ],
  conference_scheduled: [
    ['conference_scheduled', 0.75],
    ['submitted', 0.25],
  ],
};

function pickWeighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  let x = rng.next();
  for (const [v, p] of entries) {
    if (x < p) return v;
    x -= p;
  }
  return entries[entries.length - 1][0];
}

export interface OpenYearResult {
  reviews: number;
  suggestions: number;
}

export async function writeOpenYear(state: CampaignState, c: DemoCampaign, o: OpenYearOptions): Promise<OpenYearResult> {
  const rng = state.rng;
  const ctx = state.ctx;
  const now = ctx.clock.now();
  const bd = state.businessDate;
  const day = (offset: number) => addDays(bd, offset);
  const organizerId = accountId(state, 'bantochuc');
  const issuerId = accountId(state, 'thuongtruc');

  // Assignments through the use case (audited, each director notified), as the Organization Board.
  const organizer = await loadPrincipal(ctx.db, organizerId);
  for (const [username, unitIds] of o.assignments) {
    if (unitIds.length === 0) continue;
    await setAssignments(ctx, organizer, c.id, {
      unitIds,
      accountIds: [accountId(state, username)],
      duties: ['direct', 'appraise', 'attend'],
    });
  }

  // Where each unit stands at the business date, with the dates that brought it there.
  const timeline = new Map<string, UnitTimeline>();
  for (const u of c.units) {
    if (!u.isGrassroots) continue;
    const plan = o.plans.get(u.unitId) ?? { stage: 'planned', suggestions: null, returnedOnce: false };
    const needs = plan.suggestions !== null;
    const started = day(-rng.int(12, 22));
    const submitted = day(-rng.int(4, 9));
    const t: UnitTimeline = {
      stage: plan.stage,
      needsAppraisal: needs,
      round: 0,
      changedOn: started,
      submittedOn: null,
      clearedOn: null,
      version: 1,
    };
    switch (plan.stage) {
      case 'planned':
        t.changedOn = day(-27);
        break;
      case 'drafting':
        t.version = 2;
        break;
      case 'submitted':
        Object.assign(t, { changedOn: submitted, submittedOn: submitted, version: 3 });
        break;
      case 'under_appraisal':
        if (plan.returnedOnce) Object.assign(t, { changedOn: day(-1), submittedOn: day(-4), round: 2, version: 8 });
        else Object.assign(t, { changedOn: addDays(submitted, rng.int(1, 3)), submittedOn: submitted, round: 1, version: 4 });
        break;
      case 'cleared':
        Object.assign(t, { changedOn: day(-1), submittedOn: submitted, clearedOn: day(-1), round: 1, version: 5 });
        break;
      case 'conference_scheduled': {
        const cleared = needs ? day(-3) : null;
        Object.assign(t, {
          changedOn: day(-rng.int(1, 3)),
          submittedOn: submitted,
          clearedOn: cleared,
          round: needs ? 1 : 0,
          version: needs ? 6 : 4,
        });
        break;
      }
    }
    timeline.set(u.unitId, t);
  }
  for (const u of c.units) {
    if (u.isGrassroots) continue;
    const parent = timeline.get(c.grassrootsOf.get(u.unitId) ?? '');
    const parentStage = (parent?.stage ?? 'planned') as OpenStage;
    const stage = pickWeighted(rng, CELL_STAGE_OF[parentStage]);
    const submitted = stage === 'planned' || stage === 'drafting' ? null : day(-rng.int(5, 12));
    timeline.set(u.unitId, {
      stage,
      needsAppraisal: false,
      round: 0,
      changedOn: stage === 'planned' ? day(-27) : stage === 'drafting' ? day(-rng.int(14, 24)) : day(-rng.int(1, 4)),
      submittedOn: submitted,
      clearedOn: null,
      version: stage === 'planned' ? 1 : stage === 'drafting' ? 2 : stage === 'submitted' ? 3 : 4,
    });
  }

  // Last year's open shortcomings (before this year's early statuses are written).
  const previous = await openShortcomingsBefore(ctx.db, c.year, c.ownerPath);
  const early = new Map<string, StatusEntry>();
  // In the population's order (units by code, members by card number), so that a seed rebuilds the same demo.
  const subjectKeys = [...c.units.flatMap((u) => unitCarryKeys(u.unitId, o.predecessors)), ...c.members.map((m) => `member:${m.memberId}`)];
  for (const key of subjectKeys) {
    for (const s of previous.get(key) ?? []) {
      if (early.has(s.id) || !rng.chance(o.earlyStatusShare)) continue;
      early.set(s.id, statusEntry(rng, s.id, rng.chance(0.7) ? 'fixed' : 'being_fixed', null));
    }
  }

  const stageRank = (s: UnitStage) =>
    ['planned', 'drafting', 'submitted', 'under_appraisal', 'returned', 'cleared', 'conference_scheduled'].indexOf(s);
  const memberStage = (m: PopMember): OpenStage => (timeline.get(c.grassrootsOf.get(m.unitId) ?? '')?.stage ?? 'planned') as OpenStage;

  let suggestionCount = 0;
  let reviewCount = 0;
  await ctx.db.transaction().execute(async (tx) => {
    // Stages: one UPDATE per distinct combination (few: dates are whole days).
    const groups = new Map<string, { t: UnitTimeline; ids: string[] }>();
    for (const u of c.units) {
      const t = timeline.get(u.unitId)!;
      const key = JSON.stringify(t);
      const g = groups.get(key) ?? { t, ids: [] };
      g.ids.push(u.cuId);
      groups.set(key, g);
    }
    for (const { t, ids } of groups.values()) {
      for (let i = 0; i < ids.length; i += 500) {
        await tx
          .updateTable('campaign_units')
          .set({
            stage: t.stage,
            needs_appraisal: t.needsAppraisal ? 1 : 0,
            appraisal_round: t.round,
            stage_changed_at: at(t.changedOn, 90),
            submitted_at: t.submittedOn ? at(t.submittedOn, 60) : null,
            cleared_at: t.clearedOn ? at(t.clearedOn, 150) : null,
            version: t.version,
            updated_at: now,
          })
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
      }
    }

    // Suggested points: issued by the Standing office (regulations §4), items in order.
    const suggestionRows: Insertable<Database['suggestions']>[] = [];
    const itemRows: Insertable<Database['suggestion_items']>[] = [];
    const unitItems = new Map<string, string[]>();
    const memberItems = new Map<string, string[]>();
    const issuedOn = day(-24);
    const addSuggestion = (target: { kind: 'unit'; unit: PopUnit } | { kind: 'member'; member: PopMember }, items: string[]) => {
      const id = newId();
      const unitId = target.kind === 'unit' ? target.unit.unitId : target.member.unitId;
      const scope = target.kind === 'unit' ? target.unit.path : target.member.unitPath;
      const title =
        target.kind === 'unit'
          ? `Gợi ý kiểm điểm đối với tập thể ${target.unit.name.startsWith('Đảng bộ') ? 'Ban Chấp hành ' : ''}${target.unit.name}`
          : `Gợi ý kiểm điểm đối với đồng chí ${target.member.fullName}`;
      suggestionRows.push({
        id,
        campaign_id: c.id,
        target_kind: target.kind,
        unit_id: unitId,
        member_id: target.kind === 'member' ? target.member.memberId : null,
        scope_path: scope,
        title,
        status: 'issued',
        issued_at: at(issuedOn, 180),
        created_by: issuerId,
        version: 2,
        created_at: at(day(-26), 120),
        updated_at: at(issuedOn, 180),
      });
      const ids = items.map((text, i) => {
        const itemId = newId();
        itemRows.push({ id: itemId, suggestion_id: id, position: i + 1, text });
        return itemId;
      });
      if (target.kind === 'unit') unitItems.set(unitId, ids);
      else memberItems.set(target.member.memberId, ids);
    };
    for (const u of c.units) {
      const items = o.plans.get(u.unitId)?.suggestions;
      if (u.isGrassroots && items) addSuggestion({ kind: 'unit', unit: u }, items);
    }
    const membersById = new Map(c.members.map((m) => [m.memberId, m]));
    for (const s of o.memberSuggestions) {
      const m = membersById.get(s.memberId);
      if (m) addSuggestion({ kind: 'member', member: m }, s.items);
    }
    suggestionCount = suggestionRows.length;
    await insertChunked(tx, 'suggestions', suggestionRows);
    await insertChunked(tx, 'suggestion_items', itemRows);
    await recordAuditForNew(
      tx,
      suggestionRows.map((r) => ({
        entityType: 'suggestion',
        entityId: r.id,
        action: 'suggestion.issue',
        actorId: issuerId,
        scopePath: r.scope_path,
        at: now,
        after: {
          targetKind: r.target_kind,
          unitId: r.unit_id,
          memberId: r.member_id,
          title: r.title,
          status: 'issued',
          issuedAt: r.issued_at,
        },
        isNew: true,
      })),
    );

    // Appraisal rounds of the Organization Board, and the conferences scheduled behind the gate.
    const appraisals: Insertable<Database['appraisals']>[] = [];
    const conferences: Insertable<Database['conferences']>[] = [];
    for (const u of c.units) {
      const t = timeline.get(u.unitId)!;
      const plan = o.plans.get(u.unitId);
      if (u.isGrassroots && t.needsAppraisal && t.round > 0) {
        if (plan?.returnedOnce) {
          appraisals.push({
            id: newId(),
            campaign_unit_id: u.cuId,
            round: 1,
            status: 'returned',
            findings_json: JSON.stringify(T.RETURN_FINDINGS),
            reason: T.RETURN_REASON,
            appraiser_id: organizerId,
            started_at: at(day(-9), 60),
            decided_at: at(day(-7), 200),
          });
          appraisals.push({
            id: newId(),
            campaign_unit_id: u.cuId,
            round: 2,
            status: 'open',
            findings_json: '[]',
            reason: null,
            appraiser_id: organizerId,
            started_at: at(day(-1), 60),
            decided_at: null,
          });
        } else {
          const decided = t.stage === 'cleared' || t.stage === 'conference_scheduled';
          appraisals.push({
            id: newId(),
            campaign_unit_id: u.cuId,
            round: 1,
            status: decided ? 'cleared' : 'open',
            findings_json: JSON.stringify(decided ? [{ section: 'general', text: T.CLEARED_REMARK }] : []),
            reason: null,
            appraiser_id: organizerId,
            started_at: at(addDays(t.submittedOn ?? day(-5), 1), 60),
            decided_at: decided ? at(t.clearedOn ?? day(-1), 150) : null,
          });
        }
      }
      if (t.stage === 'conference_scheduled') {
        conferences.push({
          id: newId(),
          campaign_id: c.id,
          campaign_unit_id: u.cuId,
          unit_id: u.unitId,
          scope_path: u.path,
          scheduled_for: day(u.isGrassroots ? rng.int(2, 18) : rng.int(1, 10)),
          place: `${rng.pick(T.CONFERENCE_PLACES)}, ${u.name}`,
          status: 'scheduled',
          version: 1,
          created_at: at(t.changedOn, 90),
          updated_at: at(t.changedOn, 90),
        });
      }
    }
    await insertChunked(tx, 'appraisals', appraisals);
    await insertChunked(tx, 'conferences', conferences);

    // Last year's shortcomings remedied during the year, recorded before the review (reference-scenario.md).
    await writeStatuses(tx, c.year, [...early.values()], now);

    const commitments = await writeCommitments(tx, rng, c, {
      share: o.commitmentShare,
      writtenOn: `${c.year}-01-05`,
      force: o.forceCommitment,
    });
    const disciplined = disciplinedMembers(rng, c, o.disciplined);
    await writeYearFacts(tx, rng, c, { disciplined, civilServantShare: o.civilServantFactsShare }, now);

    // Reviews: the carry-over pre-filled from last year's shortcomings, with what the author marked.
    const carry = (list: OpenShortcoming[], complete: boolean): CarryEntry[] =>
      list.map((s) => {
        const e = early.get(s.id);
        if (e) return { shortcomingId: s.id, status: e.status, causeKind: e.causeKind, note: e.note };
        if (!complete && rng.chance(0.4)) return { shortcomingId: s.id, status: null, causeKind: null, note: '' };
        const st = statusEntry(rng, s.id, drawStatus(rng, { fixed: 0.45, being_fixed: 0.4 }), null);
        return { shortcomingId: s.id, status: st.status, causeKind: st.causeKind, note: st.note };
      });
    const reviews: ReviewDraft[] = [];
    for (const u of c.units) {
      const t = timeline.get(u.unitId)!;
      if (stageRank(t.stage) < stageRank('drafting') || (!u.isGrassroots && !o.collectiveForCells)) continue;
      const complete = stageRank(t.stage) >= stageRank('submitted');
      const keys = unitCarryKeys(u.unitId, o.predecessors);
      reviews.push({
        id: newId(),
        subjectKind: 'collective',
        subjectKey: u.unitId,
        unitId: u.unitId,
        memberId: null,
        scopePath: u.path,
        formMeaning: 'collective',
        status: complete ? 'submitted' : 'draft',
        content: buildContent(rng, c, {
          form: formOf(c, 'collective'),
          collective: true,
          leader: true,
          civilServant: false,
          carry: carry(
            keys.flatMap((k) => previous.get(k) ?? []),
            complete,
          ),
          commitmentItemIds: [],
          declared: T.unitShortcomings(rng, u.sector, rng.int(1, 2)).map((text) => ({ text, ...T.cause(rng) })),
          suggestionItemIds: unitItems.get(u.unitId) ?? [],
          selfLevel: drawLevel(rng, 'unit') === 'excellent' ? 'excellent' : 'good',
          complete,
        }),
        savedAt: at(complete ? (t.submittedOn ?? day(-5)) : day(-rng.int(1, 6)), rng.int(0, 400)),
        submittedAt: complete ? at(t.submittedOn ?? day(-5), 30) : null,
        finalizedAt: null,
      });
    }
    for (const m of c.members) {
      if (o.leaveUnsaved.has(m.memberId)) continue;
      const stage = memberStage(m);
      const suggested = memberItems.get(m.memberId);
      const unitDone = stageRank(stage) >= stageRank('submitted');
      // A unit's dossier holds its key leaders' reviews: submitted once the unit has submitted.
      const keyLeader = unitDone && m.isKeyLeader;
      if (!keyLeader && !suggested && !rng.chance(o.memberReviewShare[stage])) continue;
      const complete = keyLeader || !!suggested || (unitDone ? rng.chance(0.8) : rng.chance(0.15));
      const d = disciplined.get(m.memberId);
      const self: Level = d
        ? d.form === 'warning'
          ? 'unsatisfactory'
          : 'satisfactory'
        : rng.chance(0.15)
          ? 'excellent'
          : rng.chance(0.9)
            ? 'good'
            : 'satisfactory';
      const savedOn = complete ? day(-rng.int(2, 10)) : day(-rng.int(0, 8));
      reviews.push({
        id: newId(),
        subjectKind: 'member',
        subjectKey: m.memberId,
        unitId: m.unitId,
        memberId: m.memberId,
        scopePath: m.unitPath,
        formMeaning: m.formMeaning,
        status: complete ? 'submitted' : 'draft',
        content: buildContent(rng, c, {
          form: formOf(c, m.formMeaning),
          collective: false,
          leader: m.formMeaning === 'member_leader',
          civilServant: m.isCivilServant,
          carry: carry(previous.get(`member:${m.memberId}`) ?? [], complete),
          commitmentItemIds: commitments.get(m.memberId) ?? [],
          declared: T.memberShortcomings(rng, { leader: m.isLeader, working: m.working }, rng.int(1, 2)).map((text) => ({
            text,
            ...T.cause(rng),
          })),
          suggestionItemIds: suggested ?? [],
          selfLevel: self,
          complete,
        }),
        savedAt: at(savedOn, rng.int(0, 600)),
        submittedAt: complete ? at(savedOn, 610) : null,
        finalizedAt: null,
      });
    }
    reviewCount = reviews.length;
    await writeReviews(tx, c, reviews);

    // What waits on the Organization Board: one notice per dossier submitted for appraisal.
    for (const u of c.units) {
      const t = timeline.get(u.unitId)!;
      if (!u.isGrassroots || !t.needsAppraisal || t.stage !== 'submitted') continue;
      await notify(tx, {
        accountIds: [organizerId],
        kind: 'submitted',
        title: `${u.name} đã nộp hồ sơ kiểm điểm, chờ thẩm định`,
        body: 'Đơn vị có nội dung gợi ý kiểm điểm: hồ sơ cần được Ban Tổ chức thẩm định trước khi tổ chức hội nghị.',
        link: `/kiem-diem/${c.id}/don-vi/${u.unitId}`,
        campaignId: c.id,
        dedupeKey: `demo:${c.id}:submitted:${u.unitId}`,
        at: at(t.submittedOn ?? day(-3), 61),
      });
    }
  });
  return { reviews: reviewCount, suggestions: suggestionCount };
}
