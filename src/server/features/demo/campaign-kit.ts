// What the demo's campaign steps share (campaigns-city.ts, campaigns-province.ts): opening a campaign
// through the real use cases (createCampaign, snapshotPopulation: audited, as the Organization
// Board), approving its plan and closing it, and the bulk rows of a campaign's year — stages,
// classifications, shortcomings and their statuses, commitments, facts of the year, reviews.
//
// The bulk rows are seed data: they are written set-based, 500 rows per insert, without an audit
// event per row (a province has 150,000 members per campaign). The campaign itself, its snapshot,
// its plan approval and its closing are audited like any other campaign's.
import type { Insertable } from 'kysely';
import type { CauseKind, FormMeaning, Level, ShortcomingSource, ShortcomingStatus } from '../../../shared/campaign-vocabulary.js';
import type { CampaignConfig, Milestone } from '../../../shared/contracts/campaigns.js';
import { reviewContent, type ReviewContent } from '../../../shared/contracts/review-content.js';
import { newId } from '../../adapters/clock.js';
import { loadPrincipal } from '../../adapters/auth/principal.repository.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { campaignConfigOf } from '../../adapters/db/campaigns.repository.js';
import { subtreeRange } from '../../adapters/db/dialect.js';
import type { Database } from '../../adapters/db/schema.js';
import {
  effectiveConfig,
  formFor,
  levelBandForPoints,
  manifestationChecklist,
  ruleSetById,
  type EffectiveConfig,
  type FormTemplate,
  type RuleSet,
} from '../../domain/rule-sets/index.js';
import { createCampaign } from '../campaigns/create-campaign.js';
import { snapshotPopulation } from '../campaigns/snapshot-population.js';
import type { Tx } from '../context.js';
import { addDays, type Rng } from './random.js';
import type { CampaignState } from './state.js';
import * as T from './texts.js';

const CHUNK = 500;

/** Rows in chunks of 500 per insert (stack-notes.md: multi-row inserts cost about what prepared statements do). */
export async function insertChunked<K extends keyof Database & string>(
  db: Tx,
  table: K,
  rows: Insertable<Database[K]>[],
  chunk = CHUNK,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .execute();
  }
}

/** A time on a calendar day, 09:00 in Vietnam (UTC+7) plus some minutes: when things happened in the demo's story. */
export function at(date: string, minutes = 0): string {
  return new Date(Date.parse(`${date}T02:00:00.000Z`) + minutes * 60_000).toISOString();
}

export function accountId(state: CampaignState, username: string): string {
  const id = state.accountIds.get(username);
  if (!id) throw new Error(`demo: account "${username}" is missing`);
  return id;
}

// ── Campaigns ─────────────────────────────────────────────────────────────────────────────────

export interface PopUnit {
  cuId: string;
  unitId: string;
  path: string;
  kind: string;
  isGrassroots: boolean;
  name: string;
  code: string;
  sector: string | null;
  parentId: string | null;
}

export interface PopMember {
  memberId: string;
  unitId: string;
  unitPath: string;
  classified: boolean;
  isKeyLeader: boolean;
  formMeaning: FormMeaning;
  isLeader: boolean;
  isCivilServant: boolean;
  working: boolean;
  fullName: string;
  governmentPosts: string | null;
}

export interface DemoCampaign {
  id: string;
  year: number;
  ownerPath: string;
  ruleSet: RuleSet;
  config: EffectiveConfig;
  units: PopUnit[];
  /** Members in the population (included), by card number. */
  members: PopMember[];
  /** Grassroots unit of every unit of the population (a grassroots unit is its own). */
  grassrootsOf: Map<string, string>;
}

export interface CampaignSpec {
  ownerUnitId: string;
  ownerName: string;
  year: number;
  milestones: Milestone[];
  config?: CampaignConfig;
  planApprovedOn: string;
  /** What the plan carries out, named in its text ("Kết luận số 21-KL/TW …"). */
  planReference: string;
}

/**
 * Creates the campaign and freezes its population as the Organization Board would (the `bantochuc`
 * account), and records the plan as approved by the Standing office (`thuongtruc`). Members
 * admitted after the review year were not members then: they leave a past year's population (one
 * audited population change), since the demo's people are drawn as of its business date.
 */
export async function openCampaign(state: CampaignState, spec: CampaignSpec): Promise<DemoCampaign> {
  const ctx = state.ctx;
  const organizer = await loadPrincipal(ctx.db, accountId(state, 'bantochuc'));
  const approverId = accountId(state, 'thuongtruc');
  const { id } = await createCampaign(ctx, organizer, {
    ownerUnitId: spec.ownerUnitId,
    reviewYear: spec.year,
    config: spec.config ?? {},
    milestones: spec.milestones,
  });
  await snapshotPopulation(ctx, organizer, id);
  const now = ctx.clock.now();
  const yearEnd = `${spec.year}-12-31`;
  const owner = await ctx.db.selectFrom('org_units').select('path').where('id', '=', spec.ownerUnitId).executeTakeFirstOrThrow();
  await ctx.db.transaction().execute(async (tx) => {
    const removed = await tx
      .deleteFrom('campaign_members')
      .where('campaign_id', '=', id)
      .where('member_id', 'in', (eb) => eb.selectFrom('members').select('id').where('admission_date', '>', yearEnd))
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) > 0) {
      await recordAudit(tx, {
        entityType: 'campaign',
        entityId: id,
        action: 'campaign.population_change',
        actorId: organizer.accountId,
        scopePath: owner.path,
        at: now,
        after: {
          removed: Number(removed.numDeletedRows),
          reason: `Kết nạp sau ngày 31/12/${spec.year}: chưa là đảng viên trong năm đánh giá`,
        },
      });
    }
    await tx
      .updateTable('campaigns')
      .set((eb) => ({
        plan_text: T.planText(spec.ownerName, spec.year, spec.planReference),
        plan_status: 'approved',
        plan_approved_by: approverId,
        plan_approved_at: at(spec.planApprovedOn, 120),
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      entityType: 'campaign',
      entityId: id,
      action: 'campaign.plan_approve',
      actorId: approverId,
      scopePath: owner.path,
      at: now,
      after: { planStatus: 'approved', approvedOn: spec.planApprovedOn },
    });
  });
  return loadCampaign(ctx.db, id);
}

export async function loadCampaign(db: Tx, id: string): Promise<DemoCampaign> {
  const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const ruleSet = ruleSetById(row.rule_set_id);
  if (!ruleSet) throw new Error(`demo: unknown rule set ${row.rule_set_id}`);
  const units = await db
    .selectFrom('campaign_units as cu')
    .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
    .select(['cu.id', 'cu.unit_id', 'cu.unit_path', 'cu.unit_kind', 'cu.is_grassroots', 'u.name', 'u.code', 'u.sector', 'u.parent_id'])
    .where('cu.campaign_id', '=', id)
    .orderBy('u.code')
    .execute();
  const members = await db
    .selectFrom('campaign_members as cm')
    .innerJoin('members as m', 'm.id', 'cm.member_id')
    .select([
      'cm.member_id',
      'cm.unit_id',
      'cm.unit_path',
      'cm.classified',
      'cm.is_key_leader',
      'cm.form_meaning',
      'm.is_leader',
      'm.is_civil_servant',
      'm.government_posts',
      'm.full_name',
    ])
    .where('cm.campaign_id', '=', id)
    .where('cm.included', '=', 1)
    .orderBy('m.card_number')
    .execute();
  const popUnits: PopUnit[] = units.map((u) => ({
    cuId: u.id,
    unitId: u.unit_id,
    path: u.unit_path,
    kind: u.unit_kind,
    isGrassroots: u.is_grassroots === 1,
    name: u.name,
    code: u.code,
    sector: u.sector,
    parentId: u.parent_id,
  }));
  const grassrootsOf = new Map<string, string>();
  for (const u of popUnits) if (u.isGrassroots) grassrootsOf.set(u.unitId, u.unitId);
  for (const u of popUnits) if (!u.isGrassroots && u.parentId && grassrootsOf.has(u.parentId)) grassrootsOf.set(u.unitId, u.parentId);
  return {
    id,
    year: row.review_year,
    ownerPath: row.owner_path,
    ruleSet,
    config: effectiveConfig(ruleSet, campaignConfigOf(row)),
    units: popUnits,
    members: members.map((m) => ({
      memberId: m.member_id,
      unitId: m.unit_id,
      unitPath: m.unit_path,
      classified: m.classified === 1,
      isKeyLeader: m.is_key_leader === 1,
      formMeaning: (m.form_meaning ?? 'member_no_post') as FormMeaning,
      isLeader: m.is_leader === 1,
      isCivilServant: m.is_civil_servant === 1,
      working: m.is_leader === 1 || m.is_civil_servant === 1 || (m.government_posts ?? '').trim() !== '',
      fullName: m.full_name,
      governmentPosts: m.government_posts,
    })),
    grassrootsOf,
  };
}

/** A past year's campaign is over: its results are the record of that year (assertCampaignOpen refuses writes). */
export async function closeCampaign(state: CampaignState, c: DemoCampaign, closedOn: string): Promise<void> {
  const now = state.ctx.clock.now();
  const actor = accountId(state, 'bantochuc');
  await state.ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('campaigns')
      .set((eb) => ({ status: 'closed', version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', c.id)
      .execute();
    await recordAudit(tx, {
      entityType: 'campaign',
      entityId: c.id,
      action: 'campaign.close',
      actorId: actor,
      scopePath: c.ownerPath,
      at: now,
      after: { status: 'closed', closedOn },
    });
  });
}

// ── Levels ────────────────────────────────────────────────────────────────────────────────────

const MEMBER_LEVELS: readonly (readonly [Level, number])[] = [
  ['excellent', 0.13],
  ['good', 0.72],
  ['satisfactory', 0.135],
  ['unsatisfactory', 0.015],
];
const UNIT_LEVELS: readonly (readonly [Level, number])[] = [
  ['excellent', 0.22],
  ['good', 0.63],
  ['satisfactory', 0.13],
  ['unsatisfactory', 0.02],
];

export function drawLevel(rng: Rng, subject: 'member' | 'unit'): Level {
  let x = rng.next();
  for (const [level, p] of subject === 'member' ? MEMBER_LEVELS : UNIT_LEVELS) {
    if (x < p) return level;
    x -= p;
  }
  return 'good';
}

const RANK: readonly Level[] = ['unsatisfactory', 'satisfactory', 'good', 'excellent'];

/** Self-rated levels are often the decided one, sometimes one higher (the conference lowers it). */
export function selfLevelFor(rng: Rng, decided: Level): Level {
  const i = RANK.indexOf(decided);
  return rng.chance(0.15) && i < RANK.length - 1 ? RANK[i + 1] : decided;
}

/** Points consistent with a level under a rule set that scores (QĐ 366: ≥ 90, 70–89, 50–69, < 50). */
export function pointsFor(rng: Rng, ruleSet: RuleSet, level: Level): { general: number; tasks: number } | null {
  if (!ruleSet.points) return null;
  const ranges: Record<Level, [number, number]> = { excellent: [90, 97], good: [72, 89], satisfactory: [55, 69], unsatisfactory: [38, 49] };
  const [lo, hi] = ranges[level];
  const total = rng.int(lo, hi);
  const general = Math.min(ruleSet.points.general, Math.max(0, Math.round(total * 0.3) + rng.int(-1, 1)));
  const tasks = Math.min(ruleSet.points.tasks, total - general);
  return { general, tasks };
}

// ── Shortcomings ──────────────────────────────────────────────────────────────────────────────

export interface DemoShortcoming {
  id: string;
  subjectKind: 'unit' | 'member';
  subjectKey: string;
  text: string;
  causeKind: CauseKind;
  cause: string;
  source: ShortcomingSource;
  yearFound: number;
}

export function shortcomingRow(
  c: DemoCampaign,
  s: DemoShortcoming,
  place: { unitId: string; memberId: string | null; scopePath: string },
  now: string,
): Insertable<Database['shortcomings']> {
  return {
    id: s.id,
    subject_kind: s.subjectKind,
    subject_key: s.subjectKey,
    unit_id: place.unitId,
    member_id: place.memberId,
    scope_path: place.scopePath,
    campaign_id: c.id,
    year_found: s.yearFound,
    text: s.text,
    cause_kind: s.causeKind,
    cause: s.cause,
    source: s.source,
    resolved_year: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

/**
 * The year's shortcomings of the population: 1–3 for every grassroots unit, 1–2 for every chi bộ,
 * 1–2 for a share of the members (more among leaders). Most are declared in the review; some are
 * added by the conference or concluded by the deciding level.
 */
export function drawShortcomings(
  rng: Rng,
  c: DemoCampaign,
  opts: { memberShare: number; leaderShare: number; force?: ReadonlySet<string> },
): { units: Map<string, DemoShortcoming[]>; members: Map<string, DemoShortcoming[]> } {
  const units = new Map<string, DemoShortcoming[]>();
  for (const u of c.units) {
    const n = u.isGrassroots ? rng.int(1, 3) : rng.int(1, 2);
    const sector = u.sector;
    units.set(
      u.unitId,
      T.unitShortcomings(rng, sector, n).map((text) => {
        const why = T.cause(rng);
        const x = rng.next();
        const source: ShortcomingSource = !u.isGrassroots || x < 0.7 ? 'declared' : x < 0.9 ? 'concluded_conference' : 'concluded_decision';
        return { id: newId(), subjectKind: 'unit', subjectKey: u.unitId, text, ...why, source, yearFound: c.year };
      }),
    );
  }
  const members = new Map<string, DemoShortcoming[]>();
  for (const m of c.members) {
    const p = m.isLeader ? opts.leaderShare : opts.memberShare;
    if (!rng.chance(p) && !opts.force?.has(m.memberId)) continue;
    const n = rng.chance(0.3) ? 2 : 1;
    members.set(
      m.memberId,
      T.memberShortcomings(rng, { leader: m.isLeader, working: m.working }, n).map((text) => {
        const why = T.cause(rng);
        const source: ShortcomingSource = rng.chance(0.8) ? 'declared' : 'concluded_conference';
        return { id: newId(), subjectKind: 'member', subjectKey: m.memberId, text, ...why, source, yearFound: c.year };
      }),
    );
  }
  return { units, members };
}

export async function writeShortcomings(
  tx: Tx,
  c: DemoCampaign,
  drawn: { units: Map<string, DemoShortcoming[]>; members: Map<string, DemoShortcoming[]> },
  now: string,
): Promise<void> {
  const rows: Insertable<Database['shortcomings']>[] = [];
  const unitPath = new Map(c.units.map((u) => [u.unitId, u.path]));
  for (const [unitId, list] of drawn.units) {
    for (const s of list) rows.push(shortcomingRow(c, s, { unitId, memberId: null, scopePath: unitPath.get(unitId)! }, now));
  }
  const memberPlace = new Map(c.members.map((m) => [m.memberId, m]));
  for (const [memberId, list] of drawn.members) {
    const m = memberPlace.get(memberId)!;
    for (const s of list) rows.push(shortcomingRow(c, s, { unitId: m.unitId, memberId, scopePath: m.unitPath }, now));
  }
  await insertChunked(tx, 'shortcomings', rows);
}

export interface OpenShortcoming {
  id: string;
  subjectKind: string;
  subjectKey: string;
  yearFound: number;
}

/** Shortcomings found before `year` and still open when its review began (the carry-over of shortcomings.repository.ts). */
export async function openShortcomingsBefore(db: Tx, year: number, scopePath: string): Promise<Map<string, OpenShortcoming[]>> {
  const rows = await db
    .selectFrom('shortcomings')
    .select(['id', 'subject_kind', 'subject_key', 'year_found', 'text'])
    .where('year_found', '<', year)
    .where('resolved_year', 'is', null)
    .where('scope_path', '>=', subtreeRange(scopePath).from)
    .where('scope_path', '<', subtreeRange(scopePath).to)
    // Ids are random: within a subject, the year and the text give a stable order (a seed rebuilds the same demo).
    .orderBy('year_found')
    .orderBy('text')
    .orderBy('id')
    .execute();
  const out = new Map<string, OpenShortcoming[]>();
  for (const r of rows) {
    const key = `${r.subject_kind}:${r.subject_key}`;
    const list = out.get(key) ?? [];
    list.push({ id: r.id, subjectKind: r.subject_kind, subjectKey: r.subject_key, yearFound: r.year_found });
    out.set(key, list);
  }
  return out;
}

export interface StatusEntry {
  shortcomingId: string;
  status: ShortcomingStatus;
  causeKind: CauseKind | null;
  note: string;
  reviewId: string | null;
}

/** One status per later year (design §3); "fixed" closes the shortcoming in that year. */
export async function writeStatuses(tx: Tx, year: number, entries: readonly StatusEntry[], now: string): Promise<void> {
  await insertChunked(
    tx,
    'shortcoming_statuses',
    entries.map((e) => ({
      id: newId(),
      shortcoming_id: e.shortcomingId,
      year,
      status: e.status,
      cause_kind: e.causeKind,
      note: e.note,
      review_id: e.reviewId,
      updated_at: now,
    })),
  );
  const fixed = entries.filter((e) => e.status === 'fixed').map((e) => e.shortcomingId);
  for (let i = 0; i < fixed.length; i += CHUNK) {
    await tx
      .updateTable('shortcomings')
      .set((eb) => ({ resolved_year: year, version: eb('version', '+', 1), updated_at: now }))
      .where('id', 'in', fixed.slice(i, i + CHUNK))
      .execute();
  }
}

export function drawStatus(rng: Rng, weights: { fixed: number; being_fixed: number }): ShortcomingStatus {
  const x = rng.next();
  return x < weights.fixed ? 'fixed' : x < weights.fixed + weights.being_fixed ? 'being_fixed' : 'not_fixed';
}

export function statusEntry(rng: Rng, shortcomingId: string, status: ShortcomingStatus, reviewId: string | null): StatusEntry {
  return {
    shortcomingId,
    status,
    causeKind: status === 'fixed' ? null : rng.chance(0.75) ? 'subjective' : 'objective',
    note: T.statusNote(rng, status),
    reviewId,
  };
}

// ── Commitments and facts ─────────────────────────────────────────────────────────────────────

/** Commitments of a year for a share of the members; item ids by member, for the reviews' commitment check. */
export async function writeCommitments(
  tx: Tx,
  rng: Rng,
  c: DemoCampaign,
  opts: { share: number; writtenOn: string; force?: ReadonlySet<string> },
): Promise<Map<string, string[]>> {
  const items = new Map<string, string[]>();
  const rows: Insertable<Database['commitments']>[] = [];
  for (const m of c.members) {
    if (!rng.chance(opts.share) && !opts.force?.has(m.memberId)) continue;
    const list = T.commitmentItems(rng, c.year, { leader: m.isLeader, working: m.working }).map((text) => ({ id: newId(), text }));
    items.set(
      m.memberId,
      list.map((i) => i.id),
    );
    const written = at(addDays(opts.writtenOn, rng.int(0, 40)), rng.int(0, 480));
    rows.push({
      id: newId(),
      member_id: m.memberId,
      year: c.year,
      items_json: JSON.stringify(list),
      updated_by: null,
      version: 1,
      created_at: written,
      updated_at: written,
    });
  }
  await insertChunked(tx, 'commitments', rows);
  return items;
}

export interface FactsPlan {
  /** Members disciplined during the year, with the form. */
  disciplined: Map<string, { form: 'reprimand' | 'warning'; selfDetected: boolean; remedied: boolean }>;
  /** Share of the civil servants whose rating and completed targets are recorded. */
  civilServantShare: number;
}

export async function writeYearFacts(tx: Tx, rng: Rng, c: DemoCampaign, plan: FactsPlan, now: string): Promise<void> {
  const rows: Insertable<Database['member_year_facts']>[] = [];
  for (const m of c.members) {
    const d = plan.disciplined.get(m.memberId);
    const civil = m.isCivilServant && rng.chance(plan.civilServantShare);
    if (!d && !civil) continue;
    const rating: Level | null = civil
      ? d
        ? 'satisfactory'
        : rng.chance(0.15)
          ? 'excellent'
          : rng.chance(0.85)
            ? 'good'
            : 'satisfactory'
      : null;
    const disciplines = d
      ? [
          {
            form: d.form,
            date: `${c.year}-${String(rng.int(3, 10)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
            reason: rng.pick(T.DISCIPLINE_REASONS),
            selfDetected: d.selfDetected,
            remedied: d.remedied,
          },
        ]
      : [];
    rows.push({
      id: newId(),
      member_id: m.memberId,
      year: c.year,
      disciplines_json: JSON.stringify(disciplines),
      civil_service_rating: rating,
      targets_completed_pct: civil ? (d ? rng.int(70, 85) : rng.int(88, 100)) : null,
      sick_leave_days: rng.chance(0.05) ? rng.int(3, 30) : null,
      maternity_leave_days: null,
      degradation_concluded: 0,
      degradation_note: null,
      confidence_low_pct: m.isLeader && civil ? rng.int(0, 12) : null,
      note: null,
      updated_by: null,
      version: 1,
      created_at: now,
      updated_at: now,
    });
  }
  await insertChunked(tx, 'member_year_facts', rows);
}

// ── Reviews ───────────────────────────────────────────────────────────────────────────────────

export interface CarryEntry {
  shortcomingId: string;
  status: ShortcomingStatus | null;
  causeKind: CauseKind | null;
  note: string;
}

export interface ContentInput {
  form: FormTemplate;
  collective: boolean;
  /** The subject writes the leaders' form (form meaning member_leader), or is a collective. */
  leader: boolean;
  civilServant: boolean;
  carry: CarryEntry[];
  commitmentItemIds: string[];
  declared: { text: string; causeKind: CauseKind; cause: string }[];
  suggestionItemIds: string[];
  selfLevel: Level;
  complete: boolean;
}

const EMPTY_CONTENT: ReviewContent = reviewContent.parse({});

/**
 * A review's content as its author would have written it, section by section as the rule set's
 * form has them (rule-sets/forms.ts). A draft has the first sections filled and the rest empty.
 */
export function buildContent(rng: Rng, c: DemoCampaign, input: ContentInput): ReviewContent {
  const sections = input.form.sections.map((s) => s.key);
  const filled = input.complete ? sections.length : rng.int(1, Math.max(1, sections.length - 2));
  const on = new Set(sections.slice(0, filled));
  const content: ReviewContent = { ...EMPTY_CONTENT, scores: { general: null, tasks: null } };
  // The pre-filled lines are there from the start; a draft has not marked all of them yet.
  content.carryOver = input.carry.map((e) =>
    on.has('carry_over') && (input.complete || rng.chance(0.6))
      ? e
      : { shortcomingId: e.shortcomingId, status: null, causeKind: null, note: '' },
  );
  content.commitment = input.commitmentItemIds.map((itemId) =>
    on.has('commitment') && (input.complete || rng.chance(0.6))
      ? { itemId, result: rng.chance(0.85) ? 'kept' : 'partly', note: '' }
      : { itemId, result: null, note: '' },
  );
  content.suggestionAnswers = input.suggestionItemIds.map((itemId) => ({
    itemId,
    answer: on.has('suggestion_answers') && (input.complete || rng.chance(0.5)) ? T.suggestionAnswer(rng) : '',
  }));
  for (const s of input.form.sections) {
    if (!on.has(s.key)) continue;
    switch (s.key) {
      case 'strengths':
        content.strengths = (s.criteria ?? [])
          // Items for leaders only where the subject leads (regulations §3.3), as the review page lays them.
          .filter((k) => !k.leadersOnly || input.leader)
          .map((k) => ({
            criterionKey: k.key,
            text: T.strengthText(rng, input.collective),
            grade: s.graded ? (input.selfLevel === 'excellent' ? 'excellent' : 'good') : null,
          }));
        break;
      case 'political_tasks':
        if (input.collective) {
          content.politicalTasks = c.config.politicalTasks.map((t) => ({
            taskKey: t.key,
            text: T.politicalTaskText(t.key),
            grade: s.graded ? (rng.chance(0.7) ? 'good' : 'excellent') : null,
          }));
        }
        break;
      case 'manifestations':
        content.manifestations = manifestationChecklist(c.ruleSet, c.config.manifestationGranularity).map((m) => ({
          code: m.code,
          present: false,
          note: '',
        }));
        break;
      case 'shortcomings':
        content.shortcomings = input.declared.map((d, i) => ({ key: `s${i + 1}`, text: d.text, causeKind: d.causeKind, cause: d.cause }));
        break;
      case 'responsibility':
        content.responsibility = input.collective ? T.RESPONSIBILITY_TEXT : '';
        break;
      case 'example_setting':
        content.exampleSetting = T.exampleSettingText(rng, input.leader);
        break;
      case 'directions':
        content.directions = T.directionsText(rng, input.collective);
        break;
      case 'scores': {
        const p = pointsFor(rng, c.ruleSet, input.selfLevel);
        if (p) content.scores = p;
        break;
      }
      case 'self_level':
        content.selfLevel = input.selfLevel;
        if (!input.collective && input.civilServant) content.civilServiceSelfLevel = input.selfLevel === 'excellent' ? 'excellent' : 'good';
        break;
      default:
        break;
    }
  }
  // Where the rule set scores, the self-proposed level is the band of the points (QĐ 366 Điều 11).
  if (content.selfLevel && c.ruleSet.points && content.scores.general !== null && content.scores.tasks !== null) {
    content.selfLevel = levelBandForPoints(c.ruleSet, content.scores.general + content.scores.tasks) ?? content.selfLevel;
  }
  return content;
}

export function formOf(c: DemoCampaign, meaning: FormMeaning): FormTemplate {
  return formFor(c.ruleSet, meaning);
}

export interface ReviewDraft {
  id: string;
  subjectKind: 'collective' | 'member';
  subjectKey: string;
  unitId: string;
  memberId: string | null;
  scopePath: string;
  formMeaning: FormMeaning;
  status: 'draft' | 'submitted' | 'finalized';
  content: ReviewContent;
  savedAt: string;
  submittedAt: string | null;
  finalizedAt: string | null;
}

/** Reviews with their one revision each (every revision is kept: design §3, Review). */
export async function writeReviews(tx: Tx, c: DemoCampaign, reviews: readonly ReviewDraft[]): Promise<void> {
  const rows: Insertable<Database['reviews']>[] = [];
  const revisions: Insertable<Database['review_revisions']>[] = [];
  for (const r of reviews) {
    const json = JSON.stringify(r.content);
    const score =
      r.content.scores.general !== null && r.content.scores.tasks !== null ? r.content.scores.general + r.content.scores.tasks : null;
    rows.push({
      id: r.id,
      campaign_id: c.id,
      subject_kind: r.subjectKind,
      subject_key: r.subjectKey,
      unit_id: r.unitId,
      member_id: r.memberId,
      scope_path: r.scopePath,
      form_meaning: r.formMeaning,
      status: r.status,
      content_json: json,
      self_level: r.content.selfLevel,
      self_score: score === null ? null : Math.round(score),
      proxy_entered: 0,
      submitted_at: r.submittedAt,
      finalized_at: r.finalizedAt,
      status_reason: null,
      updated_by: null,
      version: 1,
      created_at: r.savedAt,
      updated_at: r.savedAt,
    });
    revisions.push({
      id: newId(),
      review_id: r.id,
      version: 1,
      status: r.status,
      content_json: json,
      saved_by: null,
      proxy: 0,
      saved_at: r.savedAt,
    });
  }
  await insertChunked(tx, 'reviews', rows, 250);
  await insertChunked(tx, 'review_revisions', revisions, 250);
}

// ── Classifications of a closed campaign ──────────────────────────────────────────────────────

export interface Decisions {
  /** Decision number and date for a unit's level, by the unit. */
  unit(u: PopUnit): { number: string; date: string };
  /** Decision number and date for a member's level, by the member's chi bộ. */
  member(m: PopMember): { number: string; date: string };
}

export interface LevelPair {
  decided: Level;
  self: Level;
}

/**
 * A total within the level's band where the rule set scores (QĐ 366: ≥ 90, 70–89, 50–69, < 50;
 * regulations §11.4), drawn from the subject's id rather than the random stream, so that scoring
 * years leave the rest of the demo as it was.
 */
function scoreFor(ruleSet: RuleSet, level: Level, key: string): number | null {
  if (!ruleSet.points) return null;
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  const [lo, span] = ({ excellent: [90, 8], good: [72, 17], satisfactory: [55, 14], unsatisfactory: [38, 11] } as const)[level];
  return lo + (h % (span + 1)) + (h % 10) / 10;
}

/** Decided and published levels of every unit and every classified member (design §3, Classification). */
export async function writeClassifications(
  tx: Tx,
  c: DemoCampaign,
  levels: { units: Map<string, LevelPair>; members: Map<string, LevelPair> },
  decisions: Decisions,
  now: string,
): Promise<void> {
  const rows: Insertable<Database['classifications']>[] = [];
  const row = (
    subject: 'unit' | 'member',
    key: string,
    unitId: string,
    memberId: string | null,
    scopePath: string,
    level: LevelPair,
    d: { number: string; date: string },
  ): Insertable<Database['classifications']> => ({
    id: newId(),
    campaign_id: c.id,
    subject_kind: subject,
    subject_key: key,
    unit_id: unitId,
    member_id: memberId,
    scope_path: scopePath,
    status: 'published',
    self_level: level.self,
    proposed_level: level.decided,
    decided_level: level.decided,
    decision_number: d.number,
    decision_date: d.date,
    published_at: at(addDays(d.date, 2)),
    acknowledged_at: null,
    score: scoreFor(c.ruleSet, level.decided, key),
    version: 1,
    created_at: now,
    updated_at: now,
  });
  for (const u of c.units) {
    const level = levels.units.get(u.unitId);
    if (level) rows.push(row('unit', u.unitId, u.unitId, null, u.path, level, decisions.unit(u)));
  }
  for (const m of c.members) {
    const level = levels.members.get(m.memberId);
    if (!m.classified || !level) continue;
    rows.push(row('member', m.memberId, m.unitId, m.memberId, m.unitPath, level, decisions.member(m)));
  }
  await insertChunked(tx, 'classifications', rows);
}

/** Decision numbers: one per deciding body and year ("Số 125-QĐ/TU"), drawn once. */
export class DecisionBook {
  private readonly numbers = new Map<string, string>();
  constructor(private readonly rng: Rng) {}
  number(body: string, suffix: string): string {
    const key = `${body}|${suffix}`;
    let n = this.numbers.get(key);
    if (!n) {
      n = `Số ${this.rng.int(12, 240)}-${suffix}`;
      this.numbers.set(key, n);
    }
    return n;
  }
}

/** The suffix of a committee's decisions ("QĐ/TU" for a Thành ủy, Thị ủy or Tỉnh ủy; "QĐ/HU" for a Huyện ủy). */
export function committeeSuffix(name: string): string {
  if (name.startsWith('Huyện ủy')) return 'QĐ/HU';
  if (name.startsWith('Đảng ủy Khối')) return 'QĐ/ĐUK';
  return 'QĐ/TU';
}
