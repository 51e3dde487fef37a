// Quản trị › Bộ quy định theo năm (issue 3 item 1): the periods of the rules, each with its years,
// documents and how a level is reached; the set applies by the year reviewed, not the year it runs.
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { PATHS } from '../../app/menu';
import { QueryError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { SCORING_SHORT, ruleSetKeys, yearsText, type RuleSetSummary } from './labels';
import { UnconfirmedTag } from './SourceTag';

export default function RuleSetsPage() {
  const { data, isPending, error, refetch } = useQuery({
    queryKey: ruleSetKeys.list,
    queryFn: () => api.get<{ items: RuleSetSummary[] }>('/api/rule-sets'),
  });
  return (
    <>
      <PageHeader
        title="Bộ quy định theo năm đánh giá"
        crumbs={[{ title: 'Trang chủ', to: PATHS.home }, { title: 'Bộ quy định theo năm' }]}
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="Quy định được chọn theo năm được kiểm điểm, không theo năm thực hiện: kiểm điểm năm 2024 (làm vào đầu năm 2025) vẫn theo QĐ 124 và HD 25."
      />
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Card>
          <Table<RuleSetSummary>
            rowKey="id"
            loading={isPending}
            dataSource={data?.items ?? []}
            pagination={false}
            scroll={{ x: 860 }}
            locale={{ emptyText: 'Chưa có bộ quy định nào' }}
            columns={[
              { title: 'Năm đánh giá', dataIndex: 'years', width: 140, render: (y: RuleSetSummary['years']) => yearsText(y) },
              { title: 'Bộ quy định', dataIndex: 'name', render: (n: string, rs) => <Link to={PATHS.ruleSet(rs.id)}>{n}</Link> },
              {
                title: 'Văn bản',
                dataIndex: 'documents',
                width: 330,
                responsive: ['md'],
                render: (docs: RuleSetSummary['documents']) => (
                  <Space orientation="vertical" size={2}>
                    {docs.map((d) => (
                      <Space key={d.document} size={4} wrap>
                        <Typography.Text>{d.document}</Typography.Text>
                        {d.unconfirmed ? <UnconfirmedTag note={d.note} /> : null}
                      </Space>
                    ))}
                  </Space>
                ),
              },
              {
                title: 'Cách xếp loại',
                dataIndex: 'scoring',
                width: 150,
                render: (s: RuleSetSummary['scoring']) => (
                  <Tag color={s === 'points' ? 'blue' : s === 'grades' ? 'geekblue' : 'default'}>{SCORING_SHORT[s]}</Tag>
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
