// "Bản kiểm điểm của tôi" (issue 3 item 6; design §4: a member on a phone sees their own review): the
// member's self-review in the open campaign that includes them, pre-filled and saving itself. With
// reviews in more than one open campaign, the member picks the year.
import { OwnByYear } from '../../components/OwnByYear';
import { fetchMyReviews, reviewKeys } from './api';
import { ReviewScreen } from './ReviewPage';

export default function MyReviewPage() {
  return (
    <OwnByYear
      title="Bản kiểm điểm của tôi"
      empty="Hiện không có đợt kiểm điểm nào đang thực hiện có tên đồng chí."
      queryKey={reviewKeys.mine}
      queryFn={fetchMyReviews}
    >
      {(chosen) => (
        <ReviewScreen
          key={chosen.campaignId}
          own
          reviewRef={{ campaignId: chosen.campaignId, subjectKind: 'member', subjectKey: chosen.memberId }}
        />
      )}
    </OwnByYear>
  );
}
