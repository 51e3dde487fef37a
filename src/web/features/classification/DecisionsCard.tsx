// The decisions of a unit (or of the whole campaign) with their publication (regulations §3.1 bước
// 7; QĐ 366 Điều 15): results become visible to their subjects only once published.
import { Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DECISION_KIND_LABELS } from '../../../shared/campaign-vocabulary.js';
import { QueryError, useNotify } from '../../components/feedback';
import { formatDate, formatDateTime } from '../../format';
import { afterWrite, classificationKeys, fetchDecisions, publishDecision, type DecisionView } from './api';

export function DecisionsCard({ campaignId, unitId }: { campaignId: string; unitId?: string }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const { data, isPending, error, refetch } = useQuery({
    queryKey: classificationKeys.decisions(campaignId, unitId),
    queryFn: () => fetchDecisions(campaignId, unitId),
  });

  async function publish(d: DecisionView) {
    setBusy(d.id);
    try {
      const r = await publishDecision(d);
      notify.success(`Đã công bố quyết định ${r.number}; đảng viên được thông báo kết quả của mình.`);
      await afterWrite(qc, campaignId);
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card title="Quyết định xếp loại" style={{ marginTop: 16 }} data-testid="decisions">
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table<DecisionView>
        rowKey="id"
        size="small"
        loading={isPending}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'Chưa có quyết định nào' }}
        columns={[
          { title: 'Số', dataIndex: 'number' },
          { title: 'Ngày', dataIndex: 'date', render: (v: string) => formatDate(v) },
          { title: 'Loại', dataIndex: 'kind', render: (v: DecisionView['kind']) => DECISION_KIND_LABELS[v] },
          { title: 'Cấp quyết định', dataIndex: 'decidingUnitName' },
          {
            title: 'Số đối tượng',
            key: 'count',
            render: (_, d) => (
              <>
                {d.itemCount}
                {d.overrideCount > 0 ? (
                  <Typography.Text type="warning" style={{ marginLeft: 6 }}>
                    ({d.overrideCount} trái điều kiện, có lý do)
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            title: 'Công bố',
            key: 'status',
            render: (_, d) =>
              d.status === 'published' ? (
                <Tag color="success">Đã công bố {formatDateTime(d.publishedAt)}</Tag>
              ) : d.canPublish ? (
                <Popconfirm
                  title="Công bố quyết định này?"
                  description="Sau khi công bố, người được xếp loại xem được kết quả và được thông báo."
                  okText="Công bố"
                  cancelText="Hủy"
                  onConfirm={() => void publish(d)}
                >
                  <Button type="primary" size="small" loading={busy === d.id}>
                    Công bố
                  </Button>
                </Popconfirm>
              ) : (
                <Tag>Chưa công bố</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
