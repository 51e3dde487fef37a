// A campaign (issue 3 items 2, 3, 4, 8): milestones against the business date, the cockpit, and the
// tabs of the plan, assignments, suggested points, the population and the settings.
import { CameraOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Modal, Space, Steps, Tabs, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { PATHS } from '../../app/menu';
import { PageSpin, QueryError, useNotify } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDateTime } from '../../format';
import { CAMPAIGN_STATUS_LABELS } from '../../../shared/campaign-vocabulary.js';
import PlanTab from '../planning/PlanTab';
import AssignmentsTab from '../planning/AssignmentsTab';
import SuggestionsTab from '../planning/SuggestionsTab';
import { campaignKeys, fetchCampaign, invalidateCampaign, type CampaignDetail } from './api';
import { CockpitPanel } from './CockpitPanel';
import { PopulationPanel } from './PopulationPanel';
import { CampaignSettings } from './CampaignSettings';

function Milestones({ campaign }: { campaign: CampaignDetail }) {
  if (campaign.milestones.length === 0) return <Typography.Text type="secondary">Chưa đặt mốc thời gian.</Typography.Text>;
  const current = campaign.milestones.findIndex((m) => !m.overdue);
  return (
    <Steps
      size="small"
      responsive
      current={current === -1 ? campaign.milestones.length : current}
      items={campaign.milestones.map((m) => ({
        title: m.label,
        description: (
          <span>
            {formatDate(m.dueDate)}
            {m.overdue ? ' · đã qua' : m.daysLeft <= 7 ? ` · còn ${m.daysLeft} ngày` : ''}
          </span>
        ),
      }))}
    />
  );
}

function SnapshotButton({ campaign }: { campaign: CampaignDetail }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<CameraOutlined />}
      loading={busy}
      onClick={() =>
        Modal.confirm({
          title: 'Chốt danh sách đơn vị và đảng viên?',
          content:
            'Danh sách được chốt theo tổ chức và đảng viên hiện có. Đảng viên miễn sinh hoạt, đình chỉ sinh hoạt, mới kết nạp được xử lý theo quy định của năm kiểm điểm. Sau khi chốt, mọi thay đổi phải thực hiện từng trường hợp, có ghi chú.',
          okText: 'Chốt danh sách',
          cancelText: 'Hủy',
          onOk: async () => {
            setBusy(true);
            try {
              const r = await api.post<{ units: number; members: number; excluded: number; notClassified: number }>(
                `/api/campaigns/${campaign.id}/snapshot`,
              );
              notify.success(
                `Đã chốt ${r.units.toLocaleString('vi-VN')} đơn vị, ${r.members.toLocaleString('vi-VN')} đảng viên (${r.excluded.toLocaleString('vi-VN')} không kiểm điểm).`,
              );
              await invalidateCampaign(qc, campaign.id);
            } catch (e) {
              notify.error(e);
            } finally {
              setBusy(false);
            }
          },
        })
      }
    >
      Chốt danh sách
    </Button>
  );
}

export default function CampaignPage() {
  const { campaignId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? 'progress';
  const {
    data: c,
    isPending,
    error,
    refetch,
  } = useQuery({ queryKey: campaignKeys.detail(campaignId), queryFn: () => fetchCampaign(campaignId) });
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;

  const tabs = [
    { key: 'progress', label: 'Tiến độ', children: c.snapshotAt ? <CockpitPanel campaign={c} /> : null },
    { key: 'plan', label: 'Kế hoạch', children: <PlanTab campaignId={c.id} /> },
    { key: 'assignments', label: 'Phân công', children: <AssignmentsTab campaignId={c.id} /> },
    { key: 'suggestions', label: 'Gợi ý kiểm điểm', children: <SuggestionsTab campaignId={c.id} /> },
    ...(c.snapshotAt ? [{ key: 'population', label: 'Danh sách đảng viên', children: <PopulationPanel campaign={c} /> }] : []),
    ...(c.abilities.manage
      ? [{ key: 'settings', label: 'Thiết lập', icon: <SettingOutlined />, children: <CampaignSettings campaign={c} /> }]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={c.title}
        crumbs={[{ title: 'Kiểm điểm', to: PATHS.campaigns }, { title: `Năm ${c.reviewYear}` }]}
        tags={
          <Space size={4} wrap>
            <Tag color={c.status === 'open' ? 'processing' : 'default'}>{CAMPAIGN_STATUS_LABELS[c.status]}</Tag>
            <Tag>
              <Link to={PATHS.ruleSet(c.ruleSetId)}>{c.ruleSetName}</Link>
            </Tag>
          </Space>
        }
        actions={c.abilities.manage && !c.snapshotAt ? <SnapshotButton campaign={c} /> : null}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, xl: 3 }}
          items={[
            { key: 'owner', label: 'Cấp ủy chủ trì', children: c.ownerUnitName },
            { key: 'units', label: 'Đơn vị', children: c.population.units.toLocaleString('vi-VN') },
            { key: 'members', label: 'Đảng viên được kiểm điểm', children: c.population.members.toLocaleString('vi-VN') },
            {
              key: 'out',
              label: 'Không kiểm điểm / không xếp loại',
              children: `${c.population.excluded.toLocaleString('vi-VN')} / ${c.population.notClassified.toLocaleString('vi-VN')}`,
            },
            {
              key: 'plan',
              label: 'Kế hoạch',
              children: c.planStatus === 'approved' ? `Đã phê duyệt ${formatDateTime(c.planApprovedAt)}` : 'Chưa phê duyệt',
            },
            { key: 'snapshot', label: 'Chốt danh sách', children: c.snapshotAt ? formatDateTime(c.snapshotAt) : 'Chưa chốt' },
          ]}
        />
        <div style={{ marginTop: 12 }}>
          <Milestones campaign={c} />
        </div>
      </Card>
      {!c.snapshotAt ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Đợt kiểm điểm chưa chốt danh sách đơn vị và đảng viên"
          description={c.abilities.manage ? 'Sau khi ban hành kế hoạch, hãy bấm "Chốt danh sách" để bắt đầu theo dõi tiến độ.' : undefined}
        />
      ) : null}
      <Tabs
        activeKey={tabs.some((t) => t.key === tab) ? tab : tabs[0].key}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        items={tabs}
        destroyOnHidden
      />
    </>
  );
}
