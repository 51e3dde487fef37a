// The campaigns the user takes part in, each leading to one module's page for it (Hội nghị, Xếp
// loại, …): the sidebar's entry to a module that lives inside a campaign.
import { Card, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { PATHS } from '../../app/menu';
import { QueryError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { CAMPAIGN_STATUS_LABELS } from '../../../shared/campaign-vocabulary.js';
import { campaignKeys, fetchCampaigns, type CampaignSummary } from './api';

export function CampaignChooser({ title, crumb, linkTo }: { title: string; crumb: string; linkTo: (campaignId: string) => string }) {
  const { data, isPending, error, refetch } = useQuery({ queryKey: campaignKeys.list, queryFn: fetchCampaigns });
  return (
    <>
      <PageHeader title={title} crumbs={[{ title: 'Trang chủ', to: PATHS.home }, { title: crumb }]} />
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Card>
        <Table<CampaignSummary>
          rowKey="id"
          loading={isPending}
          dataSource={data?.items ?? []}
          pagination={false}
          locale={{ emptyText: 'Chưa có đợt kiểm điểm nào' }}
          columns={[
            { title: 'Năm', dataIndex: 'reviewYear', width: 80 },
            { title: 'Đợt kiểm điểm', key: 'title', render: (_, c) => <Link to={linkTo(c.id)}>{c.title}</Link> },
            { title: 'Cấp ủy chủ trì', dataIndex: 'ownerUnitName' },
            { title: 'Bộ quy định', dataIndex: 'ruleSetName' },
            {
              title: 'Trạng thái',
              dataIndex: 'status',
              render: (s: CampaignSummary['status']) => <Tag color={s === 'open' ? 'blue' : 'default'}>{CAMPAIGN_STATUS_LABELS[s]}</Tag>,
            },
          ]}
        />
      </Card>
    </>
  );
}
