// "Khắc phục của tôi" (design §4: a member on a phone sees their own remediation): the member's
// plan of the latest review that included them; earlier years by a switch (a plan is followed
// through the year after its review).
import { Empty, Segmented } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useMe } from '../../app/session';
import { NotLinkedToMember, PageSpin, QueryError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { fetchMyRemediation, remediationKeys } from './api';
import { PlanScreen } from './PlanScreen';

export default function MyRemediationPage() {
  const me = useMe();
  const { data, isPending, error, refetch } = useQuery({
    queryKey: remediationKeys.mine,
    queryFn: fetchMyRemediation,
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
        <PageHeader title="Kế hoạch khắc phục của tôi" />
        <Empty description="Đồng chí chưa có đợt kiểm điểm nào để xây dựng kế hoạch khắc phục." />
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
          options={data.items.slice(0, 4).map((i) => ({ value: i.campaignId, label: `Năm ${i.reviewYear}` }))}
        />
      ) : null}
      <PlanScreen
        key={chosen.campaignId}
        own
        planRef={{ campaignId: chosen.campaignId, subjectKind: 'member', subjectKey: chosen.memberId }}
      />
    </>
  );
}
