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
}

export interface LevelDef {
  level: Level;
  /** Full Vietnamese label of the period, e.g. "Hoàn thành xuất sắc nhiệm vụ". */
  label: string;
  /** Short label, e.g. "HTXSNV", "TSVM". */
  short: string;
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
  /** Numbering as printed on the form ("I", "II", "A.I", "B.II" …). */
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
  title: string;
  sections: FormSection[];
  source: SourceRef;
}

export interface Manifestation {
  /** A1…A9, B1…B9, C1…C9 (regulations §5). */
  code: string;
  group: 'A' | 'B' | 'C';
  text: string;
  source: SourceRef;
}

export interface PoliticalTask {
  key: string;
  label: string;
}

/** How a kind of member is treated by the population snapshot. */
export type PopulationTreatment = 'reviewed' | 'not_classified' | 'excluded';

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
  points: { general: number; tasks: number; bands: Record<Exclude<Level, 'unsatisfactory'>, number> } | null;
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
  };
  /** Whether the leadership collective is a review subject of its own (QĐ 124 on, regulations §1.2). */
  reviewsLeadershipCollective: boolean;
  forms: Partial<Record<FormMeaning, FormTemplate>>;
  manifestations: Manifestation[];
  /** The key political tasks collectives report on by default; a campaign may set its own list. */
  defaultPoliticalTasks: PoliticalTask[];
  /** The configurable parts and their defaults, each marked as a default where the sources are silent. */
  configurable: ConfigurableItem[];
}

export interface ConfigurableItem {
  key: 'htxsQuotaPct' | 'quotaScope' | 'manifestationGranularity' | 'politicalTasks' | 'appraisalForAll' | 'newlyAdmittedMonths' | 'cutoffDate';
  label: string;
  /** The default as JSON-able data. */
  defaultValue: unknown;
  source: SourceRef;
}
