// The lists of candidates for commendation that follow from the decisions (regulations §2.1, §2.2
// "Reward", §3.1 bước 10, §11.5 item 14): organizations at the top level, members at the top level,
// and both five years running.
import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { PATHS } from '../../app/menu';
import { PageSpin, QueryError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import type { CommendationEntry } from '../../../shared/contracts/classification.js';
import { SourceTag } from '../rule-sets/SourceTag';
import { classificationKeys, fetchCommendations } from './api';

export default function CommendationsPage() {
  const { campaignId = '' } = useParams();
  const { data, isPending, error, refetch } = useQuery({
    queryKey: classificationKeys.commendations(campaignId),
    queryFn: () => fetchCommendations(campaignId),
  });
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageHeader
        title={`Danh sách đề nghị khen thưởng năm ${data.reviewYear}`}
        crumbs={[
          { title: 'Trang chủ', to: PATHS.home },
          { title: 'Xếp loại', to: PATHS.classification },
          { title: 'Đợt kiểm điểm', to: PATHS.classificationCampaign(campaignId) },
          { title: 'Khen thưởng' },
        ]}
      />
      <Flex vertical gap={16}>
        {data.lists.map((list) => (
          <Card key={list.key} title={`${list.title} (${list.items.length})`}>
            <Typography.Paragraph type="secondary">{list.explanation}</Typography.Paragraph>
            <SourceTag source={list.source} />
            <Table<CommendationEntry>
              style={{ marginTop: 8 }}
              rowKey={(e) => `${e.subjectKind}:${e.subjectKey}`}
              size="small"
              dataSource={list.items}
              pagination={list.items.length > 50 ? { pageSize: 50 } : false}
              locale={{ emptyText: 'Không có trường hợp nào' }}
              columns={[
                { title: 'Tên', dataIndex: 'name' },
                ...(list.key.startsWith('members') ? [{ title: 'Chi bộ', dataIndex: 'unitName' }] : []),
                {
                  title: 'Quyết định',
                  key: 'decision',
                  render: (_: unknown, e: CommendationEntry) =>
                    `${e.decisionNumber ?? ''} ${e.decisionDate ? `ngày ${formatDate(e.decisionDate)}` : ''}`,
                },
                {
                  title: 'Các năm',
                  key: 'years',
                  render: (_: unknown, e: CommendationEntry) => e.years.join(', '),
                },
                {
                  title: '',
                  key: 'published',
                  render: (_: unknown, e: CommendationEntry) =>
                    e.published ? <Tag color="success">Đã công bố</Tag> : <Tag>Chưa công bố</Tag>,
                },
              ]}
            />
          </Card>
        ))}
      </Flex>
    </>
  );
}
