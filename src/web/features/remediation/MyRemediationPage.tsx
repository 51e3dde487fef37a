// "Khắc phục của tôi" (design §4: a member on a phone sees their own remediation): the member's
// plan of the latest review that included them; earlier years by a switch (a plan is followed
// through the year after its review).
import { OwnByYear } from '../../components/OwnByYear';
import { fetchMyRemediation, remediationKeys } from './api';
import { PlanScreen } from './PlanScreen';

export default function MyRemediationPage() {
  return (
    <OwnByYear
      title="Kế hoạch khắc phục của tôi"
      empty="Đồng chí chưa có đợt kiểm điểm nào để xây dựng kế hoạch khắc phục."
      queryKey={remediationKeys.mine}
      queryFn={fetchMyRemediation}
      limit={4}
    >
      {(chosen) => (
        <PlanScreen
          key={chosen.campaignId}
          own
          planRef={{ campaignId: chosen.campaignId, subjectKind: 'member', subjectKey: chosen.memberId }}
        />
      )}
    </OwnByYear>
  );
}
