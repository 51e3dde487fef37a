// "Bản kiểm điểm của tôi" (issue 3 item 6; design §4: a member on a phone sees their own review): the
// member's self-review in the open campaign that includes them, pre-filled and saving itself. With
// reviews in more than one open campaign, the member picks the year.
import { Empty, Segmented } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useMe } from '../../app/session';
import { NotLinkedToMember, PageSpin, QueryError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { fetchMyReviews, reviewKeys } from './api';
import { ReviewScreen } from './ReviewPage';

export default function MyReviewPage() {
  const me = useMe();
  const { data, isPending, error, refetch } = useQuery({
    queryKey: reviewKeys.mine,
    queryFn: fetchMyReviews,
    enabled: me.memberId !== null,
  });
  const [picked, setPicked] = useState<string | null>(null);
  const chosen = useMemo(() => data?.items.find((i) => i.campaignId === picked) ?? data?.items[0] ?? null, [data, picked]);
  if (!me.memberId) return <NotLinkedToMember />;
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!chosen) {
    return (
      <>
        <PageHeader title="Bản kiểm điểm của tôi" />
        <Empty description="Hiện không có đợt kiểm điểm nào đang thực hiện có tên đồng chí." />
      </>
    );
  }
  return (
    <>
      {data.items.length > 1 ? (
        <Segmented
          block
          style={{ marginBottom: 12 }}
          value={chosen.campaignId}
          onChange={(v) => setPicked(String(v))}
          options={data.items.map((i) => ({ value: i.campaignId, label: `Năm ${i.reviewYear}` }))}
        />
      ) : null}
      <ReviewScreen
        key={chosen.campaignId}
        own
        reviewRef={{ campaignId: chosen.campaignId, subjectKind: 'member', subjectKey: chosen.memberId }}
      />
    </>
  );
}
