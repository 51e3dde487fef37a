// Rule sets by review year (issue 3 item 1; regulations §1–§5, §9b, §11): the versioned data of
// each period and the pure functions that read it. Key everything by the *review year*, never by
// the date the software runs (regulations §1.1 "Software rule").
import type { FormMeaning, Level, PopulationReason } from '../../../shared/campaign-vocabulary.js';
import type { CampaignConfig } from '../../../shared/contracts/campaigns.js';
import type { MemberStatus } from '../../../shared/vocabulary.js';
import { HD16_2018 } from './hd16-2018.js';
import { HD21_2019 } from './hd21-2019.js';
import { HD25_2023 } from './hd25-2023.js';
import { HD27_2014 } from './hd27-2014.js';
import { HD43_2025 } from './hd43-2025.js';
import type { FormTemplate, PoliticalTask, PopulationTreatment, RuleSet } from './types.js';

export type * from './types.js';
export { HA_TINH_2017_TASKS } from './hd27-2014.js';
export { MANIFESTATIONS, MANIFESTATION_GROUPS } from './manifestations.js';

/** Rule sets are reference data shared by every request: frozen, so no caller can change them by mistake. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Oldest first; the years of consecutive sets touch without overlapping. */
export const ALL_RULE_SETS: readonly RuleSet[] = deepFreeze([HD27_2014, HD16_2018, HD21_2019, HD25_2023, HD43_2025]);

/**
 * The rule set of a review year: ≤ 2017 → HD 27/2014 (also the years before 2008, whose HD 20
 * used the same scale); 2018 → QĐ 132 + HD 16; 2019–2022 → QĐ 132 + HD 21; 2023–2024 → QĐ 124 +
 * HD 25; 2025 on → QĐ 366 + HD 43 (regulations §1.1). Mapping 2017 to HD 27 is UNCONFIRMED (§1.1).
 */
export function ruleSetForYear(year: number): RuleSet {
  for (const rs of ALL_RULE_SETS) {
    if (year <= (rs.years.to ?? Number.POSITIVE_INFINITY)) return rs;
  }
  return ALL_RULE_SETS[ALL_RULE_SETS.length - 1];
}

export function ruleSetById(id: string): RuleSet | undefined {
  return ALL_RULE_SETS.find((rs) => rs.id === id);
}

// ---------------------------------------------------------------------------------------------
// Levels

export function levelLabel(ruleSet: RuleSet, subject: 'member' | 'unit', level: Level): string {
  const defs = subject === 'member' ? ruleSet.memberLevels : ruleSet.unitLevels;
  const def = defs.find((d) => d.level === level);
  if (!def) throw new Error(`Rule set ${ruleSet.id} has no ${subject} level ${level}`);
  return def.label;
}

/**
 * The level whose score band holds a total of points (QĐ 366 Điều 11, regulations §11.4: ≥ 90,
 * 70 – < 90, 50 – < 70, < 50). Only the band: the level's other conditions and the KHTNV cases are
 * checked by the classification (§11.4.2: never above the band). Null where the rule set does not score.
 */
export function levelBandForPoints(ruleSet: RuleSet, total: number): Level | null {
  if (!ruleSet.points) return null;
  const { bands } = ruleSet.points;
  if (total >= bands.excellent) return 'excellent';
  if (total >= bands.good) return 'good';
  if (total >= bands.satisfactory) return 'satisfactory';
  return 'unsatisfactory';
}

// ---------------------------------------------------------------------------------------------
// Forms

/**
 * Which form a member writes, from the member's profile. UNCONFIRMED heuristic (regulations §11.5
 * mục 3b, §11.6, §11.7): a leader or manager (LĐQL) writes the leaders' form; a civil servant or
 * anyone with a government post works in the political system and writes the no-post form; anyone
 * else (retirees, pupils and students, private-sector workers …) is taken as "not working in the
 * political system" and writes Mẫu 2C where the rule set has it (2025 on). The profile has no field
 * for staff of the Fatherland Front or mass organisations who are not civil servants, so such a
 * member may be offered 2C wrongly; the form can be changed on the review.
 */
export function formMeaningFor(
  ruleSet: RuleSet,
  m: { isLeader: boolean; isCivilServant: boolean; governmentPosts: string | null },
): FormMeaning {
  if (m.isLeader) return 'member_leader';
  if (m.isCivilServant || (m.governmentPosts ?? '').trim() !== '') return 'member_no_post';
  return ruleSet.forms.member_outside ? 'member_outside' : 'member_no_post';
}

/** Where a period has no form of a meaning, the one used instead (HD 21: a single Mẫu 02 for everyone). */
const FORM_FALLBACKS: Record<FormMeaning, readonly FormMeaning[]> = {
  collective: ['collective'],
  // Mẫu 01 serves the cấp ủy and the leadership collective alike (regulations §3.3, §11.6).
  leadership_collective: ['leadership_collective', 'collective'],
  member_leader: ['member_leader', 'member_no_post'],
  member_no_post: ['member_no_post'],
  member_outside: ['member_outside', 'member_no_post'],
};

export function formFor(ruleSet: RuleSet, meaning: FormMeaning): FormTemplate {
  for (const m of FORM_FALLBACKS[meaning]) {
    const form = ruleSet.forms[m];
    if (form) return form;
  }
  throw new Error(`Rule set ${ruleSet.id} has no form for ${meaning}`);
}

// ---------------------------------------------------------------------------------------------
// Configuration

export type EffectiveConfigKey = 'politicalTasks' | 'manifestationGranularity' | 'htxsQuotaPct' | 'appraisalForAll' | 'newlyAdmittedMonths';

/** Every configurable item resolved: the campaign's adaptation, else the rule set's default. */
export interface EffectiveConfig {
  politicalTasks: PoliticalTask[];
  manifestationGranularity: 'items' | 'groups';
  /** HTXS at most this % of HTT; null = no quota. */
  htxsQuotaPct: number | null;
  appraisalForAll: boolean;
  newlyAdmittedMonths: number;
  /** Where each value comes from: 'default' is shown "Mặc định" (regulations §9b), 'campaign' is the committee's choice. */
  origin: Record<EffectiveConfigKey, 'default' | 'campaign'>;
}

function configDefault(ruleSet: RuleSet, key: 'manifestationGranularity' | 'appraisalForAll'): unknown {
  return ruleSet.configurable.find((c) => c.key === key)?.defaultValue;
}

/** The defaults of a rule set, as data (the `configurable` items describe the same values). */
export function ruleSetDefaults(ruleSet: RuleSet): Omit<EffectiveConfig, 'origin'> {
  const granularity = configDefault(ruleSet, 'manifestationGranularity');
  return {
    politicalTasks: ruleSet.defaultPoliticalTasks.map((t) => ({ ...t })),
    manifestationGranularity: granularity === 'groups' ? 'groups' : 'items',
    htxsQuotaPct: ruleSet.quota.htxsPct,
    appraisalForAll: configDefault(ruleSet, 'appraisalForAll') === true,
    newlyAdmittedMonths: ruleSet.population.newlyAdmittedMonths,
  };
}

export function effectiveConfig(ruleSet: RuleSet, config: CampaignConfig): EffectiveConfig {
  const d = ruleSetDefaults(ruleSet);
  const origin = (value: unknown): 'default' | 'campaign' => (value === undefined ? 'default' : 'campaign');
  const politicalTasks = config.politicalTasks ?? d.politicalTasks;
  const manifestationGranularity = config.manifestationGranularity ?? d.manifestationGranularity;
  // null is a choice ("no quota"), only undefined takes the default.
  const htxsQuotaPct = config.htxsQuotaPct === undefined ? d.htxsQuotaPct : config.htxsQuotaPct;
  const appraisalForAll = config.appraisalForAll ?? d.appraisalForAll;
  const newlyAdmittedMonths = config.newlyAdmittedMonths ?? d.newlyAdmittedMonths;
  return {
    politicalTasks,
    manifestationGranularity,
    htxsQuotaPct,
    appraisalForAll,
    newlyAdmittedMonths,
    origin: {
      politicalTasks: origin(config.politicalTasks),
      manifestationGranularity: origin(config.manifestationGranularity),
      htxsQuotaPct: origin(config.htxsQuotaPct),
      appraisalForAll: origin(config.appraisalForAll),
      newlyAdmittedMonths: origin(config.newlyAdmittedMonths),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Population

/** The §9b default cut-off for "newly admitted": 31/12 of the review year (UNCONFIRMED, §11.7). */
export function defaultCutoffDate(reviewYear: number): string {
  return `${String(reviewYear).padStart(4, '0')}-12-31`;
}

/**
 * The cut-off date moved back by whole calendar months, the day clamped to the month's end
 * (31/12 − 6 months = 30/06; 31/08 − 6 months = 28/02 or 29/02).
 */
export function monthsBefore(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12; // 0-based
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * How the population snapshot treats a member (regulations §1.2 "Members not reviewed", §2.1,
 * §7.1, §9b, §11.7): exempt and suspended as the rule set says (suspended members were still
 * reviewed before 2019); transferred-out and deceased members are left out; a member admitted
 * after (cut-off − newlyAdmittedMonths) is "newly admitted": reviewed but not classified up to
 * 2024, not reviewed from 2025 on. A member admitted exactly that many months before the cut-off
 * has completed them ("đủ 6 tháng") and is reviewed.
 */
export function populationTreatment(
  ruleSet: RuleSet,
  config: EffectiveConfig,
  m: { status: MemberStatus; admissionDate: string | null },
  cutoffDate: string,
): { treatment: PopulationTreatment; reason: PopulationReason | null } {
  if (m.status === 'transferred') return { treatment: 'excluded', reason: 'transferred_out' };
  if (m.status === 'deceased') return { treatment: 'excluded', reason: 'deceased' };
  if (m.status === 'exempt' && ruleSet.population.exempt !== 'reviewed') return { treatment: ruleSet.population.exempt, reason: 'exempt' };
  if (m.status === 'suspended' && ruleSet.population.suspended !== 'reviewed')
    return { treatment: ruleSet.population.suspended, reason: 'suspended' };
  if (m.admissionDate !== null && m.admissionDate > monthsBefore(cutoffDate, config.newlyAdmittedMonths)) {
    const treatment = ruleSet.population.newlyAdmitted;
    return { treatment, reason: treatment === 'reviewed' ? null : 'newly_admitted' };
  }
  return { treatment: 'reviewed', reason: null };
}

// ---------------------------------------------------------------------------------------------
// The 27 manifestations

/** The checklist a review shows: the 27 items (A1…C9), or the three groups (A, B, C) (regulations §5). */
export function manifestationChecklist(ruleSet: RuleSet, granularity: 'items' | 'groups'): { code: string; label: string }[] {
  if (granularity === 'groups') return ruleSet.manifestationGroups.map((g) => ({ code: g.code, label: g.label }));
  return ruleSet.manifestations.map((m) => ({ code: m.code, label: m.text }));
}
