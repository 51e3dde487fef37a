// Rule sets as the API returns them (issue 3 item 1; design §3, RuleSet). The server's domain type
// (server/domain/rule-sets/types.ts) must fit these schemas: the use cases return it typed as
// RuleSetDetail, so the compiler keeps both in step.
import { z } from 'zod';
import { FORM_MEANINGS, LEVELS } from '../campaign-vocabulary.js';

export const sourceRef = z.object({
  document: z.string(),
  article: z.string().optional(),
  reference: z.string(),
  unconfirmed: z.boolean().optional(),
  note: z.string().optional(),
});
export type SourceRefView = z.infer<typeof sourceRef>;

const level = z.enum(LEVELS);
const formMeaning = z.enum(FORM_MEANINGS);
const treatment = z.enum(['reviewed', 'not_classified', 'excluded']);
const ruleSetId = z.enum(['hd27-2014', 'hd16-2018', 'hd21-2019', 'hd25-2023', 'hd43-2025']);
const scoring = z.enum(['qualitative', 'grades', 'points']);
const years = z.object({ from: z.number().int(), to: z.number().int().nullable() });

export const levelDef = z.object({
  level,
  label: z.string(),
  short: z.string(),
  conditions: z.string().optional(),
  minPoints: z.number().optional(),
  source: sourceRef,
});

export const criterion = z.object({
  key: z.string(),
  label: z.string(),
  leadersOnly: z.boolean().optional(),
  maxPoints: z.number().optional(),
  source: sourceRef,
});

export const formSection = z.object({
  key: z.enum([
    'strengths',
    'shortcomings',
    'carry_over',
    'suggestion_answers',
    'responsibility',
    'directions',
    'commitment',
    'manifestations',
    'political_tasks',
    'example_setting',
    'scores',
    'self_level',
  ]),
  number: z.string(),
  title: z.string(),
  criteria: z.array(criterion).optional(),
  graded: z.boolean().optional(),
  source: sourceRef,
});

export const formTemplate = z.object({
  meaning: formMeaning,
  code: z.string(),
  letter: z.string(),
  title: z.string(),
  sections: z.array(formSection),
  source: sourceRef,
});
export type FormTemplateView = z.infer<typeof formTemplate>;

const groupCode = z.enum(['A', 'B', 'C']);

export const ruleSetSummary = z.object({
  id: ruleSetId,
  name: z.string(),
  years,
  documents: z.array(sourceRef),
  scoring,
});
export type RuleSetSummary = z.infer<typeof ruleSetSummary>;

export const listRuleSetsResponse = z.object({ items: z.array(ruleSetSummary) });

export const configurableItem = z.object({
  key: z.enum([
    'htxsQuotaPct',
    'quotaScope',
    'manifestationGranularity',
    'politicalTasks',
    'appraisalForAll',
    'newlyAdmittedMonths',
    'cutoffDate',
  ]),
  label: z.string(),
  defaultValue: z.unknown(),
  defaultText: z.string(),
  perCampaign: z.boolean(),
  source: sourceRef,
});

export const ruleSetDetail = ruleSetSummary.extend({
  grades: z.array(z.object({ key: z.enum(['excellent', 'good', 'average', 'poor']), label: z.string() })),
  points: z
    .object({
      general: z.number(),
      tasks: z.number(),
      bands: z.object({ excellent: z.number(), good: z.number(), satisfactory: z.number() }),
      source: sourceRef,
    })
    .nullable(),
  memberLevels: z.array(levelDef),
  unitLevels: z.array(levelDef),
  population: z.object({
    exempt: treatment,
    suspended: treatment,
    newlyAdmitted: treatment,
    newlyAdmittedMonths: z.number().int(),
    source: sourceRef,
    cases: z.array(z.object({ key: z.string(), label: z.string(), treatment, detail: z.string().optional(), source: sourceRef })),
  }),
  quota: z.object({
    htxsPct: z.number().nullable(),
    exceptionalPct: z.number().nullable(),
    scope: z.enum(['none', 'grassroots_org', 'comparable_group']),
    source: sourceRef,
  }),
  reviewsLeadershipCollective: z.boolean(),
  forms: z.partialRecord(formMeaning, formTemplate),
  relatedForms: z.array(z.object({ code: z.string(), title: z.string(), source: sourceRef })),
  manifestationGroups: z.array(z.object({ code: groupCode, label: z.string(), source: sourceRef })),
  manifestations: z.array(z.object({ code: z.string(), group: groupCode, text: z.string(), source: sourceRef })),
  rules: z.array(
    z.object({
      code: z.string(),
      subject: z.enum(['member', 'unit', 'leader', 'all']),
      trigger: z.string(),
      effect: z.string(),
      source: sourceRef,
    }),
  ),
  defaultPoliticalTasks: z.array(z.object({ key: z.string(), label: z.string() })),
  configurable: z.array(configurableItem),
});
export type RuleSetDetail = z.infer<typeof ruleSetDetail>;
