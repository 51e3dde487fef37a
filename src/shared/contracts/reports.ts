// Statistics of a campaign (issue 5 item 4): the figures behind the dashboards and the summary
// report (báo cáo kết quả kiểm điểm, đánh giá, xếp loại). Plain data, the same for the browser's
// charts, the server-rendered charts (shared/report-charts.ts) and the Word report. Levels count
// only once published (design §2, row "Classification after publication": the office reads
// results only then); what is not yet published is counted without its level.
import { z } from 'zod';
import { CAMPAIGN_STATUSES, LEVELS, MILESTONE_KINDS, POPULATION_REASONS, UNIT_STAGES } from '../campaign-vocabulary.js';
import { id } from './common.js';

export const statisticsParams = z.object({ campaignId: id });
export const statisticsQuery = z.object({
  /** Narrow to this unit's subtree (a unit of the campaign, or its owner). */
  unitId: id.optional(),
});
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

const count = z.number().int().min(0);

/**
 * The distribution of one kind of subject over the levels. `total` = the four levels +
 * `notClassified` + `unpublished`.
 */
export const levelCounts = z.object({
  excellent: count,
  good: count,
  satisfactory: count,
  unsatisfactory: count,
  /**
   * Reviewed but not classified: members admitted less than the rule set's months before the
   * cut-off (regulations §2.4 R7), organizations formed less than 6 months before it (R7, HD 21).
   */
  notClassified: count,
  /** To be classified, but no published level yet (its level, if any, is not counted). */
  unpublished: count,
  total: count,
});
export type LevelCounts = z.infer<typeof levelCounts>;

/** A level's name in the campaign's rule set (names change by period, regulations §1.2). */
export const levelName = z.object({ level: z.enum(LEVELS), label: z.string(), short: z.string() });
export type LevelName = z.infer<typeof levelName>;

export const stageCount = z.object({ stage: z.enum(UNIT_STAGES), label: z.string(), units: count });

/** HTXS against the quota (regulations §2.4 R9, §9b): cap = ⌊ pct × HTT ⌋ in each group. */
export const quotaUse = z.object({
  excellent: count,
  good: count,
  /** Sum of the groups' caps; null when the campaign has no quota. */
  cap: count.nullable(),
  /** HTXS as a share of HTT, in per cent (one decimal); null when nobody is at HTT. */
  sharePct: z.number().nullable(),
  /** Quota groups wholly inside the scope (their counts are complete) … */
  groups: count,
  /** … and those of them with more HTXS than their cap. */
  groupsOver: count,
});
export type QuotaUseStat = z.infer<typeof quotaUse>;

export const milestoneLate = z.object({
  kind: z.enum(MILESTONE_KINDS),
  label: z.string(),
  dueDate: z.string(),
  /** Days from the business date to the due date; negative once past. */
  daysLeft: z.number().int(),
  passed: z.boolean(),
  /** Grassroots units that have not reached the stage the milestone requires (0 before it passes). */
  unitsLate: count,
  /** Whether the milestone requires a stage (the plan and the report do not). */
  tracked: z.boolean(),
});

export const campaignStatisticsResponse = z.object({
  campaign: z.object({
    id: z.string(),
    title: z.string(),
    reviewYear: z.number().int(),
    ownerUnitId: z.string(),
    ownerUnitName: z.string(),
    ruleSetId: z.string(),
    ruleSetName: z.string(),
    status: z.enum(CAMPAIGN_STATUSES),
  }),
  /** What the figures cover: the unit asked for, else the caller's whole reach in the campaign. */
  scope: z.object({
    unitId: z.string().nullable(),
    /** "Đảng bộ phường Bắc Hà", or the owner's name when the caller reads the whole campaign. */
    name: z.string(),
    /** Kind of the unit asked for (org kind), null when the figures cover the caller's reach. */
    kind: z.string().nullable(),
    wholeCampaign: z.boolean(),
  }),
  /**
   * Where the dashboards' click-through may lead the caller (design §4: responses carry the
   * caller's abilities): the calibration board of the scope's unit (read before publication),
   * the remediation tracking list.
   */
  abilities: z.object({
    /** The unit whose board lists the levels of the scope (the unit asked for, else the owner), when readable. */
    boardUnitId: z.string().nullable(),
    readRemediation: z.boolean(),
  }),
  /** The committee's business date (design §3, Setting): overdue marks are against it. */
  businessDate: z.string(),
  generatedAt: z.string(),
  levelNames: z.object({ member: z.array(levelName), unit: z.array(levelName) }),
  progress: z.object({
    /** Grassroots party organizations (tổ chức cơ sở đảng) in scope: the "Y" of "X/Y". */
    grassroots: count,
    /** Those whose results are published (stage `published` or later): the "X". */
    done: count,
    /** "40/42 tổ chức cơ sở đảng đã hoàn thành kiểm điểm, xếp loại và công bố kết quả". */
    headline: z.string(),
    /** Grassroots units by stage (design §3, "The unit's path through a campaign"), every stage in order. */
    byStage: z.array(stageCount),
    /** Grassroots units that reached each step (or went past it). */
    reached: z.object({
      submitted: count,
      needsAppraisal: count,
      appraised: count,
      conferenceHeld: count,
      decided: count,
      published: count,
    }),
    /** Units below the grassroots level (chi bộ trực thuộc, đảng bộ bộ phận) by stage. */
    subUnits: z.object({ total: count, byStage: z.array(stageCount) }),
  }),
  /** Grassroots party organizations by level. */
  units: levelCounts,
  /** Chi bộ trực thuộc and đảng bộ bộ phận by level. */
  subUnits: levelCounts,
  /** Members reviewed in the campaign by level, and those left out of the review. */
  members: levelCounts.extend({
    /** In the tree but not reviewed (exempt, suspended, transferred, …; regulations §1.2). */
    excluded: count,
    /** Why members are left out or not classified. */
    reasons: z.array(z.object({ reason: z.enum(POPULATION_REASONS), label: z.string(), members: count })),
  }),
  /** By sector (khối, loại hình) of the grassroots unit; `sector` null = not recorded. */
  bySector: z.array(z.object({ sector: z.string().nullable(), label: z.string(), units: levelCounts, members: levelCounts })),
  /**
   * Earlier campaigns of the same owner (up to four), oldest first, ending with this one, over the
   * same subtrees. In an earlier year a reviewed member with no classification at all counts as
   * not classified (the population rows are not read again for those years).
   */
  yearOverYear: z.array(
    z.object({
      campaignId: z.string(),
      reviewYear: z.number().int(),
      title: z.string(),
      ruleSetName: z.string(),
      current: z.boolean(),
      units: levelCounts,
      members: levelCounts,
    }),
  ),
  quota: z.object({
    /** The campaign's HTXS quota in per cent of HTT; null = none (before 2018 unless the committee set one). */
    pct: z.number().nullable(),
    members: quotaUse,
    units: quotaUse,
  }),
  overdue: z.object({
    milestones: z.array(milestoneLate),
    /** Grassroots units late for at least one milestone. */
    units: count,
    /** Remediation items not done past their deadline, and the plans holding them. */
    remediationItems: count,
    remediationPlans: count,
  }),
  remediation: z.object({
    plans: z.object({ total: count, draft: count, filed: count, reported: count }),
    items: z.object({
      total: count,
      done: count,
      /** In progress and not overdue. */
      inProgress: count,
      /** Not started and not overdue. */
      planned: count,
      /** Not done, past the deadline. */
      overdue: count,
    }),
  }),
  /** Sentences as the office writes them in the report. */
  headlines: z.array(z.string()),
});
export type CampaignStatistics = z.infer<typeof campaignStatisticsResponse>;
