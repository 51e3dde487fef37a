// The member page's section "Cam kết và thông tin trong năm" (issue 3 item 5; design §4: a member's
// page shows commitments by year): the commitments of every year and, for those who may read them,
// the facts of each year. A part the caller may not read (404/403) is simply not shown.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { PATHS } from '../../app/menu';
import { useMe } from '../../app/session';
import { PageSpin, QueryError } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { fetchCommitments, fetchFactsHistory, memberYearKeys } from './api';
import { CommitmentItems, FactsDescriptions } from './FactsDisplay';
import { YearFactsDrawer } from './YearFactsDrawer';

const notVisible = (e: unknown) => e instanceof ApiError && (e.status === 404 || e.status === 403);

export function MemberYearSection({ memberId, memberName, small }: { memberId: string; memberName: string; small?: boolean }) {
  const me = useMe();
  const businessYear = Number(me.businessDate.slice(0, 4));
  const [editYear, setEditYear] = useState<number | null>(null);
  const commitments = useQuery({ queryKey: memberYearKeys.commitments(memberId), queryFn: () => fetchCommitments(memberId) });
  const facts = useQuery({ queryKey: memberYearKeys.factsHistory(memberId), queryFn: () => fetchFactsHistory(memberId) });
  const commitmentsHidden = notVisible(commitments.error);
  const factsHidden = notVisible(facts.error);
  if (commitmentsHidden && factsHidden) return null;

  const tabs = [];
  if (!commitmentsHidden) {
    tabs.push({
      key: 'commitments',
      label: 'Bản cam kết',
      children: commitments.isPending ? (
        <PageSpin />
      ) : commitments.error ? (
        <QueryError error={commitments.error} onRetry={() => void commitments.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          {commitments.data.canWrite ? (
            <Typography.Text>
              <Link to={PATHS.myCommitment}>Viết, sửa bản cam kết năm {commitments.data.businessYear}</Link>
            </Typography.Text>
          ) : null}
          {commitments.data.items.length === 0 ? <Typography.Text type="secondary">Chưa có bản cam kết nào.</Typography.Text> : null}
          {commitments.data.items.map((c) => (
            <div key={c.id}>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                Năm {c.year}
              </Typography.Title>
              <CommitmentItems items={c.items} />
              <Typography.Text type="secondary">Cập nhật: {formatDateTime(c.updatedAt)}</Typography.Text>
            </div>
          ))}
        </Flex>
      ),
    });
  }
  if (!factsHidden) {
    const canWrite = facts.data?.canWrite ?? false;
    const hasCurrent = facts.data?.items.some((f) => f.year === businessYear) ?? false;
    tabs.push({
      key: 'facts',
      label: 'Thông tin trong năm',
      children: facts.isPending ? (
        <PageSpin />
      ) : facts.error ? (
        <QueryError error={facts.error} onRetry={() => void facts.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          {canWrite && !hasCurrent ? (
            <div>
              <Button icon={<PlusOutlined />} onClick={() => setEditYear(businessYear)}>
                Ghi thông tin năm {businessYear}
              </Button>
            </div>
          ) : null}
          {facts.data.items.length === 0 ? (
            <Typography.Text type="secondary">Chưa có thông tin trong năm nào được ghi.</Typography.Text>
          ) : null}
          {facts.data.items.map((f) => (
            <div key={f.id}>
              <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 8 }}>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  Năm {f.year}
                </Typography.Title>
                {canWrite ? (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditYear(f.year)}>
                    Sửa
                  </Button>
                ) : null}
              </Flex>
              <FactsDescriptions facts={f} />
            </div>
          ))}
        </Flex>
      ),
    });
  }

  return (
    <Card title="Cam kết và thông tin trong năm" size={small ? 'small' : undefined}>
      <Tabs items={tabs} />
      <YearFactsDrawer
        memberId={memberId}
        memberName={memberName}
        year={editYear ?? businessYear}
        open={editYear !== null}
        onClose={() => setEditYear(null)}
      />
    </Card>
  );
}
