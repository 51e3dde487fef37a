// The frozen population (issue 3 item 2): who is reviewed, who is not classified, who is left out
// and why; changes after the snapshot are explicit, with a note.
import { Button, Card, Form, Input, Segmented, Select, Switch, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, withQuery } from '../../api/client';
import { PATHS } from '../../app/menu';
import { QueryError } from '../../components/feedback';
import { FormModal } from '../../components/FormModal';
import { MemberPicker } from '../../components/MemberPicker';
import { POPULATION_REASONS, POPULATION_REASON_LABELS, type PopulationReason } from '../../../shared/campaign-vocabulary.js';
import { campaignKeys, invalidateCampaign, type CampaignDetail } from './api';

interface Row {
  memberId: string;
  fullName: string;
  unitName: string;
  included: boolean;
  classified: boolean;
  reason: PopulationReason | null;
  note: string | null;
  formerUnitName: string | null;
  source: 'snapshot' | 'manual';
}

interface ChangeValues {
  memberId: string;
  included: boolean;
  classified: boolean;
  reason?: PopulationReason;
  note: string;
}

type Filter = 'all' | 'excluded' | 'not_classified' | 'manual';

export function PopulationPanel({ campaign }: { campaign: CampaignDetail }) {
  const qc = useQueryClient();
  const [filter, setFilter] = useState<Filter>('all');
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const [changing, setChanging] = useState<Partial<ChangeValues> | null>(null);
  const params = { filter, ...paging };
  const { data, isPending, error, refetch } = useQuery({
    queryKey: campaignKeys.population(campaign.id, params),
    queryFn: () => api.get<{ items: Row[]; total: number }>(withQuery(`/api/campaigns/${campaign.id}/population`, params)),
    placeholderData: (prev) => prev,
  });
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Card size="small">
      <Segmented<Filter>
        style={{ marginBottom: 12 }}
        value={filter}
        onChange={(v) => {
          setFilter(v);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        options={[
          { value: 'all', label: 'Tất cả' },
          { value: 'excluded', label: 'Không kiểm điểm' },
          { value: 'not_classified', label: 'Không xếp loại' },
          { value: 'manual', label: 'Điều chỉnh sau khi chốt' },
        ]}
      />
      {campaign.abilities.manage ? (
        <Button style={{ marginLeft: 8 }} onClick={() => setChanging({ included: true, classified: true })}>
          Điều chỉnh một đảng viên
        </Button>
      ) : null}
      <Table<Row>
        rowKey="memberId"
        size="middle"
        loading={isPending}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? 0,
          showTotal: (n) => `${n.toLocaleString('vi-VN')} đảng viên`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName', render: (n: string, r) => <Link to={PATHS.member(r.memberId)}>{n}</Link> },
          { title: 'Chi bộ', dataIndex: 'unitName', responsive: ['md'] },
          {
            title: 'Tình trạng',
            key: 'state',
            render: (_: unknown, r) =>
              !r.included ? (
                <Tag color="default">Không kiểm điểm</Tag>
              ) : !r.classified ? (
                <Tag color="orange">Kiểm điểm, không xếp loại</Tag>
              ) : (
                <Tag color="green">Kiểm điểm, xếp loại</Tag>
              ),
          },
          { title: 'Lý do', dataIndex: 'reason', render: (r: PopulationReason | null) => (r ? POPULATION_REASON_LABELS[r] : '') },
          { title: 'Chi bộ trước khi chuyển', dataIndex: 'formerUnitName', responsive: ['lg'] },
          { title: 'Ghi chú', dataIndex: 'note', responsive: ['lg'] },
          ...(campaign.abilities.manage
            ? [
                {
                  title: '',
                  key: 'edit',
                  render: (_: unknown, r: Row) => (
                    <Button
                      size="small"
                      onClick={() =>
                        setChanging({ memberId: r.memberId, included: r.included, classified: r.classified, reason: r.reason ?? undefined })
                      }
                    >
                      Điều chỉnh
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<ChangeValues>
        title="Điều chỉnh danh sách sau khi chốt"
        open={changing !== null}
        onClose={() => setChanging(null)}
        initialValues={changing ?? undefined}
        successMessage="Đã điều chỉnh danh sách"
        fields={['memberId', 'note', 'reason']}
        onSubmit={async (v) => {
          await api.post(`/api/campaigns/${campaign.id}/population`, { ...v, reason: v.reason ?? null });
          await invalidateCampaign(qc, campaign.id);
        }}
      >
        <Form.Item name="memberId" label="Đảng viên" rules={[{ required: true, message: 'Chọn đảng viên' }]}>
          <MemberPicker />
        </Form.Item>
        <Form.Item name="included" label="Được kiểm điểm" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="classified" label="Được xếp loại" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="reason" label="Lý do (khi không kiểm điểm hoặc không xếp loại)">
          <Select allowClear options={POPULATION_REASONS.map((r) => ({ value: r, label: POPULATION_REASON_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú (căn cứ, quyết định)" rules={[{ required: true, message: 'Cần ghi rõ căn cứ điều chỉnh' }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
