// The shape of a rule set (design §3, RuleSet; issue 3 item 1): versioned data keyed by review
// year, each item citing its source in regulations.md. The data lives in one file per period
// (hd27-2014.ts, hd16-2018.ts, hd21-2019.ts, hd25-2023.ts, hd43-2025.ts); pure functions in
// index.ts pick and read them. What regulations.md marks UNCONFIRMED, and the defaults of §9b,
// are `configurable` and may be adapted by a campaign (contracts/campaigns.ts, CampaignConfig).
import type { FormMeaning, Level } from '../../../shared/campaign-vocabulary.js';

export interface SourceRef {
  /** e.g. "HD 21-HD/BTCTW, 18/10/2019" */
  document: string;
  /** Article, clause or section, when known ("Điều 11 khoản 1"). */
  article?: string;
  /** Where regulations.md states it, e.g. "regulations §2.1 [S30]". */
  reference: string;
  /** True when regulations.md marks the item UNCONFIRMED or it is a §9b default. */
  unconfirmed?: boolean;
  /** Why the item is unconfirmed, or how it was derived (Vietnamese, shown on the rule-set page). */
  note?: string;
}

export interface LevelDef {
  level: Level;
  /** Full Vietnamese label of the period, e.g. "Hoàn thành xuất sắc nhiệm vụ". */
  label: string;
  /** Short label, e.g. "HTXSNV", "TSVM". */
  short: string;
  /** Main conditions of the level, paraphrased in Vietnamese (regulations §2.1, §2.2, §11.4). */
  conditions?: string;
  /** Lowest score of the level where the rule set scores (2025 on: 90 / 70 / 50). */
  minPoints?: number;
  source: SourceRef;
}

/** A self-rated grade of a criterion (cấp độ: Xuất sắc / Tốt / Trung bình / Kém), 2018–2024. */
export interface GradeDef {
  key: 'excellent' | 'good' | 'average' | 'poor';
  label: string;
}

export interface Criterion {
  key: string;
  label: string;
  /** Only on the forms for leaders (regulations §3.3: items 3–5 of section I are LĐQL only). */
  leadersOnly?: boolean;
  /** Points available where the rule set scores (2025 on: group I = 30, group II = 70). */
  maxPoints?: number;
  source: SourceRef;
}

export type SectionKey =
  | 'strengths'
  | 'shortcomings'
  | 'carry_over'
  | 'suggestion_answers'
  | 'responsibility'
  | 'directions'
  | 'commitment'
  | 'manifestations'
  | 'political_tasks'
  | 'example_setting'
  | 'scores'
  | 'self_level';

export interface FormSection {
  key: SectionKey;
  /** Numbering as printed on the form ("I", "II", "A.I", "B.II" …); "Phụ lục" for a checklist Tự soi adds. */
  number: string;
  title: string;
  /** For `strengths` (and `scores` where points split by criterion). */
  criteria?: Criterion[];
  /** Whether each criterion carries a self-rated grade (cấp độ). */
  graded?: boolean;
  source: SourceRef;
}

export interface FormTemplate {
  meaning: FormMeaning;
  /** Letter code as printed: "Mẫu 02B-HD KĐ.ĐG 2023"; "2A" means a leader under HD 43. */
  code: string;
  /** The letter alone ("01", "02", "02A", "2B", …), to compare periods; "" for the configured forms of ≤ 2017. */
  letter: string;
  title: string;
  sections: FormSection[];
  source: SourceRef;
}

/** A form of the period that is not a review (re-rating decision, dossier list, analysis slip …). */
export interface RelatedForm {
  code: string;
  title: string;
  source: SourceRef;
}

export type ManifestationGroupCode = 'A' | 'B' | 'C';

export interface ManifestationGroup {
  code: ManifestationGroupCode;
  label: string;
  source: SourceRef;
}

export interface Manifestation {
  /** A1…A9, B1…B9, C1…C9 (regulations §5). */
  code: string;
  group: ManifestationGroupCode;
  text: string;
  source: SourceRef;
}

export interface PoliticalTask {
  key: string;
  label: string;
}

/** How a kind of member is treated by the population snapshot. */
export type PopulationTreatment = 'reviewed' | 'not_classified' | 'excluded';

/** One line of "who is reviewed, and how" for the rule-set page (regulations §1.2, §2.1, §11.7). */
export interface PopulationCase {
  key: string;
  label: string;
  treatment: PopulationTreatment;
  /** What the rule means in practice, in Vietnamese. */
  detail?: string;
  source: SourceRef;
}

/** A disqualifier, cap or downgrade of the period (regulations §2.4, §11.4, §11.9). */
export interface ClassificationRule {
  /** R1…R16 of regulations §2.4; "N1"… for rules new in QĐ 366. */
  code: string;
  subject: 'member' | 'unit' | 'leader' | 'all';
  trigger: string;
  effect: string;
  source: SourceRef;
}

export interface QuotaDef {
  /** HTXS at most this % of the number rated HTT; null = no quota (a campaign may set one). */
  htxsPct: number | null;
  /** Ceiling the competent level may allow for units with outstanding results (QĐ 366: 25 %). */
  exceptionalPct: number | null;
  /** The group the quota is counted in (regulations §9b "Quota arithmetic"). */
  scope: 'none' | 'grassroots_org' | 'comparable_group';
  source: SourceRef;
}

export interface RuleSet {
  id: 'hd27-2014' | 'hd16-2018' | 'hd21-2019' | 'hd25-2023' | 'hd43-2025';
  name: string;
  /** Review years the set governs (inclusive); `to` null = still in force. */
  years: { from: number; to: number | null };
  documents: SourceRef[];
  /** How a level is reached (regulations §1.2). */
  scoring: 'qualitative' | 'grades' | 'points';
  grades: GradeDef[];
  /** 2025 on: group I (general) 30, group II (task results) 70; bands 90/70/50 (§11.3–11.4). */
  points: { general: number; tasks: number; bands: Record<Exclude<Level, 'unsatisfactory'>, number>; source: SourceRef } | null;
  memberLevels: LevelDef[];
  unitLevels: LevelDef[];
  /** Who is left out or reviewed but not classified (regulations §1.2 "Members not reviewed", §11.7). */
  population: {
    exempt: PopulationTreatment;
    suspended: PopulationTreatment;
    newlyAdmitted: PopulationTreatment;
    /** Months since admission under which a member is "newly admitted" (regulations §9b). */
    newlyAdmittedMonths: number;
    source: SourceRef;
    /** Every case with its own source, including the special cases that do not change the snapshot. */
    cases: PopulationCase[];
  };
  quota: QuotaDef;
  /** Whether the leadership collective is a review subject of its own (QĐ 124 on, regulations §1.2). */
  reviewsLeadershipCollective: boolean;
  forms: Partial<Record<FormMeaning, FormTemplate>>;
  relatedForms: RelatedForm[];
  manifestationGroups: ManifestationGroup[];
  manifestations: Manifestation[];
  rules: ClassificationRule[];
  /** The key political tasks collectives report on by default; a campaign may set its own list. */
  defaultPoliticalTasks: PoliticalTask[];
  /** The configurable parts and their defaults, each marked as a default where the sources are silent. */
  configurable: ConfigurableItem[];
}

export type ConfigurableKey =
  'htxsQuotaPct' | 'quotaScope' | 'manifestationGranularity' | 'politicalTasks' | 'appraisalForAll' | 'newlyAdmittedMonths' | 'cutoffDate';

export interface ConfigurableItem {
  key: ConfigurableKey;
  label: string;
  /** The default as JSON-able data. */
  defaultValue: unknown;
  /** The default in words, for the rule-set page ("20 % số hoàn thành tốt nhiệm vụ", "31/12 của năm đánh giá"). */
  defaultText: string;
  /** Whether a campaign may change it (contracts/campaigns.ts CampaignConfig, or the campaign's cut-off date). */
  perCampaign: boolean;
  source: SourceRef;
}
