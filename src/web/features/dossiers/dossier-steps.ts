// The stage steps of a dossier along design §3's path (pure, for the page's antd Steps).
import type { UnitStage } from '../../../shared/campaign-vocabulary.js';
import { dossierPath, isPastGate } from '../../../shared/contracts/dossiers.js';

const STEP_TITLES: Partial<Record<UnitStage, string>> = {
  drafting: 'Chuẩn bị hồ sơ',
  submitted: 'Nộp hồ sơ',
  under_appraisal: 'Ban Tổ chức thẩm định',
  cleared: 'Thẩm định đạt',
  conference_scheduled: 'Lên lịch hội nghị',
};

export interface DossierSteps {
  titles: string[];
  current: number;
  status: 'wait' | 'process' | 'finish' | 'error';
}

export function dossierSteps(stage: UnitStage, needsAppraisal: boolean): DossierSteps {
  const path = dossierPath(needsAppraisal);
  const titles = path.map((s) => STEP_TITLES[s] ?? s);
  if (stage === 'planned') return { titles, current: 0, status: 'wait' };
  if (isPastGate(stage)) return { titles, current: path.length - 1, status: 'finish' };
  if (stage === 'returned') {
    // Sent back by the step that judges the dossier: the Board's appraisal, or the director after submission.
    const at = needsAppraisal ? path.indexOf('under_appraisal') : path.indexOf('submitted');
    titles[at] = 'Trả lại để bổ sung';
    return { titles, current: at, status: 'error' };
  }
  const at = path.indexOf(stage);
  if (at < 0) return { titles, current: 0, status: 'process' };
  return { titles, current: at, status: stage === 'cleared' ? 'finish' : 'process' };
}
