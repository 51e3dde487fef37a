// A subject's remediation plan by its address (PATHS.remediationPlan): a member's, a unit's
// collective or its leadership collective. The server decides who may read and write it.
import { useParams } from 'react-router-dom';
import { PlanScreen } from './PlanScreen';

export default function RemediationPlanPage() {
  const { campaignId = '', subjectKind = '', subjectKey = '' } = useParams();
  return <PlanScreen key={`${campaignId}/${subjectKind}/${subjectKey}`} planRef={{ campaignId, subjectKind, subjectKey }} />;
}
