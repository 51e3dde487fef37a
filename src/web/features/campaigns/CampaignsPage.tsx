// Kiểm điểm: the campaigns the user takes part in, newest year first; the organizer opens a new one.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, InputNumber, Input, Select, Switch, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { PATHS } from '../../app/menu';
import { useMe } from '../../app/session';
import { QueryError } from '../../components/feedback';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '../../../shared/campaign-vocabulary.js';
import { campaignKeys, fetchCampaigns, type CampaignSummary } from './api';

interface CreateValues {
  reviewYear: number;
  ownerUnitId: string;
  title?: string;
  appraisalForAll: boolean;
  cutoffDate?: dayjs.Dayjs;
}

export default function CampaignsPage() {
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { data, isPending, error, refetch } = useQuery({ queryKey: campaignKeys.list, queryFn: fetchCampaigns });
  // Organizers and the standing role of a committee open campaigns for it (design §2).
  const owners = me.grants.filter(
    (g) => (g.role === 'organizer' || g.role === 'standing') && ['committee', 'grassroots_party'].includes(g.unitKind),
  );
  const businessYear = Number(me.businessDate.slice(0, 4));

  return (
    <>
      <PageHeader
        title="Kiểm điểm, đánh giá, xếp loại"
        crumbs={[{ title: 'Trang chủ', to: PATHS.home }, { title: 'Kiểm điểm' }]}
        actions={
          owners.length > 0 ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Mở đợt kiểm điểm
            </Button>
          ) : null
        }
      />
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Card>
        <Table<CampaignSummary>
          rowKey="id"
          loading={isPending}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: 'Chưa có đợt kiểm điểm nào' }}
          columns={[
            { title: 'Năm', dataIndex: 'reviewYear', width: 80 },
            { title: 'Đợt kiểm điểm', dataIndex: 'title', render: (t: string, c) => <Link to={PATHS.campaign(c.id)}>{t}</Link> },
            { title: 'Cấp ủy chủ trì', dataIndex: 'ownerUnitName', responsive: ['md'] },
            {
              title: 'Bộ quy định',
              dataIndex: 'ruleSetName',
              responsive: ['lg'],
              render: (n: string, c) => <Link to={PATHS.ruleSet(c.ruleSetId)}>{n}</Link>,
            },
            {
              title: 'Trạng thái',
              dataIndex: 'status',
              render: (s: CampaignStatus) => <Tag color={s === 'open' ? 'processing' : 'default'}>{CAMPAIGN_STATUS_LABELS[s]}</Tag>,
            },
            {
              title: 'Chốt danh sách',
              dataIndex: 'snapshotAt',
              responsive: ['lg'],
              render: (d: string | null) => (d ? formatDate(d) : 'Chưa chốt'),
            },
          ]}
        />
      </Card>
      <FormModal<CreateValues>
        title="Mở đợt kiểm điểm"
        open={creating}
        onClose={() => setCreating(false)}
        successMessage="Đã mở đợt kiểm điểm"
        okText="Mở đợt"
        fields={['reviewYear', 'ownerUnitId', 'title', 'cutoffDate']}
        initialValues={{ reviewYear: businessYear, ownerUnitId: owners[0]?.unitId, appraisalForAll: false }}
        onSubmit={async (v) => {
          const r = await api.post<{ id: string }>('/api/campaigns', {
            ownerUnitId: v.ownerUnitId,
            reviewYear: v.reviewYear,
            title: v.title || undefined,
            config: { appraisalForAll: v.appraisalForAll },
            cutoffDate: v.cutoffDate ? v.cutoffDate.format('YYYY-MM-DD') : undefined,
          });
          await qc.invalidateQueries({ queryKey: campaignKeys.list });
          navigate(PATHS.campaign(r.id));
        }}
      >
        <Form.Item name="ownerUnitId" label="Cấp ủy chủ trì" rules={[{ required: true, message: 'Chọn cấp ủy chủ trì' }]}>
          <Select options={owners.map((g) => ({ value: g.unitId, label: g.unitName }))} />
        </Form.Item>
        <Form.Item
          name="reviewYear"
          label="Năm kiểm điểm"
          extra="Quy định áp dụng theo năm được kiểm điểm, không theo năm thực hiện."
          rules={[{ required: true, message: 'Nhập năm kiểm điểm' }]}
        >
          <InputNumber min={2008} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label="Tên đợt (để trống dùng tên mặc định)">
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="cutoffDate" label="Ngày mốc xác định đảng viên mới kết nạp (mặc định 31/12 của năm kiểm điểm)">
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="appraisalForAll" label="Ban Tổ chức thẩm định hồ sơ của tất cả đơn vị" valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
    </>
  );
}
