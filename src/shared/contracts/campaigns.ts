// Campaign contracts (design §3, Campaign; issue 3 item 2): the committee's adaptations of the rule
// set, milestones, and the campaign as the browser sees it.
import { z } from 'zod';
import { CAMPAIGN_STATUSES, MILESTONE_KINDS, PLAN_STATUSES, POPULATION_REASONS, UNIT_STAGES } from '../campaign-vocabulary.js';
import { id, isoDate, requiredText, text, version } from './common.js';

export const politicalTask = z.object({ key: z.string().regex(/^[a-z0-9_-]{1,60}$/), label: requiredText(300) });

/**
 * The configurable parts of a rule set a committee may adapt for its campaign (issue 3 item 1).
 * Unset values take the rule set's default (rule-sets/*.ts `configurable`).
 */
export const campaignConfig = z.object({
  /** Key political tasks the collectives report on (Hà Tĩnh 2017: civilized urban area, …). */
  politicalTasks: z.array(politicalTask).max(40).optional(),
  /** The 27 items one by one, or the three groups of nine (regulations §5: local committees decide). */
  manifestationGranularity: z.enum(['items', 'groups']).optional(),
  /** HTXS quota as a percentage of HTT (regulations §9b; none before 2018 unless set). */
  htxsQuotaPct: z.number().int().min(0).max(100).nullable().optional(),
  /** Every unit's dossier is appraised by the Organization Board, not only units with suggested points. */
  appraisalForAll: z.boolean().optional(),
  newlyAdmittedMonths: z.number().int().min(0).max(24).optional(),
  /** Quorum of a review meeting: more than this % of the official members summoned (regulations §9b: 50, UNCONFIRMED). */
  quorumPct: z.number().int().min(1).max(99).optional(),
});
export type CampaignConfig = z.infer<typeof campaignConfig>;

export const milestone = z.object({ kind: z.enum(MILESTONE_KINDS), dueDate: isoDate, label: text(200).optional() });
export type Milestone = z.infer<typeof milestone>;

export const createCampaignBody = z.object({
  ownerUnitId: id,
  reviewYear: z.number().int().min(2008).max(2100),
  title: requiredText(300).optional(),
  config: campaignConfig.default({}),
  milestones: z.array(milestone).max(20).default([]),
  /** Cut-off for "newly admitted" (regulations §9b: 31/12 of the review year unless set). */
  cutoffDate: isoDate.optional(),
});

export const updateCampaignBody = z.object({
  version,
  title: requiredText(300).optional(),
  config: campaignConfig.optional(),
  milestones: z.array(milestone).max(20).optional(),
  cutoffDate: isoDate.optional(),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
});

export const campaignAbilities = z.object({
  manage: z.boolean(),
  approvePlan: z.boolean(),
  seesWholeCampaign: z.boolean(),
});

export const milestoneView = milestone.extend({ label: z.string(), overdue: z.boolean(), daysLeft: z.number().int() });

export const campaignSummary = z.object({
  id: z.string(),
  title: z.string(),
  reviewYear: z.number().int(),
  ownerUnitId: z.string(),
  ownerUnitName: z.string(),
  ruleSetId: z.string(),
  ruleSetName: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  planStatus: z.enum(PLAN_STATUSES),
  snapshotAt: z.string().nullable(),
});
export type CampaignSummary = z.infer<typeof campaignSummary>;

export const campaignDetail = campaignSummary.extend({
  version: z.number().int(),
  config: campaignConfig,
  milestones: z.array(milestoneView),
  cutoffDate: z.string(),
  planText: z.string().nullable(),
  planApprovedAt: z.string().nullable(),
  planApprovedByName: z.string().nullable(),
  businessDate: z.string(),
  population: z.object({ units: z.number().int(), members: z.number().int(), excluded: z.number().int(), notClassified: z.number().int() }),
  abilities: campaignAbilities,
});
export type CampaignDetail = z.infer<typeof campaignDetail>;

export const listCampaignsResponse = z.object({ items: z.array(campaignSummary) });

export const populationMemberView = z.object({
  memberId: z.string(),
  fullName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  included: z.boolean(),
  classified: z.boolean(),
  reason: z.enum(POPULATION_REASONS).nullable(),
  note: z.string().nullable(),
  formerUnitName: z.string().nullable(),
  source: z.enum(['snapshot', 'manual']),
});

export const listPopulationQuery = z.object({
  filter: z.enum(['all', 'excluded', 'not_classified', 'manual']).default('all'),
  unitId: id.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const changePopulationBody = z.object({
  memberId: id,
  included: z.boolean(),
  classified: z.boolean().default(true),
  reason: z.enum(POPULATION_REASONS).nullable().default(null),
  note: requiredText(1000),
  /** Reviewing chi bộ when a transferred member is added (the receiving unit). */
  unitId: id.optional(),
});

export const unitStage = z.enum(UNIT_STAGES);

export const cockpitQuery = z.object({
  /** Grassroots units only (the committee's "42"), or every unit of the population. */
  level: z.enum(['grassroots', 'all']).default('grassroots'),
  stage: z.enum(UNIT_STAGES).optional(),
  sector: z.string().max(40).optional(),
  directorId: id.optional(),
  overdueOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  needsAppraisal: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const cockpitUnit = z.object({
  campaignUnitId: z.string(),
  unitId: z.string(),
  name: z.string(),
  code: z.string(),
  kind: z.string(),
  sector: z.string().nullable(),
  stage: unitStage,
  stageChangedAt: z.string(),
  needsAppraisal: z.boolean(),
  appraisalRound: z.number().int(),
  overdue: z.array(z.enum(MILESTONE_KINDS)),
  directors: z.array(z.object({ accountId: z.string(), name: z.string(), duty: z.string() })),
  reviews: z.object({ members: z.number().int(), submitted: z.number().int(), finalized: z.number().int() }),
});
export type CockpitUnit = z.infer<typeof cockpitUnit>;

export const cockpitResponse = z.object({
  campaignId: z.string(),
  businessDate: z.string(),
  /** Counts over the caller's scope at the chosen level, before the filters. */
  totals: z.object({
    units: z.number().int(),
    byStage: z.record(z.string(), z.number().int()),
    submitted: z.number().int(),
    needsAppraisal: z.number().int(),
    appraised: z.number().int(),
    conferenceScheduled: z.number().int(),
    overdue: z.number().int(),
  }),
  /** Sentences as the office writes them ("12/42 đơn vị đã được thẩm định"). */
  headlines: z.array(z.string()),
  milestones: z.array(milestoneView),
  directors: z.array(z.object({ accountId: z.string(), name: z.string() })),
  items: z.array(cockpitUnit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CockpitResponse = z.infer<typeof cockpitResponse>;
