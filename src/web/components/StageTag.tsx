// A unit's stage (design §3) as a coloured tag: one palette for the cockpit, the assignments and
// the dossier page, so a stage looks the same wherever it is shown.
import { Tag, type TagProps } from 'antd';
import { UNIT_STAGE_LABELS, type UnitStage } from '../../shared/campaign-vocabulary.js';

export const STAGE_COLORS: Record<UnitStage, string> = {
  planned: 'default',
  drafting: 'blue',
  submitted: 'geekblue',
  under_appraisal: 'purple',
  returned: 'orange',
  cleared: 'cyan',
  conference_scheduled: 'green',
  conference_held: 'green',
  proposed: 'lime',
  decided: 'gold',
  published: 'success',
  remediating: 'magenta',
  closed: 'default',
};

type StageTagProps = Omit<TagProps, 'color' | 'children'> & {
  stage: UnitStage;
  /** Shown after the label ("Đã nộp hồ sơ: 3") when the tag counts units at that stage. */
  count?: number;
  'data-testid'?: string;
};

export function StageTag({ stage, count, ...tagProps }: StageTagProps) {
  const label = UNIT_STAGE_LABELS[stage] ?? stage;
  return (
    <Tag color={STAGE_COLORS[stage] ?? 'default'} {...tagProps}>
      {count === undefined ? label : `${label}: ${count}`}
    </Tag>
  );
}
