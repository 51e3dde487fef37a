// Classification after the conference (issue 4 items 4–5; design §3, Classification): proposals,
// the calibration board with its checks and quota use, the what-if, decisions in batches,
// publication, the member's own result and acknowledgement, complaints and re-rating, and the
// lists of candidates for commendation. Shared by the server's routes and the browser app.
import { z } from 'zod';
import {
  CLASSIFICATION_STATUSES,
  CLASSIFICATION_SUBJECTS,
  COMPLAINT_STATUSES,
  DECISION_KINDS,
  DECISION_STATUSES,
  LEVELS,
} from '../campaign-vocabulary.js';
import { id, isoDate, requiredText, text, version } from './common.js';
import { sourceRef } from './rule-sets.js';

export const level = z.enum(LEVELS);
export const subjectKind = z.enum(CLASSIFICATION_SUBJECTS);
export type SubjectKind = z.infer<typeof subjectKind>;

/** Subject keys are member ids or unit ids. */
const subjectKey = id;
const subjectRef = z.object({ subjectKind, subjectKey });

export const campaignParams = z.object({ campaignId: id });
export const subjectParams = campaignParams.extend({ subjectKind, subjectKey });
export const decisionParams = campaignParams.extend({ decisionId: id });
export const complaintParams = campaignParams.extend({ complaintId: id });

// ── The board ──────────────────────────────────────────────────────────────────────────────────

/** The board of a unit's subtree: a grassroots unit's members and sub-units, or a committee's units. */
export const boardQuery = z.object({ unitId: id });
export type BoardQuery = z.infer<typeof boardQuery>;

/** What-if: levels to try, replacing the proposed or decided ones; nothing is written. `null` clears a level. */
export const whatIfBody = z.object({
  levels: z.array(subjectRef.extend({ level: level.nullable() })).max(20000, 'Tối đa 20.000 mức thử mỗi lần'),
});
export type WhatIfBody = z.infer<typeof whatIfBody>;

export const checkView = z.object({
  ruleId: z.string(),
  passed: z.boolean(),
  explanation: z.string(),
  maxLevel: level.nullable().optional(),
  source: sourceRef,
});
export type CheckView = z.infer<typeof checkView>;

export const quotaView = z.object({
  groupKey: z.string(),
  /** Members and collectives are counted apart, collectives by kind (regulations §2.4 R9). */
  subjectKind,
  /** Vietnamese name of the group ("Đảng bộ phường Bắc Hà", "Chi bộ trực thuộc — Đảng bộ phường Bắc Hà"). */
  groupLabel: z.string(),
  good: z.number().int(),
  excellent: z.number().int(),
  cap: z.number().int(),
  pct: z.number(),
  /** The higher ceiling the competent level allowed the group (QĐ 366 Điều 11: up to 25 %). */
  exceptional: z.boolean(),
  passed: z.boolean(),
  explanation: z.string(),
  source: sourceRef,
  /** False when part of the group lies outside the board's scope (its counts are then partial). */
  complete: z.boolean(),
});
export type QuotaView = z.infer<typeof quotaView>;

export const tallyView = z.object({
  id: z.string(),
  present: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  votes: z.object({
    excellent: z.number().int(),
    good: z.number().int(),
    satisfactory: z.number().int(),
    unsatisfactory: z.number().int(),
  }),
  proposedLevel: level.nullable(),
});
export type TallyView = z.infer<typeof tallyView>;

export const classificationStatus = z.enum(CLASSIFICATION_STATUSES);

export const boardRow = z.object({
  subjectKind,
  subjectKey: z.string(),
  name: z.string(),
  /** The member's chi bộ, or the unit itself. */
  unitId: z.string(),
  unitName: z.string(),
  groupKey: z.string(),
  /** Key leader (is_key_leader) or head of a unit: shown first within a unit. */
  keyLeader: z.boolean(),
  included: z.boolean(),
  classified: z.boolean(),
  populationReason: z.string().nullable(),
  classificationId: z.string().nullable(),
  status: classificationStatus.nullable(),
  /** 0 when no classification row exists yet. */
  version: z.number().int(),
  selfLevel: level.nullable(),
  selfScore: z.number().nullable(),
  proposedLevel: level.nullable(),
  proposalReason: z.string().nullable(),
  decidedLevel: level.nullable(),
  /** The level the checks ran with: the what-if's, else decided, else proposed. */
  level: level.nullable(),
  tally: tallyView.nullable(),
  decisionId: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  conclusion: z.string().nullable(),
  overrideReason: z.string().nullable(),
  publishedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  /** Failed checks, with their explanations and sources. */
  failed: z.array(checkView),
  /** Rules that passed (details: classification.get). */
  passedRules: z.array(z.string()),
  canPropose: z.boolean(),
  canDecide: z.boolean(),
  /** Vietnamese name of the deciding body ("Cấp ủy cơ sở", "Ban Thường vụ cấp ủy cấp trên trực tiếp"). */
  decidingBody: z.string().nullable(),
});
export type BoardRow = z.infer<typeof boardRow>;

export const levelName = z.object({ level, label: z.string(), short: z.string() });

export const boardView = z.object({
  campaignId: z.string(),
  campaignTitle: z.string(),
  reviewYear: z.number().int(),
  ruleSetId: z.string(),
  ruleSetName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  memberLevels: z.array(levelName),
  unitLevels: z.array(levelName),
  /** HTXS quota in % of HTT; null = none (regulations §9b). */
  quotaPct: z.number().nullable(),
  rows: z.array(boardRow),
  quotas: z.array(quotaView),
  /** True when the levels are those of a what-if (nothing was written). */
  whatIf: z.boolean(),
  abilities: z.object({ propose: z.boolean(), decide: z.boolean(), open: z.boolean() }),
});
export type BoardView = z.infer<typeof boardView>;

// ── Proposals ──────────────────────────────────────────────────────────────────────────────────

export const proposeBody = z.object({
  /** The board the proposals are made from: its scope is checked with them. */
  unitId: id,
  items: z
    .array(
      subjectRef.extend({
        /** Omitted: the level the chi bộ's vote tally proposes (regulations §9b). */
        level: level.optional(),
        /** Required when the level differs from the tally's. */
        reason: text(2000).optional(),
        /** The version read (0 when there is no classification row yet). */
        version: z.number().int().min(0),
      }),
    )
    .min(1, 'Chưa chọn đối tượng nào')
    .max(5000, 'Tối đa 5.000 đối tượng mỗi lần'),
});
export type ProposeBody = z.infer<typeof proposeBody>;

export const proposeResponse = z.object({
  items: z.array(subjectRef.extend({ classificationId: z.string(), version: z.number().int(), proposedLevel: level })),
  /** Units whose stage moved conference_held → proposed. */
  unitsProposed: z.array(z.string()),
});
export type ProposeResponse = z.infer<typeof proposeResponse>;

// ── Decisions ──────────────────────────────────────────────────────────────────────────────────

export const decisionItem = subjectRef.extend({
  level,
  version,
  /** The deciding level's own conclusions on the subject. */
  conclusion: text(4000).optional(),
  /**
   * Shortcomings the deciding level concludes for the subject (design §3, Shortcoming source
   * "concluded by the deciding level"): they join the year's remediation plan and next year's carry-over.
   */
  shortcomings: z.array(requiredText(2000)).max(20, 'Tối đa 20 hạn chế cho mỗi đối tượng').optional(),
  /** Needed when the level goes against a failed check (audited). */
  overrideReason: text(2000).optional(),
});
export type DecisionItem = z.infer<typeof decisionItem>;

export const decideBody = z.object({
  /** The board the batch is decided from: its scope is checked with the batch's levels. */
  unitId: id,
  number: requiredText(100),
  date: isoDate,
  signerName: text(200).optional(),
  signerTitle: text(200).optional(),
  items: z.array(decisionItem).min(1, 'Chưa chọn đối tượng nào').max(20000, 'Tối đa 20.000 đối tượng mỗi quyết định'),
});
export type DecideBody = z.infer<typeof decideBody>;

export const decisionView = z.object({
  id: z.string(),
  campaignId: z.string(),
  kind: z.enum(DECISION_KINDS),
  number: z.string(),
  date: z.string(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  status: z.enum(DECISION_STATUSES),
  publishedAt: z.string().nullable(),
  decidingUnitId: z.string(),
  decidingUnitName: z.string(),
  itemCount: z.number().int(),
  overrideCount: z.number().int(),
  version: z.number().int(),
  canPublish: z.boolean(),
});
export type DecisionView = z.infer<typeof decisionView>;

export const listDecisionsQuery = z.object({ unitId: id.optional() });
export const listDecisionsResponse = z.object({ items: z.array(decisionView) });
export type ListDecisionsResponse = z.infer<typeof listDecisionsResponse>;

export const publishBody = z.object({ version });

/** The failing rules per item of a refused decision (422 classification.override_reason_required). */
export const overrideProblem = subjectRef.extend({
  name: z.string(),
  failed: z.array(z.object({ ruleId: z.string(), explanation: z.string() })),
});
export type OverrideProblem = z.infer<typeof overrideProblem>;

// ── One subject, and the member's own results ──────────────────────────────────────────────────

export const classificationDetail = z.object({
  campaignId: z.string(),
  reviewYear: z.number().int(),
  subjectKind,
  subjectKey: z.string(),
  name: z.string(),
  /** 'full': everything the caller may read; 'self_only': a subject before publication (design §2). */
  visibility: z.enum(['full', 'self_only']),
  status: classificationStatus.nullable(),
  version: z.number().int(),
  selfLevel: level.nullable(),
  selfLevelLabel: z.string().nullable(),
  proposedLevel: level.nullable(),
  decidedLevel: level.nullable(),
  decidedLevelLabel: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  conclusion: z.string().nullable(),
  publishedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  checks: z.array(checkView),
  history: z.array(
    z.object({
      id: z.string(),
      status: classificationStatus,
      decidedLevel: level.nullable(),
      decisionNumber: z.string().nullable(),
      annulledAt: z.string().nullable(),
      annulReason: z.string().nullable(),
    }),
  ),
});
export type ClassificationDetail = z.infer<typeof classificationDetail>;

export const complaintView = z.object({
  id: z.string(),
  campaignId: z.string(),
  classificationId: z.string(),
  subjectKind,
  subjectKey: z.string(),
  subjectName: z.string(),
  unitName: z.string(),
  level: level.nullable(),
  levelLabel: z.string().nullable(),
  text: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  resolution: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  newClassificationId: z.string().nullable(),
  version: z.number().int(),
  canResolve: z.boolean(),
});
export type ComplaintView = z.infer<typeof complaintView>;

export const myResult = z.object({
  campaignId: z.string(),
  campaignTitle: z.string(),
  reviewYear: z.number().int(),
  unitName: z.string(),
  classified: z.boolean(),
  populationReason: z.string().nullable(),
  /** Published: the result is shown; otherwise only the self level (design §2). */
  published: z.boolean(),
  selfLevel: level.nullable(),
  selfLevelLabel: z.string().nullable(),
  decidedLevel: level.nullable(),
  decidedLevelLabel: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  conclusion: z.string().nullable(),
  publishedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  version: z.number().int(),
  canAcknowledge: z.boolean(),
  canComplain: z.boolean(),
  complaints: z.array(complaintView),
});
export type MyResult = z.infer<typeof myResult>;
export const myResultsResponse = z.object({ items: z.array(myResult) });
export type MyResultsResponse = z.infer<typeof myResultsResponse>;

export const acknowledgeBody = z.object({ version });

// ── Complaints ─────────────────────────────────────────────────────────────────────────────────

export const fileComplaintBody = subjectRef.extend({ text: requiredText(4000) });
export type FileComplaintBody = z.infer<typeof fileComplaintBody>;

export const listComplaintsQuery = z.object({ status: z.enum(COMPLAINT_STATUSES).optional() });
export const listComplaintsResponse = z.object({ items: z.array(complaintView), canResolve: z.boolean() });
export type ListComplaintsResponse = z.infer<typeof listComplaintsResponse>;

export const resolveComplaintBody = z
  .object({
    version,
    outcome: z.enum(['upheld', 'dismissed']),
    /** Why: the reason the earlier result is annulled, or why the complaint is dismissed. */
    resolution: requiredText(4000),
    /** Upheld: the new level and the re-rating decision (QĐ 366 Điều 15, Mẫu 03). */
    level: level.optional(),
    decisionNumber: text(100).optional(),
    decisionDate: isoDate.optional(),
    signerName: text(200).optional(),
    signerTitle: text(200).optional(),
    conclusion: text(4000).optional(),
    overrideReason: text(2000).optional(),
  })
  .refine((b) => b.outcome === 'dismissed' || (b.level !== undefined && !!b.decisionNumber && !!b.decisionDate), {
    message: 'Xếp loại lại cần mức xếp loại mới, số và ngày quyết định',
    path: ['level'],
  });
export type ResolveComplaintBody = z.infer<typeof resolveComplaintBody>;

// ── Commendation ───────────────────────────────────────────────────────────────────────────────

export const commendationsQuery = z.object({ unitId: id.optional() });

export const commendationEntry = z.object({
  subjectKind,
  subjectKey: z.string(),
  name: z.string(),
  unitName: z.string(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  published: z.boolean(),
  /** Review years at the top level, this one included (five years running: the last five). */
  years: z.array(z.number().int()),
});
export type CommendationEntry = z.infer<typeof commendationEntry>;

export const commendationList = z.object({
  key: z.enum(['units_year', 'units_five_years', 'members_year', 'members_five_years']),
  title: z.string(),
  explanation: z.string(),
  source: sourceRef,
  items: z.array(commendationEntry),
});
export type CommendationList = z.infer<typeof commendationList>;

export const commendationsView = z.object({
  campaignId: z.string(),
  reviewYear: z.number().int(),
  lists: z.array(commendationList),
});
export type CommendationsView = z.infer<typeof commendationsView>;
