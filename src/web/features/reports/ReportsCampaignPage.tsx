// One campaign's reports (issue 5): the dashboards, the official documents with their preview, the
// document register and the Excel exports, as tabs kept in the address (?tab=…) so a link opens the
// same tab.
import { Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router-dom';
import { PATHS } from '../../app/menu';
import { PageHeader } from '../../components/PageHeader';
import { campaignKeys, fetchCampaign } from '../campaigns/api';
import DashboardTab from './DashboardTab';
import DocumentsTab from './DocumentsTab';
import ExportsTab from './ExportsTab';
import RegisterTab from './RegisterTab';

const TABS = ['tong-quan', 'van-ban', 'so-van-ban', 'excel'] as const;

export default function ReportsCampaignPage() {
  const { campaignId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const tab = TABS.find((t) => t === search.get('tab')) ?? 'tong-quan';
  const { data } = useQuery({ queryKey: campaignKeys.detail(campaignId), queryFn: () => fetchCampaign(campaignId) });
  return (
    <>
      <PageHeader
        title={data ? `Báo cáo: ${data.title}` : 'Báo cáo'}
        crumbs={[{ title: 'Trang chủ', to: PATHS.home }, { title: 'Báo cáo', to: PATHS.reports }, { title: data?.title ?? '…' }]}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'tong-quan', label: 'Tổng quan', children: <DashboardTab campaignId={campaignId} /> },
          { key: 'van-ban', label: 'Văn bản', children: <DocumentsTab campaignId={campaignId} /> },
          { key: 'so-van-ban', label: 'Sổ văn bản', children: <RegisterTab campaignId={campaignId} /> },
          { key: 'excel', label: 'Xuất Excel', children: <ExportsTab campaignId={campaignId} /> },
        ]}
      />
    </>
  );
}
