// "Cam kết của tôi" (issue 3 item 5): a member writes this year's commitment item by item early in
// the year; the commitments of past years stay below, read-only. Works on a 360 px phone.
import { Card, Flex, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMe } from '../../app/session';
import { NotLinkedToMember, PageSpin, QueryError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { fetchCommitments, memberYearKeys } from './api';
import { CommitmentEditor } from './CommitmentEditor';
import { CommitmentItems } from './FactsDisplay';

export function MemberCommitments({ memberId, own }: { memberId: string; own: boolean }) {
  const { data, isPending, error, refetch } = useQuery({
    queryKey: memberYearKeys.commitments(memberId),
    queryFn: () => fetchCommitments(memberId),
  });
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const year = data.businessYear;
  const current = data.items.find((c) => c.year === year) ?? null;
  const past = data.items.filter((c) => c.year < year);
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={`Bản cam kết năm ${year}`}>
        {data.canWrite ? (
          <>
            <Typography.Paragraph type="secondary">
              {own ? 'Đồng chí ghi' : 'Ghi'} những việc cam kết tu dưỡng, rèn luyện, phấn đấu trong năm, mỗi việc một nội dung. Cuối năm,
              bản kiểm điểm đối chiếu kết quả với từng nội dung đã cam kết.
            </Typography.Paragraph>
            <CommitmentEditor key={current?.version ?? 0} memberId={memberId} year={year} current={current} />
          </>
        ) : current ? (
          <CommitmentItems items={current.items} />
        ) : (
          <Typography.Text type="secondary">Chưa có bản cam kết năm {year}.</Typography.Text>
        )}
        {current ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            Cập nhật lần cuối: {formatDateTime(current.updatedAt)}
          </Typography.Paragraph>
        ) : null}
      </Card>
      {past.length > 0 ? (
        <Card size="small" title="Các năm trước (chỉ xem)">
          <Flex vertical gap={16}>
            {past.map((c) => (
              <div key={c.id}>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  Năm {c.year}
                </Typography.Title>
                <CommitmentItems items={c.items} />
              </div>
            ))}
          </Flex>
        </Card>
      ) : null}
    </Flex>
  );
}

export default function MyCommitmentPage() {
  const me = useMe();
  if (!me.memberId) return <NotLinkedToMember />;
  return (
    <>
      <PageHeader title="Cam kết của tôi" />
      <MemberCommitments memberId={me.memberId} own />
    </>
  );
}
